package paperbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperbot.app.SeedBotExtension;
import paperbot.chat.ChatRequest;
import paperbot.chat.PaperCard;
import paperbot.chat.Platform;
import paperbot.chat.UserText;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.profile.InterestProfile;
import paperbot.recommender.profile.MemberKey;

/**
 * Names and words as researchers type them, through the core on the seed corpus with a few papers
 * of known authors added (a real index, real SQLite): a name written surname first, as
 * bibliographies write it ("Levine, Sergey"), is one author when papers list one; and topics, muted
 * terms, follows and digest topics that differ only by accents ("café", "cafe") are one entry.
 */
final class TypedNamesTest {
  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension(true);

  @BeforeAll
  static void papersOfKnownAuthors() {
    bot.wiring()
        .corpus()
        .upsert(
            List.of(
                paper(
                    "2611.70001",
                    "Offline reinforcement learning",
                    "Sergey Levine",
                    "Chelsea Finn"),
                paper("2611.70002", "Robot learning at scale", "Sergey Levine", "Jörg Müller"),
                paper("2611.70003", "Reward models for dialogue", "Samuel Levine", "Anca Dragan"),
                paper("2611.70004", "Value functions revisited", "Sergey Levine"),
                paper(
                    "2611.70005",
                    "Inference compilation for probabilistic programs",
                    "Jan-Willem van de Meent",
                    "Nando de Freitas"),
                paper("2611.70006", "Sequence models at scale", "Quoc V. Le", "Chelsea Finn")));
  }

  private static Paper paper(String id, String title, String... authors) {
    return new Paper(
        id,
        title,
        List.of(),
        title + " studied with care.",
        List.of(authors),
        false,
        authors.length,
        LocalDate.of(2026, 11, 2),
        false,
        0,
        List.of("cs.LG"),
        null,
        List.of(),
        List.of());
  }

  private static String say(String user, String command, String text) {
    return UserText.plain(
        bot.router()
            .handle(new ChatRequest(Platform.SLACK, "T1", "C1", user, command, text))
            .text());
  }

  private static InterestProfile profile(String user) {
    return bot.wiring().profiles().load(new MemberKey("SLACK", "T1", user));
  }

  @Test
  void aNameTypedSurnameFirstIsOneAuthorWhenPapersListThem() {
    assertThat(say("ana", "follow", "Levine, Sergey"))
        .isEqualTo(
            "Following *Sergey Levine* (read “Levine, Sergey” as one name): their papers are"
                + " flagged and lifted in your results (where sources list authors).");
    // A middle initial the papers leave out, initials alone, accents the member leaves out.
    assertThat(say("ana", "follow", "Levine, Sergey M."))
        .isEqualTo("You already follow *Sergey Levine* (read “Levine, Sergey M.” as one name).");
    assertThat(say("ana", "follow", "Dragan, A.")).startsWith("Following *Anca Dragan* (read");
    assertThat(say("ana", "follow", "Muller, Jorg")).startsWith("Following *Jörg Müller* (read");
    assertThat(profile("ana").follows())
        .containsExactlyInAnyOrder("Sergey Levine", "Anca Dragan", "Jörg Müller");
    // Followed papers are found by the name as papers list it.
    assertThat(
            bot.router()
                .handle(new ChatRequest(Platform.SLACK, "T1", "C1", "ana", "papers", ""))
                .cards())
        .extracting(PaperCard::id)
        .contains("2611.70004");
    assertThat(say("ana", "unfollow", "Levine, Sergey"))
        .isEqualTo("Stopped following *Sergey Levine* (read “Levine, Sergey” as one name).");
  }

  @Test
  void twoSurnamesOrUnknownNamesStayTwoAuthors() {
    // Both are surnames papers list, and no paper lists a "Finn Levine".
    assertThat(say("ben", "follow", "Levine, Finn"))
        .startsWith("Following *Levine* and *Finn*: their papers");
    // Neither reading is an author papers list: two names, as the reply shows.
    assertThat(say("ben", "follow", "Xyzzy, Plugh"))
        .startsWith("Following *Xyzzy* and *Plugh*: their papers");
    // Three items, or a second item that is no given name, are a list as ever.
    assertThat(say("ben", "follow", "Levine, Sergey, Finn"))
        .startsWith("Following *Sergey*: their papers")
        .endsWith("You already follow *Levine* and *Finn*.");
    assertThat(say("ben", "follow", "Finn, Chelsea Finn"))
        .startsWith("Following *Chelsea Finn*: their papers");
    assertThat(profile("ben").follows())
        .containsExactlyInAnyOrder("Levine", "Finn", "Xyzzy", "Plugh", "Sergey", "Chelsea Finn");
    // "Levine" and "Sergey", followed apart (as before names were read surname first), are
    // unfollowed as typed then.
    assertThat(say("ben", "unfollow", "Levine, Sergey"))
        .isEqualTo("Stopped following *Levine* and *Sergey*.");
  }

  @Test
  void initialsThatFitTwoAuthorsAskWhichAndInitialsAloneNameNoOne() {
    assertThat(say("cy", "follow", "Levine, S."))
        .isEqualTo(
            "“Levine, S.” could be *Sergey Levine* or *Samuel Levine*; I followed no one. Type the"
                + " full name, e.g. `/follow Sergey Levine`.");
    assertThat(profile("cy").follows()).isEmpty();
    // Initials are no one's name alone: with a surname no paper lists yet, they are one name.
    assertThat(say("cy", "follow", "Quux, Q."))
        .startsWith("Following *Q. Quux* (read “Quux, Q.” as one name): their papers");
    // A member who follows one of them means that one.
    say("cy", "follow", "Samuel Levine");
    assertThat(say("cy", "unfollow", "Levine, S."))
        .isEqualTo("Stopped following *Samuel Levine* (read “Levine, S.” as one name).");
    assertThat(profile("cy").follows()).containsExactly("Q. Quux");
  }

  @Test
  void aMutedNameTypedSurnameFirstIsOneAuthor() {
    assertThat(say("dee", "topics", "mute Levine, Sergey"))
        .startsWith("Muted *sergey levine* (read “Levine, Sergey” as one name): papers about it");
    assertThat(profile("dee").mutes()).containsExactly("sergey levine");
    assertThat(say("dee", "topics", "unmute Levine, Sergey"))
        .isEqualTo("Unmuted *sergey levine* (read “Levine, Sergey” as one name).");
    // Terms are not names: a capital letter is a term of its own unless papers list the person.
    assertThat(say("dee", "topics", "mute video, X")).startsWith("Muted *video* and *x*:");
  }

  @Test
  void aCitationsAuthorListIsOneAuthorPerName() {
    assertThat(say("ida", "follow", "Levine, Sergey; Finn, Chelsea"))
        .isEqualTo(
            "Following *Sergey Levine* and *Chelsea Finn* (read “Levine, Sergey” and “Finn,"
                + " Chelsea” as one name each): their papers are flagged and lifted in your results"
                + " (where sources list authors).");
    // Surnames of several words, initials that name one author each.
    assertThat(say("ida", "follow", "van de Meent, Jan-Willem; de Freitas, N.; Le, Quoc V."))
        .startsWith(
            "Following *Jan-Willem van de Meent*, *Nando de Freitas* and *Quoc V. Le* (read “van"
                + " de Meent, Jan-Willem”, “de Freitas, N.” and “Le, Quoc V.” as one name each):");
    assertThat(say("ida", "follow", "Finn, C.; Dragan, A."))
        .startsWith("Following *Anca Dragan* (read “Finn, C.” and “Dragan, A.” as one name each)")
        .endsWith("You already follow *Chelsea Finn*.");
    assertThat(profile("ida").follows())
        .containsExactlyInAnyOrder(
            "Sergey Levine",
            "Chelsea Finn",
            "Jan-Willem van de Meent",
            "Nando de Freitas",
            "Quoc V. Le",
            "Anca Dragan");
    assertThat(say("ida", "unfollow", "Levine, Sergey; Finn, Chelsea"))
        .isEqualTo(
            "Stopped following *Sergey Levine* and *Chelsea Finn* (read “Levine, Sergey” and"
                + " “Finn, Chelsea” as one name each).");
  }

  @Test
  void authorsJoinedAsBibTexApaAndProseJoinThemAreOneEach() {
    assertThat(say("jo", "follow", "Sergey Levine and Chelsea Finn"))
        .startsWith("Following *Sergey Levine* and *Chelsea Finn*: their papers");
    assertThat(say("jo", "follow", "Le, Q. and de Freitas, Nando & Dragan, A."))
        .startsWith(
            "Following *Quoc V. Le*, *Nando de Freitas* and *Anca Dragan* (read “Le, Q.”, “de"
                + " Freitas, Nando” and “Dragan, A.” as one name each):");
    // APA's list: commas throughout, "&" before the last; initials are no one's name alone.
    assertThat(say("mo", "follow", "Finn, C., Le, Q. V., & Dragan, A."))
        .startsWith(
            "Following *Chelsea Finn*, *Quoc V. Le* and *Anca Dragan* (read “Finn, C.”, “Le, Q."
                + " V.” and “Dragan, A.” as one name each):");
    // Names apart by commas, given name first, as before.
    assertThat(say("jo", "follow", "Sergey Levine, Chelsea Finn"))
        .isEqualTo("You already follow *Sergey Levine* and *Chelsea Finn*.");
    // One surname first, as before: a name of several words when papers list it.
    assertThat(say("jo", "unfollow", "de Freitas, Nando"))
        .isEqualTo("Stopped following *Nando de Freitas* (read “de Freitas, Nando” as one name).");
    assertThat(profile("jo").follows())
        .containsExactlyInAnyOrder("Sergey Levine", "Chelsea Finn", "Quoc V. Le", "Anca Dragan");
  }

  @Test
  void aCitationListNamesPeopleNoPaperListsYetAndAsksAboutInitialsThatFitSeveral() {
    assertThat(say("kim", "follow", "Quux, Zed; Xyzzy, Plugh"))
        .startsWith(
            "Following *Zed Quux* and *Plugh Xyzzy* (read “Quux, Zed” and “Xyzzy, Plugh” as one"
                + " name each):");
    assertThat(say("kim", "follow", "Levine, S.; Finn, C."))
        .isEqualTo(
            "“Levine, S.” could be *Sergey Levine* or *Samuel Levine*; I followed no one. Type the"
                + " full name, e.g. `/follow Sergey Levine`.");
    assertThat(profile("kim").follows()).containsExactlyInAnyOrder("Zed Quux", "Plugh Xyzzy");
  }

  @Test
  void aCitationListMutesOneAuthorPerNameAndATermKeepsItsAnd() {
    assertThat(say("lu", "topics", "mute Levine, Sergey; Finn, Chelsea"))
        .startsWith(
            "Muted *sergey levine* and *chelsea finn* (read “Levine, Sergey” and “Finn, Chelsea”"
                + " as one name each): papers about them");
    assertThat(say("lu", "topics", "mute search and rescue"))
        .startsWith("Muted *search and rescue*:");
    assertThat(profile("lu").mutes())
        .containsExactlyInAnyOrder("sergey levine", "chelsea finn", "search and rescue");
    assertThat(say("lu", "topics", "unmute Levine, Sergey; Finn, Chelsea"))
        .isEqualTo(
            "Unmuted *sergey levine* and *chelsea finn* (read “Levine, Sergey” and “Finn,"
                + " Chelsea” as one name each).");
  }

  @Test
  void topicsThatDifferOnlyByAccentsAreOne() {
    assertThat(say("eve", "topics", "add café culture")).startsWith("Added topic *café culture*");
    assertThat(say("eve", "topics", "add cafe culture"))
        .startsWith("*café culture* (weight 1) is already one of your topics.");
    assertThat(say("eve", "topics", "add Cafe Culture 2"))
        .startsWith("Updated topic *café culture*");
    assertThat(say("eve", "topics", "add naïve bayes, naive bayes"))
        .startsWith("Added topic *naïve bayes* (weight 1).");
    assertThat(profile("eve").topics()).containsOnlyKeys("café culture", "naïve bayes");
    assertThat(say("eve", "topics", "remove cafe culture, naive bayes"))
        .isEqualTo("Removed topics *café culture* and *naïve bayes*.");
    assertThat(profile("eve").topics()).isEmpty();
  }

  @Test
  void mutesAndFollowsThatDifferOnlyByAccentsAreOne() {
    say("fay", "topics", "mute régression");
    assertThat(say("fay", "topics", "mute regression"))
        .isEqualTo("*régression* was already muted.");
    assertThat(say("fay", "topics", "unmute regression")).isEqualTo("Unmuted *régression*.");
    assertThat(profile("fay").mutes()).isEmpty();
    say("fay", "follow", "Jörg Müller");
    assertThat(say("fay", "follow", "Jorg Muller")).isEqualTo("You already follow *Jörg Müller*.");
    assertThat(say("fay", "unfollow", "JORG MULLER")).isEqualTo("Stopped following *Jörg Müller*.");
    assertThat(profile("fay").follows()).isEmpty();
  }

  @Test
  void aDigestsTopicsThatDifferOnlyByAccentsAreOne() {
    bot.router()
        .handle(
            new ChatRequest(
                Platform.SLACK,
                "T9",
                "C1",
                "gus",
                "digest",
                "subscribe café culture, cafe culture",
                true));
    assertThat(bot.wiring().digestStore().inWorkspace("SLACK", "T9"))
        .singleElement()
        .satisfies(digest -> assertThat(digest.topics()).containsExactly("café culture"));
  }

  @Test
  void searchReadsAccentsAsPapersSpellThem() {
    List<String> plain = ids("papers", "naive");
    assertThat(plain).isNotEmpty().isEqualTo(ids("papers", "naïve"));
  }

  private static List<String> ids(String command, String text) {
    return bot
        .router()
        .handle(new ChatRequest(Platform.SLACK, "T1", "C1", "hal", command, text))
        .cards()
        .stream()
        .map(PaperCard::id)
        .toList();
  }
}
