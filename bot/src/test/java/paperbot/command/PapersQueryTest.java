package paperbot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;
import paperbot.chat.InvalidOption;
import paperbot.chat.UserText;

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
  void aRepeatedMoreIsOneMoreAndNeverASearchWord() {
    assertThat(PapersQuery.parse("diffusion more more"))
        .isEqualTo(new PapersQuery("diffusion", PapersQuery.NEXT));
    assertThat(PapersQuery.parse("more More  MORE"))
        .isEqualTo(new PapersQuery("", PapersQuery.NEXT));
    assertThat(PapersQuery.parse("all more more"))
        .isEqualTo(new PapersQuery("all", PapersQuery.NEXT));
  }

  @Test
  void askingForYourOwnPapersInWordsIsTheFeedNotASearchForMe() {
    // "No papers match "me"" was the reply.
    for (String typed : List.of("me", "Me", "mine", "for me", "for you")) {
      assertThat(PapersQuery.parse(typed)).as(typed).isEqualTo(new PapersQuery("", 1));
    }
    assertThat(PapersQuery.parse("me more")).isEqualTo(new PapersQuery("", PapersQuery.NEXT));
    assertThat(PapersQuery.parse("for me page 2")).isEqualTo(new PapersQuery("", 2));
    assertThat(PapersQuery.parse("papers for me and my lab"))
        .isEqualTo(new PapersQuery("papers for me and my lab", 1));
  }

  @Test
  void pageArgumentsAreRead() {
    assertThat(PapersQuery.parse("offline rl page 3")).isEqualTo(new PapersQuery("offline rl", 3));
    assertThat(PapersQuery.parse("offline rl p2")).isEqualTo(new PapersQuery("offline rl", 2));
    assertThat(PapersQuery.parse("offline rl page 200"))
        .isEqualTo(new PapersQuery("offline rl", 200));
    assertThat(PapersQuery.parse("page 2")).isEqualTo(new PapersQuery("", 2));
    assertThat(PapersQuery.parse("all page 02")).isEqualTo(new PapersQuery("all", 2));
  }

  @Test
  void aTrailingPageThatIsNoPageNumberIsRefusedNotSearched() {
    assertThat(refusal("diffusion page 0")).startsWith("Pages start at 1");
    assertThat(refusal("diffusion page -1")).startsWith("Pages start at 1");
    assertThat(refusal("diffusion page \u22123")).startsWith("Pages start at 1");
    assertThat(refusal("diffusion p0")).startsWith("Pages start at 1");
    assertThat(refusal("diffusion page 201")).startsWith("There is no page 201: a page is a");
    assertThat(refusal("diffusion page 99999999999"))
        .startsWith("There is no page 99999999999: a page is a number from 1 to 200.");
    assertThat(refusal("diffusion page " + "9".repeat(400))).hasSizeLessThan(200);
    // NaN and Infinity were searched as words while `page two` was refused.
    for (String notANumber :
        List.of(
            "two",
            "Two",
            "2.5",
            "1,000",
            "3rd",
            "last",
            "NaN",
            "Infinity",
            "-Infinity",
            "\u221e",
            ".5")) {
      assertThat(refusal("diffusion page " + notANumber))
          .as(notANumber)
          .startsWith(notANumber + " is not a page number: a page is a number from 1 to 200");
    }
    for (String twice : List.of("diffusion page 2 page 3", "diffusion p2 page 3", "page 1 p2")) {
      // "diffusion page 2 page 3" was page 3 of the words "diffusion page 2".
      assertThat(refusal(twice)).as(twice).startsWith("Ask for one page: ");
    }
    assertThat(PapersQuery.parse("cytochrome p450 page 2"))
        .isEqualTo(new PapersQuery("cytochrome p450", 2));
    assertThat(refusal("diffusion page 2 more")).startsWith("Ask for `more` or for a page");
    assertThat(refusal("diffusion more page 2")).startsWith("Ask for `more` or for a page");
  }

  @Test
  void numbersAndPagesThatAreWordsStaySearchWords() {
    assertThat(PapersQuery.parse("diffusion 2")).isEqualTo(new PapersQuery("diffusion 2", 1));
    assertThat(PapersQuery.parse("web page")).isEqualTo(new PapersQuery("web page", 1));
    assertThat(PapersQuery.parse("page rank")).isEqualTo(new PapersQuery("page rank", 1));
    assertThat(PapersQuery.parse("web page -video"))
        .isEqualTo(new PapersQuery("web page -video", 1));
    assertThat(PapersQuery.parse("p2p networks")).isEqualTo(new PapersQuery("p2p networks", 1));
    assertThat(PapersQuery.parse("pointnet p3d")).isEqualTo(new PapersQuery("pointnet p3d", 1));
    assertThat(PapersQuery.parse("cytochrome p450"))
        .isEqualTo(new PapersQuery("cytochrome p450", 1));
    assertThat(PapersQuery.parse("diffusion p200")).isEqualTo(new PapersQuery("diffusion", 200));
    assertThat(PapersQuery.parse("one page two column"))
        .isEqualTo(new PapersQuery("one page two column", 1));
  }

  @Test
  void aButtonCarriesOnlyPagesThisBotShows() {
    assertThat(PapersQuery.fromButton("3|diffusion")).contains(new PapersQuery("diffusion", 3));
    assertThat(PapersQuery.fromButton("0|diffusion")).isEmpty();
    assertThat(PapersQuery.fromButton("-4|diffusion")).isEmpty();
    assertThat(PapersQuery.fromButton("201|diffusion")).isEmpty();
  }

  private static String refusal(String text) {
    Throwable refused = catchThrowable(() -> PapersQuery.parse(text));
    assertThat(refused).as(text).isInstanceOf(InvalidOption.class);
    return UserText.plain(refused.getMessage());
  }
}
