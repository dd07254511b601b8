package io.xrelay.ethereum.revert;

import static org.assertj.core.api.Assertions.assertThat;

import io.xrelay.ethereum.beefy.BeefyClientErrors;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

class RevertDecoderTest {
  private final RevertDecoder decoder = BeefyClientErrors.DECODER;

  @Test
  void shouldDecodeErrorStringWithItsWellKnownSelector() {
    // require(false, "nope"): selector 0x08c379a0, offset 0x20, length 4, "nope" padded.
    final byte[] data =
        Numeric.hexStringToByteArray(
            "0x08c379a0"
                + "0000000000000000000000000000000000000000000000000000000000000020"
                + "0000000000000000000000000000000000000000000000000000000000000004"
                + "6e6f706500000000000000000000000000000000000000000000000000000000");
    assertThat(decoder.decode(data)).isEqualTo(new RevertReason.ErrorMessage("nope"));
  }

  @Test
  void shouldDecodePanicCodeWithItsMeaning() {
    final byte[] data =
        Numeric.hexStringToByteArray(
            "0x4e487b71" + "0000000000000000000000000000000000000000000000000000000000000011");
    final RevertReason reason = decoder.decode(data);
    assertThat(reason).isEqualTo(new RevertReason.Panic(BigInteger.valueOf(0x11)));
    assertThat(reason.describe()).contains("overflow");
  }

  @Test
  void shouldDecodeBeefyClientCustomErrorsWithAndWithoutArguments() {
    final CustomErrorType stale = CustomErrorType.of("StaleCommitment");
    assertThat(decoder.decode(stale.selector()))
        .isEqualTo(
            new RevertReason.CustomError(
                "StaleCommitment", Numeric.toHexString(stale.selector()), java.util.List.of()));

    final String s = "7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a1";
    final byte[] withArgument =
        Numeric.hexStringToByteArray(
            Numeric.toHexString(CustomErrorType.of("ECDSAInvalidSignatureS", "bytes32").selector())
                + s);
    assertThat(decoder.decode(withArgument).describe())
        .isEqualTo("ECDSAInvalidSignatureS(0x" + s + ")");
  }

  @Test
  void shouldReportEmptyTruncatedAndUnknownDataWithoutThrowing() {
    assertThat(decoder.decode(new byte[0])).isInstanceOf(RevertReason.Empty.class);
    assertThat(decoder.decode(new byte[] {1, 2})).isInstanceOf(RevertReason.Unrecognized.class);
    // Error(string) selector with no string after it.
    assertThat(decoder.decode(Numeric.hexStringToByteArray("0x08c379a0")))
        .isInstanceOf(RevertReason.Unrecognized.class);
    assertThat(decoder.decode(Numeric.hexStringToByteArray("0xdeadbeef")).kind())
        .isEqualTo("Unrecognized");
  }

  @Test
  void shouldRefuseTwoErrorsThatShareASelectorButDifferInSignature() {
    // Different names cannot collide in practice; the same signature twice is allowed.
    final CustomErrorType error = CustomErrorType.of("InvalidTicket");
    assertThat(RevertDecoder.of(java.util.List.of(error, error)).decode(error.selector()).kind())
        .isEqualTo("InvalidTicket");
  }
}
