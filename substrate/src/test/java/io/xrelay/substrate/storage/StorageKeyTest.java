package io.xrelay.substrate.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleWriter;
import io.xrelay.substrate.metadata.MetadataFixturesAccess;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.metadata.StorageEntry;
import io.xrelay.substrate.value.Value;
import io.xrelay.testing.SharedFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageKeyTest {
  private static final RuntimeMetadata KUSAMA_LOCAL =
      MetadataFixturesAccess.metadata(MetadataFixturesAccess.KUSAMA_LOCAL_V14);
  private static final RuntimeMetadata BRIDGE_HUB =
      MetadataFixturesAccess.metadata(MetadataFixturesAccess.BRIDGE_HUB_V16);

  @Test
  void shouldBuildThePlainSystemEventsKey() {
    assertThat(Hex.encode(StorageKey.of(KUSAMA_LOCAL, "System", "Events")))
        .isEqualTo("0x26aa394eea5630e07c48ae0c9558cef780d41e5e16056765bc8461851072c9d7");
  }

  @Test
  void shouldBuildTheSystemAccountKeyOfAlice() {
    final Value alice =
        Value.tuple(
            Value.hex("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d"));
    assertThat(Hex.encode(StorageKey.of(KUSAMA_LOCAL, "System", "Account", alice)))
        .isEqualTo(
            "0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9"
                + "de1e86a9a8c739864cf3cc5ec2bea59fd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
  }

  @Test
  void shouldBuildTheBridgeKeysOfPolkadotBridgeHubFromItsMetadata() throws Exception {
    final JsonNode expected = production().get("BridgeHubPolkadot");
    final Value lane = laneId();
    assertThat(hex("BridgeKusamaGrandpa", "BestFinalized"))
        .isEqualTo(expected.get("BridgeKusamaGrandpa.BestFinalized").asText());
    assertThat(hex("BridgeKusamaGrandpa", "CurrentAuthoritySet"))
        .isEqualTo(expected.get("BridgeKusamaGrandpa.CurrentAuthoritySet").asText());
    assertThat(hex("BridgeKusamaGrandpa", "PalletOperatingMode"))
        .isEqualTo(expected.get("BridgeKusamaGrandpa.PalletOperatingMode").asText());
    assertThat(hex("BridgeKusamaMessages", "OutboundLanes", lane))
        .isEqualTo(expected.get("BridgeKusamaMessages.OutboundLanes(00000001)").asText());
    assertThat(hex("BridgeKusamaMessages", "InboundLanes", lane))
        .isEqualTo(expected.get("BridgeKusamaMessages.InboundLanes(00000001)").asText());
    assertThat(
            hex(
                "BridgeKusamaMessages",
                "OutboundMessages",
                Value.named("lane_id", lane, "nonce", Value.of(1))))
        .isEqualTo(
            expected.get("BridgeKusamaMessages.OutboundMessages(00000001,nonce=1)").asText());
    assertThat(hex("BridgeKusamaParachains", "ParasInfo", Value.tuple(Value.of(1002))))
        .isEqualTo(expected.get("BridgeKusamaParachains.ParasInfo(1002)").asText());
  }

  @Test
  void shouldReproduceTheUpstreamBridgeKeyVectorsFromEncodedKeys() throws Exception {
    final JsonNode vectors =
        new ObjectMapper()
            .readTree(SharedFixtures.read("grandpa/bridge-storage-keys.json"))
            .get("upstream_test_vectors");
    final StorageEntry outboundMessages =
        BRIDGE_HUB
            .pallet("BridgeKusamaMessages")
            .orElseThrow()
            .storageEntry("OutboundMessages")
            .orElseThrow();
    final byte[] messageKey =
        new ScaleWriter()
            .writeBytes("test".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .writeU64(42)
            .toByteArray();
    assertThat(
            Hex.encode(
                StorageKey.ofEncoded("BridgeMessages", outboundMessages, List.of(messageKey))))
        .isEqualTo(vectors.get("message_key(\"BridgeMessages\", LaneId(b\"test\"), 42)").asText());
    assertThat(Hex.encode(StorageKey.prefix("BridgeGrandpa", "CurrentAuthoritySet")))
        .isEqualTo(vectors.get("current_authority_set_key(\"BridgeGrandpa\")").asText());
  }

  @Test
  void shouldNameWhatDoesNotExist() {
    assertThatThrownBy(() -> StorageKey.of(KUSAMA_LOCAL, "Nope", "Events"))
        .hasMessageContaining("no pallet 'Nope'");
    assertThatThrownBy(() -> StorageKey.of(KUSAMA_LOCAL, "System", "Nope"))
        .hasMessageContaining("no storage entry 'Nope'");
    assertThatThrownBy(() -> StorageKey.of(KUSAMA_LOCAL, "System", "Events", Value.of(1)))
        .hasMessageContaining("takes 0 keys, 1 given");
  }

  private static Value laneId() {
    return Value.hex("0x00000001");
  }

  private static String hex(final String pallet, final String entry, final Value... keys) {
    return Hex.encode(StorageKey.of(BRIDGE_HUB, pallet, entry, keys));
  }

  private static JsonNode production() throws Exception {
    return new ObjectMapper()
        .readTree(SharedFixtures.read("grandpa/bridge-storage-keys.json"))
        .get("production_keys_computed");
  }
}
