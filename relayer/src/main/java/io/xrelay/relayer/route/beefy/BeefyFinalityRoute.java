package io.xrelay.relayer.route.beefy;

import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.xrelay.proofs.beefy.BeefyFinalityVerifier;
import io.xrelay.proofs.beefy.BeefyValidatorSet;
import io.xrelay.proofs.beefy.QuorumVerification;
import io.xrelay.proofs.beefy.VersionedFinalityProof;
import io.xrelay.relayer.metrics.RelayerMetrics;
import io.xrelay.relayer.work.WorkHandler;
import io.xrelay.relayer.work.WorkOutcome;
import io.xrelay.relayer.work.WorkPipeline;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.scale.ScaleReader;
import io.xrelay.store.WorkItem;
import io.xrelay.substrate.block.Justification;
import io.xrelay.substrate.client.FinalizedBlock;
import io.xrelay.substrate.client.RpcException;
import io.xrelay.substrate.client.RpcSubscription;
import io.xrelay.substrate.client.SubstrateClient;
import io.xrelay.substrate.storage.StorageKey;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The finality route of a Substrate chain: every BEEFY justification the chain's nodes serve
 * becomes a work item ({@code <route>/block/<n>}), verified against the validator set that the
 * chain's own storage holds at that block. Valid ones are confirmed; invalid ones are dead-lettered
 * with the reasons, and both are counted.
 *
 * <p>Two intakes feed it. The justifications a node keeps in its blocks (every mandatory one at a
 * validator-set change; on the devnet, every signed block) arrive through the chain watcher's
 * checkpointed block stream, so none is lost across a crash. The node's live stream adds the ones
 * it only gossips; those that pass while the relayer is down are superseded by later ones.
 */
public final class BeefyFinalityRoute implements WorkHandler {
  private static final System.Logger LOG = System.getLogger(BeefyFinalityRoute.class.getName());
  private static final byte[] AUTHORITIES = StorageKey.prefix("Beefy", "Authorities");
  private static final byte[] VALIDATOR_SET_ID = StorageKey.prefix("Beefy", "ValidatorSetId");

  private final String route;
  private final String chain;
  private final Supplier<SubstrateClient> client;
  private final RelayerMetrics metrics;
  private final Clock clock;
  private final BeefyFinalityVerifier verifier = BeefyFinalityVerifier.usingActiveBackend();
  private final Counter valid;
  private final Counter invalid;
  private WorkPipeline pipeline;
  private RpcSubscription subscription;

  public BeefyFinalityRoute(
      final String route,
      final String chain,
      final Supplier<SubstrateClient> client,
      final RelayerMetrics metrics,
      final Clock clock) {
    this.route = route;
    this.chain = chain;
    this.client = client;
    this.metrics = metrics;
    this.clock = clock;
    this.valid = metrics.beefyJustifications(chain, "valid");
    this.invalid = metrics.beefyJustifications(chain, "invalid");
  }

  /**
   * The justification kept in a finalized block, if any, as a work item; the future completes once
   * the item is stored (the watcher's checkpoint waits for it).
   */
  public Future<Void> onFinalizedBlock(final FinalizedBlock block) {
    return client
        .get()
        .block(block.hash())
        .compose(
            signed ->
                signed
                    .justification(Justification.BEEFY)
                    .map(justification -> offer(Hex.encode(justification.encoded())))
                    .orElseGet(Future::succeededFuture));
  }

  /** The pipeline that takes this route's items; set before blocks or justifications arrive. */
  public void feed(final WorkPipeline target) {
    this.pipeline = target;
  }

  /** Subscribes to the chain's live justifications (the chain's client must be connected). */
  public Future<Void> start() {
    return client
        .get()
        .rpc()
        .subscribe(
            "beefy_subscribeJustifications",
            "beefy_unsubscribeJustifications",
            new JsonArray(),
            this::onJustification)
        .map(
            created -> {
              subscription = created;
              return null;
            });
  }

  public Future<Void> stop() {
    return subscription == null ? Future.succeededFuture() : subscription.unsubscribe();
  }

  private void onJustification(final Object notification) {
    if (!(notification instanceof String hex)) {
      LOG.log(
          System.Logger.Level.WARNING, chain + ": a BEEFY notification that is not hex; ignored");
      return;
    }
    offer(hex)
        .onFailure(
            error ->
                LOG.log(
                    System.Logger.Level.WARNING,
                    chain
                        + ": a streamed BEEFY justification was not stored: "
                        + error.getMessage()));
  }

  private Future<Void> offer(final String hex) {
    final long block;
    try {
      block = VersionedFinalityProof.decodeHex(hex).signedCommitment().commitment().blockNumber();
    } catch (ScaleDecodeException | IllegalArgumentException e) {
      invalid.increment();
      LOG.log(
          System.Logger.Level.WARNING,
          chain + ": a BEEFY justification that does not decode: " + e.getMessage());
      return Future.succeededFuture();
    }
    return pipeline
        .offer(WorkItem.pending(route + "/block/" + block, route, hex, clock.instant()))
        .mapEmpty();
  }

  @Override
  public Future<WorkOutcome> process(final WorkItem item) {
    final VersionedFinalityProof proof;
    try {
      proof = VersionedFinalityProof.decodeHex(item.payload());
    } catch (ScaleDecodeException | IllegalArgumentException e) {
      invalid.increment();
      return Future.succeededFuture(
          new WorkOutcome.Permanent("justification does not decode: " + e.getMessage()));
    }
    final long blockNumber = proof.signedCommitment().commitment().blockNumber();
    final SubstrateClient chainClient = client.get();
    return chainClient
        .blockHash(blockNumber)
        .compose(
            hash ->
                Future.all(
                    chainClient.storage(AUTHORITIES, hash),
                    chainClient.storage(VALIDATOR_SET_ID, hash)))
        .map(
            all -> {
              final java.util.Optional<byte[]> authorities = all.resultAt(0);
              final java.util.Optional<byte[]> setId = all.resultAt(1);
              if (authorities.isEmpty() || setId.isEmpty()) {
                return (WorkOutcome)
                    new WorkOutcome.Permanent(
                        "block " + blockNumber + " has no BEEFY authorities in storage");
              }
              final BeefyValidatorSet set =
                  BeefyValidatorSet.ofEncodedAuthorities(
                      ScaleReader.of(setId.get()).readU64(), authorities.get());
              final QuorumVerification verification =
                  verifier.verify(proof.signedCommitment(), set);
              if (verification.isValid()) {
                valid.increment();
                metrics.beefyLatestBlock(chain, blockNumber);
                return new WorkOutcome.Confirmed(
                    "block " + blockNumber + " signed by a quorum of set " + set.id());
              }
              invalid.increment();
              return new WorkOutcome.Permanent(
                  "block "
                      + blockNumber
                      + ": "
                      + String.join("; ", verification.result().reasons()));
            })
        .recover(
            error ->
                Future.succeededFuture(
                    error instanceof RpcException rpc && !rpc.retryable()
                        ? new WorkOutcome.Permanent(error.getMessage())
                        : new WorkOutcome.Transient(error.getMessage())));
  }

  /**
   * Verification is a pure function of the chain's state: checking again is the same as doing it.
   */
  @Override
  public Future<WorkOutcome> reconcile(final WorkItem item) {
    return process(item);
  }
}
