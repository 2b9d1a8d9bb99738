package paperbot.recommender.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class LinksTest {

  @Test
  void gluedDoubledAndSchemeLessLinksAreRepaired() {
    assertThat(Links.find("future researchhttps://github.com/InternLM/OREAL."))
        .containsExactly("https://github.com/InternLM/OREAL");
    assertThat(Links.find("code: https://github.com/masa-ue/SVDD{https://github.com/masa-ue/SVDD}"))
        .containsExactly("https://github.com/masa-ue/SVDD");
    assertThat(Links.find("at github.com/utomm/mini-diffuse-actor. and rlif-page.github.io"))
        .containsExactly(
            "https://github.com/utomm/mini-diffuse-actor", "https://rlif-page.github.io");
    assertThat(Links.find("page (https://x.org/history-ib) ."))
        .containsExactly("https://x.org/history-ib");
  }

  @Test
  void balancedParenthesesInsideALinkAreKept() {
    assertThat(Links.find("see https://en.wikipedia.org/wiki/Go_(game)."))
        .containsExactly("https://en.wikipedia.org/wiki/Go_(game)");
  }

  @Test
  void textWithoutLinksHasNone() {
    assertThat(Links.find("no links here, e.g. a.b")).isEmpty();
    assertThat(Links.find(null)).isEmpty();
  }
}
