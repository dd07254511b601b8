package io.xrelay.relayer.xcm.tracker;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.xrelay.store.journey.JourneyOutcome;
import io.xrelay.store.journey.JourneyQuery;
import io.xrelay.store.journey.JourneyStore;
import java.util.Locale;
import java.util.Optional;

/**
 * The journeys part of the HTTP API: {@code GET /api/v1/xcm/journeys?origin=&destination=&outcome=
 * &limit=}, {@code GET /api/v1/xcm/journeys/{id}} (by message id or any id a chain reported) and
 * the server-sent event stream {@code GET /api/v1/xcm/events} (one {@code journey} event per
 * change).
 */
public final class XcmJourneyApi {
  private static final int MAX_LIST = 500;
  private static final long KEEP_ALIVE_MILLIS = 15_000;

  private final JourneyStore store;
  private final JourneyEvents events;

  public XcmJourneyApi(final JourneyStore store, final JourneyEvents events) {
    this.store = store;
    this.events = events;
  }

  public void register(final Router router) {
    router.get("/api/v1/xcm/journeys").handler(this::list);
    router.get("/api/v1/xcm/journeys/:id").handler(this::one);
    router.get("/api/v1/xcm/events").handler(this::stream);
  }

  private void list(final RoutingContext ctx) {
    final Optional<String> origin = param(ctx, "origin");
    final Optional<String> destination = param(ctx, "destination");
    final Optional<String> outcomeParam = param(ctx, "outcome");
    final Optional<JourneyOutcome> outcome;
    try {
      outcome = outcomeParam.map(JourneyOutcome::ofLabel);
    } catch (IllegalArgumentException e) {
      fail(
          ctx,
          400,
          "outcome: '" + outcomeParam.get() + "' is not one of pending, success, fail, timeout");
      return;
    }
    final int limit;
    try {
      limit = Math.min(MAX_LIST, Integer.parseInt(param(ctx, "limit").orElse("100")));
    } catch (NumberFormatException e) {
      fail(ctx, 400, "limit: not a number");
      return;
    }
    if (limit < 1) {
      fail(ctx, 400, "limit: must be at least 1");
      return;
    }
    store
        .list(new JourneyQuery(origin, destination, outcome, limit))
        .onSuccess(found -> ctx.json(JourneyJson.list(found)))
        .onFailure(error -> fail(ctx, 503, error.getMessage()));
  }

  private void one(final RoutingContext ctx) {
    final String id = ctx.pathParam("id").toLowerCase(Locale.ROOT);
    store
        .get(id)
        .onSuccess(
            found -> {
              if (found.isEmpty()) {
                fail(ctx, 404, "no journey with id " + id);
              } else {
                ctx.json(JourneyJson.of(found.get()));
              }
            })
        .onFailure(error -> fail(ctx, 503, error.getMessage()));
  }

  private void stream(final RoutingContext ctx) {
    final HttpServerResponse response = ctx.response();
    response
        .setChunked(true)
        .putHeader("content-type", "text/event-stream")
        .putHeader("cache-control", "no-cache")
        .putHeader("connection", "keep-alive");
    response.write(": xrelay journeys\n\n");
    final var vertx = ctx.vertx();
    final Context context = vertx.getOrCreateContext();
    final Runnable unsubscribe =
        events.subscribe(
            update ->
                context.runOnContext(
                    v -> {
                      if (!response.closed() && !response.ended()) {
                        response.write(
                            "event: journey\nid: "
                                + update.getJsonObject("journey").getString("messageId")
                                + "\ndata: "
                                + update.encode()
                                + "\n\n");
                      }
                    }));
    final long keepAlive =
        vertx.setPeriodic(
            KEEP_ALIVE_MILLIS,
            t -> {
              if (!response.closed() && !response.ended()) {
                response.write(": keep-alive\n\n");
              }
            });
    response.closeHandler(
        v -> {
          unsubscribe.run();
          vertx.cancelTimer(keepAlive);
        });
  }

  private static Optional<String> param(final RoutingContext ctx, final String name) {
    return Optional.ofNullable(ctx.queryParams().get(name))
        .map(String::strip)
        .filter(s -> !s.isEmpty());
  }

  private static void fail(final RoutingContext ctx, final int status, final String message) {
    ctx.response().setStatusCode(status);
    ctx.json(new JsonObject().put("error", message));
  }
}
