package io.xrelay.substrate.client;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xrelay.substrate.events.EventRecord;
import io.xrelay.substrate.extrinsic.DispatchError;
import io.xrelay.substrate.extrinsic.Era;
import io.xrelay.substrate.extrinsic.SignedExtrinsic;
import io.xrelay.substrate.extrinsic.SigningParameters;
import io.xrelay.substrate.keys.Ss58;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.value.Value;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Submits signed extrinsics with {@code author_submitAndWatchExtrinsic} and reports what became of
 * them, reading the events of the block that included them with that block's metadata.
 */
public final class ExtrinsicSubmitter {
  private static final long MORTAL_PERIOD = 64;

  private final Vertx vertx;
  private final SubstrateClient client;

  public ExtrinsicSubmitter(final Vertx vertx, final SubstrateClient client) {
    this.vertx = vertx;
    this.client = client;
  }

  /**
   * Everything the signature commits to, read from the chain: genesis hash, the runtime's versions
   * at the finalized head, the account's next nonce (pool included) and a mortal era from that
   * head.
   */
  public Future<SigningParameters> signingParameters(final byte[] accountId) {
    return client
        .finalizedHead()
        .compose(
            head ->
                Future.all(
                        client.header(head),
                        client.runtimeVersion(head),
                        client.blockHash(0),
                        nonce(accountId))
                    .compose(
                        all -> {
                          final long number =
                              all.<io.xrelay.substrate.block.BlockHeader>resultAt(0).number();
                          final RuntimeVersion version = all.resultAt(1);
                          final String genesis = all.resultAt(2);
                          final long nonce = all.resultAt(3);
                          final Era era = Era.mortal(MORTAL_PERIOD, number);
                          return client
                              .blockHash(era.birth(number))
                              .map(
                                  birthHash ->
                                      new SigningParameters(
                                          genesis,
                                          version.specVersion(),
                                          version.transactionVersion(),
                                          nonce,
                                          BigInteger.ZERO,
                                          era,
                                          birthHash));
                        }));
  }

  private Future<Long> nonce(final byte[] accountId) {
    return client
        .rpc()
        .call("system_accountNextIndex", Ss58.encode(accountId, Ss58.GENERIC_SUBSTRATE))
        .map(
            result -> {
              if (!(result instanceof Number number)) {
                throw new RpcException(
                    RpcException.Kind.BAD_RESPONSE, "system_accountNextIndex", "expected a number");
              }
              return number.longValue();
            });
  }

  /**
   * Submits and waits until the extrinsic is finalized (or only in a block, when {@code finalized}
   * is false), refused, dropped, or {@code timeout} passes. Never fails for an outcome of the
   * chain; fails only when the node cannot be asked.
   */
  public Future<ExtrinsicOutcome> submitAndWatch(
      final SignedExtrinsic extrinsic, final boolean finalized, final Duration timeout) {
    final Promise<ExtrinsicOutcome> outcome = Promise.promise();
    final AtomicBoolean settled = new AtomicBoolean();
    final AtomicReference<RpcSubscription> subscription = new AtomicReference<>();
    final long timer =
        vertx.setTimer(
            timeout.toMillis(),
            t ->
                settle(
                    settled,
                    subscription,
                    outcome,
                    Future.succeededFuture(
                        ExtrinsicOutcome.rejected(
                            extrinsic.hash(),
                            ExtrinsicOutcome.Status.TIMEOUT,
                            "no final status within " + timeout))));
    client
        .rpc()
        .subscribe(
            "author_submitAndWatchExtrinsic",
            "author_unwatchExtrinsic",
            new JsonArray().add(extrinsic.hex()),
            status -> {
              final Future<ExtrinsicOutcome> result = onStatus(extrinsic, status, finalized);
              if (result != null) {
                vertx.cancelTimer(timer);
                settle(settled, subscription, outcome, result);
              }
            })
        .onSuccess(
            created -> {
              subscription.set(created);
              if (settled.get()) {
                created.unsubscribe();
              }
            })
        .onFailure(
            error -> {
              vertx.cancelTimer(timer);
              if (error instanceof RpcException rpc && rpc.kind() == RpcException.Kind.RPC_ERROR) {
                // 1010 invalid transaction, 1011 unknown validity, 1012 temporarily banned...
                settle(
                    settled,
                    subscription,
                    outcome,
                    Future.succeededFuture(
                        ExtrinsicOutcome.rejected(
                            extrinsic.hash(),
                            ExtrinsicOutcome.Status.INVALID,
                            "refused by the node (RPC error "
                                + rpc.code()
                                + "): "
                                + rpc.getMessage())));
              } else {
                settle(settled, subscription, outcome, Future.failedFuture(error));
              }
            });
    return outcome.future();
  }

  private static void settle(
      final AtomicBoolean settled,
      final AtomicReference<RpcSubscription> subscription,
      final Promise<ExtrinsicOutcome> outcome,
      final Future<ExtrinsicOutcome> result) {
    if (!settled.compareAndSet(false, true)) {
      return;
    }
    final RpcSubscription created = subscription.get();
    if (created != null) {
      created.unsubscribe();
    }
    result.onComplete(outcome);
  }

  /** The outcome for a final status, or null while the extrinsic is still on its way. */
  private Future<ExtrinsicOutcome> onStatus(
      final SignedExtrinsic extrinsic, final Object status, final boolean finalized) {
    if (status instanceof String word) {
      return switch (word) {
        case "dropped" ->
            Future.succeededFuture(
                ExtrinsicOutcome.rejected(
                    extrinsic.hash(), ExtrinsicOutcome.Status.DROPPED, "dropped from the pool"));
        case "invalid" ->
            Future.succeededFuture(
                ExtrinsicOutcome.rejected(
                    extrinsic.hash(),
                    ExtrinsicOutcome.Status.INVALID,
                    "became invalid in the pool"));
        default -> null; // future, ready
      };
    }
    if (!(status instanceof JsonObject object)) {
      return null;
    }
    if (object.getValue("finalized") instanceof String block) {
      return inclusion(extrinsic, block, ExtrinsicOutcome.Status.FINALIZED);
    }
    if (!finalized && object.getValue("inBlock") instanceof String block) {
      return inclusion(extrinsic, block, ExtrinsicOutcome.Status.IN_BLOCK);
    }
    if (object.getValue("usurped") instanceof String by) {
      return Future.succeededFuture(
          ExtrinsicOutcome.rejected(
              extrinsic.hash(), ExtrinsicOutcome.Status.DROPPED, "usurped by " + by));
    }
    if (object.containsKey("dropped") || object.containsKey("invalid")) {
      return Future.succeededFuture(
          ExtrinsicOutcome.rejected(
              extrinsic.hash(),
              object.containsKey("invalid")
                  ? ExtrinsicOutcome.Status.INVALID
                  : ExtrinsicOutcome.Status.DROPPED,
              object.encode()));
    }
    return null; // broadcast, retracted, finalityTimeout: keep waiting
  }

  private Future<ExtrinsicOutcome> inclusion(
      final SignedExtrinsic extrinsic,
      final String blockHash,
      final ExtrinsicOutcome.Status status) {
    return client
        .block(blockHash)
        .compose(
            block -> {
              final int index = block.extrinsics().indexOf(extrinsic.hex());
              if (index < 0) {
                return Future.failedFuture(
                    new RpcException(
                        RpcException.Kind.BAD_RESPONSE,
                        "chain_getBlock",
                        "block " + blockHash + " does not contain " + extrinsic.hash()));
              }
              return Future.all(client.events(blockHash), client.metadata(blockHash))
                  .map(
                      all ->
                          outcome(
                              extrinsic,
                              blockHash,
                              block.header().number(),
                              index,
                              status,
                              all.resultAt(0),
                              all.resultAt(1)));
            });
  }

  private static ExtrinsicOutcome outcome(
      final SignedExtrinsic extrinsic,
      final String blockHash,
      final long blockNumber,
      final int index,
      final ExtrinsicOutcome.Status status,
      final List<EventRecord> allEvents,
      final RuntimeMetadata metadata) {
    final List<EventRecord> events =
        allEvents.stream()
            .filter(
                e -> e.phase() == EventRecord.Phase.APPLY_EXTRINSIC && e.extrinsicIndex() == index)
            .toList();
    final Optional<EventRecord> failed =
        events.stream().filter(e -> e.is("System", "ExtrinsicFailed")).findFirst();
    final Optional<DispatchError> error =
        failed.map(
            e ->
                DispatchError.from(
                    metadata,
                    e.fields()
                        .field("dispatch_error")
                        .orElse(
                            e.fields().size() > 0 ? e.fields().get(0) : Value.Composite.EMPTY)));
    final boolean success = events.stream().anyMatch(e -> e.is("System", "ExtrinsicSuccess"));
    return new ExtrinsicOutcome(
        extrinsic.hash(),
        status,
        blockHash,
        blockNumber,
        index,
        success,
        error,
        events,
        error.map(DispatchError::describe).orElse(""));
  }
}
