package io.xrelay.xcm.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.xcm.VersionedXcm;
import io.xrelay.xcm.XcmEncodeException;
import io.xrelay.xcm.XcmVersion;
import io.xrelay.xcm.model.Instruction;
import io.xrelay.xcm.model.Xcm;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runtimes' decode limits: {@code MAX_XCM_DECODE_DEPTH = 8} as SCALE's depth-tracking input
 * counts it, and {@code MAX_INSTRUCTIONS_TO_DECODE = 100} summed over nested programs.
 */
class XcmLimitsTest {

  /** {@code levels} nested programs: SetAppendix(SetAppendix(... [ClearOrigin])). */
  static String nestedAppendix(final String version, final int levels, final String innermost) {
    return "0x" + version + "0416".repeat(levels - 1) + "04" + innermost;
  }

  @Test
  void shouldAcceptEightNestedProgramsAndRefuseNine() {
    assertThat(XcmCodec.decodeVersionedXcm(Hex.decode(nestedAppendix("03", 8, "0a"))))
        .isInstanceOf(VersionedXcm.class);

    assertThatThrownBy(() -> XcmCodec.decodeVersionedXcm(Hex.decode(nestedAppendix("03", 9, "0a"))))
        .isInstanceOfSatisfying(
            ScaleDecodeException.class,
            e -> {
              assertThat(e.offset()).isEqualTo(18);
              assertThat(e.reason()).contains("MAX_XCM_DECODE_DEPTH (8)");
              assertThat(e.context()).hasSize(8);
            });
  }

  @Test
  void shouldCountAssetVectorsAndTheJunctionArcOfV4AsDepthLikeTheRuntime() {
    // Innermost WithdrawAsset([{ {1, Here}, Fungible(1) }]): 7 programs + the asset vector = 8.
    final String parentAsset = "00" + "04" + "0100" + "00" + "04";
    // The same asset at {1, X1(Parachain(1000))}: v4/v5 hold junctions in an Arc, one level more.
    final String paraAsset = "00" + "04" + "010100a10f" + "00" + "04";

    assertThat(XcmCodec.decodeVersionedXcm(Hex.decode(nestedAppendix("04", 7, parentAsset))))
        .isNotNull();
    assertThat(
            XcmCodec.decodeVersionedXcm(
                Hex.decode(nestedAppendix("03", 7, "0004" + "0001" + "0100a10f" + "0004"))))
        .as("v3 junctions are inline, not in an Arc")
        .isNotNull();
    assertThatThrownBy(
            () -> XcmCodec.decodeVersionedXcm(Hex.decode(nestedAppendix("04", 7, paraAsset))))
        .isInstanceOfSatisfying(
            ScaleDecodeException.class,
            e -> {
              assertThat(e.typeName()).isEqualTo("Junctions");
              assertThat(e.reason()).contains("MAX_XCM_DECODE_DEPTH");
            });
  }

  @Test
  void shouldStopADepthBombAtTheNinthLevel() {
    final byte[] bomb = Hex.decode(nestedAppendix("05", 200_000, "0a"));

    assertThatThrownBy(() -> XcmCodec.decodeVersionedXcm(bomb))
        .isInstanceOfSatisfying(
            ScaleDecodeException.class,
            e -> {
              assertThat(e.offset()).as("stops long before the end").isEqualTo(18);
              assertThat(bomb.length).isGreaterThan(400_000);
            });
  }

  @Test
  void shouldStopAnInstructionFloodAtItsLengthPrefix() {
    // Compact length 1_000_000 (0x02093d00) followed by only a few ClearOrigins.
    final byte[] flood = Hex.decode("0x04" + "02093d00" + "0a0a0a0a");

    assertThatThrownBy(() -> XcmCodec.decodeVersionedXcm(flood))
        .isInstanceOfSatisfying(
            ScaleDecodeException.class,
            e -> {
              assertThat(e.offset()).isEqualTo(1);
              assertThat(e.reason()).contains("MAX_INSTRUCTIONS_TO_DECODE (100)");
            });
  }

  @Test
  void shouldSumInstructionsOverNestedPrograms() {
    // 60 ClearOrigins and a SetAppendix at the top (61), then an inner program.
    final String top = "0x03" + "f4" + "0a".repeat(60) + "16";

    assertThat(XcmCodec.decodeVersionedXcm(Hex.decode(top + "9c" + "0a".repeat(39))))
        .as("61 + 39 = 100 instructions")
        .isNotNull();
    assertThatThrownBy(() -> XcmCodec.decodeVersionedXcm(Hex.decode(top + "a0" + "0a".repeat(40))))
        .isInstanceOfSatisfying(
            ScaleDecodeException.class,
            e -> {
              assertThat(e.offset()).isEqualTo(63);
              assertThat(e.context()).containsExactly("instructions[60] SetAppendix");
            });
  }

  @Test
  void shouldRefuseOversizedV5BoundedVectors() {
    // InitiateTransfer({0, Here}, None, false, 7 filters, []): MaxAssetTransferFilters is 6.
    final String sevenFilters = "1c" + "000100".repeat(7);
    // SetHints with two hints: HintNumVariants is 1.
    final String twoHints = "08" + "000000" + "000000";

    assertThatThrownBy(
            () ->
                XcmCodec.decodeVersionedXcm(
                    Hex.decode("0x0504" + "31" + "0000" + "00" + "00" + sevenFilters + "00")))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("MaxAssetTransferFilters (6)");
    assertThatThrownBy(() -> XcmCodec.decodeVersionedXcm(Hex.decode("0x0504" + "33" + twoHints)))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("HintNumVariants (1)");
  }

  @Test
  void shouldRefuseToWriteWhatTheRuntimeWouldRefuseToRead() {
    Xcm nested = Xcm.of(new Instruction.ClearOrigin());
    for (int i = 0; i < 8; i++) {
      nested = Xcm.of(new Instruction.SetAppendix(nested));
    }
    final List<Instruction> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add(new Instruction.ClearOrigin());
    }
    final Xcm tooDeep = nested;

    assertThatThrownBy(() -> XcmCodec.encode(VersionedXcm.of(XcmVersion.V4, tooDeep)))
        .isInstanceOf(XcmEncodeException.class)
        .hasMessageContaining("MAX_XCM_DECODE_DEPTH");
    assertThatThrownBy(() -> XcmCodec.encode(VersionedXcm.of(XcmVersion.V4, new Xcm(many))))
        .isInstanceOf(XcmEncodeException.class)
        .hasMessageContaining("MAX_INSTRUCTIONS_TO_DECODE");
    assertThat(XcmCodec.encode(VersionedXcm.of(XcmVersion.V4, new Xcm(many.subList(0, 100)))))
        .hasSize(1 + 2 + 100);
  }
}
