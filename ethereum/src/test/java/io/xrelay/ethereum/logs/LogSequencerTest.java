package io.xrelay.ethereum.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.xrelay.ethereum.rpc.LogEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogSequencerTest {
  private static final String CONTRACT = "0x00000000000000000000000000000000000000aa";

  @Test
  void shouldHandOnABatchInChainOrder() {
    final LogSequencer sequencer = new LogSequencer(64);
    final LogEntry a = log(7, 'a', 0, false);
    final LogEntry b = log(7, 'a', 3, false);
    final LogEntry c = log(9, 'c', 1, false);
    assertThat(sequencer.accept(List.of(c, b, a))).containsExactly(a, b, c);
    assertThat(sequencer.highestBlock()).isEqualTo(9);
  }

  @Test
  void shouldDropLogsSeenBeforeByBlockHashAndIndexAcrossBatches() {
    final LogSequencer sequencer = new LogSequencer(64);
    final LogEntry a = log(7, 'a', 0, false);
    final LogEntry b = log(8, 'b', 0, false);
    assertThat(sequencer.accept(List.of(a, b))).containsExactly(a, b);
    // The subscription repeats b and brings c: only c is new.
    final LogEntry c = log(8, 'b', 1, false);
    assertThat(sequencer.accept(List.of(b, c, b))).containsExactly(c);
    assertThat(sequencer.accept(List.of(a, b, c))).isEmpty();
  }

  @Test
  void shouldTreatTheSameIndexInAnotherBlockAndARemovalAsNews() {
    final LogSequencer sequencer = new LogSequencer(64);
    final LogEntry original = log(8, 'b', 0, false);
    final LogEntry removal = log(8, 'b', 0, true);
    final LogEntry replacement = log(8, 'e', 0, false);
    assertThat(sequencer.accept(List.of(original))).containsExactly(original);
    assertThat(sequencer.accept(List.of(replacement, removal)))
        .containsExactly(removal, replacement);
    assertThat(sequencer.accept(List.of(removal, replacement, original))).isEmpty();
  }

  @Test
  void shouldForgetOnlyBlocksBelowTheWindowAndDropLogsThatOld() {
    final LogSequencer sequencer = new LogSequencer(2);
    final LogEntry old = log(10, 'a', 0, false);
    final LogEntry inWindow = log(11, 'b', 0, false);
    final LogEntry newest = log(13, 'c', 0, false);
    assertThat(sequencer.accept(List.of(old, inWindow, newest)))
        .containsExactly(old, inWindow, newest);
    assertThat(sequencer.accept(List.of(old, inWindow))).isEmpty();
    assertThat(sequencer.accept(List.of(log(10, 'z', 5, false)))).isEmpty();
  }

  private static LogEntry log(
      final long block, final char hashDigit, final long index, final boolean removed) {
    final String blockHash = "0x" + String.valueOf(hashDigit).repeat(64);
    return new LogEntry(
        CONTRACT,
        List.of("0x" + "11".repeat(32)),
        new byte[] {(byte) index},
        block,
        blockHash,
        "0x" + "22".repeat(32),
        index,
        removed);
  }
}
