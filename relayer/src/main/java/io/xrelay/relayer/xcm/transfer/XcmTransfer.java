package io.xrelay.relayer.xcm.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.xrelay.config.SubstrateChainConfig;
import io.xrelay.substrate.client.ExtrinsicOutcome;
import io.xrelay.substrate.client.ExtrinsicSubmitter;
import io.xrelay.substrate.client.RpcSubscription;
import io.xrelay.substrate.client.SubstrateClient;
import io.xrelay.substrate.client.WebSocketRpcClient;
import io.xrelay.substrate.events.EventRecord;
import io.xrelay.substrate.extrinsic.ExtrinsicBuilder;
import io.xrelay.substrate.extrinsic.SignedExtrinsic;
import io.xrelay.substrate.keys.KeyPair;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.value.Value;
import io.xrelay.xcm.VersionedLocation;
import io.xrelay.xcm.builder.Chain;
import io.xrelay.xcm.id.XcmIds;
import io.xrelay.xcm.json.XcmJson;
import io.xrelay.xcm.model.Asset;
import io.xrelay.xcm.model.Bytes;
import io.xrelay.xcm.model.Location;
import io.xrelay.xcm.model.NetworkId;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One XCM transfer, end to end: build the pallet-xcm call from the origin runtime's metadata
 * ({@link TransferCallPlanner}), sign it, submit it, find the message it sent and its id, and wait
 * for its processing on the destination ({@link DestinationOutcome}). Blocking: it runs on the
 * calling thread (a command, a test, a load driver), never on an event loop.
 */
public final class XcmTransfer {
  private static final Duration RPC_WAIT = Duration.ofSeconds(60);
  private static final Duration QUEUE_WAIT = Duration.ofSeconds(10);

  /**
   * @param asset a symbol (the origin's native token, e.g. KSM) or a versioned location as JSON
   * @param decimals the asset's decimals when it is not the native token
   */
  public record Request(
      SubstrateChainConfig origin,
      SubstrateChainConfig destination,
      String asset,
      String amount,
      OptionalInt decimals,
      Beneficiary beneficiary,
      KeyPair key,
      boolean dryRun,
      Duration timeout) {}

  /** Bad input found while preparing the transfer; {@code option} is the command-line option. */
  public static final class InvalidTransferException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String option;

    public InvalidTransferException(final String option, final String message) {
      super(option + ": " + message);
      this.option = option;
    }

    public String option() {
      return option;
    }
  }

  private final Vertx vertx;

  public XcmTransfer(final Vertx vertx) {
    this.vertx = vertx;
  }

  public TransferResult run(final Request request) throws Exception {
    final Chain origin = chain(request.origin(), "--from");
    final Chain destination = chain(request.destination(), "--to");
    if (origin.equals(destination)) {
      throw new InvalidTransferException("--to", "the destination is the origin chain");
    }
    final WebSocketRpcClient originRpc = connect(request.origin());
    try {
      final WebSocketRpcClient destinationRpc = connect(request.destination());
      try {
        return run(request, origin, destination, originRpc, destinationRpc);
      } finally {
        await(destinationRpc.close());
      }
    } finally {
      await(originRpc.close());
    }
  }

  private TransferResult run(
      final Request request,
      final Chain origin,
      final Chain destination,
      final WebSocketRpcClient originRpc,
      final WebSocketRpcClient destinationRpc)
      throws Exception {
    final SubstrateClient originClient = new SubstrateClient(originRpc);
    final SubstrateClient destinationClient = new SubstrateClient(destinationRpc);
    final RuntimeMetadata metadata = await(originClient.metadata(null));

    final NativeToken token = nativeToken(originClient, origin);
    final Location assetLocation;
    final int decimals;
    final String symbol;
    final Location nativeLocation =
        origin.isRelay() || origin.isSystemParachain()
            ? origin.locationOf(Chain.relay(origin.network()))
            : Location.HERE;
    if (request.asset().strip().startsWith("{")) {
      try {
        if (!(XcmJson.locationFromJson(new ObjectMapper().readTree(request.asset()))
            instanceof VersionedLocation.Current current)) {
          throw new IllegalArgumentException("a V2 location; give it as V3 or later");
        }
        assetLocation = current.location();
      } catch (Exception e) {
        throw new InvalidTransferException(
            "--asset", "not a symbol nor a versioned location in JSON: " + e.getMessage());
      }
      if (assetLocation.equals(nativeLocation)) {
        decimals = token.decimals();
        symbol = token.symbol();
      } else {
        decimals =
            request
                .decimals()
                .orElseThrow(
                    () ->
                        new InvalidTransferException(
                            "--decimals",
                            "the decimals of asset " + assetLocation + " are unknown; give them"));
        symbol = "units of " + request.asset().strip();
      }
    } else if (request.asset().strip().equalsIgnoreCase(token.symbol())) {
      assetLocation = nativeLocation;
      decimals = token.decimals();
      symbol = token.symbol();
    } else {
      throw new InvalidTransferException(
          "--asset",
          "unknown asset '"
              + request.asset()
              + "' on "
              + request.origin().name()
              + " (its native token is "
              + token.symbol()
              + "; other assets by their location as JSON, e.g."
              + " {\"type\":\"V3\",\"value\":{\"parents\":1,\"interior\":{\"type\":\"Here\"}}})");
    }
    final BigInteger amount;
    try {
      amount = TransferAmount.parse(request.amount(), decimals);
    } catch (IllegalArgumentException e) {
      throw new InvalidTransferException("--amount", e.getMessage());
    }
    final Location beneficiary = request.beneficiary().location();

    final TransferCallPlanner.PlannedCall planned;
    try {
      planned =
          TransferCallPlanner.plan(
              metadata,
              origin,
              destination,
              Asset.fungible(assetLocation, amount),
              beneficiary,
              Optional.empty());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InvalidTransferException("--from", e.getMessage());
    }
    final Optional<OutboundQueue> queue = OutboundQueue.of(metadata, origin, destination);
    if (planned.topic().isEmpty() && queue.isEmpty()) {
      throw new InvalidTransferException(
          "--to",
          "the origin runtime appends its own random topic and there is no outbound queue to"
              + " read it from between two parachains; this transfer could not be tracked");
    }

    final List<String> notes = new ArrayList<>();
    final RuntimeApis apis = await(RuntimeApis.read(originRpc));
    Optional<String> dryRunFailure = Optional.empty();
    if (apis.offers(RuntimeApis.DRY_RUN_API)) {
      try {
        final XcmPreflight.DryRun dryRun =
            await(
                new XcmPreflight(await(XcmPreflight.metadataV15(originRpc)))
                    .dryRun(
                        originRpc,
                        request.key().accountId(),
                        planned.call().callData().toArray(),
                        planned.version()));
        dryRunFailure = dryRun.error().map(error -> "dry run: " + error);
        notes.add(
            dryRun.error().isPresent()
                ? "DryRunApi: " + dryRun.error().get()
                : "DryRunApi: the call succeeds and sends "
                    + dryRun.forwardedMessages()
                    + " message(s)");
        dryRun.deliveryFees().forEach(fee -> notes.add("XcmPaymentApi: delivery fee to " + fee));
      } catch (Exception e) {
        notes.add("DryRunApi: offered, but the dry run could not be made: " + e.getMessage());
      }
    } else {
      notes.add("DryRunApi: not offered by the origin runtime, so no dry run");
    }
    if (!apis.offers(RuntimeApis.XCM_PAYMENT_API)) {
      notes.add(
          "XcmPaymentApi: not offered by the origin runtime, so no fee estimate; the"
              + " destination takes its execution fee out of the amount");
    }
    notes.add("transfer type: " + planned.type().getClass().getSimpleName());
    notes.add(
        planned.topic().isPresent()
            ? "message id: the SetTopic appended to the XCM run on the destination"
            : "message id: the SetTopic the origin's router appended (random), read from the"
                + " outbound queue at the inclusion block");

    final ExtrinsicSubmitter submitter = new ExtrinsicSubmitter(vertx, originClient);
    final SignedExtrinsic extrinsic =
        new ExtrinsicBuilder(metadata)
            .sign(
                planned.call().callData().toArray(),
                request.key(),
                await(submitter.signingParameters(request.key().accountId())));
    final Optional<String> fee =
        request.dryRun() ? transactionFee(originRpc, extrinsic, notes) : Optional.empty();
    final String amountText = TransferAmount.format(amount, decimals) + " " + symbol;
    if (request.dryRun()) {
      return new TransferResult(
          planned.topic().map(Bytes::toHex),
          Optional.empty(),
          request.origin().name(),
          -1,
          Optional.of(extrinsic.hash()),
          request.destination().name(),
          -1,
          Optional.empty(),
          dryRunFailure.isPresent() ? "fail" : "dry-run",
          dryRunFailure,
          planned.call().name(),
          planned.call().callData().toHex(),
          amountText,
          amount.toString(),
          fee,
          Optional.empty(),
          List.of(),
          notes,
          0);
    }

    if (dryRunFailure.isPresent()) {
      // The runtime says the call would fail: submitting it would only cost the fee.
      return new TransferResult(
          planned.topic().map(Bytes::toHex),
          Optional.empty(),
          request.origin().name(),
          -1,
          Optional.empty(),
          request.destination().name(),
          -1,
          Optional.empty(),
          "fail",
          dryRunFailure,
          planned.call().name(),
          planned.call().callData().toHex(),
          amountText,
          amount.toString(),
          fee,
          Optional.empty(),
          List.of(),
          notes,
          0);
    }
    final DestinationOutcome watcher = await(DestinationOutcome.follow(vertx, destinationClient));
    final Map<String, byte[]> queueByBlock = new ConcurrentHashMap<>();
    RpcSubscription queueSubscription = null;
    try {
      if (queue.isPresent()) {
        queueSubscription =
            await(
                originClient.subscribeStorage(
                    List.of(queue.get().key()),
                    change ->
                        change.values().values().stream()
                            .findFirst()
                            .flatMap(value -> value)
                            .ifPresent(
                                value ->
                                    queueByBlock.put(
                                        change.block().toLowerCase(Locale.ROOT), value))));
      }
      final long submitted = System.nanoTime();
      final ExtrinsicOutcome included =
          await(submitter.submitAndWatch(extrinsic, false, request.timeout()), request.timeout());
      final Builder result =
          new Builder(request, planned, amountText, amount, fee, notes, submitted);
      if (!included.included()) {
        return result.failed(
            included, "the origin did not take the extrinsic: " + included.reason());
      }
      result.fee = feePaid(included.events()).or(() -> fee);
      notes.add(
          String.format(
              Locale.ROOT,
              "in an origin block %.2f s after submission",
              (System.nanoTime() - submitted) / 1e9));
      if (!included.success()) {
        return result.failed(included, "the extrinsic failed on the origin: " + included.reason());
      }
      final Optional<String> attemptError = attemptError(included.events());
      if (attemptError.isPresent()) {
        return result.failed(included, attemptError.get());
      }

      final Set<String> ids = new LinkedHashSet<>();
      planned.topic().ifPresent(topic -> ids.add(topic.toHex()));
      sentMessageId(included.events()).ifPresent(ids::add);
      Optional<String> messageHash = Optional.empty();
      if (queue.isPresent()) {
        final Optional<byte[]> sent =
            sentMessage(
                originClient,
                queue.get(),
                queueByBlock,
                included.blockHash(),
                planned,
                beneficiary);
        if (sent.isPresent()) {
          final List<Bytes> candidates = XcmIds.candidateProcessedIds(sent.get());
          candidates.forEach(id -> ids.add(id.toHex()));
          messageHash = Optional.of(XcmIds.messageHash(sent.get()).toHex());
        }
      }
      if (ids.isEmpty()) {
        return result.failed(
            included,
            "timeout",
            "the message was not found in the outbound queue at block "
                + included.blockNumber()
                + ", so it cannot be followed on the destination");
      }
      final DestinationOutcome.Result outcome =
          await(
              watcher.await(ids, request.beneficiary().account(), request.timeout()),
              request.timeout());
      return result.done(included, ids.iterator().next(), messageHash, outcome);
    } finally {
      // Waiting for the unsubscriptions keeps their replies from arriving at a closed client.
      awaitQuietly(watcher.close());
      if (queueSubscription != null) {
        awaitQuietly(queueSubscription.unsubscribe());
      }
    }
  }

  /** Builds results with what every outcome shares. */
  private final class Builder {
    private final Request request;
    private final TransferCallPlanner.PlannedCall planned;
    private final String amountText;
    private final BigInteger amount;
    private Optional<String> fee;
    private final List<String> notes;
    private final long submitted;

    Builder(
        final Request request,
        final TransferCallPlanner.PlannedCall planned,
        final String amountText,
        final BigInteger amount,
        final Optional<String> fee,
        final List<String> notes,
        final long submitted) {
      this.request = request;
      this.planned = planned;
      this.amountText = amountText;
      this.amount = amount;
      this.fee = fee;
      this.notes = notes;
      this.submitted = submitted;
    }

    TransferResult failed(final ExtrinsicOutcome included, final String error) {
      return failed(included, "fail", error);
    }

    TransferResult failed(
        final ExtrinsicOutcome included, final String outcome, final String error) {
      return new TransferResult(
          planned.topic().map(Bytes::toHex),
          Optional.empty(),
          request.origin().name(),
          included.included() ? included.blockNumber() : -1,
          Optional.of(included.extrinsicHash()),
          request.destination().name(),
          -1,
          Optional.empty(),
          outcome,
          Optional.of(error),
          planned.call().name(),
          planned.call().callData().toHex(),
          amountText,
          amount.toString(),
          fee,
          Optional.empty(),
          List.of(),
          notes,
          elapsed());
    }

    TransferResult done(
        final ExtrinsicOutcome included,
        final String messageId,
        final Optional<String> messageHash,
        final DestinationOutcome.Result outcome) {
      return new TransferResult(
          Optional.of(messageId),
          messageHash,
          request.origin().name(),
          included.blockNumber(),
          Optional.of(included.extrinsicHash()),
          request.destination().name(),
          outcome.block(),
          Optional.ofNullable(outcome.event()).filter(event -> !event.isEmpty()),
          outcome.outcome().lowerName(),
          outcome.error(),
          planned.call().name(),
          planned.call().callData().toHex(),
          amountText,
          amount.toString(),
          fee,
          outcome.outcome() == DestinationOutcome.Outcome.TIMEOUT
              ? Optional.empty()
              : Optional.of(outcome.credited().toString()),
          outcome.trapped(),
          notes,
          elapsed());
    }

    private double elapsed() {
      return (System.nanoTime() - submitted) / 1e9;
    }
  }

  /** Our message in the queue at the inclusion block: from the subscription, else read there. */
  private static Optional<byte[]> sentMessage(
      final SubstrateClient client,
      final OutboundQueue queue,
      final Map<String, byte[]> queueByBlock,
      final String blockHash,
      final TransferCallPlanner.PlannedCall planned,
      final Location beneficiary)
      throws Exception {
    final long deadline = System.nanoTime() + QUEUE_WAIT.toNanos();
    byte[] value = queueByBlock.get(blockHash.toLowerCase(Locale.ROOT));
    while (value == null && System.nanoTime() < deadline) {
      // A node that keeps the queue (not chopsticks for DMP) has it at the block itself.
      value = await(client.storage(queue.key(), blockHash)).orElse(null);
      if (value == null) {
        Thread.sleep(200);
        value = queueByBlock.get(blockHash.toLowerCase(Locale.ROOT));
      }
    }
    return value == null
        ? Optional.empty()
        : OutboundQueue.find(queue.messages(value), planned.topic(), beneficiary);
  }

  /** {@code Attempted{outcome}} on the origin: anything but Complete stopped it there. */
  private static Optional<String> attemptError(final List<EventRecord> events) {
    for (final EventRecord event : events) {
      if (event.name().equals("Attempted")) {
        final Value outcome =
            event
                .fields()
                .field("outcome")
                .orElse(event.fields().size() > 0 ? event.fields().get(0) : null);
        if (outcome instanceof Value.Variant variant && !variant.name().equals("Complete")) {
          return Optional.of(
              "the XCM failed on the origin ("
                  + event.qualifiedName()
                  + "): "
                  + ValueText.of(variant));
        }
      }
    }
    return Optional.empty();
  }

  /** {@code TransactionPayment.TransactionFeePaid{actual_fee}}: what the origin charged. */
  private static Optional<String> feePaid(final List<EventRecord> events) {
    for (final EventRecord event : events) {
      if (event.is("TransactionPayment", "TransactionFeePaid")
          && event.fields().field("actual_fee").orElse(null) instanceof Value.Int fee) {
        return Optional.of(fee.value().toString());
      }
    }
    return Optional.empty();
  }

  /** {@code Sent{message_id}} of current pallet-xcm (none for teleports on older runtimes). */
  private static Optional<String> sentMessageId(final List<EventRecord> events) {
    for (final EventRecord event : events) {
      if (event.name().equals("Sent")
          && event.fields().field("message_id").map(Value::unwrapNewtypes).orElse(null)
              instanceof Value.Bytes id) {
        return Optional.of(id.hex());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> transactionFee(
      final WebSocketRpcClient rpc, final SignedExtrinsic extrinsic, final List<String> notes) {
    try {
      final Object info = await(rpc.call("payment_queryInfo", extrinsic.hex()));
      if (info instanceof JsonObject object && object.getValue("partialFee") != null) {
        return Optional.of(String.valueOf(object.getValue("partialFee")));
      }
      // chopsticks answers with the SCALE bytes of RuntimeDispatchInfo, not JSON
      notes.add("transaction fee: not estimated (payment_queryInfo answered without partialFee)");
    } catch (Exception e) {
      // an estimate only: a node without the payment RPC still transfers
      notes.add("transaction fee: not estimated (payment_queryInfo: " + e.getMessage() + ")");
    }
    return Optional.empty();
  }

  record NativeToken(String symbol, int decimals) {}

  /** From {@code system_properties}; the network's token when the node does not say. */
  private static NativeToken nativeToken(final SubstrateClient client, final Chain chain)
      throws Exception {
    final NativeToken fallback =
        chain.network().equals(NetworkId.KUSAMA)
            ? new NativeToken("KSM", 12)
            : new NativeToken("DOT", 10);
    final Object properties = await(client.rpc().call("system_properties"));
    if (!(properties instanceof JsonObject json)) {
      return fallback;
    }
    final Object symbol = first(json.getValue("tokenSymbol"));
    final Object decimals = first(json.getValue("tokenDecimals"));
    return new NativeToken(
        symbol instanceof String text ? text : fallback.symbol(),
        decimals instanceof Number number ? number.intValue() : fallback.decimals());
  }

  private static Object first(final Object value) {
    return value instanceof io.vertx.core.json.JsonArray array && !array.isEmpty()
        ? array.getValue(0)
        : value;
  }

  /** The chain's place in its consensus, from its config: SS58 prefix and para id. */
  static Chain chain(final SubstrateChainConfig config, final String option) {
    final NetworkId network;
    if (config.ss58Prefix() == 2) {
      network = NetworkId.KUSAMA;
    } else if (config.ss58Prefix() == 0) {
      network = NetworkId.POLKADOT;
    } else {
      throw new InvalidTransferException(
          option,
          "chain '"
              + config.name()
              + "' has SS58 prefix "
              + config.ss58Prefix()
              + ", so it is not known to be on Kusama (2) or Polkadot (0)");
    }
    return config.paraId().isPresent()
        ? Chain.parachain(network, config.paraId().getAsLong())
        : Chain.relay(network);
  }

  private WebSocketRpcClient connect(final SubstrateChainConfig config) throws Exception {
    final List<String> endpoints = config.endpoints().stream().map(URI::toString).toList();
    return await(
        WebSocketRpcClient.connect(
            vertx,
            WebSocketRpcClient.Options.of(endpoints).withRequestTimeout(config.requestTimeout())));
  }

  private static <T> T await(final Future<T> future) throws Exception {
    return future.await(RPC_WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static void awaitQuietly(final Future<?> future) {
    try {
      future.await(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing anyway
    }
  }

  /** For futures that settle on their own within {@code timeout}. */
  private static <T> T await(final Future<T> future, final Duration timeout) throws Exception {
    return future.await(timeout.plus(RPC_WAIT).toMillis(), TimeUnit.MILLISECONDS);
  }
}
