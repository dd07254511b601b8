package io.xrelay.relayer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every metric the relayer exports, in Prometheus style: {@code relayer_} prefix, base units,
 * {@code _total} counters, low-cardinality labels ({@code chain}, {@code route}, {@code state},
 * {@code outcome}, {@code reason}). Dotted names here become underscores in the scrape.
 */
public final class RelayerMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

  public RelayerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }

  // ---- chains ----

  public void bestBlock(final String chain, final long number) {
    gauge("relayer.chain.best.block", "Best (not yet final) block seen", number, "chain", chain);
  }

  /**
   * Creates the error counters of a chain's usual methods at zero, so that rates and alerts see a
   * series before the first error.
   */
  public void initializeRpcErrors(final String chain, final java.util.List<String> methods) {
    for (final String method : methods) {
      for (final io.xrelay.substrate.client.RpcException.Kind kind :
          io.xrelay.substrate.client.RpcException.Kind.values()) {
        rpcErrors(chain, method, kind.name().toLowerCase(java.util.Locale.ROOT));
      }
    }
  }

  public void finalizedBlock(final String chain, final long number) {
    gauge("relayer.chain.finalized.block", "Last finalized block seen", number, "chain", chain);
  }

  /** Seconds between the newest finalized block's timestamp and now. */
  public void lagSeconds(final String chain, final long seconds) {
    gauge(
        "relayer.chain.lag.seconds", "Age of the newest finalized block", seconds, "chain", chain);
  }

  public void connected(final String chain, final boolean connected) {
    gauge(
        "relayer.chain.connected",
        "1 when the chain's RPC connection is up",
        connected ? 1 : 0,
        "chain",
        chain);
  }

  public Counter reconnects(final String chain) {
    return Counter.builder("relayer.rpc.reconnects")
        .description("RPC reconnections")
        .tag("chain", chain)
        .register(registry);
  }

  public Counter rpcRequests(final String chain, final String method) {
    return Counter.builder("relayer.rpc.requests")
        .description("RPC requests sent")
        .tag("chain", chain)
        .tag("method", method)
        .register(registry);
  }

  public Counter rpcErrors(final String chain, final String method, final String kind) {
    return Counter.builder("relayer.rpc.errors")
        .description("RPC requests that failed, by kind")
        .tag("chain", chain)
        .tag("method", method)
        .tag("reason", kind)
        .register(registry);
  }

  public Timer rpcLatency(final String chain, final String method) {
    return Timer.builder("relayer.rpc.latency")
        .description("RPC request latency")
        .tag("chain", chain)
        .tag("method", method)
        .publishPercentileHistogram(false)
        .register(registry);
  }

  // ---- routes ----

  public void itemsInState(final String route, final String state, final long count) {
    gauge("relayer.route.items", "Work items by state", count, "route", route, "state", state);
  }

  public void oldestPendingSeconds(final String route, final long seconds) {
    gauge(
        "relayer.route.oldest.pending.seconds",
        "Age of the oldest item not yet final",
        seconds,
        "route",
        route);
  }

  public void owned(final String route, final boolean owned) {
    gauge(
        "relayer.route.owned",
        "1 when this instance owns the route",
        owned ? 1 : 0,
        "route",
        route);
  }

  public Counter relayed(final String route) {
    return Counter.builder("relayer.route.relayed")
        .description("Items confirmed")
        .tag("route", route)
        .register(registry);
  }

  public Counter failures(final String route, final String reason) {
    return Counter.builder("relayer.route.failures")
        .description("Failed attempts, by reason")
        .tag("route", route)
        .tag("reason", reason)
        .register(registry);
  }

  public Counter retries(final String route) {
    return Counter.builder("relayer.route.retries")
        .description("Attempts after the first")
        .tag("route", route)
        .register(registry);
  }

  public Counter deadLettered(final String route) {
    return Counter.builder("relayer.route.dead.lettered")
        .description("Items given up with a reason")
        .tag("route", route)
        .register(registry);
  }

  public Timer endToEnd(final String route) {
    return Timer.builder("relayer.route.latency")
        .description("From an item's creation to its confirmation")
        .tag("route", route)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(10))
        .maximumExpectedValue(Duration.ofHours(2))
        .register(registry);
  }

  // ---- BEEFY ----

  public Counter beefyJustifications(final String chain, final String outcome) {
    return Counter.builder("relayer.beefy.justifications")
        .description("BEEFY justifications seen, by verification outcome")
        .tag("chain", chain)
        .tag("outcome", outcome)
        .register(registry);
  }

  public void beefyLatestBlock(final String chain, final long number) {
    gauge(
        "relayer.beefy.latest.block",
        "Latest block with a verified BEEFY justification",
        number,
        "chain",
        chain);
  }

  // ---- BEEFY to Ethereum ----

  public void beefyContractLatestBlock(final String route, final long number) {
    gauge(
        "relayer.beefy.contract.latest.block",
        "latestBeefyBlock of the route's BeefyClient, as of the finalized Ethereum state",
        number,
        "route",
        route);
  }

  public void beefyChainLatestBlock(final String chain, final long number) {
    gauge(
        "relayer.beefy.chain.latest.block",
        "Newest block of the chain with a BEEFY justification",
        number,
        "chain",
        chain);
  }

  public void beefyContractLagBlocks(final String route, final long blocks) {
    gauge(
        "relayer.beefy.contract.lag.blocks",
        "Source blocks between the newest BEEFY justification and the contract's latest block",
        blocks,
        "route",
        route);
  }

  public void beefyContractLagSeconds(final String route, final long seconds) {
    gauge(
        "relayer.beefy.contract.lag.seconds",
        "How long the oldest BEEFY-final block not in the contract has been final (0 in sync)",
        seconds,
        "route",
        route);
  }

  /** Outcomes: accepted, already_done, refused (not verified, never sent), reverted, failed. */
  public Counter beefySubmissions(final String route, final String protocol, final String outcome) {
    return Counter.builder("relayer.beefy.submissions")
        .description("BEEFY commitments handled by the route, by outcome")
        .tag("route", route)
        .tag("protocol", protocol)
        .tag("outcome", outcome)
        .register(registry);
  }

  /** Gas of one accepted update: every transaction of it (three for the interactive protocol). */
  public io.micrometer.core.instrument.DistributionSummary beefyGasUsed(
      final String route, final String protocol) {
    return io.micrometer.core.instrument.DistributionSummary.builder("relayer.beefy.gas.used")
        .description("Gas used per accepted BEEFY update")
        .tag("route", route)
        .tag("protocol", protocol)
        .register(registry);
  }

  /**
   * From a BEEFY justification's arrival to its update in the contract: {@code stage} "included"
   * (the landing transaction has a receipt) or "final" (that receipt's block is final on Ethereum).
   */
  public Timer beefyUpdateLatency(final String route, final String protocol, final String stage) {
    return Timer.builder("relayer.beefy.update.latency")
        .description("BEEFY justification received to its update in the contract, by stage")
        .tag("route", route)
        .tag("protocol", protocol)
        .tag("stage", stage)
        .register(registry);
  }

  public Counter beefyMmrRootMismatch(final String route) {
    return Counter.builder("relayer.beefy.mmr.root.mismatch")
        .description("Own MMR roots that differ from the runtime's Mmr.RootHash (stops the route)")
        .tag("route", route)
        .register(registry);
  }

  public Counter purgedItems() {
    return Counter.builder("relayer.store.purged.items")
        .description("Confirmed items deleted after the store's retention")
        .register(registry);
  }

  // ---- signers ----

  /** A signer's free balance in whole tokens (KSM, DOT, ETH) and its next nonce. */
  public void signerAccount(
      final String chain, final String signer, final double balance, final long nonce) {
    doubleGauge(
        "relayer.signer.balance",
        "Free balance of a signer account in whole tokens (KSM, DOT, ETH)",
        balance,
        "chain",
        chain,
        "signer",
        signer);
    gauge(
        "relayer.signer.nonce",
        "Next nonce of a signer account",
        nonce,
        "chain",
        chain,
        "signer",
        signer);
  }

  // ---- XCM ----

  /** Journeys that reached an outcome (success, fail, timeout). */
  public Counter xcmMessages(final String origin, final String destination, final String outcome) {
    return Counter.builder("relayer.xcm.messages")
        .description("XCM journeys by outcome")
        .tag("origin", origin)
        .tag("destination", destination)
        .tag("outcome", outcome)
        .register(registry);
  }

  /** From the first sent leg to the journey's outcome. */
  public Timer xcmJourney() {
    return Timer.builder("relayer.xcm.journey")
        .description("From an XCM message's send to its outcome")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(100))
        .maximumExpectedValue(Duration.ofHours(24))
        .register(registry);
  }

  public void xcmPending(final String origin, final String destination, final long count) {
    gauge(
        "relayer.xcm.pending",
        "XCM journeys sent and not yet received",
        count,
        "origin",
        origin,
        "destination",
        destination);
  }

  public Counter xcmTimeouts() {
    return Counter.builder("relayer.xcm.timeouts")
        .description("XCM journeys with no outcome within their route's timeout")
        .register(registry);
  }

  /** 1 for the secp256k1 backend in use (native libsecp256k1 or the BouncyCastle fallback). */
  public void secp256k1Backend(final String backend) {
    gauge(
        "relayer.crypto.secp256k1.backend",
        "The secp256k1 implementation in use (value 1)",
        1,
        "backend",
        backend);
  }

  private void gauge(
      final String name, final String description, final long value, final String... tags) {
    doubleGauge(name, description, value, tags);
  }

  /** One holder per series: the bits of its double value, read by the registered gauge. */
  private void doubleGauge(
      final String name, final String description, final double value, final String... tags) {
    final String key = name + String.join(",", tags);
    gauges
        .computeIfAbsent(
            key,
            k -> {
              final AtomicLong bits = new AtomicLong();
              Gauge.builder(name, bits, held -> Double.longBitsToDouble(held.get()))
                  .description(description)
                  .tags(tags)
                  .register(registry);
              return bits;
            })
        .set(Double.doubleToRawLongBits(value));
  }
}
