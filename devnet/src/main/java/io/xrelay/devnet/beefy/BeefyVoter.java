package io.xrelay.devnet.beefy;

import io.vertx.core.Future;
import io.xrelay.devnet.beefy.DevValidators.SigningOutcome;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.beefy.BeefyCommitment;
import io.xrelay.proofs.beefy.VersionedFinalityProof;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plays the BEEFY validators of the devnet: for every finalized relay block, in order, it builds
 * the commitment {@code {payload: [("mh", Mmr.RootHash)], block_number, Beefy.ValidatorSetId}} from
 * the runtime's own storage at that block, has the dev validators sign it, and keeps the
 * justification in the window.
 *
 * <p>Heads that arrive while a block is being signed are coalesced into the newest one; the gap to
 * it is filled by walking parent hashes back to the last signed block, so no block is skipped even
 * when chopsticks' head subscription skips one. A head whose ancestry leaves the signed chain
 * (chopsticks restarted, or {@code dev_setHead}) replaces the signed blocks from that height up.
 * Used on one Vert.x context.
 */
final class BeefyVoter {
  private static final System.Logger LOG = System.getLogger(BeefyVoter.class.getName());

  private final UpstreamRpc rpc;
  private final RuntimeStateReader reader;
  private final DevValidators validators;
  private final JustificationWindow window;
  private final PayloadFault fault;
  private boolean busy;
  private Object pendingHead;
  private String lastRefusal;

  /** Blocks the validators refused to sign: the catch-up walk must not retry them every head. */
  private final Set<String> refused =
      Collections.newSetFromMap(
          new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(final Map.Entry<String, Boolean> eldest) {
              return size() > window.capacity();
            }
          });

  BeefyVoter(
      final UpstreamRpc rpc,
      final RuntimeStateReader reader,
      final DevValidators validators,
      final JustificationWindow window,
      final PayloadFault fault) {
    this.rpc = rpc;
    this.reader = reader;
    this.validators = validators;
    this.window = window;
    this.fault = fault;
  }

  void start() {
    rpc.start(
        connected ->
            rpc.subscribe("chain_subscribeFinalizedHeads", this::onFinalizedHead)
                .onFailure(
                    error ->
                        LOG.log(
                            System.Logger.Level.ERROR,
                            "cannot follow finalized heads: " + error.getMessage())));
  }

  private void onFinalizedHead(final Object header) {
    pendingHead = header;
    drain();
  }

  private void drain() {
    if (busy || pendingHead == null) {
      return;
    }
    final Object header = pendingHead;
    pendingHead = null;
    busy = true;
    Future<Void> work;
    try {
      work = process(header);
    } catch (RuntimeException e) {
      work = Future.failedFuture(e);
    }
    work.onComplete(
        done -> {
          if (done.failed()) {
            LOG.log(
                System.Logger.Level.WARNING,
                "finalized head not signed (the next head will fill the gap): "
                    + done.cause().getMessage());
          }
          busy = false;
          drain();
        });
  }

  private Future<Void> process(final Object headerJson) {
    final RelayHeader parsed = RelayHeader.fromJson(headerJson, null);
    final Future<RelayHeader> head =
        parsed.number() == 0
            // Chopsticks' genesis hash is not the hash of its genesis header.
            ? rpc.call("chain_getBlockHash", 0)
                .map(hash -> RelayHeader.fromJson(headerJson, String.valueOf(hash)))
            : Future.succeededFuture(parsed);
    return head.compose(
        block -> {
          if (isDone(block.hash())) {
            return Future.succeededFuture();
          }
          final List<RelayHeader> path = new ArrayList<>(List.of(block));
          return collectUnsigned(path)
              .compose(
                  unsigned -> {
                    Collections.reverse(unsigned);
                    window.dropFrom(unsigned.get(0).number());
                    Future<Void> signed = Future.succeededFuture();
                    for (final RelayHeader next : unsigned) {
                      signed = signed.compose(v -> sign(next));
                    }
                    return signed;
                  });
        });
  }

  /**
   * Extends {@code path} (newest first) with the unsigned ancestors of its last block: back to the
   * last signed block, to genesis, or as far as the window reaches. On the very first head there is
   * nothing to catch up with.
   */
  private Future<List<RelayHeader>> collectUnsigned(final List<RelayHeader> path) {
    final RelayHeader oldest = path.get(path.size() - 1);
    if (window.isEmpty()
        || oldest.number() == 0
        || oldest.number() <= window.lowestNumber()
        || isDone(oldest.parentHash())
        || path.size() >= window.capacity()) {
      return Future.succeededFuture(path);
    }
    return rpc.call("chain_getHeader", oldest.parentHash())
        .compose(
            parent -> {
              path.add(RelayHeader.fromJson(parent, oldest.parentHash()));
              return collectUnsigned(path);
            });
  }

  private Future<Void> sign(final RelayHeader block) {
    return reader
        .read(block.hash())
        .map(
            state -> {
              final boolean corrupt = fault.isOn();
              final H256 mh = fault.payloadFor(state.mmrRoot());
              final BeefyCommitment commitment =
                  BeefyCommitment.ofMmrRoot(mh, block.number(), state.validatorSetId());
              final SigningOutcome outcome = validators.sign(commitment, state.authorities());
              if (outcome instanceof SigningOutcome.Signed signed) {
                window.add(
                    BeefyJustification.of(
                        block.number(),
                        block.hash(),
                        new VersionedFinalityProof(signed.signedCommitment())));
                lastRefusal = null;
                LOG.log(
                    System.Logger.Level.INFO,
                    "signed #"
                        + block.number()
                        + " "
                        + block.hash()
                        + " set "
                        + Long.toUnsignedString(state.validatorSetId())
                        + " mh "
                        + mh
                        + (corrupt ? " (WRONG on purpose: fault switch on)" : ""));
              } else if (outcome instanceof SigningOutcome.Refused refused) {
                if (!refused.reason().equals(lastRefusal)) {
                  LOG.log(
                      System.Logger.Level.ERROR,
                      "refusing to sign #"
                          + block.number()
                          + " and later blocks while this holds: "
                          + refused.reason());
                }
                lastRefusal = refused.reason();
                this.refused.add(block.hash());
              }
              return null;
            });
  }

  private boolean isDone(final String blockHash) {
    return window.byHash(blockHash).isPresent() || refused.contains(blockHash);
  }
}
