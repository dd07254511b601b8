package io.xrelay.relayer.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import io.xrelay.relayer.chain.ChainStatus;
import io.xrelay.relayer.metrics.RelayerMetrics;
import io.xrelay.store.Transition;
import io.xrelay.store.WorkItem;
import io.xrelay.store.WorkQuery;
import io.xrelay.store.WorkState;
import io.xrelay.store.WorkStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The relayer's HTTP surface: health for probes, a JSON API for operators and the dashboard, admin
 * actions behind a bearer token, and Prometheus metrics.
 */
public final class HttpApi {
  private static final int MAX_LIST = 500;

  /** What the API shows of the running service. */
  public interface ServiceView {
    List<ChainStatus> chains();

    List<RouteStatus> routes();

    /**
     * Asks the beefy-to-ethereum route {@code route} for a root covering {@code block}; fails with
     * {@link java.util.NoSuchElementException} when no such route runs here.
     */
    default Future<io.xrelay.relayer.route.beefy.RootDemand> demandBeefyRoot(
        final String route, final long block) {
      return Future.failedFuture(
          new java.util.NoSuchElementException("no beefy-to-ethereum route " + route));
    }
  }

  /** One route as the API shows it. */
  public record RouteStatus(
      String name, String kind, String source, String target, boolean owned) {}

  private final Vertx vertx;
  private final WorkStore store;
  private final RelayerMetrics metrics;
  private final ServiceView service;
  private final Optional<String> adminToken;
  private final Supplier<Boolean> stopping;
  private HttpServer server;
  private final List<Consumer<Router>> extensions = new CopyOnWriteArrayList<>();

  public HttpApi(
      final Vertx vertx,
      final WorkStore store,
      final RelayerMetrics metrics,
      final ServiceView service,
      final Optional<String> adminToken,
      final Supplier<Boolean> stopping) {
    this.vertx = vertx;
    this.store = store;
    this.metrics = metrics;
    this.service = service;
    this.adminToken = adminToken;
    this.stopping = stopping;
  }

  public Router router() {
    final Router router = Router.router(vertx);
    router.get("/health/live").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
    router.get("/health/ready").handler(this::ready);
    router
        .get("/metrics")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                    .end(metrics.scrape()));
    router.get("/api/v1/chains").handler(ctx -> ctx.json(chainsJson()));
    router.get("/api/v1/routes").handler(this::routes);
    router.get("/api/v1/items").handler(this::items);
    // Item ids contain slashes (kusama-beefy/block/42): the rest of the path is the id.
    router.getWithRegex("/api/v1/items/(?<id>.+)").handler(this::item);
    router.postWithRegex("/api/v1/items/(?<id>.+)/retry").handler(this::retry);
    router.deleteWithRegex("/api/v1/items/(?<id>.+)").handler(this::delete);
    router.post("/api/v1/routes/:name/beefy-root").handler(this::demandBeefyRoot);
    extensions.forEach(extension -> extension.accept(router));
    // The dashboard: static files from the jar, reading the API above.
    router.get("/").handler(ctx -> ctx.redirect("/dashboard/"));
    router
        .route("/dashboard/*")
        .handler(StaticHandler.create("dashboard").setCachingEnabled(false));
    return router;
  }

  /** Adds routes of another part of the service (before {@link #listen}). */
  public void extend(final Consumer<Router> routes) {
    extensions.add(routes);
  }

  public Future<HttpServer> listen(final String host, final int port) {
    return vertx
        .createHttpServer()
        .requestHandler(router())
        .listen(port, host)
        .onSuccess(started -> server = started);
  }

  public int actualPort() {
    return server == null ? -1 : server.actualPort();
  }

  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void ready(final RoutingContext ctx) {
    final JsonArray reasons = new JsonArray();
    if (stopping.get()) {
      reasons.add("the service is stopping");
    }
    for (final ChainStatus chain : service.chains()) {
      if (!chain.connected()) {
        reasons.add(chain.name() + ": not connected to " + chain.endpoint());
      } else if (!chain.caughtUp()) {
        reasons.add(
            chain.name() + ": no finalized block for " + chain.secondsSinceFinalized() + " s");
      }
    }
    final boolean ready = reasons.isEmpty();
    ctx.response().setStatusCode(ready ? 200 : 503);
    ctx.json(new JsonObject().put("status", ready ? "UP" : "DOWN").put("reasons", reasons));
  }

  private JsonArray chainsJson() {
    final JsonArray chains = new JsonArray();
    for (final ChainStatus chain : service.chains()) {
      chains.add(
          new JsonObject()
              .put("name", chain.name())
              .put("kind", chain.kind())
              .put("connected", chain.connected())
              .put("endpoint", chain.endpoint())
              .put("finalizedBlock", chain.finalizedBlock())
              .put("secondsSinceFinalized", chain.secondsSinceFinalized())
              .put("caughtUp", chain.caughtUp()));
    }
    return chains;
  }

  private void routes(final RoutingContext ctx) {
    final List<RouteStatus> routes = service.routes();
    Future.all(routes.stream().map(route -> store.countByState(route.name())).toList())
        .onSuccess(
            all -> {
              final JsonArray out = new JsonArray();
              for (int i = 0; i < routes.size(); i++) {
                final RouteStatus route = routes.get(i);
                final JsonObject counts = new JsonObject();
                all.<java.util.Map<WorkState, Long>>resultAt(i)
                    .forEach((state, count) -> counts.put(lower(state), count));
                out.add(
                    new JsonObject()
                        .put("name", route.name())
                        .put("kind", route.kind())
                        .put("source", route.source())
                        .put("target", route.target())
                        .put("owned", route.owned())
                        .put("items", counts));
              }
              ctx.json(out);
            })
        .onFailure(error -> fail(ctx, 503, error.getMessage()));
  }

  private void items(final RoutingContext ctx) {
    final Optional<String> route =
        Optional.ofNullable(ctx.queryParams().get("route")).filter(s -> !s.isBlank());
    final String stateParam = ctx.queryParams().get("state");
    final Optional<WorkState> state;
    try {
      state =
          stateParam == null || stateParam.isBlank()
              ? Optional.empty()
              : Optional.of(WorkState.valueOf(stateParam.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      fail(
          ctx,
          400,
          "state: '"
              + stateParam
              + "' is not one of pending, in_flight, submitted, confirmed, failed, dead");
      return;
    }
    final int limit;
    try {
      limit =
          Math.min(
              MAX_LIST,
              Integer.parseInt(Optional.ofNullable(ctx.queryParams().get("limit")).orElse("100")));
    } catch (NumberFormatException e) {
      fail(ctx, 400, "limit: not a number");
      return;
    }
    store
        .list(new WorkQuery(route, state, limit))
        .onSuccess(items -> ctx.json(new JsonArray(items.stream().map(HttpApi::itemJson).toList())))
        .onFailure(error -> fail(ctx, 503, error.getMessage()));
  }

  private void item(final RoutingContext ctx) {
    store
        .get(ctx.pathParam("id"))
        .onSuccess(
            found ->
                found.ifPresentOrElse(
                    item -> ctx.json(itemJson(item)),
                    () -> fail(ctx, 404, "no item " + ctx.pathParam("id"))))
        .onFailure(error -> fail(ctx, 503, error.getMessage()));
  }

  private void retry(final RoutingContext ctx) {
    if (!authorized(ctx)) {
      return;
    }
    store
        .get(ctx.pathParam("id"))
        .compose(
            found -> {
              if (found.isEmpty()) {
                return Future.succeededFuture(404);
              }
              final WorkItem item = found.get();
              if (item.state() != WorkState.DEAD && item.state() != WorkState.FAILED) {
                return Future.succeededFuture(409);
              }
              return store
                  .transition(Transition.of(item, WorkState.PENDING))
                  .map(moved -> moved.isPresent() ? 202 : 409);
            })
        .onSuccess(
            status -> {
              if (status == 202) {
                ctx.response().setStatusCode(202);
                ctx.json(new JsonObject().put("id", ctx.pathParam("id")).put("state", "pending"));
              } else if (status == 404) {
                fail(ctx, 404, "no item " + ctx.pathParam("id"));
              } else {
                fail(ctx, 409, "only dead or failed items can be retried");
              }
            })
        .onFailure(error -> fail(ctx, 503, error.getMessage()));
  }

  /**
   * {@code POST /api/v1/routes/{name}/beefy-root?block=N}: a root covering block N, ahead of the
   * route's interval (it spends gas, so it is an admin action).
   */
  private void demandBeefyRoot(final RoutingContext ctx) {
    if (!authorized(ctx)) {
      return;
    }
    final String name = ctx.pathParam("name");
    final long block;
    try {
      block = Long.parseLong(String.valueOf(ctx.queryParams().get("block")));
    } catch (NumberFormatException e) {
      fail(ctx, 400, "query parameter block: a block number is required");
      return;
    }
    service
        .demandBeefyRoot(name, block)
        .onSuccess(
            demand -> {
              ctx.response()
                  .setStatusCode(
                      demand.outcome()
                              == io.xrelay.relayer.route.beefy.RootDemand.Outcome.ALREADY_COVERED
                          ? 200
                          : 202);
              ctx.json(
                  new JsonObject()
                      .put("route", name)
                      .put("block", demand.block())
                      .put("outcome", demand.outcome().name().toLowerCase(Locale.ROOT))
                      .put("update", demand.update())
                      .put("contractLatest", demand.contractLatest()));
            })
        .onFailure(
            error -> {
              if (error instanceof java.util.NoSuchElementException) {
                fail(ctx, 404, error.getMessage());
              } else if (error instanceof IllegalArgumentException) {
                fail(ctx, 400, "query parameter block: " + error.getMessage());
              } else {
                fail(ctx, 503, String.valueOf(error.getMessage()));
              }
            });
  }

  private void delete(final RoutingContext ctx) {
    if (!authorized(ctx)) {
      return;
    }
    store
        .delete(ctx.pathParam("id"))
        .onSuccess(
            deleted -> {
              if (deleted) {
                ctx.response().setStatusCode(204).end();
              } else {
                fail(ctx, 404, "no item " + ctx.pathParam("id"));
              }
            })
        .onFailure(error -> fail(ctx, 503, error.getMessage()));
  }

  /** Constant-time comparison; without a configured token the admin actions are disabled. */
  private boolean authorized(final RoutingContext ctx) {
    if (adminToken.isEmpty()) {
      fail(ctx, 403, "admin actions are disabled: no admin token is configured");
      return false;
    }
    final String header = Optional.ofNullable(ctx.request().getHeader("Authorization")).orElse("");
    final byte[] given =
        header.startsWith("Bearer ")
            ? header.substring(7).getBytes(StandardCharsets.UTF_8)
            : new byte[0];
    if (!MessageDigest.isEqual(given, adminToken.get().getBytes(StandardCharsets.UTF_8))) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      fail(ctx, 401, "a valid admin bearer token is required");
      return false;
    }
    return true;
  }

  static JsonObject itemJson(final WorkItem item) {
    return new JsonObject()
        .put("id", item.id())
        .put("route", item.route())
        .put("state", lower(item.state()))
        .put("attempts", item.attempts())
        .put("txHash", item.txHash().orElse(null))
        .put("lastError", item.lastError().orElse(null))
        .put("retryAt", item.retryAt().map(Object::toString).orElse(null))
        .put("createdAt", item.createdAt().toString())
        .put("updatedAt", item.updatedAt().toString());
  }

  private static String lower(final WorkState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  private static void fail(final RoutingContext ctx, final int status, final String message) {
    ctx.response().setStatusCode(status);
    ctx.json(new JsonObject().put("error", message));
  }
}
