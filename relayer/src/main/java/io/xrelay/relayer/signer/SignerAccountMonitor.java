package io.xrelay.relayer.signer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xrelay.config.ChainConfig;
import io.xrelay.config.EthereumChainConfig;
import io.xrelay.config.RelayerConfig;
import io.xrelay.config.SignerConfig;
import io.xrelay.config.SignerScheme;
import io.xrelay.ethereum.rpc.BlockTag;
import io.xrelay.ethereum.rpc.EthereumRpc;
import io.xrelay.ethereum.rpc.HttpEthereumRpc;
import io.xrelay.relayer.metrics.RelayerMetrics;
import io.xrelay.scale.ScaleReader;
import io.xrelay.substrate.client.SubstrateClient;
import io.xrelay.substrate.keys.Ss58;
import io.xrelay.substrate.metadata.StorageHasher;
import io.xrelay.substrate.storage.StorageKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the balance and nonce of every configured signer at a fixed interval and exports them as
 * {@code relayer_signer_balance{chain,signer}} (whole tokens: KSM, DOT, ETH) and {@code
 * relayer_signer_nonce{chain,signer}}, so an operator is warned before a signer runs dry. A failed
 * read keeps the last value and is logged; it never stops the service.
 */
public final class SignerAccountMonitor {
  private static final System.Logger LOG = System.getLogger(SignerAccountMonitor.class.getName());
  private static final byte[] SYSTEM_ACCOUNT = StorageKey.prefix("System", "Account");
  private static final int ETHER_DECIMALS = 18;
  private static final int DEFAULT_SUBSTRATE_DECIMALS = 12;

  private final Vertx vertx;
  private final RelayerConfig config;
  private final Function<String, Optional<SubstrateClient>> substrateClients;
  private final RelayerMetrics metrics;
  private final Duration interval;
  private final Map<String, String> accounts;
  private final Map<String, EthereumRpc> ethereumClients = new LinkedHashMap<>();
  private final Map<String, Integer> decimals = new LinkedHashMap<>();
  private long timer = -1;

  /**
   * @param substrateClients the connected client of a Substrate chain, by name (the chain
   *     watchers')
   */
  public SignerAccountMonitor(
      final Vertx vertx,
      final RelayerConfig config,
      final Function<String, Optional<SubstrateClient>> substrateClients,
      final RelayerMetrics metrics,
      final Duration interval) {
    this.vertx = vertx;
    this.config = config;
    this.substrateClients = substrateClients;
    this.metrics = metrics;
    this.interval = interval;
    this.accounts = SignerAccounts.derive(config).accounts();
  }

  /** Reads every signer once now and then every interval; idempotent. */
  public synchronized Future<Void> start() {
    if (timer >= 0 || accounts.isEmpty()) {
      return Future.succeededFuture();
    }
    timer = vertx.setPeriodic(interval.toMillis(), t -> refresh());
    return refresh();
  }

  public synchronized Future<Void> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    final List<Future<Void>> closed = new ArrayList<>();
    ethereumClients.values().forEach(client -> closed.add(client.close().otherwiseEmpty()));
    ethereumClients.clear();
    return Future.join(closed).mapEmpty();
  }

  /** One read of every signer; completes when all reads are done, failed ones included. */
  public Future<Void> refresh() {
    final List<Future<Void>> reads = new ArrayList<>();
    for (final SignerConfig signer : config.signers().values()) {
      final String account = accounts.get(signer.name());
      if (account == null) {
        continue; // its key is unreadable: the config check reported it
      }
      final Future<Void> read =
          signer.scheme() == SignerScheme.ETHEREUM
              ? readEthereum(signer, account)
              : readSubstrate(signer, account);
      reads.add(
          read.onFailure(
              error ->
                  LOG.log(
                      System.Logger.Level.WARNING,
                      "signer "
                          + signer.name()
                          + " on "
                          + signer.chain()
                          + ": balance not read ("
                          + error.getMessage()
                          + ")")));
    }
    return Future.join(reads).mapEmpty();
  }

  private Future<Void> readEthereum(final SignerConfig signer, final String address) {
    final EthereumRpc rpc;
    try {
      rpc = ethereumClient(signer.chain());
    } catch (IllegalStateException e) {
      return Future.failedFuture(e);
    }
    return Future.all(
            rpc.balance(address, BlockTag.LATEST), rpc.transactionCount(address, BlockTag.PENDING))
        .map(
            all -> {
              final BigInteger wei = all.resultAt(0);
              final long nonce = all.<Long>resultAt(1);
              metrics.signerAccount(
                  signer.chain(), signer.name(), tokens(wei, ETHER_DECIMALS), nonce);
              return null;
            });
  }

  private synchronized EthereumRpc ethereumClient(final String chain) {
    final EthereumRpc existing = ethereumClients.get(chain);
    if (existing != null) {
      return existing;
    }
    final ChainConfig chainConfig = config.chains().get(chain);
    if (!(chainConfig instanceof EthereumChainConfig ethereum)) {
      throw new IllegalStateException(chain + " is not an Ethereum chain");
    }
    final List<String> http =
        ethereum.endpoints().stream()
            .map(URI::toString)
            .filter(uri -> uri.toLowerCase(Locale.ROOT).startsWith("http"))
            .toList();
    if (http.isEmpty()) {
      throw new IllegalStateException(chain + " has no http(s) endpoint to read balances from");
    }
    final EthereumRpc created = HttpEthereumRpc.create(vertx, HttpEthereumRpc.Options.of(http));
    ethereumClients.put(chain, created);
    return created;
  }

  private Future<Void> readSubstrate(final SignerConfig signer, final String address) {
    final Optional<SubstrateClient> client = substrateClients.apply(signer.chain());
    if (client.isEmpty()) {
      return Future.failedFuture(new IllegalStateException(signer.chain() + " is not connected"));
    }
    final byte[] accountId = Ss58.decode(address).accountId();
    final byte[] key =
        ByteBuffer.allocate(SYSTEM_ACCOUNT.length + 16 + accountId.length)
            .put(SYSTEM_ACCOUNT)
            .put(StorageHasher.BLAKE2_128_CONCAT.hash(accountId))
            .array();
    return Future.all(client.get().storage(key, null), decimals(signer.chain(), client.get()))
        .map(
            all -> {
              final Optional<byte[]> info = all.resultAt(0);
              final int tokenDecimals = all.<Integer>resultAt(1);
              // AccountInfo: nonce, consumers, providers, sufficients (u32 each), then free (u128)
              long nonce = 0;
              BigInteger free = BigInteger.ZERO;
              if (info.isPresent()) {
                final ScaleReader reader = ScaleReader.of(info.get());
                nonce = reader.readU32();
                reader.readU32();
                reader.readU32();
                reader.readU32();
                free = reader.readU128();
              }
              metrics.signerAccount(
                  signer.chain(), signer.name(), tokens(free, tokenDecimals), nonce);
              return null;
            });
  }

  /** The chain's token decimals from {@code system_properties}, read once. */
  private Future<Integer> decimals(final String chain, final SubstrateClient client) {
    final Integer known = decimals.get(chain);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return client
        .rpc()
        .call("system_properties")
        .map(
            properties -> {
              int value = DEFAULT_SUBSTRATE_DECIMALS;
              if (properties instanceof JsonObject json) {
                final Object raw = json.getValue("tokenDecimals");
                if (raw instanceof Number number) {
                  value = number.intValue();
                } else if (raw instanceof JsonArray array
                    && !array.isEmpty()
                    && array.getValue(0) instanceof Number first) {
                  value = first.intValue();
                }
              }
              decimals.put(chain, value);
              return value;
            });
  }

  static double tokens(final BigInteger smallestUnits, final int decimals) {
    return new BigDecimal(smallestUnits, decimals).doubleValue();
  }
}
