package io.xrelay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

  @Test
  void shouldParseEachUnit() {
    assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationText.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(DurationText.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(DurationText.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(DurationText.parse("2d")).isEqualTo(Duration.ofDays(2));
  }

  @Test
  void shouldParseCombinedUnitsInDecreasingOrder() {
    assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(DurationText.parse("1m30s500ms")).isEqualTo(Duration.ofMillis(90_500));
    assertThat(DurationText.parse(" 10S ")).isEqualTo(Duration.ofSeconds(10));
  }

  @ParameterizedTest
  @ValueSource(strings = {"30", "", "5 minutes", "-1s", "1.5s", "s", "1x"})
  void shouldRejectTextThatIsNotADuration(final String text) {
    assertThatThrownBy(() -> DurationText.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a duration");
  }

  @Test
  void shouldRejectUnitsOutOfOrderOrRepeated() {
    assertThatThrownBy(() -> DurationText.parse("1m1h"))
        .hasMessageContaining("units must decrease");
    assertThatThrownBy(() -> DurationText.parse("1s1s"))
        .hasMessageContaining("units must decrease");
  }

  @Test
  void shouldRejectDurationsTooLongToHold() {
    assertThatThrownBy(() -> DurationText.parse("99999999999999999999d"))
        .hasMessageContaining("too long");
  }

  @Test
  void shouldFormatWhatItParses() {
    assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(DurationText.format(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
    for (final String text : new String[] {"1d2h3m4s5ms", "24h", "5m", "1h30m"}) {
      final Duration parsed = DurationText.parse(text);
      assertThat(DurationText.parse(DurationText.format(parsed))).isEqualTo(parsed);
    }
    assertThat(DurationText.format(Duration.ofHours(24))).isEqualTo("1d");
  }
}
