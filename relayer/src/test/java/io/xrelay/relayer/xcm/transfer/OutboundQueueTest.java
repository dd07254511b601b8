package io.xrelay.relayer.xcm.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleWriter;
import io.xrelay.substrate.metadata.MetadataDecoder;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.testing.SharedFixtures;
import io.xrelay.xcm.VersionedXcm;
import io.xrelay.xcm.XcmVersion;
import io.xrelay.xcm.builder.Chain;
import io.xrelay.xcm.codec.XcmCodec;
import io.xrelay.xcm.model.AssetFilter;
import io.xrelay.xcm.model.Bytes;
import io.xrelay.xcm.model.Instruction;
import io.xrelay.xcm.model.Location;
import io.xrelay.xcm.model.NetworkId;
import io.xrelay.xcm.model.WildAsset;
import io.xrelay.xcm.model.Xcm;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {
  private static final Chain KUSAMA = Chain.relay(NetworkId.KUSAMA);
  private static final Location BOB =
      Beneficiary.parse("0xd17c2d7823ebf260fd138f2d7e27d114c0145d968b5ff5006125f2414fadae69")
          .location();

  @Test
  void shouldReadTheDownwardQueueOfAssetHubAtTheKeyTheDevnetUses() {
    final RuntimeMetadata devnetRelay =
        MetadataDecoder.decode(SharedFixtures.read("metadata/kusama-local-v14-spec1000000.scale"));

    final OutboundQueue queue = OutboundQueue.of(devnetRelay, KUSAMA, KUSAMA.assetHub()).get();

    // Dmp.DownwardMessageQueues(1000), as recorded in chopsticks-devnet.md
    assertThat(Hex.encode(queue.key()))
        .isEqualTo(
            "0x63f78c98723ddc9073523ef3beefda0ca95dac46c07a40d91506e7637ec4ba57b6ff6f7d467b87a9e8030000");
  }

  @Test
  void shouldReadTheUpwardQueueOfAParachain() {
    final RuntimeMetadata assetHub =
        MetadataDecoder.decode(
            SharedFixtures.read("metadata/asset-hub-polkadot-v15-spec2000000.scale"));
    final Chain polkadot = Chain.relay(NetworkId.POLKADOT);

    final OutboundQueue queue = OutboundQueue.of(assetHub, polkadot.assetHub(), polkadot).get();

    assertThat(Hex.encode(queue.key()))
        .isEqualTo("0x45323df7cc47150b3930e2666b0aa313549294c71991aee810463ccf34a0f1d1");
    assertThat(
            OutboundQueue.of(
                assetHub, polkadot.assetHub(), Chain.parachain(NetworkId.POLKADOT, 2034)))
        .isEmpty();
  }

  @Test
  void shouldFindOursAmongTheQueuedMessages() {
    final RuntimeMetadata devnetRelay =
        MetadataDecoder.decode(SharedFixtures.read("metadata/kusama-local-v14-spec1000000.scale"));
    final OutboundQueue queue = OutboundQueue.of(devnetRelay, KUSAMA, KUSAMA.assetHub()).get();
    final Bytes topic = Bytes.wrap(new byte[32]);
    final byte[] versionRequest =
        XcmCodec.encode(
            VersionedXcm.of(
                XcmVersion.V3,
                Xcm.of(new Instruction.SubscribeVersion(0, io.xrelay.xcm.model.Weight.ZERO))));
    final byte[] ours =
        XcmCodec.encode(
            VersionedXcm.of(
                XcmVersion.V3,
                Xcm.of(
                    new Instruction.ClearOrigin(),
                    new Instruction.DepositAsset(
                        new AssetFilter.Wild(new WildAsset.AllCounted(1)), BOB),
                    new Instruction.SetTopic(topic))));
    final ScaleWriter value = new ScaleWriter().writeCompact(2);
    for (final byte[] message : List.of(versionRequest, ours)) {
      value.writeU32(7).writeByteVec(message);
    }

    final List<byte[]> messages = queue.messages(value.toByteArray());

    assertThat(messages).hasSize(2);
    assertThat(OutboundQueue.find(messages, Optional.empty(), BOB)).contains(ours);
    assertThat(OutboundQueue.find(messages, Optional.of(topic), Location.PARENT)).contains(ours);
    assertThat(OutboundQueue.find(List.of(versionRequest), Optional.empty(), BOB)).isEmpty();
  }
}
