package io.xrelay.ethereum.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SentTransactionTest {
  private static final SentTransaction SENT =
      new SentTransaction(
          "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65",
          41,
          new TransactionRequest(
              Optional.of("0x5fbdb2315678afecb367f032d93f642f64180aa3"),
              new byte[] {(byte) 0xde, (byte) 0xad, 0, 1},
              BigInteger.ONE,
              Optional.of(BigInteger.valueOf(250_000))),
          BigInteger.valueOf(250_000),
          new FeePolicy.Fees(new BigInteger("200000000000"), BigInteger.valueOf(1_000_000_000)),
          List.of("0x" + "aa".repeat(32), "0x" + "bb".repeat(32)));

  @Test
  void shouldReadBackEveryFieldItWrote() {
    final SentTransaction read = SentTransaction.fromJson(SENT.toJson());

    assertThat(read.from()).isEqualTo(SENT.from());
    assertThat(read.nonce()).isEqualTo(41);
    assertThat(read.request().to()).isEqualTo(SENT.request().to());
    assertThat(read.request().data()).containsExactly(0xde, 0xad, 0, 1);
    assertThat(read.request().value()).isEqualTo(BigInteger.ONE);
    assertThat(read.gasLimit()).isEqualTo(BigInteger.valueOf(250_000));
    assertThat(read.fees()).isEqualTo(SENT.fees());
    assertThat(read.hashes()).isEqualTo(SENT.hashes());
    assertThat(read.hash()).isEqualTo("0x" + "bb".repeat(32));
  }

  @Test
  void shouldNameTheFieldThatIsMissingOrMalformed() {
    assertThatThrownBy(() -> SentTransaction.fromJson(SENT.toJson().replace("\"nonce\"", "\"x\"")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nonce'");
    assertThatThrownBy(
            () ->
                SentTransaction.fromJson(SENT.toJson().replace("\"200000000000\"", "\"20 gwei\"")))
        .hasMessageContaining("'maxFeePerGas' is not a decimal number");
    assertThatThrownBy(() -> SentTransaction.fromJson("{not json"))
        .hasMessageContaining("not JSON");
  }
}
