package io.xrelay.relayer.xcm.tracker;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.xrelay.relayer.work.WorkHandler;
import io.xrelay.relayer.work.WorkOutcome;
import io.xrelay.store.WorkItem;
import java.net.URI;

/**
 * Posts journey updates to a webhook: each work item's payload is {@code {"url", "body"}}; a 2xx
 * answer confirms it, anything else (or no answer) is retried by the pipeline with backoff.
 */
public final class WebhookDelivery implements WorkHandler {
  private static final long TIMEOUT_MILLIS = 10_000;

  private final HttpClient http;

  public WebhookDelivery(final Vertx vertx) {
    this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
  }

  @Override
  public Future<WorkOutcome> process(final WorkItem item) {
    final JsonObject payload = new JsonObject(item.payload());
    final URI url = URI.create(payload.getString("url"));
    final RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(url.toString())
            .putHeader("content-type", "application/json")
            .putHeader("x-xrelay-delivery", item.id())
            .setTimeout(TIMEOUT_MILLIS);
    return http.request(request)
        .compose(r -> r.send(Buffer.buffer(payload.getJsonObject("body").encode())))
        .compose(
            response ->
                response
                    .body()
                    .map(
                        body ->
                            response.statusCode() / 100 == 2
                                ? (WorkOutcome)
                                    new WorkOutcome.Confirmed(
                                        url + " answered " + response.statusCode())
                                : new WorkOutcome.Transient(
                                    url + " answered " + response.statusCode())))
        .otherwise(error -> new WorkOutcome.Transient(url + ": " + error.getMessage()));
  }

  /** Delivering twice is harmless for a receiver keyed by the delivery id, so redo it. */
  @Override
  public Future<WorkOutcome> reconcile(final WorkItem item) {
    return process(item);
  }

  public Future<Void> close() {
    return http.close();
  }
}
