package io.xrelay.relayer.route.beefy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.xrelay.devnet.Devnet;
import io.xrelay.devnet.SharedDevnet;
import io.xrelay.ethereum.beefy.BeefyClient;
import io.xrelay.ethereum.beefy.ValidatorSetState;
import io.xrelay.ethereum.rpc.BlockTag;
import io.xrelay.proofs.H256;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleReader;
import io.xrelay.scale.ScaleWriter;
import io.xrelay.substrate.storage.StorageKey;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A BEEFY validator-set change relayed through BeefyClient's handover path. The devnet's Kusama
 * would take a whole session of blocks to rotate its BEEFY set, so the test forces a rotation with
 * chopsticks' {@code dev_setStorage}: {@code Beefy.ValidatorSetId} one up (same dev keys, which the
 * voting node then signs with as the new set) and {@code BeefyMmrLeaf.BeefyNextAuthorities} one up
 * too, as a session change would leave them. The relayer must relay a commitment of the new set
 * with the MMR leaf of its block and that leaf's proof, which is what moves the contract's sets.
 */
class BeefyHandoverIT {
  /** Long enough for a block build already under way when production pauses to finish. */
  private static final Duration BLOCK_BUILD_SETTLE = Duration.ofSeconds(5);

  @TempDir Path dir;

  @Test
  void shouldRelayAValidatorSetChangeForcedWithDevSetStorageThroughTheHandover() throws Exception {
    final Devnet devnet = SharedDevnet.get();
    final Vertx vertx = Vertx.vertx();
    final BeefyClient contract = DevnetBeefyRelay.contract(vertx, devnet);
    final InProcessRelayer relayer = InProcessRelayer.start(dir, "fiat-shamir", 5, 3);
    try {
      final double acceptedBefore = relayer.submissions("accepted");
      BeefyToEthereumRouteIT.awaitThat(
          () -> relayer.submissions("accepted") > acceptedBefore, Duration.ofMinutes(4));

      final ValidatorSetState current =
          contract.currentValidatorSet(BlockTag.LATEST).await(10, TimeUnit.SECONDS);
      final ValidatorSetState next =
          contract.nextValidatorSet(BlockTag.LATEST).await(10, TimeUnit.SECONDS);
      final String chopsticks = devnet.endpoints().kusamaChopsticksHttp();
      final byte[] setIdKey = StorageKey.prefix("Beefy", "ValidatorSetId");
      final byte[] leafSetKey = StorageKey.prefix("BeefyMmrLeaf", "BeefyNextAuthorities");
      final long chainSetId =
          ScaleReader.ofHex(
                  DevnetBeefyRelay.call(chopsticks, "state_getStorage", Hex.encode(setIdKey))
                      .asText())
              .readU64();
      assertThat(BigInteger.valueOf(chainSetId)).isEqualTo(current.id());
      // The dev keys stay: the "new" set has the keys the contract holds as its next set.
      assertThat(next.root()).isEqualTo(current.root());

      final byte[] newSetId = new ScaleWriter(8).writeU64(chainSetId + 1).toByteArray();
      final ScaleWriter leafSet = new ScaleWriter(44).writeU64(chainSetId + 2);
      leafSet.writeU32(next.length().longValueExact());
      next.root().write(leafSet);
      // dev_setStorage changes the head's state in place: written while a block is being built,
      // that block's runtime and the relayer's reading of its parent state would disagree. So
      // the change is made between blocks, with production paused.
      devnet.pauseBlockProduction();
      try {
        Thread.sleep(BLOCK_BUILD_SETTLE.toMillis());
        DevnetBeefyRelay.call(
            chopsticks,
            "dev_setStorage",
            List.of(
                List.of(Hex.encode(setIdKey), Hex.encode(newSetId)),
                List.of(Hex.encode(leafSetKey), Hex.encode(leafSet.toByteArray()))));
      } finally {
        devnet.resumeBlockProduction();
      }

      BeefyToEthereumRouteIT.awaitThat(
          () -> {
            try {
              return contract
                  .currentValidatorSet(BlockTag.LATEST)
                  .await(10, TimeUnit.SECONDS)
                  .id()
                  .equals(next.id());
            } catch (Exception e) {
              return false;
            }
          },
          Duration.ofMinutes(4));

      assertThat(contract.currentValidatorSet(BlockTag.LATEST).await(10, TimeUnit.SECONDS))
          .isEqualTo(next);
      assertThat(contract.nextValidatorSet(BlockTag.LATEST).await(10, TimeUnit.SECONDS))
          .isEqualTo(
              new ValidatorSetState(next.id().add(BigInteger.ONE), next.length(), next.root()));
      final long latest = contract.latestBeefyBlock(BlockTag.LATEST).await(10, TimeUnit.SECONDS);
      final H256 root = contract.latestMmrRoot(BlockTag.LATEST).await(10, TimeUnit.SECONDS);
      assertThat(root).isEqualTo(DevnetBeefyRelay.runtimeMmrRoot(devnet, latest));
      assertThat(relayer.submissions("reverted")).isZero();
      assertThat(relayer.mmrMismatches()).isZero();
    } finally {
      relayer.stop();
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
