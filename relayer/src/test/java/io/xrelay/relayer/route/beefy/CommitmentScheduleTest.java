package io.xrelay.relayer.route.beefy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommitmentScheduleTest {

  @Test
  void shouldTakeOneCommitmentEveryMinIntervalBlocks() {
    final CommitmentSchedule schedule = new CommitmentSchedule(10, 100, 7);
    assertThat(schedule.take(105, 7, 100)).isFalse();
    assertThat(schedule.take(109, 7, 100)).isFalse();
    assertThat(schedule.take(110, 7, 100)).isTrue();
    assertThat(schedule.take(111, 7, 100)).isFalse();
    assertThat(schedule.take(119, 7, 100)).isFalse();
    assertThat(schedule.take(120, 7, 110)).isTrue();
  }

  @Test
  void shouldTakeTheFirstCommitmentOfEveryNewSetAtOnce() {
    final CommitmentSchedule schedule = new CommitmentSchedule(10, 100, 7);
    assertThat(schedule.isNewSet(8)).isTrue();
    assertThat(schedule.take(101, 8, 100)).isTrue();
    assertThat(schedule.isNewSet(8)).isFalse();
    // Later blocks of the same set wait for the interval again.
    assertThat(schedule.take(102, 8, 100)).isFalse();
    assertThat(schedule.take(103, 9, 100)).isTrue();
  }

  @Test
  void shouldNeverTakeABlockAtOrBelowTheContractsOrOneAlreadyTaken() {
    final CommitmentSchedule schedule = new CommitmentSchedule(1, 100, 7);
    assertThat(schedule.take(100, 8, 100)).isFalse();
    assertThat(schedule.take(150, 7, 160)).isFalse(); // another relayer landed 160
    assertThat(schedule.take(161, 7, 160)).isTrue();
    assertThat(schedule.take(161, 7, 160)).isFalse();
    assertThat(schedule.take(160, 9, 100)).isFalse();
  }

  @Test
  void shouldTakeTheFirstCommitmentAtOrAboveADemandedBlockAheadOfTheInterval() {
    final CommitmentSchedule schedule = new CommitmentSchedule(1000, 100, 7);
    assertThat(schedule.take(150, 7, 100)).isFalse();

    schedule.demand(160);
    schedule.demand(170);
    assertThat(schedule.demanded()).isEqualTo(160);
    assertThat(schedule.take(159, 7, 100)).isFalse();
    assertThat(schedule.take(161, 7, 100)).isTrue();
    assertThat(schedule.demanded()).isZero();
    // Served: back to the interval.
    assertThat(schedule.take(175, 7, 100)).isFalse();
  }

  @Test
  void shouldTakeTheNextCommitmentOfASetReopenedBecauseItsFirstCouldNotHandOver() {
    final CommitmentSchedule schedule = new CommitmentSchedule(10, 100, 7);
    assertThat(schedule.take(101, 8, 100)).isTrue();
    assertThat(schedule.take(102, 8, 100)).isFalse();

    schedule.reopenSet(8);

    assertThat(schedule.take(102, 8, 100)).isTrue();
    assertThat(schedule.take(103, 8, 100)).isFalse();
  }

  @Test
  void shouldNotTakeADemandedBlockTheContractAlreadyHas() {
    final CommitmentSchedule schedule = new CommitmentSchedule(1000, 100, 7);
    schedule.demand(120);
    assertThat(schedule.take(125, 7, 130)).isFalse();
    assertThat(schedule.take(131, 7, 130)).isTrue();
  }

  @Test
  void shouldRefuseAnIntervalBelowOneBlock() {
    assertThatThrownBy(() -> new CommitmentSchedule(0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("min interval must be at least 1 block: 0");
  }
}
