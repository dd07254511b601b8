package io.xrelay.substrate.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xrelay.crypto.Blake2b;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.scale.ScaleWriter;
import io.xrelay.testing.SharedFixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class MetadataDecoderTest {

  static final List<String> FILES = MetadataFixtures.FILES;

  @ParameterizedTest
  @FieldSource("FILES")
  void shouldDecodeEveryRealFixtureCompletely(final String file) {
    final RuntimeMetadata metadata = MetadataDecoder.decode(MetadataFixtures.bytes(file));
    assertThat(metadata.version()).isEqualTo(MetadataFixtures.ALL.get(file));
    assertThat(metadata.types().size()).isGreaterThan(100);
    assertThat(metadata.pallets()).isNotEmpty();
    assertThat(metadata.pallet("System")).isPresent();
    assertThat(metadata.extrinsic().callType()).isNotNegative();
    assertThat(metadata.extrinsic().extensions())
        .extracting(ExtrinsicMetadata.TransactionExtension::identifier)
        .contains("CheckNonce", "CheckGenesis");
    if (metadata.version() >= 15) {
      assertThat(metadata.apis()).extracting(RuntimeApiMetadata::name).contains("Core", "Metadata");
      assertThat(metadata.outerEnumTypes()).isPresent();
      assertThat(metadata.types().get(metadata.outerEnums().eventType()).simpleName())
          .isEqualTo("RuntimeEvent");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "metadata/asset-hub-polkadot-v15-spec2000000.scale, ParachainSystem, 1",
    "metadata/asset-hub-polkadot-v15-spec2000000.scale, XcmpQueue, 30",
    "metadata/asset-hub-polkadot-v15-spec2000000.scale, PolkadotXcm, 31",
    "metadata/asset-hub-polkadot-v15-spec2000000.scale, CumulusXcm, 32",
    "metadata/asset-hub-polkadot-v15-spec2000000.scale, MessageQueue, 35",
    "metadata/polkadot-v15-spec2000000.scale, ParaInclusion, 53",
    "metadata/polkadot-v15-spec2000000.scale, Dmp, 58",
    "metadata/polkadot-v15-spec2000000.scale, Hrmp, 60",
    "metadata/polkadot-v15-spec2000000.scale, XcmPallet, 99",
    "metadata/polkadot-v15-spec2000000.scale, MessageQueue, 100",
    "metadata/kusama-v15-spec1009002.scale, XcmPallet, 99",
    "metadata/kusama-v15-spec1009002.scale, MessageQueue, 100",
  })
  void shouldReadThePalletIndicesRecordedInProvenance(
      final String file, final String pallet, final int index) {
    assertThat(MetadataFixtures.metadata(file).pallet(pallet))
        .get()
        .extracting(PalletMetadata::index)
        .isEqualTo(index);
  }

  @ParameterizedTest
  @CsvSource({
    "metadata/polkadot-v15-spec2000000.scale, metadata/polkadot-runtime-version-spec2000000.json",
    "metadata/kusama-v15-spec1009002.scale, metadata/kusama-runtime-version-spec1009002.json",
    "metadata/asset-hub-polkadot-v15-spec2000000.scale, metadata/asset-hub-polkadot-runtime-version-spec2000000.json",
  })
  void shouldListOnlyRuntimeApisThatTheRuntimeVersionAnnounces(
      final String file, final String versionFile) throws Exception {
    final var runtimeVersion =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(SharedFixtures.read(versionFile));
    final List<String> announced = new ArrayList<>();
    runtimeVersion.get("apis").forEach(api -> announced.add(api.get(0).asText()));
    final List<String> apiIds =
        MetadataFixtures.metadata(file).apis().stream()
            .map(
                api ->
                    Hex.encode(
                        Blake2b.hash(
                            api.name().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            0,
                            api.name().length(),
                            8)))
            .toList();
    assertThat(apiIds).hasSizeGreaterThan(10);
    assertThat(announced).containsAll(apiIds);
    assertThat(MetadataFixtures.metadata(file).apis())
        .extracting(RuntimeApiMetadata::name)
        .contains("XcmPaymentApi", "DryRunApi", "LocationToAccountApi");
  }

  @Test
  void shouldReadTheV16Extras() {
    final RuntimeMetadata assetHub = MetadataFixtures.metadata(MetadataFixtures.ASSET_HUB_V16);
    assertThat(assetHub.runtimeType()).isEqualTo(-1);
    assertThat(assetHub.apis()).allSatisfy(api -> assertThat(api.version()).isPositive());
    assertThat(assetHub.extrinsic().versions()).contains(4);
    assertThat(assetHub.extrinsic().extensionsByVersion()).isNotEmpty();
    assertThat(assetHub.pallets())
        .anySatisfy(pallet -> assertThat(pallet.associatedTypes()).isNotEmpty());
    assertThat(assetHub.pallet("PolkadotXcm"))
        .get()
        .extracting(PalletMetadata::index)
        .isEqualTo(31);
  }

  @Test
  void shouldReadTheV14ExtrinsicTypesFromTheUncheckedExtrinsicParameters() {
    final RuntimeMetadata kusamaLocal =
        MetadataFixtures.metadata(MetadataFixtures.KUSAMA_LOCAL_V14);
    final ExtrinsicMetadata extrinsic = kusamaLocal.extrinsic();
    assertThat(kusamaLocal.types().get(extrinsic.extrinsicType()).simpleName())
        .isEqualTo("UncheckedExtrinsic");
    assertThat(kusamaLocal.types().get(extrinsic.callType()).simpleName()).isEqualTo("RuntimeCall");
    assertThat(kusamaLocal.types().get(extrinsic.addressType()).simpleName())
        .isEqualTo("MultiAddress");
    assertThat(kusamaLocal.types().get(extrinsic.signatureType()).simpleName())
        .isEqualTo("MultiSignature");
    assertThat(kusamaLocal.pallet("XcmPallet"))
        .get()
        .extracting(PalletMetadata::index)
        .isEqualTo(99);
  }

  @Test
  void shouldAcceptEveryFormANodeServes() {
    final byte[] raw = MetadataFixtures.bytes(MetadataFixtures.POLKADOT_V15);
    final byte[] opaque = new ScaleWriter().writeByteVec(raw).toByteArray();
    final byte[] optionOpaque = new ScaleWriter().writeU8(1).writeByteVec(raw).toByteArray();
    final RuntimeMetadata expected = MetadataDecoder.decode(raw);
    for (final RuntimeMetadata decoded :
        List.of(
            MetadataDecoder.decode(opaque),
            MetadataDecoder.decode(optionOpaque),
            MetadataDecoder.decodeHex(Hex.encode(raw)),
            MetadataDecoder.decodeHex(Hex.encode(optionOpaque)))) {
      assertThat(decoded.types().size()).isEqualTo(expected.types().size());
      assertThat(decoded.pallets())
          .extracting(PalletMetadata::name)
          .isEqualTo(expected.pallets().stream().map(PalletMetadata::name).toList());
    }
  }

  @Test
  void shouldSayWhenTheRuntimeHasNoMetadataOfThatVersion() {
    assertThatThrownBy(() -> MetadataDecoder.decode(new byte[] {0}))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("None");
  }

  @Test
  void shouldNameTheWrongMagicAndOffset() {
    assertThatThrownBy(() -> MetadataDecoder.decode(Hex.decode("0x6d6574620f00")))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessage(
            "cannot decode metadata magic at offset 0: bytes 0x6d657462 are not 'meta' (0x6d657461)");
  }

  @Test
  void shouldRejectUnsupportedVersions() {
    assertThatThrownBy(() -> MetadataDecoder.decode(Hex.decode("0x6d657461 0d".replace(" ", ""))))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("offset 4")
        .hasMessageContaining("version 13 is not supported");
  }

  @Test
  void shouldNameTheSectionWhereTruncatedMetadataEnds() {
    final byte[] raw = MetadataFixtures.bytes(MetadataFixtures.POLKADOT_V15);
    final byte[] truncated = Arrays.copyOf(raw, raw.length - 100);
    assertThatThrownBy(() -> MetadataDecoder.decode(truncated))
        .isInstanceOfSatisfying(
            ScaleDecodeException.class,
            e -> {
              assertThat(e.offset()).isBetween(raw.length - 200, raw.length);
              assertThat(e.context()).isNotEmpty();
            });
  }

  @Test
  void shouldRejectTrailingBytes() {
    final byte[] raw = MetadataFixtures.bytes(MetadataFixtures.KUSAMA_LOCAL_V14);
    final byte[] padded = Arrays.copyOf(raw, raw.length + 3);
    assertThatThrownBy(() -> MetadataDecoder.decode(padded))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("3 bytes left over")
        .hasMessageContaining("offset " + raw.length);
  }

  @Test
  void shouldKeepPalletIndicesUniqueAndEventTypesPresent() {
    for (final String file : FILES) {
      final RuntimeMetadata metadata = MetadataFixtures.metadata(file);
      final Map<Integer, Long> byIndex =
          metadata.pallets().stream()
              .collect(Collectors.groupingBy(PalletMetadata::index, Collectors.counting()));
      assertThat(byIndex.values()).as(file).allMatch(count -> count == 1);
      assertThat(metadata.pallet("System").orElseThrow().storageEntry("Events"))
          .as(file)
          .isPresent();
    }
  }
}
