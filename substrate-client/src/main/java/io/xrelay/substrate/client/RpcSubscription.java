package io.xrelay.substrate.client;

import io.vertx.core.Future;

/** A live subscription; it survives reconnects (the client subscribes again under a new id). */
public interface RpcSubscription {
  /** Unsubscribes; completing when the node confirmed, or at once if disconnected. */
  Future<Void> unsubscribe();
}
