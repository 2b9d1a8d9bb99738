package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

final class PublishedYearsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  private static PublishedYears read(String query) {
    return PublishedYears.in(query, TODAY);
  }

  @Test
  void aYearOrARangeIsALimitAndLeavesTheQuery() {
    PublishedYears in = read("diffusion policy papers from 2024");
    assertThat(in.without()).isEqualTo("diffusion policy papers");
    assertThat(in.first()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(in.last()).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(in.notice()).isEqualTo("Papers from 2024 only.");
    PublishedYears range = read("offline rl from 2022 to 2024");
    assertThat(range.without()).isEqualTo("offline rl");
    assertThat(range.first()).isEqualTo(LocalDate.of(2022, 1, 1));
    assertThat(range.last()).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(read("World models BETWEEN 2021 and 2023").notice())
        .isEqualTo("Papers from 2021 to 2023 only.");
    assertThat(read("vla 2025 papers").without()).isEqualTo("vla papers");
    assertThat(read("rlhf in 2023–2024").notice()).isEqualTo("Papers from 2023 to 2024 only.");
  }

  @Test
  void sinceAfterAndBeforeAreOpenEnded() {
    assertThat(read("world models since 2023").first()).isEqualTo(LocalDate.of(2023, 1, 1));
    assertThat(read("world models since 2023").notice()).isEqualTo("Papers from 2023 on.");
    assertThat(read("world models after 2023").first()).isEqualTo(LocalDate.of(2024, 1, 1));
    PublishedYears before = read("rlhf before 2023");
    assertThat(before.last()).isEqualTo(LocalDate.of(2022, 12, 31));
    assertThat(before.without()).isEqualTo("rlhf");
    assertThat(before.notice()).isEqualTo("Papers from before 2023 only.");
  }

  @Test
  void numbersThatAreNoYearsStayWords() {
    // A number in a name, a year past next year, a range backwards, a bare year: words.
    assertThat(read("rlbench 2024x tasks")).isNull();
    assertThat(read("gpt 4o in 3d")).isNull();
    assertThat(read("agents in 2099")).isNull();
    assertThat(read("from 2024 to 2021")).isNull();
    assertThat(read("diffusion 2024")).isNull();
    assertThat(read("cytochrome p4502024 in 20245")).isNull();
  }
}
