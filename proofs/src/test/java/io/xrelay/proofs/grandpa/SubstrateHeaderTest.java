package io.xrelay.proofs.grandpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xrelay.proofs.FailureReason;
import io.xrelay.proofs.FixtureFiles;
import io.xrelay.proofs.H256;
import io.xrelay.scale.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubstrateHeaderTest {
  private static final JsonNode DECODED = FixtureFiles.json("grandpa/headers-decoded.json");

  @Test
  void shouldDecodeBothRealHeadersAndReencodeThemByteForByte() {
    for (final String name :
        List.of("polkadot-block-512271.header.scale", "kusama-block-7472481.header.scale")) {
      final byte[] encoded = FixtureFiles.bytes("grandpa/" + name);
      final JsonNode expected = DECODED.get(name);
      final SubstrateHeader header = SubstrateHeader.decode(encoded);
      assertThat(header.number()).isEqualTo(expected.get("number").asLong());
      assertThat(header.parentHash().toHex()).isEqualTo(expected.get("parent_hash").asText());
      assertThat(header.stateRoot().toHex()).isEqualTo(expected.get("state_root").asText());
      assertThat(header.extrinsicsRoot().toHex())
          .isEqualTo(expected.get("extrinsics_root").asText());
      assertThat(header.digest()).hasSize(expected.get("digest_items").size());
      for (int i = 0; i < header.digest().size(); i++) {
        final JsonNode item = expected.get("digest_items").get(i);
        final DigestItem.EngineItem decoded = (DigestItem.EngineItem) header.digest().get(i);
        assertThat(decoded.getClass().getSimpleName()).isEqualTo(item.get("type").asText());
        assertThat(decoded.engine()).isEqualTo(item.get("engine").asText());
      }
      assertThat(header.encode()).isEqualTo(encoded);
      assertThat(header.hash().toHex()).isEqualTo(expected.get("blake2b_256_of_encoding").asText());
      assertThat(Hex.encode(encoded).substring(2))
          .isEqualTo(FixtureFiles.text("grandpa/" + name.replace(".scale", ".hex")));
    }
  }

  @Test
  void shouldReadTheScheduledChangeOfPolkadot512271AsAMandatoryHeader() {
    final SubstrateHeader header =
        SubstrateHeader.decode(FixtureFiles.bytes("grandpa/polkadot-block-512271.header.scale"));
    final JsonNode frnk = DECODED.at("/polkadot-block-512271.header.scale/digest_items/2");
    final GrandpaConsensusLog.ScheduledChange change =
        GrandpaConsensusLog.scheduledChangeIn(header).orElseThrow();
    assertThat(change.nextAuthorities()).hasSize(frnk.get("next_authorities").asInt());
    assertThat(change.delay()).isEqualTo(frnk.get("delay").asLong());
    assertThat(change.nextAuthorities().get(0).publicKeyHex())
        .isEqualTo("0x" + frnk.get("first_authority").asText());
    assertThat(change.nextAuthorities().get(0).weight())
        .isEqualTo(frnk.get("first_weight").asLong());

    final AuthoritySetChange enacted =
        AuthoritySetChange.of(header, new GrandpaAuthoritySet(7, List.of()));
    assertThat(enacted.isMandatory()).isTrue();
    assertThat(enacted.result().isValid()).isTrue();
    assertThat(enacted.nextSet().orElseThrow().setId()).isEqualTo(8);
    assertThat(enacted.nextSet().orElseThrow().authorities()).isEqualTo(change.nextAuthorities());
    assertThat(enacted.nextSet().orElseThrow().threshold()).isEqualTo(197 - 196 / 3);
  }

  @Test
  void shouldReadTheDisabledAuthoritiesAndChangeOfKusama7472481() {
    final SubstrateHeader header =
        SubstrateHeader.decode(FixtureFiles.bytes("grandpa/kusama-block-7472481.header.scale"));
    final List<GrandpaConsensusLog> logs = GrandpaConsensusLog.in(header);
    final List<Long> disabled = new java.util.ArrayList<>();
    for (final JsonNode item : DECODED.at("/kusama-block-7472481.header.scale/digest_items")) {
      if ("OnDisabled".equals(item.path("grandpa_log").asText())) {
        disabled.add(item.get("authority_index").asLong());
      }
    }
    assertThat(disabled).hasSize(11);
    assertThat(
            logs.stream()
                .filter(GrandpaConsensusLog.OnDisabled.class::isInstance)
                .map(log -> ((GrandpaConsensusLog.OnDisabled) log).authorityIndex())
                .toList())
        .isEqualTo(disabled);
    assertThat(
            AuthoritySetChange.of(header, new GrandpaAuthoritySet(1, List.of()))
                .nextSet()
                .orElseThrow()
                .authorities())
        .hasSize(900);
  }

  @Test
  void shouldRefuseForcedAndDelayedChangesAsTheBridgeDoes() {
    final GrandpaAuthority authority = new GrandpaAuthority(new byte[32], 1);
    final byte[] delayed =
        new io.xrelay.scale.ScaleWriter()
            .writeU8(1)
            .writeCompact(1)
            .writeBytes(new byte[32])
            .writeU64(1)
            .writeU32(5)
            .toByteArray();
    final SubstrateHeader withDelay = header(delayed);
    assertThat(
            AuthoritySetChange.of(withDelay, new GrandpaAuthoritySet(1, List.of(authority)))
                .result()
                .hasFailure(FailureReason.GRANDPA_UNSUPPORTED_AUTHORITY_CHANGE))
        .isTrue();
    final byte[] forced =
        new io.xrelay.scale.ScaleWriter()
            .writeU8(2)
            .writeU32(10)
            .writeCompact(1)
            .writeBytes(new byte[32])
            .writeU64(1)
            .writeU32(0)
            .toByteArray();
    final AuthoritySetChange change =
        AuthoritySetChange.of(header(forced), new GrandpaAuthoritySet(1, List.of(authority)));
    assertThat(change.result().reasons()).containsExactly("header 9 forces an authority change");
    assertThat(change.isMandatory()).isFalse();
  }

  private static SubstrateHeader header(final byte[] frnkLog) {
    return new SubstrateHeader(
        H256.ZERO, 9, H256.ZERO, H256.ZERO, List.of(new DigestItem.Consensus("FRNK", frnkLog)));
  }
}
