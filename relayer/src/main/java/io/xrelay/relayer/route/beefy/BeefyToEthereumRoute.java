package io.xrelay.relayer.route.beefy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.xrelay.config.BeefyProtocol;
import io.xrelay.ethereum.beefy.BeefyClient;
import io.xrelay.ethereum.beefy.BeefyClientEvent;
import io.xrelay.ethereum.beefy.ValidatorSetState;
import io.xrelay.ethereum.logs.FinalizedLogStream;
import io.xrelay.ethereum.logs.LogStream;
import io.xrelay.ethereum.rpc.BlockTag;
import io.xrelay.ethereum.rpc.EthereumRpc;
import io.xrelay.ethereum.rpc.WebSocketEthereumRpc;
import io.xrelay.ethereum.tx.ReceiptFinality;
import io.xrelay.ethereum.tx.SentTransaction;
import io.xrelay.ethereum.tx.TransactionException;
import io.xrelay.ethereum.tx.TransactionOutcome;
import io.xrelay.ethereum.tx.TransactionRequest;
import io.xrelay.ethereum.tx.TransactionSender;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.beefy.BeefyCommitment;
import io.xrelay.proofs.beefy.BeefyFinalityVerifier;
import io.xrelay.proofs.beefy.BeefyValidatorSet;
import io.xrelay.proofs.beefy.QuorumVerification;
import io.xrelay.proofs.beefy.SignedCommitment;
import io.xrelay.proofs.beefy.VersionedFinalityProof;
import io.xrelay.proofs.calldata.ValidatorProof;
import io.xrelay.proofs.mmr.SimplifiedMmrProof;
import io.xrelay.relayer.metrics.RelayerMetrics;
import io.xrelay.relayer.work.WorkHandler;
import io.xrelay.relayer.work.WorkOutcome;
import io.xrelay.relayer.work.WorkPipeline;
import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.store.WorkItem;
import io.xrelay.store.WorkStore;
import io.xrelay.substrate.client.RpcSubscription;
import io.xrelay.substrate.client.SubstrateClient;
import io.xrelay.substrate.storage.StorageKey;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Keeps Snowbridge's BeefyClient on Ethereum in sync with a relay chain's BEEFY finality.
 *
 * <p>Which commitments: from the chain's justifications, the first of every new validator set
 * (mandatory: the contract can only follow the sets one handover at a time) and one at least every
 * {@code minInterval} blocks; never one at or below the contract's {@code latestBeefyBlock}. Each
 * becomes the work item {@code <route>/block/<n>} carrying the justification.
 *
 * <p>Before any gas is spent an item is verified: its set must be the contract's current or next
 * one (same id and keyset root as the chain's {@code Beefy.Authorities} at that block), a quorum of
 * that set must have signed it, and its payload must be the MMR root the relayer's own MMR ({@link
 * RelayChainMmr}, equal to the runtime's at every block) has at that block. One that fails is
 * refused, logged and counted, never submitted.
 *
 * <p>Submission is by Fiat-Shamir (one transaction) or interactive ({@code submitInitial}, wait
 * {@code randaoCommitDelay} blocks, {@code commitPrevRandao}, {@code submitFinal} with exactly the
 * sampled signatures). Both carry the MMR leaf of the commitment block and its proof, which the
 * contract checks at a handover. The interactive protocol's progress lives in the contract (the
 * sender's ticket) and in a store checkpoint per item, so after a crash {@link #reconcile} picks up
 * the ticket and finishes, or starts over when it expired. A commitment someone else landed, or one
 * the contract has passed, is done.
 *
 * <p>Every transaction is journaled in the store (record {@code <item>/tx/<step>}) before it is
 * broadcast, so a restarted relayer resumes it with its nonce, re-broadcasting it if the node lost
 * it, instead of sending the step again. The gas of every mined transaction is recorded per item
 * ({@code <item>/gas/<hash>}), so an update's gas is whole across restarts. An update counts as
 * accepted only when the transaction that landed it is final on Ethereum: the item waits in
 * SUBMITTED until then, and goes back to be retried if a reorg took it out.
 */
public final class BeefyToEthereumRoute implements WorkHandler {
  private static final System.Logger LOG = System.getLogger(BeefyToEthereumRoute.class.getName());
  private static final byte[] AUTHORITIES = StorageKey.prefix("Beefy", "Authorities");
  private static final Duration POLL = Duration.ofSeconds(1);

  /** The steps whose transaction puts a commitment into the contract. */
  private static final List<String> LANDING_STEPS = List.of("fiat-shamir", "final");

  private static final Duration INTERACTIVE_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration METRICS_INTERVAL = Duration.ofSeconds(3);
  private static final BigInteger DEFAULT_MAX_FEE = BigInteger.valueOf(200_000_000_000L);
  private static final BigInteger DEFAULT_PRIORITY_FEE = BigInteger.valueOf(1_000_000_000L);

  private final Vertx vertx;
  private final io.xrelay.config.BeefyToEthereumRoute config;
  private final SubstrateClient source;
  private final EthereumRpc ethereum;
  private final Optional<WebSocketEthereumRpc> ethereumEvents;
  private final TransactionSender sender;
  private final BeefyClient contract;
  private final RelayChainMmr mmr;
  private final WorkStore store;
  private final RelayerMetrics metrics;
  private final Clock clock;
  private final String protocol;
  private final BeefyFinalityVerifier verifier = BeefyFinalityVerifier.usingActiveBackend();
  private final ReceiptFinality finality;

  /** Ethereum's block that counts as final: {@code finalized}, or {@code safe} by configuration. */
  private final BlockTag settled;

  private final Counter accepted;
  private final Counter alreadyDone;
  private final Counter refused;
  private final Counter reverted;
  private final Counter failed;
  private final Counter mmrMismatch;
  private final DistributionSummary gasUsed;
  private final io.micrometer.core.instrument.Timer includedLatency;
  private final io.micrometer.core.instrument.Timer finalLatency;

  /** When each block's justification arrived: the start of its way to the contract. */
  private final NavigableMap<Long, Instant> finalAt = new ConcurrentSkipListMap<>();

  private WorkPipeline pipeline;
  private RpcSubscription justifications;
  private RpcSubscription heads;
  private long metricsTimer = -1;
  private volatile boolean halted;
  private volatile boolean ready;
  private volatile long contractLatest;

  /** The contract's latest block as of Ethereum's finalized state. */
  private volatile long contractFinal;

  private FinalizedLogStream contractEvents;

  /** The newest justification seen (guarded by the schedule), to serve a demand at once. */
  private long newestJustificationBlock;

  private String newestJustification;
  private volatile long chainLatest;
  private CommitmentSchedule schedule;
  private long randaoCommitDelay;
  private long randaoCommitExpiration;

  public BeefyToEthereumRoute(
      final Vertx vertx,
      final io.xrelay.config.BeefyToEthereumRoute config,
      final SubstrateClient source,
      final EthereumRpc ethereum,
      final Optional<WebSocketEthereumRpc> ethereumEvents,
      final BlockTag settled,
      final TransactionSender sender,
      final RelayChainMmr mmr,
      final WorkStore store,
      final RelayerMetrics metrics,
      final Clock clock) {
    this.vertx = vertx;
    this.config = config;
    this.source = source;
    this.ethereum = ethereum;
    this.ethereumEvents = ethereumEvents;
    this.sender = sender;
    this.contract = new BeefyClient(ethereum, config.contract());
    this.mmr = mmr;
    this.store = store;
    this.metrics = metrics;
    this.clock = clock;
    this.settled = settled;
    this.finality = new ReceiptFinality(vertx, ethereum, POLL, settled);
    this.protocol = config.protocol().configName();
    final String route = config.name();
    // Registered now, so dashboards and alerts see zeros rather than nothing.
    this.accepted = metrics.beefySubmissions(route, protocol, "accepted");
    this.alreadyDone = metrics.beefySubmissions(route, protocol, "already_done");
    this.refused = metrics.beefySubmissions(route, protocol, "refused");
    this.reverted = metrics.beefySubmissions(route, protocol, "reverted");
    this.failed = metrics.beefySubmissions(route, protocol, "failed");
    this.mmrMismatch = metrics.beefyMmrRootMismatch(route);
    this.gasUsed = metrics.beefyGasUsed(route, protocol);
    this.includedLatency = metrics.beefyUpdateLatency(route, protocol, "included");
    this.finalLatency = metrics.beefyUpdateLatency(route, protocol, "final");
    metrics.beefyContractLatestBlock(route, 0);
    metrics.beefyChainLatestBlock(config.source(), 0);
    metrics.beefyContractLagBlocks(route, 0);
    metrics.beefyContractLagSeconds(route, 0);
  }

  /**
   * Connects what the route configuration names: the target chain's HTTP endpoints (requests and
   * transactions) and WebSocket endpoints if it has any (the contract's finalized events), the
   * signer's transaction sender (its key read here, once) and the own MMR's snapshot under the data
   * dir.
   */
  public static Future<BeefyToEthereumRoute> open(
      final Vertx vertx,
      final io.xrelay.config.RelayerConfig relayer,
      final io.xrelay.config.BeefyToEthereumRoute config,
      final SubstrateClient source,
      final WorkStore store,
      final RelayerMetrics metrics,
      final Clock clock) {
    final io.xrelay.config.ChainConfig target = relayer.chains().get(config.target());
    final io.xrelay.config.SignerConfig signer = relayer.signers().get(config.signer());
    final List<String> endpoints =
        target.endpoints().stream()
            .map(Object::toString)
            .filter(uri -> uri.startsWith("http"))
            .toList();
    if (endpoints.isEmpty()) {
      return Future.failedFuture(
          new IllegalArgumentException(
              "route "
                  + config.name()
                  + ": chain "
                  + config.target()
                  + " has no http(s) endpoint for its Ethereum client"));
    }
    final EthereumRpc ethereum =
        io.xrelay.ethereum.rpc.HttpEthereumRpc.create(
            vertx, io.xrelay.ethereum.rpc.HttpEthereumRpc.Options.of(endpoints));
    final byte[] key = io.xrelay.scale.Hex.decode(signer.key().read().reveal());
    final io.xrelay.ethereum.tx.FeePolicy fees =
        io.xrelay.ethereum.tx.FeePolicy.of(
            signer.maxFeePerGas().orElse(DEFAULT_MAX_FEE), DEFAULT_PRIORITY_FEE);
    final RelayChainMmr mmr =
        new RelayChainMmr(
            config.source(),
            source,
            Optional.of(relayer.dataDir().resolve("beefy").resolve(config.name() + "-mmr.json")));
    final List<String> sockets =
        target.endpoints().stream()
            .map(Object::toString)
            .filter(uri -> uri.startsWith("ws"))
            .toList();
    final Future<Optional<WebSocketEthereumRpc>> events =
        sockets.isEmpty()
            ? Future.succeededFuture(Optional.empty())
            : WebSocketEthereumRpc.connect(
                    vertx, io.xrelay.substrate.client.WebSocketRpcClient.Options.of(sockets))
                .map(Optional::of);
    return events.compose(
        socket ->
            TransactionSender.start(
                    vertx,
                    ethereum,
                    key,
                    TransactionSender.Settings.of(fees),
                    io.xrelay.ethereum.beefy.BeefyClientErrors.DECODER)
                .map(
                    sender ->
                        new BeefyToEthereumRoute(
                            vertx,
                            config,
                            source,
                            ethereum,
                            socket,
                            target instanceof io.xrelay.config.EthereumChainConfig ethereumChain
                                    && ethereumChain.finality()
                                        == io.xrelay.config.EthereumFinality.SAFE
                                ? BlockTag.SAFE
                                : BlockTag.FINALIZED,
                            sender,
                            mmr,
                            store,
                            metrics,
                            clock)));
  }

  public String name() {
    return config.name();
  }

  /** Whether the own MMR disagreed with the runtime, which stops the route. */
  public boolean halted() {
    return halted;
  }

  /**
   * Reads the contract, starts the own MMR at its latest block (or resumes it), follows finalized
   * heads and justifications, and feeds commitments into {@code target}.
   */
  public Future<Void> start(final WorkPipeline target) {
    this.pipeline = target;
    return Future.all(
            contract.latestBeefyBlock(BlockTag.LATEST),
            contract.currentValidatorSet(BlockTag.LATEST),
            contract.randaoCommitDelay(),
            contract.randaoCommitExpiration())
        .compose(
            all -> {
              contractLatest = all.<Long>resultAt(0);
              final long setId = all.<ValidatorSetState>resultAt(1).id().longValueExact();
              schedule = new CommitmentSchedule(config.minInterval(), contractLatest, setId);
              randaoCommitDelay = all.<Long>resultAt(2);
              randaoCommitExpiration = all.<Long>resultAt(3);
              LOG.log(
                  System.Logger.Level.INFO,
                  name()
                      + ": BeefyClient "
                      + config.contract()
                      + " at block "
                      + contractLatest
                      + ", set "
                      + setId
                      + ", protocol "
                      + protocol
                      + ", signer "
                      + sender.address());
              return mmr.start(contractLatest);
            })
        .map(
            v -> {
              ready = true;
              return v;
            })
        .compose(v -> source.subscribeFinalizedHeads(header -> follow(header.number())))
        .compose(
            subscription -> {
              heads = subscription;
              return source
                  .rpc()
                  .subscribe(
                      "beefy_subscribeJustifications",
                      "beefy_unsubscribeJustifications",
                      new JsonArray(),
                      this::onJustification);
            })
        .compose(
            subscription -> {
              justifications = subscription;
              return followContractEvents();
            })
        .map(
            v -> {
              metricsTimer =
                  vertx.setPeriodic(METRICS_INTERVAL.toMillis(), t -> refreshContractMetrics());
              return null;
            });
  }

  /**
   * The contract's {@code NewMMRRoot} events, each once its Ethereum block is final: the contract's
   * latest block as nothing can take back. Over WebSocket where the chain has an endpoint for it;
   * without one the finalized state is read at every metrics refresh instead.
   */
  private Future<Void> followContractEvents() {
    if (ethereumEvents.isEmpty()) {
      return Future.succeededFuture();
    }
    // Right after a deployment the settled block can predate the contract (a fresh devnet: no code
    // there, an empty reply), and after a node restart its state can be missing: the events
    // stream then brings the value up, so start from nothing rather than fail the route.
    return Future.all(
            ethereum.block(settled).otherwise(Optional.empty()),
            contract.latestBeefyBlock(settled).otherwise(0L))
        .compose(
            all -> {
              final long from =
                  all.<Optional<io.xrelay.ethereum.rpc.Block>>resultAt(0)
                          .map(io.xrelay.ethereum.rpc.Block::number)
                          .orElse(0L)
                      + 1;
              contractFinal = all.<Long>resultAt(1);
              return FinalizedLogStream.start(
                  vertx,
                  ethereumEvents.get(),
                  LogStream.Options.of(
                      config.contract(), List.of(BeefyClientEvent.NEW_MMR_ROOT_TOPIC), from),
                  settled,
                  this::onContractEvent);
            })
        .map(
            stream -> {
              contractEvents = stream;
              return null;
            });
  }

  private void onContractEvent(final io.xrelay.ethereum.rpc.LogEntry log) {
    BeefyClientEvent.decode(log)
        .filter(BeefyClientEvent.NewMmrRoot.class::isInstance)
        .map(BeefyClientEvent.NewMmrRoot.class::cast)
        .ifPresent(
            root -> {
              contractFinal = Math.max(contractFinal, root.blockNumber());
              contractLatest = Math.max(contractLatest, root.blockNumber());
              LOG.log(
                  System.Logger.Level.DEBUG,
                  name()
                      + ": NewMMRRoot for block "
                      + root.blockNumber()
                      + " final in Ethereum block "
                      + log.blockNumber());
              publishContractMetrics();
            });
  }

  /** Idempotent. */
  public Future<Void> stop() {
    if (metricsTimer >= 0) {
      vertx.cancelTimer(metricsTimer);
      metricsTimer = -1;
    }
    final List<Future<Void>> steps = new ArrayList<>();
    if (justifications != null) {
      steps.add(justifications.unsubscribe().otherwiseEmpty());
      justifications = null;
    }
    if (heads != null) {
      steps.add(heads.unsubscribe().otherwiseEmpty());
      heads = null;
    }
    if (contractEvents != null) {
      steps.add(contractEvents.close().otherwiseEmpty());
      contractEvents = null;
    }
    ethereumEvents.ifPresent(socket -> steps.add(socket.close().otherwiseEmpty()));
    return Future.join(steps).mapEmpty();
  }

  // ---- following the chain ----

  private void follow(final long finalized) {
    if (halted) {
      return;
    }
    mmr.advanceTo(finalized).onFailure(this::onMmrFailure);
  }

  private void onMmrFailure(final Throwable error) {
    if (error instanceof RelayChainMmr.MmrRootMismatchException && !halted) {
      halted = true;
      mmrMismatch.increment();
      LOG.log(
          System.Logger.Level.ERROR,
          name() + ": STOPPED, the own MMR differs from the runtime's: " + error.getMessage());
      if (pipeline != null) {
        pipeline.stop(Duration.ZERO);
      }
    } else if (!halted) {
      LOG.log(
          System.Logger.Level.WARNING,
          name() + ": own MMR not advanced (retried at the next head): " + error.getMessage());
    }
  }

  private void onJustification(final Object notification) {
    if (halted || !(notification instanceof String hex)) {
      return;
    }
    final BeefyCommitment commitment;
    try {
      commitment = VersionedFinalityProof.decodeHex(hex).signedCommitment().commitment();
    } catch (ScaleDecodeException | IllegalArgumentException e) {
      refused.increment();
      LOG.log(
          System.Logger.Level.WARNING,
          name() + ": a BEEFY justification that does not decode: " + e.getMessage());
      return;
    }
    final long block = commitment.blockNumber();
    finalAt.putIfAbsent(block, clock.instant());
    while (finalAt.size() > 10_000) {
      finalAt.pollFirstEntry();
    }
    if (block > chainLatest) {
      chainLatest = block;
      metrics.beefyChainLatestBlock(config.source(), block);
    }
    final boolean newSet;
    final long demanded;
    synchronized (schedule) {
      if (block > newestJustificationBlock) {
        newestJustificationBlock = block;
        newestJustification = hex;
      }
      newSet = schedule.isNewSet(commitment.validatorSetId());
      demanded = schedule.demanded();
      if (!schedule.take(block, commitment.validatorSetId(), contractLatest)) {
        return;
      }
    }
    queue(
        block,
        hex,
        " (set "
            + commitment.validatorSetId()
            + (newSet ? ", a new validator set" : "")
            + (demanded > 0 && block >= demanded ? ", demanded for block " + demanded : "")
            + ")");
  }

  private void queue(final long block, final String justification, final String why) {
    LOG.log(System.Logger.Level.INFO, name() + ": queueing block " + block + why);
    pipeline.offer(WorkItem.pending(itemId(block), name(), justification, clock.instant()));
  }

  /**
   * Asks for a root in the contract that covers {@code block}, ahead of the interval: for messages
   * that wait to be proven against it. Served from the newest justification when it is high enough,
   * else by the first one at or above the block.
   */
  public Future<RootDemand> requestRootCovering(final long block) {
    if (block < 1) {
      return Future.failedFuture(
          new IllegalArgumentException("block must be a positive block number: " + block));
    }
    if (!ready) {
      return Future.failedFuture(new IllegalStateException(name() + " is not started yet"));
    }
    return contract
        .latestBeefyBlock(BlockTag.LATEST)
        .map(
            latest -> {
              contractLatest = Math.max(contractLatest, latest);
              if (latest >= block) {
                return new RootDemand(RootDemand.Outcome.ALREADY_COVERED, block, latest, latest);
              }
              final long update;
              final String justification;
              synchronized (schedule) {
                if (schedule.lastTaken() >= block) {
                  return new RootDemand(
                      RootDemand.Outcome.QUEUED, block, schedule.lastTaken(), latest);
                }
                if (newestJustificationBlock < block) {
                  schedule.demand(block);
                  return new RootDemand(
                      RootDemand.Outcome.AWAITING_JUSTIFICATION, block, 0, latest);
                }
                schedule.demand(block);
                final long setId = setIdOf(newestJustification);
                if (!schedule.take(newestJustificationBlock, setId, latest)) {
                  return new RootDemand(
                      RootDemand.Outcome.AWAITING_JUSTIFICATION, block, 0, latest);
                }
                update = newestJustificationBlock;
                justification = newestJustification;
              }
              queue(update, justification, " (demanded for block " + block + ")");
              return new RootDemand(RootDemand.Outcome.QUEUED, block, update, latest);
            });
  }

  private static long setIdOf(final String justification) {
    return VersionedFinalityProof.decodeHex(justification)
        .signedCommitment()
        .commitment()
        .validatorSetId();
  }

  private String itemId(final long block) {
    return name() + "/block/" + block;
  }

  private void refreshContractMetrics() {
    if (contractEvents != null) {
      publishContractMetrics();
      return;
    }
    contract
        .latestBeefyBlock(settled)
        .onSuccess(
            latest -> {
              contractFinal = Math.max(contractFinal, latest);
              contractLatest = Math.max(contractLatest, latest);
              publishContractMetrics();
            });
  }

  /** The contract's side as Ethereum's settled (finalized) state has it: a reorg cannot undo it. */
  private void publishContractMetrics() {
    final long latest = contractFinal;
    metrics.beefyContractLatestBlock(name(), latest);
    metrics.beefyContractLagBlocks(name(), Math.max(0, chainLatest - latest));
    final Map.Entry<Long, Instant> waiting = finalAt.higherEntry(latest);
    metrics.beefyContractLagSeconds(
        name(),
        waiting == null || chainLatest <= latest
            ? 0
            : Duration.between(waiting.getValue(), clock.instant()).toSeconds());
    finalAt.headMap(latest, true).clear();
  }

  // ---- one commitment ----

  /** What the checks before spending gas established. */
  private record Verified(
      SignedCommitment signed,
      BeefyValidatorSet set,
      List<BigInteger> bitfield,
      RelayChainMmr.BlockState block,
      SimplifiedMmrProof leafProof) {}

  @Override
  public Future<WorkOutcome> process(final WorkItem item) {
    if (halted) {
      return Future.succeededFuture(
          new WorkOutcome.Transient("route stopped: the own MMR differs from the runtime's"));
    }
    if (!ready) {
      return Future.succeededFuture(new WorkOutcome.Transient("route not started yet"));
    }
    final SignedCommitment signed;
    try {
      signed = VersionedFinalityProof.decodeHex(item.payload()).signedCommitment();
    } catch (ScaleDecodeException | IllegalArgumentException e) {
      return Future.succeededFuture(
          refuse(item, "justification does not decode: " + e.getMessage()));
    }
    final long block = signed.commitment().blockNumber();
    return contract
        .latestBeefyBlock(BlockTag.LATEST)
        .compose(
            latest -> {
              if (latest >= block) {
                return contractIsPast(item, latest);
              }
              return verify(item, signed)
                  .compose(
                      verdict -> {
                        if (verdict instanceof WorkOutcome outcome) {
                          return Future.succeededFuture(outcome);
                        }
                        final Verified verified = (Verified) verdict;
                        return config.protocol() == BeefyProtocol.FIAT_SHAMIR
                            ? fiatShamir(item, verified)
                            : interactive(
                                item, verified, clock.instant().plus(INTERACTIVE_TIMEOUT));
                      });
            })
        .recover(error -> Future.succeededFuture(failure(item, error)))
        .compose(
            outcome ->
                outcome instanceof WorkOutcome.AlreadyDone
                        || outcome instanceof WorkOutcome.Permanent
                    ? forget(item).map(outcome)
                    : Future.succeededFuture(outcome));
  }

  /**
   * A SUBMITTED item is an update that landed: confirmed once its transaction is final, retried if
   * a reorg took it out. Otherwise the contract's state is the truth, and re-running is resuming
   * (see the class comment).
   */
  @Override
  public Future<WorkOutcome> reconcile(final WorkItem item) {
    if (item.state() != io.xrelay.store.WorkState.SUBMITTED || item.txHash().isEmpty()) {
      return process(item);
    }
    final String hash = item.txHash().get();
    return finality
        .probe(hash)
        .compose(
            probe ->
                switch (probe.standing()) {
                  case FINAL -> landed(item, hash);
                  case INCLUDED ->
                      Future.succeededFuture(
                          (WorkOutcome) new WorkOutcome.Pending("waiting for finality of " + hash));
                  case NOT_INCLUDED ->
                      store
                          .deleteRecords(landedRecord(item))
                          .map(
                              n -> {
                                LOG.log(
                                    System.Logger.Level.WARNING,
                                    name()
                                        + ": "
                                        + item.id()
                                        + " landed in "
                                        + hash
                                        + ", which a reorg took out before finality; retrying");
                                return (WorkOutcome)
                                    new WorkOutcome.Transient(
                                        hash + " reorged out before finality");
                              });
                })
        .recover(error -> Future.succeededFuture(failure(item, error)));
  }

  /**
   * The contract is at or past the item's block. If our own landing transaction did it (recorded,
   * or journaled by a run that stopped before it saw the receipt), the item waits for its finality;
   * anyone else's landing makes it done.
   */
  private Future<WorkOutcome> contractIsPast(final WorkItem item, final long latest) {
    return store
        .records(item.id() + "/")
        .compose(
            records -> {
              final String landed = records.get(landedRecord(item));
              if (landed != null) {
                return Future.succeededFuture((WorkOutcome) new WorkOutcome.Submitted(landed));
              }
              for (final String step : LANDING_STEPS) {
                if (records.containsKey(item.id() + "/tx/" + step)) {
                  return send(item, step, new byte[0])
                      .compose(
                          outcome ->
                              outcome instanceof WorkOutcome.Confirmed
                                  ? included(item, outcome)
                                  : outcome instanceof WorkOutcome.AlreadyDone
                                      ? Future.succeededFuture(outcome)
                                      : done(item, latest));
                }
              }
              return done(item, latest);
            });
  }

  private static String landedRecord(final WorkItem item) {
    return item.id() + "/landed";
  }

  /** A {@link Verified}, or the {@link WorkOutcome} that ends the item. */
  private Future<Object> verify(final WorkItem item, final SignedCommitment signed) {
    final BeefyCommitment commitment = signed.commitment();
    final long block = commitment.blockNumber();
    return Future.all(
            contract.currentValidatorSet(BlockTag.LATEST),
            contract.nextValidatorSet(BlockTag.LATEST),
            source.blockHash(block).compose(hash -> source.storage(AUTHORITIES, hash)),
            mmr.advanceTo(block))
        .compose(
            all -> {
              final ValidatorSetState current = all.resultAt(0);
              final ValidatorSetState next = all.resultAt(1);
              final Optional<byte[]> authorities = all.resultAt(2);
              final BigInteger setId = BigInteger.valueOf(commitment.validatorSetId());
              final ValidatorSetState expected;
              if (setId.equals(current.id())) {
                expected = current;
              } else if (setId.equals(next.id())) {
                expected = next;
              } else {
                return Future.succeededFuture(
                    refuse(
                        item,
                        "signed by set "
                            + setId
                            + ", but the contract expects set "
                            + current.id()
                            + " or "
                            + next.id()));
              }
              if (authorities.isEmpty()) {
                return Future.succeededFuture(
                    refuse(item, "block " + block + " has no Beefy.Authorities"));
              }
              final BeefyValidatorSet set =
                  BeefyValidatorSet.ofEncodedAuthorities(
                      commitment.validatorSetId(), authorities.get());
              if (!set.root().equals(expected.root())
                  || set.size() != expected.length().intValue()) {
                return Future.succeededFuture(
                    refuse(
                        item,
                        "the chain's set "
                            + setId
                            + " (root "
                            + set.root()
                            + ", "
                            + set.size()
                            + " members) is not the contract's (root "
                            + expected.root()
                            + ", "
                            + expected.length()
                            + ")"));
              }
              final QuorumVerification quorum = verifier.verify(signed, set);
              if (!quorum.isValid()) {
                return Future.succeededFuture(
                    refuse(item, String.join("; ", quorum.result().reasons())));
              }
              final Optional<RelayChainMmr.BlockState> state = mmr.at(block);
              if (state.isEmpty()) {
                return Future.succeededFuture(
                    new WorkOutcome.Transient("the own MMR has no block " + block + " yet"));
              }
              final Optional<H256> payload = commitment.mmrRoot();
              if (payload.isEmpty() || !payload.get().equals(state.get().root())) {
                return Future.succeededFuture(
                    refuse(
                        item,
                        "the commitment's MMR root "
                            + payload.map(H256::toString).orElse("(none)")
                            + " is not the chain's "
                            + state.get().root()
                            + " at block "
                            + block));
              }
              final long leafNextSet = state.get().leaf().nextAuthoritySetId();
              if (expected == next && BigInteger.valueOf(leafNextSet).equals(next.id())) {
                // The runtime appended this block's leaf before the session rotation wrote the
                // following set (pallet-mmr declared before Session, as in the devnet's runtime):
                // the leaf of the set's next block names it. Not a bad justification; the next
                // commitment of the set is taken at once.
                synchronized (schedule) {
                  schedule.reopenSet(commitment.validatorSetId());
                }
                LOG.log(
                    System.Logger.Level.INFO,
                    name()
                        + ": "
                        + item.id()
                        + " opens set "
                        + next.id()
                        + ", but its MMR leaf still names that set as next; the set's next"
                        + " commitment hands over instead");
                return Future.succeededFuture(
                    new WorkOutcome.AlreadyDone(
                        "the leaf of block " + block + " cannot hand over; the next one will"));
              }
              if (expected == next
                  && !BigInteger.valueOf(leafNextSet).equals(next.id().add(BigInteger.ONE))) {
                // The contract would revert (InvalidMMRLeaf): its handover needs the leaf to name
                // the set after the new one.
                return Future.succeededFuture(
                    refuse(
                        item,
                        "handover to set "
                            + next.id()
                            + ", but the MMR leaf of block "
                            + block
                            + " names next set "
                            + leafNextSet
                            + ", not "
                            + next.id().add(BigInteger.ONE)));
              }
              return mmr.crossCheck(block)
                  .compose(
                      v ->
                          contract.createInitialBitfield(
                              signed.signerIndices(), signed.validatorSetLength()))
                  .map(
                      bitfield ->
                          (Object)
                              new Verified(
                                  signed, set, bitfield, state.get(), mmr.leafProof(block)));
            });
  }

  private Future<WorkOutcome> fiatShamir(final WorkItem item, final Verified verified) {
    final BeefyCommitment commitment = verified.signed().commitment();
    return contract
        .createFiatShamirFinalBitfield(commitment, verified.bitfield())
        .compose(
            sampled ->
                send(
                    item,
                    "fiat-shamir",
                    BeefyClient.submitFiatShamir(finalSubmission(verified, sampled))))
        .compose(outcome -> included(item, outcome));
  }

  /**
   * One round of the interactive protocol, from whatever the contract holds for this sender and
   * commitment: no ticket, submit the initial claim; a ticket whose delay has passed, capture the
   * randomness (or start over when it expired); randomness captured, submit the sampled proofs.
   */
  private Future<WorkOutcome> interactive(
      final WorkItem item, final Verified verified, final Instant deadline) {
    if (clock.instant().isAfter(deadline)) {
      return Future.succeededFuture(
          new WorkOutcome.Transient(
              "interactive submission not finished in " + INTERACTIVE_TIMEOUT));
    }
    final BeefyCommitment commitment = verified.signed().commitment();
    final H256 commitmentHash = commitment.hash();
    return Future.all(
            contract.latestBeefyBlock(BlockTag.LATEST),
            contract.ticket(sender.address(), commitmentHash, BlockTag.LATEST),
            ethereum.blockNumber())
        .compose(
            all -> {
              final long latest = all.<Long>resultAt(0);
              final BeefyClient.Ticket ticket = all.resultAt(1);
              final long ethereumBlock = all.<Long>resultAt(2);
              if (latest >= commitment.blockNumber()) {
                return contractIsPast(item, latest);
              }
              if (!ticket.exists()) {
                return submitInitial(item, verified, deadline);
              }
              final long opens = ticket.blockNumber() + randaoCommitDelay;
              if (!ticket.hasPrevRandao()) {
                if (ethereumBlock < opens) {
                  return pause().compose(v -> interactive(item, verified, deadline));
                }
                if (ethereumBlock >= opens + randaoCommitExpiration) {
                  LOG.log(
                      System.Logger.Level.WARNING,
                      name()
                          + ": the ticket of block "
                          + commitment.blockNumber()
                          + " from Ethereum block "
                          + ticket.blockNumber()
                          + " expired; starting over");
                  return submitInitial(item, verified, deadline);
                }
                return step(item, "randao", BeefyClient.commitPrevRandao(commitmentHash))
                    .compose(
                        outcome ->
                            outcome instanceof WorkOutcome.Confirmed
                                    || outcome instanceof WorkOutcome.Transient
                                ? interactive(item, verified, deadline)
                                : Future.succeededFuture(outcome));
              }
              return contract
                  .createFinalBitfield(sender.address(), commitmentHash, verified.bitfield())
                  .compose(
                      sampled ->
                          step(
                              item,
                              "final",
                              BeefyClient.submitFinal(finalSubmission(verified, sampled))))
                  .compose(outcome -> included(item, outcome));
            });
  }

  /** Opens a ticket, then goes on with the round. */
  private Future<WorkOutcome> submitInitial(
      final WorkItem item, final Verified verified, final Instant deadline) {
    // Any signer will do; the first keeps the usage counter of one validator, which only raises
    // the number of samples on a busy contract.
    final int signer = verified.signed().signerIndices().get(0);
    return step(
            item,
            "initial",
            BeefyClient.submitInitial(
                verified.signed().commitment(),
                verified.bitfield(),
                validatorProof(verified, signer)))
        .compose(
            outcome ->
                outcome instanceof WorkOutcome.Confirmed
                    ? interactive(item, verified, deadline)
                    : Future.succeededFuture(outcome));
  }

  /** Sends one transaction of an interactive update and records that the step happened. */
  private Future<WorkOutcome> step(final WorkItem item, final String name, final byte[] data) {
    return send(item, name, data)
        .compose(
            outcome ->
                outcome instanceof WorkOutcome.Confirmed
                    ? store
                        .saveCheckpoint(item.id() + "/" + name, logStep(item, name, outcome))
                        .map(v -> outcome)
                        .otherwise(outcome)
                    : Future.succeededFuture(outcome));
  }

  private long logStep(final WorkItem item, final String name, final WorkOutcome outcome) {
    LOG.log(
        System.Logger.Level.INFO,
        item.id()
            + ": interactive step "
            + name
            + " landed in "
            + ((WorkOutcome.Confirmed) outcome).detail());
    return clock.millis();
  }

  /**
   * Sends the transaction of one step, or resumes the one a previous run journaled for it and did
   * not see mined; Confirmed (with the hash) when included, reverts and refusals classified. A
   * mined transaction's gas is recorded and its journal entry dropped, so a later run of the step
   * sends anew.
   */
  private Future<WorkOutcome> send(final WorkItem item, final String step, final byte[] data) {
    final String journalName = item.id() + "/tx/" + step;
    final TransactionSender.Journal journal =
        version -> store.saveRecord(journalName, version.toJson());
    return store
        .record(journalName)
        .compose(
            journaled -> {
              if (journaled.isEmpty()) {
                return sender.submit(TransactionRequest.call(config.contract(), data), journal);
              }
              final SentTransaction sent = SentTransaction.fromJson(journaled.get());
              LOG.log(
                  System.Logger.Level.INFO,
                  item.id()
                      + ": resuming the "
                      + step
                      + " transaction sent before (nonce "
                      + sent.nonce()
                      + ", "
                      + sent.hash()
                      + ")");
              return sender.track(sent, journal);
            })
        .compose(
            outcome -> {
              final Future<Void> gas =
                  outcome instanceof TransactionOutcome.Included included
                      ? recordGas(item, included.receipt())
                      : outcome instanceof TransactionOutcome.Reverted revert
                          ? recordGas(item, revert.receipt())
                          : Future.succeededFuture();
              return gas.compose(v -> store.deleteRecords(journalName)).map(n -> outcome);
            })
        .compose(
            outcome -> {
              if (outcome instanceof TransactionOutcome.Included included) {
                return Future.succeededFuture(
                    (WorkOutcome) new WorkOutcome.Confirmed(included.receipt().transactionHash()));
              }
              if (outcome instanceof TransactionOutcome.Reverted revert) {
                return reverted(item, revert.reason().describe());
              }
              return Future.succeededFuture(
                  (WorkOutcome)
                      new WorkOutcome.Transient(
                          "nonce "
                              + outcome.transaction().nonce()
                              + " taken by another transaction"));
            })
        .recover(
            error -> {
              if (error instanceof TransactionException tx
                  && tx.kind() == TransactionException.Kind.WOULD_REVERT) {
                return Future.succeededFuture(
                    revertOutcome(
                        item,
                        tx.revertReason()
                            .map(r -> r.describe())
                            .orElse(String.valueOf(tx.getMessage()))));
              }
              if (error instanceof TransactionException tx
                  && tx.kind() == TransactionException.Kind.NONCE_GAP) {
                // That transaction can never be mined: the retry sends the step anew.
                return store.deleteRecords(journalName).transform(v -> Future.failedFuture(error));
              }
              return Future.failedFuture(error);
            });
  }

  /**
   * A mined revert. When the contract now has the block, another relayer's update landed first (the
   * same block, or one before ours that the estimate did not see yet): done, not a fault.
   */
  private Future<WorkOutcome> reverted(final WorkItem item, final String reason) {
    return contract
        .latestBeefyBlock(BlockTag.LATEST)
        .map(
            latest -> {
              if (latest >= blockOf(item)) {
                alreadyDone.increment();
                LOG.log(
                    System.Logger.Level.INFO,
                    name()
                        + ": "
                        + item.id()
                        + " overtaken, the contract is at block "
                        + latest
                        + " ("
                        + reason
                        + ")");
                return (WorkOutcome)
                    new WorkOutcome.AlreadyDone(
                        "another update landed first; the contract is at block " + latest);
              }
              return revertOutcome(item, reason);
            })
        .otherwise(error -> revertOutcome(item, reason));
  }

  private WorkOutcome revertOutcome(final WorkItem item, final String reason) {
    if (reason.startsWith("StaleCommitment")) {
      alreadyDone.increment();
      return new WorkOutcome.AlreadyDone("the contract is past this commitment (" + reason + ")");
    }
    if (reason.startsWith("WaitPeriodNotOver")
        || reason.startsWith("PrevRandaoAlreadyCaptured")
        || reason.startsWith("InvalidTicket")
        || reason.startsWith("TicketExpired")) {
      // The ticket moved under us (a mined step we did not see, an expiry): look again.
      return new WorkOutcome.Transient(item.id() + ": " + reason);
    }
    reverted.increment();
    LOG.log(System.Logger.Level.ERROR, name() + ": " + item.id() + " reverted: " + reason);
    return new WorkOutcome.Permanent("reverted: " + reason);
  }

  private Future<Void> recordGas(
      final WorkItem item, final io.xrelay.ethereum.rpc.TransactionReceipt receipt) {
    return store.saveRecord(
        item.id() + "/gas/" + receipt.transactionHash(), receipt.gasUsed().toString());
  }

  /**
   * The transaction that put the commitment into the contract is included: remember it, and wait
   * (in SUBMITTED) for it to be final before counting the update.
   */
  private Future<WorkOutcome> included(final WorkItem item, final WorkOutcome outcome) {
    if (!(outcome instanceof WorkOutcome.Confirmed confirmed)) {
      return Future.succeededFuture(outcome);
    }
    final String hash = confirmed.detail();
    includedLatency.record(Duration.between(item.createdAt(), clock.instant()));
    return store
        .saveRecord(landedRecord(item), hash)
        .map(v -> (WorkOutcome) new WorkOutcome.Submitted(hash));
  }

  /** Final on Ethereum: counted, with the gas of every transaction the update took. */
  private Future<WorkOutcome> landed(final WorkItem item, final String hash) {
    final long block = blockOf(item);
    return store
        .records(item.id() + "/gas/")
        .map(
            gasRecords -> {
              final BigInteger gas =
                  gasRecords.values().stream()
                      .map(BigInteger::new)
                      .reduce(BigInteger.ZERO, BigInteger::add);
              accepted.increment();
              gasUsed.record(gas.doubleValue());
              finalLatency.record(Duration.between(item.createdAt(), clock.instant()));
              contractLatest = Math.max(contractLatest, block);
              mmr.forgetBefore(block);
              LOG.log(
                  System.Logger.Level.INFO,
                  name()
                      + ": block "
                      + block
                      + " is in the contract, final on Ethereum ("
                      + protocol
                      + ", "
                      + gas
                      + " gas in "
                      + gasRecords.size()
                      + " transactions, last "
                      + hash
                      + ")");
              return (WorkOutcome)
                  new WorkOutcome.Confirmed(
                      "block " + block + " in BeefyClient, final, " + gas + " gas");
            })
        .compose(outcome -> forget(item).map(outcome));
  }

  /** Its records go with {@link #process}'s ending; only {@link #landed} forgets on its own. */
  private Future<WorkOutcome> done(final WorkItem item, final long latest) {
    alreadyDone.increment();
    return Future.succeededFuture(
        new WorkOutcome.AlreadyDone("the contract is at block " + latest));
  }

  /** The item's journal, gas and landing records, once it is final either way. */
  private Future<Void> forget(final WorkItem item) {
    return store.deleteRecords(item.id() + "/").<Void>mapEmpty().otherwiseEmpty();
  }

  private long blockOf(final WorkItem item) {
    return Long.parseLong(item.id().substring(item.id().lastIndexOf('/') + 1));
  }

  private WorkOutcome refuse(final WorkItem item, final String reason) {
    refused.increment();
    LOG.log(
        System.Logger.Level.WARNING, name() + ": refusing " + item.id() + ", not sent: " + reason);
    return new WorkOutcome.Permanent("refused: " + reason);
  }

  private WorkOutcome failure(final WorkItem item, final Throwable error) {
    if (error instanceof RelayChainMmr.MmrRootMismatchException) {
      onMmrFailure(error);
      return new WorkOutcome.Transient("route stopped: " + error.getMessage());
    }
    failed.increment();
    return new WorkOutcome.Transient(item.id() + ": " + error.getMessage());
  }

  private BeefyClient.FinalSubmission finalSubmission(
      final Verified verified, final List<BigInteger> sampled) {
    final List<ValidatorProof> proofs = new ArrayList<>();
    for (int i = 0; i < verified.set().size(); i++) {
      final BigInteger word = i / 256 < sampled.size() ? sampled.get(i / 256) : BigInteger.ZERO;
      if (word.testBit(i % 256)) {
        proofs.add(validatorProof(verified, i));
      }
    }
    return new BeefyClient.FinalSubmission(
        verified.signed().commitment(),
        verified.bitfield(),
        proofs,
        verified.block().leaf(),
        verified.leafProof().items(),
        verified.leafProof().order());
  }

  private static ValidatorProof validatorProof(final Verified verified, final int index) {
    return ValidatorProof.forSubmission(
        verified.signed().signatures().get(index).orElseThrow(),
        index,
        verified.set().members().get(index).orElseThrow(),
        verified.set().proof(index).items());
  }

  private Future<Void> pause() {
    final Promise<Void> promise = Promise.promise();
    vertx.setTimer(POLL.toMillis(), t -> promise.complete());
    return promise.future();
  }
}
