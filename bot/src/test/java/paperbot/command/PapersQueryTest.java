package paperbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class PapersQueryTest {

  @Test
  void plainWordsAreTheFirstPage() {
    assertThat(PapersQuery.parse("  diffusion policy "))
        .isEqualTo(new PapersQuery("diffusion policy", 1));
  }

  @Test
  void trailingMoreAsksForTheNextPage() {
    assertThat(PapersQuery.parse("offline rl more"))
        .isEqualTo(new PapersQuery("offline rl", PapersQuery.NEXT));
    assertThat(PapersQuery.parse("MORE")).isEqualTo(new PapersQuery("", PapersQuery.NEXT));
  }

  @Test
  void pageArgumentsAreRead() {
    assertThat(PapersQuery.parse("offline rl page 3")).isEqualTo(new PapersQuery("offline rl", 3));
    assertThat(PapersQuery.parse("offline rl p2")).isEqualTo(new PapersQuery("offline rl", 2));
    assertThat(PapersQuery.parse("offline rl page 0")).isEqualTo(new PapersQuery("offline rl", 1));
  }

  @Test
  void wordsThatMerelyContainPageOrMoreStayInTheQuery() {
    assertThat(PapersQuery.parse("sim2real")).isEqualTo(new PapersQuery("sim2real", 1));
    assertThat(PapersQuery.parse("furthermore")).isEqualTo(new PapersQuery("furthermore", 1));
    assertThat(PapersQuery.parse("homepage 2")).isEqualTo(new PapersQuery("homepage 2", 1));
  }
}
