package paperbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperbot.app.LogCapture;
import paperbot.app.SeedBotExtension;
import paperbot.chat.ChatAction;
import paperbot.chat.ChatRequest;
import paperbot.chat.PaperCard;
import paperbot.chat.Platform;
import paperbot.chat.Reply;
import paperbot.chat.ReplyButton;
import paperbot.chat.UserText;
import paperbot.recommender.rank.SearchResults;

/**
 * The command core on the real seed corpus and a real index, asserted through {@link Reply} values.
 */
final class CommandCoreTest {
  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension();

  private static Reply say(String command, String text) {
    return bot.router()
        .handle(new ChatRequest(Platform.CONSOLE, "local", "console", "ana", command, text));
  }

  @Test
  void everyMalformedDigestOptionGetsAShortReplySayingWhatIsAcceptedAndNoStack() {
    try (LogCapture logs = LogCapture.start()) {
      for (String text :
          List.of(
              "subscribe days:-",
              "subscribe me days:-",
              "subscribe days:mon-",
              "subscribe days:-fri",
              "subscribe days:mon,,fri",
              "subscribe days:mon-tue-wed",
              "subscribe days:someday")) {
        Reply reply = say("digest", text);
        assertThat(reply.text())
            .as(text)
            .startsWith("I can't read the days `")
            .endsWith("Write them like `days:mon-fri` or `days:mon,wed,fri`.");
      }
      // Nothing after the colon (a comma stuck to it ends a topic list): no empty code span.
      for (String text : List.of("subscribe days:", "subscribe days:,")) {
        assertThat(say("digest", text).text())
            .as(text)
            .isEqualTo(
                "No days after `days:`. Write them like `days:mon-fri` or `days:mon,wed,fri`.");
      }
      assertThat(say("digest", "subscribe 25:00").text()).contains("Use 24-hour HH:MM");
      assertThat(say("digest", "subscribe Mars/Phobos").text()).contains("not a time zone I know");
      assertThat(logs.errorsAndStacks()).isEmpty();
    }
  }

  @Test
  void papersShowsFiveCardsWithEverythingAResearcherScans() {
    Reply reply = say("papers", "diffusion policy");
    assertThat(reply.ephemeral()).isTrue();
    assertThat(reply.cards()).hasSize(5);
    assertThat(UserText.plain(reply.text())).startsWith("Papers for \"diffusion policy\": 1–5 of ");
    for (PaperCard card : reply.cards()) {
      assertThat(card.title()).isNotBlank();
      assertThat(card.id()).isNotBlank();
      assertThat(card.snippet()).isNotBlank().hasSizeLessThan(400);
      assertThat(card.why()).startsWith("matched: ").contains("diffusion");
      assertThat(card.url()).startsWith("https://arxiv.org/");
    }
    assertThat(reply.cards().get(0).why()).contains("diffusion policy (title)");
    assertThat(reply.buttons())
        .extracting(ReplyButton::actionId)
        .containsExactly(ReplyButton.NEXT_PAGE, ReplyButton.SHARE);
    assertThat(reply.cards().get(0).buttons())
        .extracting(ReplyButton::actionId)
        .containsExactly(
            ReplyButton.LIKE, ReplyButton.DISLIKE, ReplyButton.MORE_LIKE_THIS, ReplyButton.SAVE);
  }

  @Test
  void shareButtonPostsTheSameListForTheWholeChannel() {
    Reply mine = say("papers", "world models");
    ReplyButton share =
        mine.buttons().stream()
            .filter(b -> b.actionId().equals(ReplyButton.SHARE))
            .findFirst()
            .orElseThrow();
    Reply shared =
        bot.router()
            .handle(
                new ChatAction(
                    Platform.CONSOLE, "local", "console", "ana", share.actionId(), share.value()));
    assertThat(shared.ephemeral()).isFalse();
    assertThat(ids(shared)).isEqualTo(ids(mine));
    assertThat(shared.buttons()).isEmpty();
  }

  @Test
  void moreShowsTheNextFiveWithoutRepeats() {
    Reply first =
        bot.router()
            .handle(
                new ChatRequest(
                    Platform.CONSOLE, "local", "c", "bo", "papers", "imitation learning"));
    Reply second =
        bot.router()
            .handle(
                new ChatRequest(
                    Platform.CONSOLE, "local", "c", "bo", "papers", "imitation learning more"));
    Reply third =
        bot.router()
            .handle(new ChatRequest(Platform.CONSOLE, "local", "c", "bo", "papers", "more"));
    assertThat(second.text()).contains(": 6–10 of ");
    assertThat(third.text()).contains(": 11–15 of ");
    assertThat(ids(first)).doesNotContainAnyElementsOf(ids(second));
    assertThat(ids(second)).doesNotContainAnyElementsOf(ids(third));
  }

  @Test
  void nextPageButtonShowsTheSamePageAsTypingMore() {
    Reply first = say("papers", "offline reinforcement learning");
    ReplyButton next = first.buttons().get(0);
    Reply pressed =
        bot.router()
            .handle(
                new ChatAction(
                    Platform.CONSOLE, "local", "console", "cy", next.actionId(), next.value()));
    Reply typed = say("papers", "offline reinforcement learning page 2");
    assertThat(ids(pressed)).isEqualTo(ids(typed)).doesNotContainAnyElementsOf(ids(first));
  }

  @Test
  void theNextPageOfALongQueryIsTypedShortAndGivesTheSamePageAsTheButton() {
    String query = "diffusion policy " + "for robot manipulation ".repeat(200);
    Reply first = sayAs("lou", "papers", query);
    ReplyButton next =
        first.buttons().stream()
            .filter(b -> b.actionId().equals(ReplyButton.NEXT_PAGE))
            .findFirst()
            .orElseThrow();
    // The hint is what a member types for the next page: not the 4,000-character query again.
    assertThat(next.typed()).isEqualTo("/papers more");
    Reply typed = sayAs("lou", "papers", next.typed().substring("/papers ".length()));
    assertThat(ids(typed)).hasSize(5).doesNotContainAnyElementsOf(ids(first));
    assertThat(typed.text()).contains("(page 2)");
    // A query of a few words keeps its own hint.
    ReplyButton shortNext =
        say("papers", "diffusion policy").buttons().stream()
            .filter(b -> b.actionId().equals(ReplyButton.NEXT_PAGE))
            .findFirst()
            .orElseThrow();
    assertThat(shortNext.typed()).isEqualTo("/papers diffusion policy more");
  }

  @Test
  void aMemberWithNoTopicsPagesThroughTheTrendingListLikeSearch() {
    Reply first = sayAs("nia", "papers", "");
    assertThat(first.text()).contains("no topics yet");
    assertThat(first.buttons()).extracting(ReplyButton::actionId).contains(ReplyButton.NEXT_PAGE);
    Reply second = sayAs("nia", "papers", "more");
    Reply third = sayAs("nia", "papers", "more");
    assertThat(second.text()).startsWith("Trending: 6–10 of ").contains("(page 2)");
    assertThat(third.text()).startsWith("Trending: 11–15 of ").contains("(page 3)");
    assertThat(ids(second)).hasSize(5).doesNotContainAnyElementsOf(ids(first));
    assertThat(ids(third)).hasSize(5).doesNotContainAnyElementsOf(ids(first));
    assertThat(ids(third)).doesNotContainAnyElementsOf(ids(second));
    // Typed pages, "all" and the Next button give the same pages.
    assertThat(ids(sayAs("nia", "papers", "page 2"))).isEqualTo(ids(second));
    sayAs("nia", "papers", "all");
    assertThat(ids(sayAs("nia", "papers", "all more"))).isEqualTo(ids(second));
    ReplyButton next = first.buttons().get(0);
    Reply pressed =
        bot.router()
            .handle(
                new ChatAction(
                    Platform.CONSOLE, "local", "console", "nia", next.actionId(), next.value()));
    assertThat(ids(pressed)).isEqualTo(ids(second));
    // Paging on from the last trending page says so instead of showing it again.
    long trending = bot.wiring().index().trending(1).total();
    int last = (int) ((trending + PapersCommand.PAGE_SIZE - 1) / PapersCommand.PAGE_SIZE);
    assertThat(sayAs("nia", "papers", "page " + last).buttons())
        .extracting(ReplyButton::actionId)
        .doesNotContain(ReplyButton.NEXT_PAGE);
    assertThat(sayAs("nia", "papers", "more").text())
        .startsWith("That's all that's trending: " + trending + " papers.");
    // Nothing a member with no topics pages through is stored.
    assertThat(
            bot.wiring()
                .profiles()
                .load(new paperbot.recommender.profile.MemberKey("CONSOLE", "local", "nia")))
        .isEqualTo(paperbot.recommender.profile.InterestProfile.empty());
  }

  @Test
  void aPageThatIsNoPageNumberGetsAShortReplyAndIsNotSearched() {
    Reply first = sayAs("odo", "papers", "diffusion");
    assertThat(UserText.plain(first.text())).startsWith("Papers for \"diffusion\": 1–5 of ");
    for (String bad :
        List.of(
            "diffusion page 0",
            "diffusion page -1",
            "diffusion page 99999999999",
            "diffusion page two",
            "diffusion page 201",
            "diffusion more page 2")) {
      Reply refused = sayAs("odo", "papers", bad);
      assertThat(refused.cards()).as(bad).isEmpty();
      assertThat(refused.ephemeral()).isTrue();
      assertThat(UserText.plain(refused.text()))
          .as(bad)
          .doesNotStartWith("Papers for")
          .doesNotStartWith("No papers match")
          .containsAnyOf("Pages start at 1", "a number from 1 to 200", "not both")
          .hasSizeLessThan(200);
    }
    // A refused page leaves paging where it was: "more" is still page 2 of "diffusion".
    Reply more = sayAs("odo", "papers", "diffusion more more");
    assertThat(UserText.plain(more.text())).startsWith("Papers for \"diffusion\": 6–10 of ");
    assertThat(ids(more)).doesNotContainAnyElementsOf(ids(first));
    // A number without "page" is a search word.
    assertThat(UserText.plain(sayAs("odo", "papers", "diffusion 2").text()))
        .startsWith("Papers for \"diffusion 2\"");
  }

  @Test
  void moreAfterTheLastPageThatPagingShowsSaysSo() {
    Reply last = sayAs("pia", "papers", "learning page 200");
    assertThat(last.buttons())
        .extracting(ReplyButton::actionId)
        .doesNotContain(ReplyButton.NEXT_PAGE);
    Reply past = sayAs("pia", "papers", "more");
    assertThat(past.cards()).isEmpty();
    assertThat(past.text()).startsWith("That's as far as paging goes: page 200 was the last.");
  }

  @Test
  void luceneOperatorsAreReadAndTheReplySaysHow() {
    // "Diffusion Transformer Policy" has the words one apart: found near, never as the phrase.
    Reply near = say("papers", "\"diffusion policy\"~1 transformer");
    assertThat(UserText.plain(near.text()))
        .contains("\nI read \"diffusion policy\"~1 as its words up to 1 word apart.");
    assertThat(near.cards().get(0).title()).isEqualTo("Diffusion Transformer Policy");
    assertThat(say("papers", "\"diffusion policy\" transformer").cards())
        .extracting(PaperCard::title)
        .isNotEmpty()
        .doesNotContain("Diffusion Transformer Policy");
    // A weighed word brings its papers up: every card is about planning.
    Reply plain = say("papers", "world models planning");
    Reply weighed = say("papers", "world models planning^5");
    assertThat(UserText.plain(weighed.text()))
        .contains("\nI weighed \u201cplanning\u201d \u00d75 against your other words.");
    assertThat(weighed.cards())
        .hasSize(5)
        .allSatisfy(card -> assertThat(card.title()).containsIgnoringCase("plan"));
    assertThat(weighed.cards().stream().map(PaperCard::id).toList())
        .isNotEqualTo(plain.cards().stream().map(PaperCard::id).toList());
    // Marks alone are nothing to search, and say so.
    assertThat(say("papers", "~~~ ^^").text()).isEqualTo(SearchResults.NOTHING_TO_SEARCH);
  }

  @Test
  void abbreviationsFindTheLongForm() {
    Reply reply = say("papers", "rlhf");
    assertThat(reply.cards()).isNotEmpty();
    assertThat(reply.cards().get(0).why()).containsIgnoringCase("human feedback");
  }

  @Test
  void paperShowsFullDetailsOfOneResult() {
    PaperCard top = say("papers", "diffusion policy").cards().get(0);
    Reply details = say("paper", top.id());
    assertThat(details.cards()).hasSize(1);
    PaperCard full = details.cards().get(0);
    assertThat(full.id()).isEqualTo(top.id());
    assertThat(full.snippet().length()).isGreaterThan(500);
    assertThat(details.text())
        .containsPattern(
            "Found in: (arXiv|Hugging Face daily papers|an author's page|a reading list)")
        .doesNotContain(".txt");
  }

  @Test
  void aPaperIdOrLinkPastedIntoPapersShowsThatPaper() {
    PaperCard top = say("papers", "diffusion policy").cards().get(0);
    Reply pasted = say("papers", " " + top.id().toUpperCase(java.util.Locale.ROOT) + " ");
    assertThat(pasted.cards()).extracting(PaperCard::id).containsExactly(top.id());
    assertThat(pasted.cards().get(0).snippet().length()).isGreaterThan(500);
    assertThat(say("papers", "https://arxiv.org/abs/2411.00099v2").text())
        .doesNotStartWith("Papers for")
        .contains("2411.00099");
    assertThat(say("papers", top.id() + " diffusion").text()).startsWith("Papers for");
  }

  @Test
  void paperIdsAreReadInAnyCaseAndAsLookAlikesOfWhatWasShown() {
    String id =
        bot.wiring().index().all().stream()
            .map(paperbot.recommender.corpus.Paper::id)
            .filter(pid -> pid.matches("pb-[0-9a-f]{8}") && pid.matches(".*[a-f].*"))
            .findFirst()
            .orElseThrow();
    String hex = id.substring(3);
    StringBuilder fullWidth = new StringBuilder("ｐｂ－");
    hex.chars().forEach(c -> fullWidth.appendCodePoint(c + 0xFEE0));
    for (String typed :
        List.of(
            id.toUpperCase(java.util.Locale.ROOT),
            id + "\u200b",
            "\ufeff" + id,
            "pb\u2011" + hex,
            "PB\u2013" + hex.toUpperCase(java.util.Locale.ROOT),
            fullWidth.toString(),
            "\u00a0" + id + "\t")) {
      Reply details = say("paper", typed);
      assertThat(details.cards()).as(typed).hasSize(1);
      assertThat(details.cards().get(0).id()).isEqualTo(id);
    }
    Reply liked = sayAs("lee", "like", id.toUpperCase(java.util.Locale.ROOT) + "\u200b");
    assertThat(liked.text()).startsWith("Liked ");
    assertThat(sayAs("lee", "save", "Pb\u2011" + hex).text()).startsWith("Saved ");
    assertThat(sayAs("lee", "dislike", fullWidth.toString()).text()).startsWith("Got it");
    assertThat(sayAs("lee", "more", id.toUpperCase(java.util.Locale.ROOT)).text())
        .doesNotStartWith("No paper with id");
    assertThat(say("paper", "PB-ZZZZ").text()).startsWith("No paper with id `PB-ZZZZ`");
    assertThat(say("paper", "PB\u2011DEADBEEF\u200b").text())
        .isEqualTo("No paper with id `pb-deadbeef`. Search with `/papers <words>` to find its id.");
  }

  private static Reply sayAs(String user, String command, String text) {
    return bot.router()
        .handle(new ChatRequest(Platform.CONSOLE, "local", "console", user, command, text));
  }

  @Test
  void retitledPaperListsItsOtherTitle() {
    Reply search =
        say(
            "papers",
            "Learning an Actionable Discrete Diffusion Policy via Large-Scale Actionless Video Pre-Training");
    Reply details = say("paper", search.cards().get(0).id());
    assertThat(details.text()).contains("Also titled: ");
  }

  @Test
  void badInputGetsAShortPrivateReply() {
    assertThat(say("papers", "").text()).contains("no topics yet", "/topics add");
    assertThat(say("paper", "").ephemeral()).isTrue();
    assertThat(say("paper", "no-such-id").text()).startsWith("No paper with id");
    assertThat(say("frobnicate", "x").text()).contains("/help");
    for (String hostile :
        List.of(
            "title:(a OR b)^3 \"unbalanced",
            "*:*",
            "\\",
            "🙂🚀",
            "a".repeat(5000),
            // Read in one pass: a star after a very long word, or none after it.
            "x".repeat(200_000),
            "x".repeat(200_000) + "*",
            // Stars and question marks inside a 200,000-letter word: read as one word, once.
            "xy*z?".repeat(40_000),
            "x".repeat(100_000) + "*" + "x".repeat(100_000),
            "\u0000\u200b\u202e",
            "the of and",
            "AND OR NOT")) {
      Reply reply = say("papers", hostile);
      assertThat(reply.text()).isNotBlank();
    }
    // A long query that matches nothing says so, besides saying it was cut.
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      words.append("word").append(i).append(' ');
    }
    assertThat(UserText.plain(say("papers", words.toString()).text()))
        .startsWith("No papers match \"word0 word1")
        .endsWith("That was a long query: I searched for its first 32 words.");
    // Only left-out words: nothing to look for, and the reply says why.
    for (String leftOut : List.of("-diffusion", "NOT diffusion", "-\"world models\" -video")) {
      assertThat(say("papers", leftOut).text()).as(leftOut).isEqualTo(SearchResults.ONLY_LEFT_OUT);
    }
    assertThat(say("papers", "the of and").text()).isEqualTo(SearchResults.NOTHING_TO_SEARCH);
  }

  @Test
  void expiredOrForgedButtonsAreRefusedPolitely() {
    Reply reply =
        bot.router()
            .handle(
                new ChatAction(Platform.CONSOLE, "local", "c", "ana", ReplyButton.NEXT_PAGE, "x"));
    assertThat(reply.text()).contains("expired");
    assertThat(
            bot.router()
                .handle(new ChatAction(Platform.CONSOLE, "local", "c", "ana", "nope", ""))
                .text())
        .contains("expired");
  }

  @Test
  void helpListsEveryCommand() {
    String help = say("help", "").text();
    assertThat(help).contains("/papers [query]", "/paper <id or arXiv link>", "/help");
    // The query syntax a researcher would otherwise have to guess.
    assertThat(help).contains("-video", "\"world models\"");
  }

  @Test
  void aMistypedOrForeignCommandNameSuggestsTheCommandWithWhatWasTyped() {
    assertThat(say("topic", "add offline rl").text())
        .isEqualTo(
            "I don't know `/topic`. Did you mean `/topics add offline rl`? Type `/help` to see"
                + " what I can do.");
    assertThat(say("search", "diffusion policy").text())
        .startsWith("I don't know `/search`. Did you mean `/papers diffusion policy`?");
    assertThat(say("subscribe", "9am").text()).contains("Did you mean `/digest subscribe 9am`?");
    assertThat(say("papres", "world models").text())
        .contains("Did you mean `/papers world models`?");
    assertThat(say("likes", "pb-2605bad0").text()).contains("Did you mean `/like pb-2605bad0`?");
    assertThat(say("xyzzy", "").text())
        .isEqualTo("I don't know `/xyzzy`. Type `/help` to see what I can do.");
    // Only suggested: nothing was added for the member who mistyped.
    assertThat(sayAs("tom", "topic", "add offline rl").text()).contains("Did you mean");
    assertThat(sayAs("tom", "topics", "list").text()).startsWith("You have no topics yet.");
  }

  @Test
  void anIdCopiedWithItsCodeSpanQuotesBracketsOrFullStopIsStillThatPaper() {
    String id = say("papers", "diffusion policy").cards().get(0).id();
    for (String typed :
        List.of(
            "`" + id + "`",
            "\"" + id + "\"",
            "<" + id + ">",
            id + ".",
            "(" + id + "),",
            "id " + id,
            "“" + id + "”")) {
      Reply details = say("paper", typed);
      assertThat(details.cards()).as(typed).hasSize(1);
      assertThat(details.cards().get(0).id()).isEqualTo(id);
    }
    assertThat(sayAs("uma", "save", id + ".").text()).startsWith("Saved ");
    assertThat(sayAs("uma", "unsave", "`" + id + "`").text()).startsWith("Removed ");
  }

  @Test
  void anOldStyleArxivIdIsToldApartFromAnIdNoPaperHas() {
    for (String typed :
        List.of(
            "hep-th/9901001",
            "math.GT/0309136v2",
            "arXiv:cs/0112017",
            "https://arxiv.org/abs/hep-th/9901001v2")) {
      assertThat(say("paper", typed).text())
          .as(typed)
          .contains("is an arXiv id of the form used before 2007")
          .contains("`2303.04137`");
    }
    assertThat(say("like", "hep-th/9901001").text()).startsWith("`hep-th/9901001` is an arXiv id");
  }

  private static List<String> ids(Reply reply) {
    return reply.cards().stream().map(PaperCard::id).toList();
  }
}
