package io.xrelay.relayer.xcm.tracker;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Fans journey updates out to whoever listens (the SSE stream's open responses). */
public final class JourneyEvents {
  private final List<Consumer<JsonObject>> listeners = new CopyOnWriteArrayList<>();

  public Runnable subscribe(final Consumer<JsonObject> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  public void publish(final JsonObject update) {
    for (final Consumer<JsonObject> listener : listeners) {
      listener.accept(update);
    }
  }

  public int listeners() {
    return listeners.size();
  }
}
