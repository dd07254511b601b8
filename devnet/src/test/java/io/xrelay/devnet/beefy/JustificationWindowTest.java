package io.xrelay.devnet.beefy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xrelay.proofs.H256;
import io.xrelay.proofs.beefy.BeefyCommitment;
import io.xrelay.proofs.beefy.SignedCommitment;
import io.xrelay.proofs.beefy.VersionedFinalityProof;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JustificationWindowTest {

  @Test
  void shouldKeepOnlyTheNewestBlocksUpToItsCapacity() {
    final JustificationWindow window = new JustificationWindow(3);
    for (long number = 1; number <= 5; number++) {
      window.add(justification(number));
    }

    assertThat(window.size()).isEqualTo(3);
    assertThat(window.lowestNumber()).isEqualTo(3);
    assertThat(window.latest()).map(BeefyJustification::number).contains(5L);
    assertThat(window.byNumber(2)).isEmpty();
    assertThat(window.byHash(hash(2))).isEmpty();
    assertThat(window.byHash(hash(4))).map(BeefyJustification::number).contains(4L);
  }

  @Test
  void shouldForgetAReplacedForkAndTakeTheNewBlocksAtThoseHeights() {
    final JustificationWindow window = new JustificationWindow(10);
    for (long number = 1; number <= 4; number++) {
      window.add(justification(number));
    }

    window.dropFrom(3);
    window.add(justification(3, "0x" + "ab".repeat(32)));

    assertThat(window.byHash(hash(3))).isEmpty();
    assertThat(window.byHash(hash(4))).isEmpty();
    assertThat(window.latest()).map(BeefyJustification::hash).contains("0x" + "ab".repeat(32));
  }

  @Test
  void shouldRefuseABlockThatIsNotAboveTheLatest() {
    final JustificationWindow window = new JustificationWindow(10);
    window.add(justification(7));

    assertThatThrownBy(() -> window.add(justification(7, "0x" + "cd".repeat(32))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("block 7 is not above the latest signed block 7");
  }

  @Test
  void shouldStreamNewBlocksToListenersUntilTheyStop() {
    final JustificationWindow window = new JustificationWindow(10);
    window.add(justification(1));
    final List<Long> streamed = new ArrayList<>();
    final Runnable stop = window.listen(signed -> streamed.add(signed.number()));

    window.add(justification(2));
    window.add(justification(3));
    stop.run();
    window.add(justification(4));

    assertThat(streamed).containsExactly(2L, 3L);
  }

  static BeefyJustification justification(final long number) {
    return justification(number, hash(number));
  }

  static BeefyJustification justification(final long number, final String hash) {
    return BeefyJustification.of(
        number,
        hash,
        new VersionedFinalityProof(
            new SignedCommitment(
                BeefyCommitment.ofMmrRoot(H256.ZERO, number, 0),
                List.of(Optional.empty(), Optional.empty()))));
  }

  static String hash(final long number) {
    return String.format("0x%064x", number);
  }
}
