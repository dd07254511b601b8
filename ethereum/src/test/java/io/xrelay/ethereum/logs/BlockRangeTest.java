package io.xrelay.ethereum.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockRangeTest {

  @Test
  void shouldSplitARangeIntoConsecutiveChunksWithAShortLastOne() {
    assertThat(BlockRange.chunks(10, 34, 10))
        .containsExactly(new BlockRange(10, 19), new BlockRange(20, 29), new BlockRange(30, 34));
  }

  @Test
  void shouldCoverExactMultiplesWithoutAnEmptyTail() {
    assertThat(BlockRange.chunks(0, 1999, 1000))
        .containsExactly(new BlockRange(0, 999), new BlockRange(1000, 1999));
  }

  @Test
  void shouldGiveOneBlockRangesAtChunkSizeOneAndNothingForAnEmptyRange() {
    assertThat(BlockRange.chunks(5, 7, 1))
        .containsExactly(new BlockRange(5, 5), new BlockRange(6, 6), new BlockRange(7, 7));
    assertThat(BlockRange.chunks(8, 7, 1000)).isEmpty();
    assertThat(BlockRange.chunks(7, 7, 1000)).containsExactly(new BlockRange(7, 7));
  }

  @Test
  void shouldNotOverflowAtTheTopOfTheNumberRange() {
    final List<BlockRange> chunks = BlockRange.chunks(Long.MAX_VALUE - 2, Long.MAX_VALUE, 2);
    assertThat(chunks)
        .containsExactly(
            new BlockRange(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1),
            new BlockRange(Long.MAX_VALUE, Long.MAX_VALUE));
  }

  @Test
  void shouldRejectABadChunkSizeOrStart() {
    assertThatThrownBy(() -> BlockRange.chunks(0, 10, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chunk size");
    assertThatThrownBy(() -> BlockRange.chunks(-1, 10, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
