package paperbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    assertThat(say("iris", "topics", "add \u200bdiffusion").text())
        .contains("is already one of your topics");
    assertThat(say("iris", "topics", "add \ufeffdiffusion\u200d").text())
        .contains("is already one of your topics");
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
  void allMarksThePapersTheMemberLikedDismissedOrSaved() {
    say("ida", "topics", "add offline rl");
    List<String> shown = ids(say("ida", "papers", "all"));
    say("ida", "like", shown.get(0));
    say("ida", "dislike", shown.get(1));
    say("ida", "save", shown.get(2));
    Map<String, String> why = new HashMap<>();
    for (int page = 1; page <= 20 && why.size() < 303; page++) {
      say("ida", "papers", "all page " + page).cards().forEach(c -> why.put(c.id(), c.why()));
    }
    assertThat(why.get(shown.get(0))).startsWith("you liked it · your topics: offline rl");
    assertThat(why.get(shown.get(1))).startsWith("you dismissed it · your topics: offline rl");
    assertThat(why.get(shown.get(2))).startsWith("saved · your topics: offline rl");
    assertThat(why.get(shown.get(3))).startsWith("your topics: offline rl");
    assertThat(say("ida", "papers", "").cards())
        .allSatisfy(c -> assertThat(c.why()).doesNotStartWith("you").doesNotStartWith("saved"));
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
  void aLongSavedListSaysWhereThePapersItDoesNotShowAre() {
    List<String> ids = new ArrayList<>();
    for (String query : List.of("diffusion", "offline rl", "world models", "language models")) {
      for (int page = 1; page <= 2; page++) {
        ids.addAll(ids(say("sal", "papers", query + " page " + page)));
      }
    }
    List<String> distinct = ids.stream().distinct().toList();
    assertThat(distinct).hasSizeGreaterThan(SavedCommand.SHOWN);
    distinct.forEach(id -> say("sal", "save", id));

    Reply saved = say("sal", "saved", "");
    assertThat(saved.cards()).hasSize(SavedCommand.SHOWN);
    assertThat(saved.text())
        .isEqualTo(
            "Your saved papers: "
                + distinct.size()
                + " (the newest "
                + SavedCommand.SHOWN
                + " shown; `/saved bibtex` sends all "
                + distinct.size()
                + ")");
  }

  @Test
  void aRepeatedLikeOrSaveSaysSoAndAChangeOfMindSaysWhatItReplaced() {
    String id = ids(say("ora", "papers", "diffusion policy")).get(0);
    assertThat(say("ora", "like", id).text()).startsWith("Liked *");
    var liked = bot.wiring().profiles().load(member("ora"));
    // The like button pressed again, and the command typed again.
    Reply again =
        shown(
            bot.router()
                .handle(new ChatAction(Platform.SLACK, "T1", "C1", "ora", ReplyButton.LIKE, id)));
    assertThat(again.text())
        .startsWith("You already liked *")
        .contains("nothing changed", "`/unlike " + id + "`");
    assertThat(say("ora", "like", id).text()).startsWith("You already liked *");
    assertThat(bot.wiring().profiles().load(member("ora"))).isEqualTo(liked);

    assertThat(say("ora", "dislike", id).text())
        .startsWith("Got it, this replaces your earlier like: I'll hide *");
    assertThat(say("ora", "dislike", id).text())
        .startsWith("You already disliked *")
        .contains("`/unlike " + id + "`");
    assertThat(say("ora", "like", id).text())
        .startsWith("Liked *")
        .contains(", replacing your earlier dislike.");
    assertThat(bot.wiring().profiles().load(member("ora")).liked()).containsExactly(id);

    assertThat(say("ora", "save", id).text()).startsWith("Saved *");
    var saved = bot.wiring().profiles().load(member("ora"));
    assertThat(say("ora", "save", id).text())
        .startsWith("*")
        .contains(" is already saved.", "`/unsave " + id + "`");
    assertThat(bot.wiring().profiles().load(member("ora"))).isEqualTo(saved);
  }

  @Test
  void unsaveAndUnlikeTakeBackWhatWasSaidAndNothingElse() {
    say("pam", "topics", "add diffusion policy");
    List<String> shown = ids(say("pam", "papers", "diffusion policy"));
    String kept = shown.get(0);
    String other = shown.get(1);
    say("pam", "save", kept);
    say("pam", "like", kept);
    say("pam", "save", other);
    assertThat(say("pam", "unsave", kept).text())
        .startsWith("Removed *")
        .endsWith("from your saved papers.");
    assertThat(ids(say("pam", "saved", ""))).containsExactly(other);
    assertThat(bot.wiring().profiles().load(member("pam")).liked()).containsExactly(kept);
    var before = bot.wiring().profiles().load(member("pam"));
    assertThat(say("pam", "unsave", kept).text())
        .startsWith("*")
        .contains("isn't one of your saved papers, so nothing changed");
    assertThat(bot.wiring().profiles().load(member("pam"))).isEqualTo(before);

    // A like taken back takes what it taught with it.
    var learnedBefore = bot.wiring().profiles().load(member("pam")).learned();
    assertThat(learnedBefore).isNotEmpty();
    assertThat(say("pam", "unlike", kept).text())
        .startsWith("Took back your like of *")
        .contains("can show in `/papers` again");
    var afterUnlike = bot.wiring().profiles().load(member("pam"));
    assertThat(afterUnlike.liked()).isEmpty();
    assertThat(afterUnlike.learned()).isEmpty();
    assertThat(say("pam", "unlike", kept).text())
        .startsWith("You haven't liked or disliked *")
        .contains("nothing to take back");

    // A dislike taken back shows the paper again.
    say("pam", "dislike", other);
    assertThat(ids(say("pam", "papers", "all"))).doesNotContain(other);
    assertThat(say("pam", "unlike", other).text()).startsWith("Took back your dislike of *");
    assertThat(bot.wiring().profiles().load(member("pam")).disliked()).isEmpty();

    // Bad ids change nothing and say what an id is.
    var settled = bot.wiring().profiles().load(member("pam"));
    assertThat(say("pam", "unsave", "").text())
        .startsWith("Which paper? Give its id, e.g. `/unsave");
    assertThat(say("pam", "unlike", "pb-deadbeef").text()).startsWith("No paper with id");
    assertThat(say("pam", "unsave", "not an id at all").text())
        .startsWith("That doesn't look like a paper id");
    // Two good ids are not a bad one: the reply says the command takes one.
    for (String command : List.of("save", "unsave", "like", "more")) {
      assertThat(say("pam", command, other + " " + other).text())
          .as(command)
          .isEqualTo(
              "One paper at a time: `/"
                  + command
                  + " <id>` takes one id (or arXiv link). Nothing was done.");
    }
    assertThat(bot.wiring().profiles().load(member("pam"))).isEqualTo(settled);
  }

  @Test
  void unsaveAndUnlikeAreListedInHelp() {
    assertThat(say("qua", "paperbot", "").text()).contains("/unsave <id>", "/unlike <id>");
  }

  @Test
  void moreLikeThisShowsOtherPapers() {
    String id = ids(say("ian", "papers", "diffusion policy")).get(0);
    Reply similar = say("ian", "more", id);
    assertThat(similar.cards()).isNotEmpty().noneSatisfy(c -> assertThat(c.id()).isEqualTo(id));
    assertThat(similar.text()).startsWith("Papers like *");
    assertThat(similar.ephemeral()).as("ranked for the member: private, as search is").isTrue();
    assertThat(say("ian", "more", "https://arxiv.org/abs/2411.00099v2").text())
        .isEqualTo(
            "I don't have arXiv 2411.00099 yet. `/paper 2411.00099` fetches it from arXiv; then"
                + " `/more 2411.00099` works.");
  }

  @Test
  void anEmptyFeedSaysWhyInTermsOfWhatTheMemberHas() {
    // Following an author no source lists, and no topics: nothing to show, ever.
    say("kai", "follow", "Nobody Atall");
    assertThat(say("kai", "papers", "").text())
        .isEqualTo(
            "Nothing by the authors you follow yet (sources list the authors of some papers only)."
                + " Add topics with `/topics add <topic>`.");
    // A topic no paper has: never matched, so not "seen everything".
    say("kim", "topics", "add qwzxv");
    assertThat(say("kim", "papers", "").text()).startsWith("Nothing matches your topics yet.");
    // Every paper by a followed author seen: said so, and /papers all shows them again.
    say("kip", "follow", "Haoran He");
    for (int page = 0; page < 20; page++) {
      if (say("kip", "papers", "").cards().isEmpty()) {
        break;
      }
    }
    assertThat(say("kip", "papers", "").text())
        .startsWith("You've seen every paper by the authors you follow for now.");
    assertThat(say("kip", "papers", "all").cards()).isNotEmpty();
    assertThat(say("kip", "papers", "all page 150").text())
        .isEqualTo("Your papers end before page 150: `/papers all` shows them from the first.");
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
  void clearingOneTopicSaysOneTopic() {
    say("lou", "topics", "add offline rl");
    Reply ask = say("lou", "topics", "clear");
    assertThat(ask.text()).startsWith("This removes your one topic.");
    assertThat(ask.buttons().get(0).label()).isEqualTo("Yes, clear 1 topic");
    assertThat(say("lou", "topics", "clear confirm").text()).startsWith("Cleared 1 topic.");
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
  void aQuestionWithACommaIsOneTopicAndIsRemovedAsListed() {
    String subject = "fine-tune a pretrained model on new tasks, without forgetting the old ones";
    assertThat(say("ida", "topics", "add How do I " + subject + "?").text())
        .startsWith("Added topic *" + subject + "* (weight 1).");
    assertThat(say("ida", "topics", "list").text())
        .contains("• " + subject + " (weight 1)")
        .doesNotContain("• without forgetting");
    assertThat(say("ida", "topics", "remove " + subject).text())
        .isEqualTo("Removed topic *" + subject + "*.");
    // A list without a question is still a list.
    assertThat(say("ida", "topics", "add sim-to-real, domain randomization").text())
        .startsWith("Added topics *sim-to-real* and *domain randomization*");
    assertThat(say("ida", "topics", "remove sim-to-real, domain randomization").text())
        .isEqualTo("Removed topics *sim-to-real* and *domain randomization*.");
  }

  @Test
  void badInputGetsAShortReplyThatSaysWhatWorks() {
    assertThat(say("max", "topics", "add").text()).contains("/topics add offline rl");
    assertThat(say("max", "topics", "add " + "x".repeat(500)).text()).contains("keep it to 100");
    assertThat(say("max", "topics", "add rl 99").text()).startsWith("Weights go from 0.1 to 5");
    assertThat(say("max", "topics", "add rl -1").text()).startsWith("Weights go from 0.1 to 5");
    assertThat(say("max", "topics", "add rl 1.2.3").text()).contains("is not a weight");
    assertThat(say("max", "topics", "add ???").text()).contains("at least one letter");
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
    assertThat(say("kit", "topics", "add diffusion policy 2, offline rl 2; world models 2").text())
        .startsWith("Added topics *diffusion policy*, *offline rl* and *world models* (weight 2).");
    assertThat(say("kit", "topics", "list").text())
        .contains(
            "• diffusion policy (weight 2)",
            "• offline rl (weight 2)",
            "• world models (weight 2)");
    assertThat(say("kit", "topics", "add offline rl, mixture of experts").text())
        .startsWith(
            "Added topic *mixture of experts* (weight 1). *offline rl* (weight 2) is already one"
                + " of your topics.");
    assertThat(say("kit", "topics", "add , ;").text()).startsWith("Which topic?");
  }

  @Test
  void eachTopicOfAListHasItsOwnWeight() {
    assertThat(say("una", "topics", "add diffusion policy, offline rl 2, vla 3").text())
        .startsWith(
            "Added topics *diffusion policy* (weight 1), *offline rl* (weight 2) and *vla* (weight"
                + " 3).");
    assertThat(say("una", "topics", "list").text())
        .contains("• diffusion policy (weight 1)", "• offline rl (weight 2)", "• vla (weight 3)");
    // One weight out of range refuses the list as it refuses the item alone, naming it.
    String alone = say("una", "topics", "add p2 9").text();
    assertThat(alone).startsWith("Weights go from 0.1 to 5").contains("/topics add p2 2");
    assertThat(say("una", "topics", "add p1, p2 9, p3").text()).isEqualTo(alone);
    // The comma separates topics: "1,5" is not the weight 1.5.
    assertThat(say("una", "topics", "add x 1,5").text())
        .startsWith("`5` is not a topic")
        .contains("decimals take a dot");
    assertThat(say("una", "topics", "list").text()).doesNotContain("p1", "p2", "p3", "• x ", "1.5");
    // Numbers that are no weight are not words of the topic; words with digits are.
    for (String weight : List.of("1e308", "-1", "0")) {
      assertThat(say("una", "topics", "add x " + weight).text()).startsWith("Weights go from");
    }
    for (String weight : List.of("NaN", "0x10", "1.2.3", "Infinity")) {
      assertThat(say("una", "topics", "add x " + weight).text())
          .isEqualTo(
              "`"
                  + weight
                  + "` is not a weight. Weights are numbers from 0.1 to 5, e.g."
                  + " `/topics add x 2`.");
    }
    assertThat(say("una", "topics", "add gpt 4o, 3d gaussian splatting 1.5").text())
        .startsWith("Added topics *gpt 4o* (weight 1) and *3d gaussian splatting* (weight 1.5).");
    assertThat(say("una", "topics", "list").text()).doesNotContain("nan", "0x10", "1e308");
  }

  @Test
  void aWeightTypedAsSearchWeighsAWordIsTheTopicsWeight() {
    assertThat(say("uli", "topics", "add offline rl^2, vla ^ 1.5").text())
        .startsWith("Added topics *offline rl* (weight 2) and *vla* (weight 1.5).");
    assertThat(say("uli", "topics", "add rl^10").text()).startsWith("Weights go from 0.1 to 5");
    // The feed reads a topic's words, not search's syntax: "diffusion^2 policy" would follow "2".
    assertThat(say("uli", "topics", "add diffusion^2 policy").text())
        .isEqualTo(
            "`diffusion^2 policy` weighs a word inside a topic; a topic has one weight, after it,"
                + " e.g. `/topics add diffusion policy 2`.");
    assertThat(say("uli", "topics", "list").text())
        .contains("• offline rl (weight 2)", "• vla (weight 1.5)")
        .doesNotContain("rl^", "diffusion");
  }

  @Test
  void theWeightFieldWeighsTheTopicsTypedWithoutOne() {
    Reply reply =
        bot.router()
            .handle(
                new ChatRequest(
                    Platform.DISCORD,
                    "G1",
                    "C1",
                    "uma",
                    "topics",
                    "add",
                    true,
                    Map.of("topic", "diffusion policy, offline rl 2", "weight", "3")));
    assertThat(UserText.plain(reply.text()))
        .startsWith("Added topics *diffusion policy* (weight 3) and *offline rl* (weight 2).");
    Reply tooBig =
        bot.router()
            .handle(
                new ChatRequest(
                    Platform.DISCORD,
                    "G1",
                    "C1",
                    "uma",
                    "topics",
                    "add",
                    true,
                    Map.of("topic", "world models", "weight", "1.0E308")));
    assertThat(tooBig.text()).startsWith("Weights go from 0.1 to 5");
  }

  @Test
  void aBadItemOfAListIsNamedAndNothingIsAdded() {
    assertThat(say("vic", "topics", "add q1, \uD83E\uDD16, q2").text())
        .isEqualTo("A topic needs at least one letter; *\uD83E\uDD16* has none.");
    assertThat(say("vic", "topics", "add q1, the, q2").text()).startsWith("*the* has only common");
    assertThat(say("vic", "topics", "list").text()).startsWith("You have no topics yet");
    // Empty items are skipped, in add and remove alike.
    assertThat(say("vic", "topics", "add p, ,q").text()).startsWith("Added topics *p* and *q*");
  }

  @Test
  void severalTopicsAreRemovedAtOnceOrNoneIs() {
    say("wes", "topics", "add world models, offline rl, vla");
    assertThat(say("wes", "topics", "remove world models, nothing here, vla").text())
        .isEqualTo(
            "You have no topic *nothing here*, so I removed none. `/topics list` shows yours.");
    assertThat(say("wes", "topics", "list").text()).contains("world models", "offline rl", "vla");
    assertThat(say("wes", "topics", "remove World Models; ,offline rl").text())
        .isEqualTo("Removed topics *world models* and *offline rl*.");
    assertThat(say("wes", "topics", "list").text())
        .contains("vla")
        .doesNotContain("world models", "offline rl");
  }

  @Test
  void addingATopicAgainWithoutAWeightKeepsItsWeight() {
    say("xia", "topics", "add diffusion 3");
    assertThat(say("xia", "topics", "add Diffusion").text())
        .isEqualTo(
            "*diffusion* (weight 3) is already one of your topics. To change a weight, give it:"
                + " `/topics add diffusion 2`.");
    assertThat(say("xia", "topics", "list").text()).contains("• diffusion (weight 3)");
    assertThat(say("xia", "topics", "add diffusion, world models").text())
        .startsWith(
            "Added topic *world models* (weight 1). *diffusion* (weight 3) is already one of your"
                + " topics.");
    assertThat(say("xia", "topics", "add diffusion 2").text())
        .startsWith("Updated topic *diffusion* (weight 2).");
    assertThat(say("xia", "topics", "list").text())
        .contains("• diffusion (weight 2)", "• world models (weight 1)");
  }

  @Test
  void aTopicGivenTwoWeightsIsRefusedAndNothingChanges() {
    say("yan", "topics", "add world models");
    // "offline rl weight 2 weight 3" was added as the topic "offline rl weight 2" with weight 3.
    for (String twice :
        List.of(
            "offline rl weight 2 weight 3",
            "offline rl (weight 2) 3",
            "offline rl weight: 2 (weight 3)",
            "world models, offline rl weight 2 weight 3")) {
      Reply refused = say("yan", "topics", "add " + twice);
      assertThat(refused.text())
          .as(twice)
          .endsWith("` gives two weights; give one, e.g. `/topics add offline rl 2`.");
    }
    assertThat(say("yan", "topics", "list").text())
        .contains("• world models (weight 1)")
        .doesNotContain("offline rl");
    // One weight, however it is written, is still read.
    assertThat(say("yan", "topics", "add offline rl (weight 2)").text())
        .startsWith("Added topic *offline rl* (weight 2).");
  }

  @Test
  void topicsThatWouldMatchNothingAreRefused() {
    for (String junk : List.of("the", "The  a of", "and")) {
      assertThat(say("yan", "topics", "add " + junk).text())
          .startsWith("*" + junk.toLowerCase().replaceAll(" +", " ") + "* has only common words")
          .contains("/topics add offline rl");
    }
    assertThat(say("yan", "topics", "add -a -b").text())
        .isEqualTo(
            "A topic can't leave words out (*-a*). To never see papers about a term, use"
                + " `/topics mute a`.");
    assertThat(say("yan", "topics", "add 12345").text()).startsWith("`12345` is not a topic");
    assertThat(say("yan", "topics", "add 1 2").text()).contains("needs at least one letter");
    assertThat(say("yan", "topics", "mute the").text())
        .contains("only common words", "/topics mute voice cloning");
    assertThat(say("yan", "topics", "list").text()).startsWith("You have no topics yet");
    // Function words are a topic's own words unless they follow a question's opening.
    assertThat(say("yan", "topics", "add a and and b").text())
        .startsWith("Added topic *a and and b*");
    assertThat(say("yan", "topics", "add t1 and t2").text()).startsWith("Added topic *t1 and t2*");
    assertThat(say("yan", "topics", "add what are the best papers on world models?").text())
        .startsWith("Added topic *world models*");
  }

  @Test
  void followedNamesCompareWithoutCaseOrSpacing() {
    assertThat(say("zed", "follow", "Sergey Levine").text())
        .startsWith("Following *Sergey Levine*");
    assertThat(say("zed", "follow", "sergey   levine").text())
        .isEqualTo("You already follow *Sergey Levine*.");
    assertThat(say("zed", "topics", "list").text())
        .endsWith("Following: Sergey Levine")
        .doesNotContain("sergey levine");
    assertThat(say("zed", "unfollow", "SERGEY LEVINE").text())
        .isEqualTo("Stopped following *Sergey Levine*.");
    assertThat(say("zed", "topics", "list").text()).doesNotContain("Following");
  }

  @Test
  void severalAuthorsAreFollowedAndUnfollowedAtOnce() {
    assertThat(say("abe", "follow", "Sergey Levine, Chelsea Finn").text())
        .startsWith("Following *Sergey Levine* and *Chelsea Finn*: their papers");
    assertThat(say("abe", "follow", "chelsea finn; Haoran He").text())
        .startsWith("Following *Haoran He*: their papers")
        .endsWith(" You already follow *Chelsea Finn*.");
    assertThat(say("abe", "unfollow", "Chelsea Finn, Nobody Here").text())
        .isEqualTo(
            "You don't follow *Nobody Here*, so I unfollowed no one. `/topics list` shows who you"
                + " follow.");
    assertThat(say("abe", "topics", "list").text())
        .contains("Following: Chelsea Finn, Haoran He, Sergey Levine");
    assertThat(say("abe", "unfollow", "chelsea finn, sergey levine").text())
        .isEqualTo("Stopped following *Chelsea Finn* and *Sergey Levine*.");
    assertThat(say("abe", "topics", "list").text()).contains("Following: Haoran He");
  }

  @Test
  void badAuthorNamesAreRefused() {
    assertThat(say("bea", "follow", "12345").text())
        .isEqualTo("An author's name needs at least one letter; *12345* has none.");
    assertThat(say("bea", "follow", "Chelsea Finn, \uD83E\uDD16").text())
        .isEqualTo("An author's name needs at least one letter; *\uD83E\uDD16* has none.");
    assertThat(say("bea", "unfollow", "").text())
        .startsWith("Which author? For example `/unfollow Sergey Levine`.");
    // A chat member as Discord passes a mention in an option, and as Slack escapes one.
    assertThat(say("bea", "follow", "Chelsea Finn, <@!123456789012345678>").text())
        .isEqualTo(
            "*<@!123456789012345678>* is a chat member: `/follow` takes an author's name as papers"
                + " list it, e.g. `/follow Sergey Levine`. I followed no one.");
    assertThat(say("bea", "unfollow", "<@U123|jane>").text())
        .isEqualTo(
            "*<@U123|jane>* is a chat member: `/unfollow` takes an author's name as papers list"
                + " it, e.g. `/unfollow Sergey Levine`. I unfollowed no one.");
    assertThat(say("bea", "topics", "list").text()).startsWith("You have no topics yet");
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
  void severalTermsAreMutedAndUnmutedAtOnce() {
    assertThat(say("mo", "topics", "mute voice cloning, speech synthesis").text())
        .startsWith("Muted *voice cloning* and *speech synthesis*: papers about them")
        .contains("`/topics unmute voice cloning, speech synthesis`");
    assertThat(say("mo", "topics", "mute speech synthesis; tts").text())
        .startsWith("Muted *tts*")
        .endsWith("*speech synthesis* was already muted.");
    assertThat(say("mo", "topics", "unmute tts, lidar").text())
        .isEqualTo("*lidar* was not muted, so I unmuted none. `/topics list` shows what is.");
    assertThat(say("mo", "topics", "mute lidar, -video").text()).contains("without the minus");
    assertThat(bot.wiring().profiles().load(member("mo")).mutes())
        .containsExactlyInAnyOrder("voice cloning", "speech synthesis", "tts");
    assertThat(say("mo", "topics", "unmute tts, voice cloning").text())
        .isEqualTo("Unmuted *tts* and *voice cloning*.");
    assertThat(bot.wiring().profiles().load(member("mo")).mutes())
        .containsExactly("speech synthesis");
  }

  @Test
  void mutesAndFollowsAreLimitedLikeTopics() {
    int most = ProfileLimits.defaults().maxTopics();
    String terms =
        String.join(
            ", ", java.util.stream.IntStream.range(0, most).mapToObj(i -> "term" + i).toList());
    assertThat(say("nia", "topics", "mute " + terms + ", one more").text())
        .isEqualTo("I keep at most " + most + " muted terms; that list has " + (most + 1) + ".");
    assertThat(say("nia", "topics", "mute " + terms).text()).startsWith("Muted *term0*");
    assertThat(say("nia", "topics", "mute one more").text()).contains("the most I keep");
    String names =
        String.join(
            ", ",
            java.util.stream.IntStream.range(0, most)
                .mapToObj(i -> "Author " + (char) ('a' + i % 26) + i / 26)
                .toList());
    assertThat(say("nia", "follow", names).text()).startsWith("Following");
    assertThat(say("nia", "follow", "Sergey Levine").text())
        .contains("followed authors, the most I keep", "`/unfollow <author>`");
    assertThat(bot.wiring().profiles().load(member("nia")).follows()).hasSize(most);
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

  @Test
  void aTopicMuteOrAuthorInQuotesIsTheOneWithoutThem() {
    assertThat(say("rae", "topics", "add \"diffusion policy\"").text())
        .startsWith("Added topic *diffusion policy* (weight 1).");
    assertThat(say("rae", "topics", "add diffusion policy").text())
        .startsWith("*diffusion policy* (weight 1) is already one of your topics.");
    assertThat(say("rae", "topics", "mute \u201Cvideo\u201D").text()).startsWith("Muted *video*");
    assertThat(say("rae", "follow", "\"Chelsea Finn\", @Sergey Levine").text())
        .startsWith("Following *Chelsea Finn* and *Sergey Levine*");
    assertThat(say("rae", "topics", "remove \"diffusion policy\"").text())
        .isEqualTo("Removed topic *diffusion policy*.");
    assertThat(bot.wiring().profiles().load(member("rae")).follows())
        .containsExactlyInAnyOrder("Chelsea Finn", "Sergey Levine");
    assertThat(bot.wiring().profiles().load(member("rae")).mutes()).containsExactly("video");
  }

  @Test
  void aWeightTypedWithItsNameAsTheListShowsItIsTheWeight() {
    assertThat(say("sid", "topics", "add offline rl (weight 2)").text())
        .startsWith("Added topic *offline rl* (weight 2).");
    assertThat(say("sid", "topics", "add world models weight 1.5, robot learning weight: 3").text())
        .startsWith("Added topics *world models* (weight 1.5) and *robot learning* (weight 3).");
    // A topic that has the word keeps it.
    assertThat(say("sid", "topics", "add weight decay").text())
        .startsWith("Added topic *weight decay* (weight 1).");
    assertThat(say("sid", "topics", "add weight decay 0.5").text())
        .startsWith("Updated topic *weight decay* (weight 0.5).");
    assertThat(bot.wiring().profiles().load(member("sid")).topics())
        .containsOnlyKeys("offline rl", "world models", "robot learning", "weight decay");
  }

  @Test
  void aLinkIsNoAuthorAndOneFollowedAuthorIsSaidInTheSingular() {
    assertThat(say("tia", "follow", "https://scholar.google.com/citations?user=abc").text())
        .isEqualTo("Follow an author by name, not by a link: for example `/follow Sergey Levine`.");
    assertThat(bot.wiring().profiles().load(member("tia")).follows()).isEmpty();
    assertThat(say("tia", "topics", "mute video").text()).startsWith("Muted *video*");
    String terms =
        String.join(", ", java.util.stream.IntStream.range(0, 30).mapToObj(i -> "t" + i).toList());
    assertThat(say("tia", "topics", "mute " + terms).text())
        .startsWith("You have 1 muted term, and these 30 would make more than the 30 I keep.");
  }
}
