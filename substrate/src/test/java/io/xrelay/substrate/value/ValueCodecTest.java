package io.xrelay.substrate.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.substrate.metadata.MetadataFixturesAccess;
import io.xrelay.substrate.metadata.PalletConstant;
import io.xrelay.substrate.metadata.PalletMetadata;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.metadata.StorageEntry;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class ValueCodecTest {
  static final List<String> FILES = MetadataFixturesAccess.FILES;

  @ParameterizedTest
  @FieldSource("FILES")
  void shouldRoundTripEveryConstantAndStorageDefaultOfARealRuntime(final String file) {
    final RuntimeMetadata metadata = MetadataFixturesAccess.metadata(file);
    final ValueCodec codec = new ValueCodec(metadata.types());
    int checked = 0;
    for (final PalletMetadata pallet : metadata.pallets()) {
      for (final PalletConstant constant : pallet.constants()) {
        assertRoundTrip(
            codec, constant.type(), constant.value(), pallet.name() + "." + constant.name());
        checked++;
      }
      for (final StorageEntry entry : pallet.storage()) {
        // An OptionQuery entry's default is None's encoding, not a value of its type.
        if (!entry.optional()) {
          assertRoundTrip(
              codec, entry.valueType(), entry.defaultValue(), pallet.name() + "." + entry.name());
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  private static void assertRoundTrip(
      final ValueCodec codec, final int type, final byte[] bytes, final String what) {
    final Value value = codec.decode(type, bytes);
    assertThat(Hex.encode(codec.encode(type, value))).as(what).isEqualTo(Hex.encode(bytes));
  }

  @ParameterizedTest
  @CsvSource({
    "metadata/kusama-local-v14-spec1000000.scale, kusama, 1000000",
    "metadata/polkadot-v15-spec2000000.scale, polkadot, 2000000",
    "metadata/asset-hub-polkadot-v15-spec2000000.scale, statemint, 2000000",
  })
  void shouldReadTheRuntimeVersionConstant(
      final String file, final String specName, final long specVersion) {
    final RuntimeMetadata metadata = MetadataFixturesAccess.metadata(file);
    final PalletConstant version =
        metadata.pallet("System").orElseThrow().constant("Version").orElseThrow();
    final Value.Composite decoded =
        (Value.Composite) new ValueCodec(metadata.types()).decode(version.type(), version.value());
    assertThat(Value.unwrapNewtypes(decoded.require("spec_name"))).isEqualTo(Value.of(specName));
    assertThat(decoded.require("spec_version")).isEqualTo(Value.of(specVersion));
  }

  @Test
  void shouldRefuseCallsNestedDeeperThanTheLimit() {
    final RuntimeMetadata metadata =
        MetadataFixturesAccess.metadata(MetadataFixturesAccess.KUSAMA_LOCAL_V14);
    final ValueCodec codec = new ValueCodec(metadata.types());
    final int callType = metadata.extrinsic().callType();

    final byte[] shallow = codec.encode(callType, nestedBatch(10));
    assertThat(codec.decode(callType, shallow)).isEqualTo(codec.decode(callType, shallow));

    final byte[] bomb = codec.encode(callType, nestedBatch(200));
    assertThatThrownBy(() -> codec.decode(callType, bomb))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("nesting deeper than " + ValueCodec.MAX_DEPTH);
  }

  /** {@code Utility.batch([Utility.batch([... System.remark(0x01) ...])])}. */
  private static Value nestedBatch(final int depth) {
    Value call =
        Value.variant("System", Value.variant("remark", Value.named("remark", Value.hex("0x01"))));
    for (int i = 0; i < depth; i++) {
      call =
          Value.variant(
              "Utility",
              Value.variant("batch", Value.named("calls", Value.sequence(List.of(call)))));
    }
    return call;
  }

  @Test
  void shouldNameThePathOfAValueOfTheWrongShape() {
    final RuntimeMetadata metadata =
        MetadataFixturesAccess.metadata(MetadataFixturesAccess.KUSAMA_LOCAL_V14);
    final ValueCodec codec = new ValueCodec(metadata.types());
    final int callType = metadata.extrinsic().callType();

    assertThatThrownBy(() -> codec.encode(callType, Value.variant("Nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no variant 'Nope'")
        .hasMessageContaining("Balances");
    assertThatThrownBy(
            () ->
                codec.encode(
                    callType,
                    Value.variant(
                        "System", Value.variant("remark", Value.named("remark", Value.of(5))))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("value.System.0.remark.remark:");
    assertThatThrownBy(
            () ->
                codec.encode(
                    callType,
                    Value.variant(
                        "System", Value.variant("remark", Value.named("other", Value.hex("0x"))))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field 'remark' is missing");
  }

  @Test
  void shouldRejectIntegersOutOfRange() {
    final RuntimeMetadata metadata =
        MetadataFixturesAccess.metadata(MetadataFixturesAccess.KUSAMA_LOCAL_V14);
    final ValueCodec codec = new ValueCodec(metadata.types());
    final PalletConstant ss58 =
        metadata.pallet("System").orElseThrow().constant("SS58Prefix").orElseThrow();
    assertThat(codec.decode(ss58.type(), ss58.value())).isEqualTo(Value.of(2));
    assertThatThrownBy(() -> codec.encode(ss58.type(), Value.of(70_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of range");
  }

  @Test
  void shouldOnlyRaiseTheTypedErrorOnMutatedValues() {
    final RuntimeMetadata metadata =
        MetadataFixturesAccess.metadata(MetadataFixturesAccess.POLKADOT_V15);
    final ValueCodec codec = new ValueCodec(metadata.types());
    final Random random = new Random(3);
    int rejected = 0;
    for (final PalletMetadata pallet : metadata.pallets()) {
      for (final PalletConstant constant : pallet.constants()) {
        final byte[] value = constant.value();
        if (value.length == 0) {
          continue;
        }
        for (int round = 0; round < 20; round++) {
          final byte[] mutated =
              round % 2 == 0
                  ? value.clone()
                  : java.util.Arrays.copyOf(value, random.nextInt(value.length));
          if (round % 2 == 0) {
            final int bit = random.nextInt(mutated.length * 8);
            mutated[bit / 8] ^= (byte) (1 << (bit % 8));
          }
          try {
            codec.decode(constant.type(), mutated);
          } catch (ScaleDecodeException expected) {
            rejected++;
          }
        }
      }
    }
    assertThat(rejected).isPositive();
  }
}
