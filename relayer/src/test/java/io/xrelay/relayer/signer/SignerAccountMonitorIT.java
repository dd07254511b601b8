package io.xrelay.relayer.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.Vertx;
import io.xrelay.config.ConfigLoader;
import io.xrelay.config.RelayerConfig;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.DevnetEthereumAccounts;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.ethereum.rpc.BlockTag;
import io.xrelay.ethereum.rpc.HttpEthereumRpc;
import io.xrelay.relayer.metrics.RelayerMetrics;
import io.xrelay.substrate.client.SubstrateClient;
import io.xrelay.substrate.client.WebSocketRpcClient;
import io.xrelay.substrate.keys.KeyPair;
import io.xrelay.substrate.keys.KeyScheme;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.storage.StorageKey;
import io.xrelay.substrate.value.Value;
import io.xrelay.substrate.value.ValueCodec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signer balances and nonces read from the devnet's Kusama and anvil, compared with the same
 * accounts read another way: System.Account through the runtime's metadata, and eth_getBalance.
 */
class SignerAccountMonitorIT {
  @TempDir Path dir;

  private Vertx vertx;
  private SubstrateClient kusama;

  @BeforeEach
  void connect() throws Exception {
    vertx = Vertx.vertx();
    kusama =
        new SubstrateClient(
            WebSocketRpcClient.connect(
                    vertx,
                    WebSocketRpcClient.Options.of(
                        List.of(SharedDevnet.get().endpoints().kusamaWs())))
                .await(30, TimeUnit.SECONDS));
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldExportTheBalanceAndNonceOfSubstrateAndEthereumSigners() throws Exception {
    final Devnet devnet = SharedDevnet.get();
    final DevnetEthereumAccounts.Account ethereumAccount =
        DevnetEthereumAccounts.ACCOUNTS.get(DevnetEthereumAccounts.ACCOUNTS.size() - 1);
    final Path file =
        Files.writeString(
            dir.resolve("relayer.yaml"),
            "chains:\n"
                + "  kusama:\n    preset: devnet\n    endpoints: [\""
                + devnet.endpoints().kusamaWs()
                + "\"]\n"
                + "  ethereum:\n    preset: devnet\n    endpoints: [\""
                + devnet.endpoints().ethereumHttp()
                + "\"]\n"
                + "signers:\n"
                + "  ferdie:\n    chain: kusama\n    scheme: ecdsa\n    key-env: FERDIE_KEY\n"
                + "  ethereum-relayer:\n    chain: ethereum\n    scheme: ethereum\n"
                + "    key-env: ETHEREUM_KEY\n");
    final RelayerConfig config =
        new ConfigLoader(
                Map.of("FERDIE_KEY", "//Ferdie", "ETHEREUM_KEY", ethereumAccount.privateKey()))
            .load(file, Map.of())
            .config();
    final RelayerMetrics metrics = new RelayerMetrics();
    final SignerAccountMonitor monitor =
        new SignerAccountMonitor(
            vertx,
            config,
            chain -> chain.equals("kusama") ? Optional.of(kusama) : Optional.empty(),
            metrics,
            Duration.ofMinutes(10));
    try {
      monitor.start().await(60, TimeUnit.SECONDS);
      final String scrape = metrics.scrape();

      final Value account = systemAccount(KeyPair.fromUri("//Ferdie", KeyScheme.ECDSA).accountId());
      final BigInteger free = integer(field(field(account, "data"), "free"));
      final long nonce = integer(field(account, "nonce")).longValueExact();
      assertThat(free).as("the devnet funds its dev accounts").isPositive();
      assertThat(gauge(scrape, "relayer_signer_balance", "kusama", "ferdie"))
          .isCloseTo(new BigDecimal(free, 12).doubleValue(), within(1e-6));
      assertThat(gauge(scrape, "relayer_signer_nonce", "kusama", "ferdie")).isEqualTo(nonce);

      final HttpEthereumRpc anvil =
          HttpEthereumRpc.create(
              vertx, HttpEthereumRpc.Options.of(List.of(devnet.endpoints().ethereumHttp())));
      final BigInteger wei =
          anvil.balance(ethereumAccount.address(), BlockTag.LATEST).await(30, TimeUnit.SECONDS);
      assertThat(wei).isPositive();
      assertThat(gauge(scrape, "relayer_signer_balance", "ethereum", "ethereum-relayer"))
          .isCloseTo(new BigDecimal(wei, 18).doubleValue(), within(1e-9));
      assertThat(gauge(scrape, "relayer_signer_nonce", "ethereum", "ethereum-relayer"))
          .isEqualTo(
              anvil
                  .transactionCount(ethereumAccount.address(), BlockTag.PENDING)
                  .await(30, TimeUnit.SECONDS)
                  .doubleValue());
    } finally {
      monitor.stop().await(10, TimeUnit.SECONDS);
    }
  }

  private Value systemAccount(final byte[] accountId) throws Exception {
    final String head = kusama.finalizedHead().await(30, TimeUnit.SECONDS);
    final RuntimeMetadata metadata = kusama.metadata(head).await(60, TimeUnit.SECONDS);
    final byte[] key = StorageKey.of(metadata, "System", "Account", new Value.Bytes(accountId));
    final byte[] bytes = kusama.storage(key, head).await(30, TimeUnit.SECONDS).orElseThrow();
    final int type =
        metadata.pallet("System").orElseThrow().storageEntry("Account").orElseThrow().valueType();
    return new ValueCodec(metadata.types()).decode(type, bytes);
  }

  private static Value field(final Value value, final String name) {
    return ((Value.Composite) value).field(name).orElseThrow();
  }

  private static BigInteger integer(final Value value) {
    return ((Value.Int) value).value();
  }

  private static double gauge(
      final String scrape, final String name, final String chain, final String signer) {
    final Matcher matcher =
        Pattern.compile(
                "(?m)^"
                    + name
                    + "\\{chain=\""
                    + Pattern.quote(chain)
                    + "\",signer=\""
                    + Pattern.quote(signer)
                    + "\"} (\\S+)$")
            .matcher(scrape);
    assertThat(matcher.find()).as(name + " for " + signer + " in\n" + scrape).isTrue();
    return Double.parseDouble(matcher.group(1));
  }
}
