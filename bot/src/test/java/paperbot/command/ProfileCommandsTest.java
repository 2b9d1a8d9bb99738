package paperbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import paperbot.app.SeedBotExtension;
import paperbot.app.TestBots;
import paperbot.app.Wiring;
import paperbot.chat.ChatAction;
import paperbot.chat.ChatRequest;
import paperbot.chat.PaperCard;
import paperbot.chat.Platform;
import paperbot.chat.Reply;
import paperbot.chat.ReplyButton;
import paperbot.chat.UserText;

/**
 * Topics, personal /papers and feedback through the core, on the seed corpus, a real index and real
 * SQLite.
 */
final class ProfileCommandsTest {
  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension();

  private static Reply say(String user, String command, String text) {
    return say("T1", user, command, text);
  }

  private static Reply say(String workspace, String user, String command, String text) {
    return shown(
        bot.router().handle(new ChatRequest(Platform.SLACK, workspace, "C1", user, command, text)));
  }

  /** The reply with what it echoes shown as plain text shows it ({@code *topic*}). */
  static Reply shown(Reply reply) {
    List<PaperCard> cards =
        reply.cards().stream()
            .map(c ->
                new PaperCard(
                    c.id(),
                    c.title(),
                    c.url(),
                    c.authors(),
                    c.date(),
                    c.upvotes(),
                    c.snippet(),
                    UserText.plain(c.why()),
                    c.buttons()))
            .toList();
    return new Reply(
        UserText.plain(reply.text()),
        cards,
        reply.buttons(),
        reply.ephemeral(),
        reply.attachment());
  }

  private static List<String> ids(Reply reply) {
    return reply.cards().stream().map(PaperCard::id).toList();
  }

  @Test
  void aNewMemberGetsAGuideAndTrendingPapers() {
    Reply reply = say("newcomer", "papers", "");
    assertThat(reply.text()).contains("no topics yet", "/topics add offline rl");
    assertThat(reply.cards())
        .hasSize(5)
        .allSatisfy(card -> assertThat(card.why()).startsWith("trending +"));
    assertThat(reply.ephemeral()).isTrue();
  }

  @Test
  void invisibleCharactersMakeNoSecondTopicThatLooksTheSame() {
    say("iris", "topics", "add diffusion");
    assertThat(say("iris", "topics", "add \u200bdiffusion").text()).startsWith("Updated topic");
    assertThat(say("iris", "topics", "add \ufeffdiffusion\u200d").text())
        .startsWith("Updated topic");
    assertThat(say("iris", "topics", "add\tworld\u00a0\u00a0models").text())
        .startsWith("Added topic *world models*");
    assertThat(bot.wiring().profiles().load(member("iris")).topics().keySet())
        .containsExactly("diffusion", "world models");
    assertThat(say("iris", "topics", "remove diffusion").text()).startsWith("Removed topic");
    assertThat(say("iris", "topics", "remove \u200bworld models\u2060").text())
        .startsWith("Removed topic");
    assertThat(bot.wiring().profiles().load(member("iris")).topics()).isEmpty();
  }

  @Test
  void controlCharactersAreNeverStoredOrEchoed() {
    assertThat(say("jas", "topics", "add \u001b[31mred").text())
        .startsWith("Added topic *[31mred*")
        .doesNotContain("\u001b");
    assertThat(say("jas", "topics", "mute \u001b[1mvoice\u0007 cloning").text())
        .startsWith("Muted *[1mvoice cloning*");
    assertThat(say("jas", "follow", "\u202eSergey\u00a0Levine\u202c").text())
        .startsWith("Following *Sergey Levine*");
    assertThat(say("jas", "topics", "add \u200b\ufeff\u0000").text()).startsWith("Which topic?");
    var profile = bot.wiring().profiles().load(member("jas"));
    assertThat(profile.topics().keySet()).containsExactly("[31mred");
    assertThat(profile.mutes()).containsExactly("[1mvoice cloning");
    assertThat(profile.follows()).containsExactly("Sergey Levine");
  }

  @Test
  void typedOptionsAreNormalisedLikeTypedText() {
    Reply added =
        bot.router()
            .handle(
                new ChatRequest(
                    Platform.DISCORD,
                    "G1",
                    "C1",
                    "kit",
                    "topics",
                    "add",
                    true,
                    java.util.Map.of("topic", "\u200boffline\u3000rl\ufeff")));
    assertThat(UserText.plain(added.text())).startsWith("Added topic *offline rl*");
    assertThat(
            bot.wiring()
                .profiles()
                .load(new paperbot.recommender.profile.MemberKey("DISCORD", "G1", "kit"))
                .topics()
                .keySet())
        .containsExactly("offline rl");
  }

  private static paperbot.recommender.profile.MemberKey member(String user) {
    return new paperbot.recommender.profile.MemberKey("SLACK", "T1", user);
  }

  @Test
  void aTopicRanksItsPapersFirstAndSaysWhy() {
    assertThat(say("ana", "topics", "add Offline  RL").text())
        .startsWith("Added topic *offline rl* (weight 1)");
    Reply reply = say("ana", "papers", "");
    assertThat(reply.cards()).hasSize(5);
    assertThat(reply.cards())
        .allSatisfy(card ->
            assertThat(card.why()).startsWith("your topics: offline rl").doesNotContain("+0.0"));
    assertThat(reply.cards().get(0).title().toLowerCase())
        .containsAnyOf("offline", "reinforcement");
  }

  @Test
  void nextPersonalPageShowsUnseenPapersAndAllBringsThemBack() {
    say("cy", "topics", "add imitation learning");
    List<String> first = ids(say("cy", "papers", ""));
    List<String> second = ids(say("cy", "papers", ""));
    assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
    assertThat(ids(say("cy", "papers", "all"))).containsAnyElementsOf(first);
  }

  @Test
  void mutingATermRemovesItsPapers() {
    say("dee", "topics", "add cloning");
    assertThat(say("dee", "papers", "all").cards())
        .anySatisfy(c -> assertThat(c.title()).containsIgnoringCase("voice"));
    say("dee", "topics", "mute voice cloning");
    for (int page = 1; page <= 3; page++) {
      assertThat(say("dee", "papers", "all page " + page).cards())
          .noneSatisfy(c -> assertThat(c.title()).containsIgnoringCase("voice"));
    }
  }

  @Test
  void aLikeChangesTheVeryNextRanking() {
    for (String user : List.of("eve", "fay")) {
      say(user, "topics", "add diffusion");
    }
    List<String> before = ids(say("eve", "papers", "all"));
    Reply liked =
        bot.router()
            .handle(
                new ChatAction(
                    Platform.SLACK,
                    "T1",
                    "C1",
                    "eve",
                    ReplyButton.LIKE,
                    say("eve", "papers", "video generation").cards().get(0).id()));
    assertThat(UserText.plain(liked.text()))
        .startsWith("Liked *")
        // What it taught, in the paper's own distinctive words.
        .containsPattern("Papers like it \\(about [^,()]+, [^,()]+ and [^,()]+\\) rank higher");
    assertThat(ids(say("eve", "papers", "all"))).isNotEqualTo(before);
    assertThat(ids(say("fay", "papers", "all"))).isEqualTo(before);
    assertThat(say("eve", "topics", "list").text()).contains("Learned from your likes: ");
  }

  @Test
  void aDislikeHidesThePaper() {
    say("gus", "topics", "add offline rl");
    String top = ids(say("gus", "papers", "all")).get(0);
    assertThat(say("gus", "dislike", top).text())
        .startsWith("Got it")
        .containsPattern("show fewer papers like it \\(about [^()]+\\)\\.$");
    assertThat(ids(say("gus", "papers", ""))).doesNotContain(top);
  }

  @Test
  void savedPapersAreListed() {
    String id = ids(say("hal", "papers", "world models")).get(0);
    assertThat(say("hal", "saved", "").text()).startsWith("Nothing saved yet");
    bot.router().handle(new ChatAction(Platform.SLACK, "T1", "C1", "hal", ReplyButton.SAVE, id));
    Reply saved = say("hal", "saved", "");
    assertThat(ids(saved)).containsExactly(id);
  }

  @Test
  void moreLikeThisShowsOtherPapers() {
    String id = ids(say("ian", "papers", "diffusion policy")).get(0);
    Reply similar = say("ian", "more", id);
    assertThat(similar.cards()).isNotEmpty().noneSatisfy(c -> assertThat(c.id()).isEqualTo(id));
    assertThat(similar.text()).startsWith("Papers like *");
  }

  @Test
  void followedAuthorsAreFlagged() {
    assertThat(say("jo", "follow", "Haoran He").text()).startsWith("Following *Haoran He*");
    Reply reply = say("jo", "papers", "");
    assertThat(reply.cards())
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.why()).contains("by Haoran He (followed)"));
    assertThat(say("jo", "unfollow", "Haoran He").text()).startsWith("Stopped following");
  }

  @Test
  void workspacesDoNotShareProfiles() {
    say("T1", "kim", "topics", "add world models");
    assertThat(say("T2", "kim", "topics", "list").text()).startsWith("You have no topics yet");
    assertThat(say("T1", "kim", "topics", "list").text()).contains("world models (weight 1)");
  }

  @Test
  void clearAsksFirstAndTheConfirmButtonClears() {
    say("lee", "topics", "add offline rl");
    say("lee", "topics", "add world models 2");
    Reply ask = say("lee", "topics", "clear");
    assertThat(ask.text()).contains("removes all 2");
    assertThat(say("lee", "topics", "list").text()).contains("offline rl");
    ReplyButton confirm = ask.buttons().get(0);
    Reply done =
        bot.router()
            .handle(
                new ChatAction(
                    Platform.SLACK, "T1", "C1", "lee", confirm.actionId(), confirm.value()));
    assertThat(done.text()).startsWith("Cleared 2 topics");
  }

  @Test
  void aTopicWithATypoIsKeptAsTypedAndFollowsTheSpellingPapersUse() {
    assertThat(say("ugo", "topics", "add difusion polcy").text())
        .isEqualTo(
            "Added topic *difusion polcy* (weight 1). `/papers` now ranks papers for your topics."
                + " No paper spells *difusion polcy* that way; it follows *diffusion policy*.");
    assertThat(say("ugo", "topics", "add offline rl").text()).doesNotContain("spells");
    Reply reply = say("ugo", "papers", "");
    // The topic matches papers on diffusion policies (it matched none as typed) and is named as
    // saved.
    assertThat(reply.cards())
        .filteredOn(card -> card.why().contains("difusion polcy"))
        .isNotEmpty()
        .allSatisfy(card -> assertThat(card.title()).containsIgnoringCase("diffusion"));
    // A search says what it searched for.
    assertThat(say("ugo", "papers", "difusion polcy").text())
        .contains(
            "No paper has \u201cdifusion\u201d or \u201cpolcy\u201d; showing papers for"
                + " \u201cdiffusion policy\u201d.");
  }

  @Test
  void aTopicTypedAsAQuestionIsStoredAsWhatItAsksAbout() {
    String question = "how can I filter out low-quality demonstrations or training data?";
    assertThat(question).hasSizeGreaterThan(60);

    assertThat(say("rosa", "topics", "add " + question).text())
        .startsWith("Added topic *filter out low-quality demonstrations or training data*");
    assertThat(say("rosa", "topics", "add What is RLHF?").text()).startsWith("Added topic *rlhf*");
    assertThat(say("rosa", "topics", "list").text())
        .contains("filter out low-quality demonstrations or training data")
        .doesNotContain("how can i");
  }

  @Test
  void badInputGetsAShortReplyThatSaysWhatWorks() {
    assertThat(say("max", "topics", "add").text()).contains("/topics add offline rl");
    assertThat(say("max", "topics", "add " + "x".repeat(500)).text()).contains("keep it to 60");
    assertThat(say("max", "topics", "add rl 99").text()).startsWith("Weights go from 0.1 to 5");
    assertThat(say("max", "topics", "add rl -1").text()).startsWith("Weights go from 0.1 to 5");
    assertThat(say("max", "topics", "add rl 1.2.3").text()).contains("is not a weight");
    assertThat(say("max", "topics", "add ???").text()).contains("letter or digit");
    assertThat(say("max", "topics", "frobnicate").text())
        .startsWith("I don't know `/topics frobnicate`");
    assertThat(say("max", "topics", "remove nothing-here").text()).contains("no topic");
    assertThat(say("max", "like", "no-such-id").text()).startsWith("No paper with id");
    assertThat(say("max", "like", "").text()).startsWith("Which paper?");
    assertThat(say("max", "follow", "").text()).startsWith("Which author?");
    assertThat(say("max", "topics", "list").text()).startsWith("You have no topics yet");
  }

  @Test
  void severalTopicsAreAddedAtOnceSeparatedByCommas() {
    assertThat(say("kim", "topics", "add diffusion policy, offline rl; world models 2").text())
        .startsWith("Added topics *diffusion policy*, *offline rl* and *world models* (weight 2).");
    assertThat(say("kim", "topics", "list").text())
        .contains(
            "• diffusion policy (weight 2)",
            "• offline rl (weight 2)",
            "• world models (weight 2)");
    assertThat(say("kim", "topics", "add offline rl, mixture of experts").text())
        .startsWith("Added or updated topics *offline rl* and *mixture of experts* (weight 1).");
    assertThat(say("kim", "topics", "add , ;").text()).contains("at least one letter");
  }

  @Test
  void aListOfTopicsIsAddedWholeOrNotAtAll() {
    int most = ProfileLimits.defaults().maxTopics();
    for (int i = 0; i < most - 1; i++) {
      say("lee", "topics", "add topic" + i);
    }
    assertThat(say("lee", "topics", "add one more, and another").text())
        .contains("would make more than the " + most + " I keep");
    assertThat(say("lee", "topics", "list").text()).doesNotContain("one more");
  }

  @Test
  void topicCountIsLimited() {
    for (int i = 0; i < ProfileLimits.defaults().maxTopics(); i++) {
      say("ned", "topics", "add topic" + i);
    }
    assertThat(say("ned", "topics", "add one too many").text()).contains("the most I keep");
    assertThat(say("ned", "topics", "add topic3 2").text()).startsWith("Updated topic");
  }

  @Test
  void everythingAcknowledgedSurvivesARestart(@TempDir Path other) {
    try (Wiring first = TestBots.open(other)) {
      first
          .router()
          .handle(
              new ChatRequest(
                  Platform.DISCORD, "G1", "C1", "ola", "topics", "add world models 1.5"));
      first
          .router()
          .handle(
              new ChatRequest(Platform.DISCORD, "G1", "C1", "ola", "topics", "mute voice cloning"));
    }
    try (Wiring second = TestBots.open(other)) {
      String list =
          second
              .router()
              .handle(new ChatRequest(Platform.DISCORD, "G1", "C1", "ola", "topics", "list"))
              .text();
      list = UserText.plain(list);
      assertThat(list).contains("world models (weight 1.5)", "Muted: voice cloning");
    }
  }

  @Test
  void aButtonPressedByAnotherMemberChangesOnlyThatMembersProfile() {
    say("pat", "topics", "add world models");
    Reply patsList = say("pat", "papers", "");
    ReplyButton like =
        patsList.cards().get(0).buttons().stream()
            .filter(b -> b.actionId().equals(ReplyButton.LIKE))
            .findFirst()
            .orElseThrow();
    bot.router()
        .handle(new ChatAction(Platform.SLACK, "T1", "C1", "quinn", like.actionId(), like.value()));
    assertThat(say("pat", "topics", "list").text()).doesNotContain("Learned from your likes");
    assertThat(say("quinn", "topics", "list").text()).contains("Learned from your likes");
  }
}
