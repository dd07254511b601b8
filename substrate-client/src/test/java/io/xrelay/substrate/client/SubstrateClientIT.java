package io.xrelay.substrate.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.substrate.block.BlockHeader;
import io.xrelay.substrate.block.SignedBlock;
import io.xrelay.substrate.events.EventRecord;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SubstrateClientIT {
  private static Vertx vertx;
  private static WebSocketRpcClient rpc;
  private static SubstrateClient client;

  @BeforeAll
  static void connect() throws Exception {
    final Devnet devnet = SharedDevnet.get();
    vertx = Vertx.vertx();
    rpc =
        WebSocketRpcClient.connect(
                vertx, WebSocketRpcClient.Options.of(List.of(devnet.endpoints().kusamaWs())))
            .await(30, TimeUnit.SECONDS);
    client = new SubstrateClient(rpc);
  }

  @AfterAll
  static void close() throws Exception {
    rpc.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldReadHeadersBlocksAndRuntimeVersion() throws Exception {
    final String head = client.finalizedHead().await(30, TimeUnit.SECONDS);
    final BlockHeader header = client.header(head).await(30, TimeUnit.SECONDS);
    final SignedBlock block = client.block(head).await(30, TimeUnit.SECONDS);
    final RuntimeVersion version = client.runtimeVersion(head).await(30, TimeUnit.SECONDS);

    assertThat(header.number()).isPositive();
    assertThat(block.header()).isEqualTo(header);
    assertThat(block.extrinsics()).isNotEmpty(); // the timestamp and parachain inherents
    assertThat(client.blockHash(header.number()).await(30, TimeUnit.SECONDS)).isEqualTo(head);
    assertThat(version.specName()).isEqualTo("kusama");
    assertThat(version.specVersion()).isEqualTo(1_000_000);
    // Chopsticks' headers hash like any Substrate header, except its fixed genesis hash.
    if (header.number() > 1) {
      assertThat(header.computeHash()).isEqualTo(head);
    }
  }

  @Test
  void shouldDecodeTheEventsOfEveryBlockTheDevnetBuilt() throws Exception {
    final long head =
        client
            .header(client.finalizedHead().await(30, TimeUnit.SECONDS))
            .await(30, TimeUnit.SECONDS)
            .number();
    int withEvents = 0;
    for (long number = 1; number <= head; number++) {
      final String hash = client.blockHash(number).await(30, TimeUnit.SECONDS);
      final List<EventRecord> events = client.events(hash).await(30, TimeUnit.SECONDS);
      if (!events.isEmpty()) {
        withEvents++;
        assertThat(events).extracting(EventRecord::pallet).contains("System");
      }
    }
    assertThat(withEvents).isPositive();
  }

  @Test
  void shouldFetchMetadataOncePerRuntime() throws Exception {
    final String head = client.finalizedHead().await(30, TimeUnit.SECONDS);
    final RuntimeMetadata first = client.metadata(head).await(60, TimeUnit.SECONDS);
    final RuntimeMetadata again =
        client
            .metadata(client.blockHash(1).await(30, TimeUnit.SECONDS))
            .await(60, TimeUnit.SECONDS);
    assertThat(again).isSameAs(first);
    assertThat(first.pallet("XcmPallet")).isPresent();
  }

  @Test
  void shouldFollowStorageAndTheRuntimeVersion() throws Exception {
    // System.Number changes in every block (empty blocks repeat the same System.Events bytes).
    final byte[] events = io.xrelay.substrate.storage.StorageKey.prefix("System", "Number");
    final java.util.List<SubstrateClient.StorageChange> changes =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    final java.util.List<RuntimeVersion> versions =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    final RpcSubscription storage =
        Await.result(client.subscribeStorage(java.util.List.of(events), changes::add));
    final RpcSubscription runtime = Await.result(client.subscribeRuntimeVersion(versions::add));

    final long deadline = System.currentTimeMillis() + 30_000;
    while ((changes.size() < 2 || versions.isEmpty()) && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    Await.result(storage.unsubscribe());
    Await.result(runtime.unsubscribe());

    assertThat(versions.get(0).specVersion()).isEqualTo(1_000_000);
    assertThat(changes.size()).isGreaterThanOrEqualTo(2);
    assertThat(changes.get(1).block()).isNotEqualTo(changes.get(0).block());
    assertThat(changes.get(1).values()).containsKey(io.xrelay.scale.Hex.encode(events));
  }

  @Test
  void shouldReportTheNodesErrorObjectAsATypedErrorAndCarryOn() throws Exception {
    final Throwable failure = Await.failure(client.rpc().call("no_such_method"));

    assertThat(failure)
        .isInstanceOfSatisfying(
            RpcException.class,
            error -> {
              assertThat(error.kind()).isEqualTo(RpcException.Kind.RPC_ERROR);
              assertThat(error.code()).isEqualTo(-32601);
              assertThat(error.retryable()).isFalse();
            });
    assertThat(Await.result(client.finalizedHead())).startsWith("0x");
  }
}
