package paperbot.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import paperbot.app.Wiring;
import paperbot.chat.ChatRequest;
import paperbot.chat.Platform;
import paperbot.chat.Reply;
import paperbot.recommender.corpus.Paper;

/**
 * Papers and members at the edge of what paperbot may meet, and the replies the real core gives for
 * them: a 1,000-character title, a 20,000-character abstract, 500 authors, a title of markdown and
 * mention syntax, 30 long topics, a query of Discord's 6,000 characters, a saved list of 200
 * papers. Renderer tests check every reply against each platform's documented limits.
 */
public final class HostileCorpus {
  /** A word only these papers have, so a search finds them all. */
  public static final String WORD = "quokkafish";

  /** A title of every character Slack's mrkdwn or Discord's markdown and mentions read. */
  public static final String CONTROL_TITLE =
      "*Bold* _it_ ~s~ `c` > quote | pipe <@U123> <!channel> <!here> @everyone @here"
          + " ||spoiler|| [link](https://evil.example) # h \\ back & amp "
          + WORD;

  /** A web address in an abstract, with the underscores that mark italics. */
  public static final String LINK = "https://github.com/quokka_lab/fish_net";

  private HostileCorpus() {}

  /** The hostile papers, added to the wiring's corpus. */
  public static void add(Wiring wiring) {
    List<Paper> papers = new ArrayList<>();
    List<String> authors = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      authors.add("Author Number" + i + " Longname-Hyphenated");
    }
    String longTitle = (WORD + " dexterous manipulation with very long titles ").repeat(25);
    papers.add(paper("2611.00001", longTitle.substring(0, 1000), abstractOf(20_000), authors));
    // No arXiv id: the link is an arXiv title search carrying the title.
    papers.add(
        paper("pb-hostile1", ("Δ" + WORD + " ünïcödé 😀 ").repeat(80), abstractOf(2000), authors));
    papers.add(
        paper(
            "2611.00002",
            CONTROL_TITLE,
            CONTROL_TITLE + " Code: " + LINK + " " + abstractOf(1500),
            List.of("<!channel> *Ada*", "@everyone", "_Bo_ ~Li~")));
    for (int i = 0; i < 220; i++) {
      papers.add(
          paper(
              String.format("2611.1%04d", i),
              WORD + " paper " + i + " " + "long title words ".repeat(15),
              abstractOf(1900),
              authors.subList(0, 40)));
    }
    wiring.corpus().upsert(papers);
  }

  private static String abstractOf(int length) {
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      text.append(WORD).append(" learning *with* _emphasis_ <@U1> @everyone and 😀 words. ");
    }
    return text.substring(0, length);
  }

  private static Paper paper(String id, String title, String abstractText, List<String> authors) {
    return new Paper(
        id,
        title,
        List.of(title + " (v1)"),
        abstractText,
        authors,
        false,
        authors.size(),
        LocalDate.of(2026, 11, 22),
        false,
        700,
        List.of("cs.RO"),
        null,
        List.of(),
        List.of());
  }

  /** Each hostile command's reply on the platform, by what was typed. */
  public static Map<String, Reply> replies(Wiring wiring, Platform platform) {
    Map<String, Reply> replies = new LinkedHashMap<>();
    String user = platform + "hostile";
    for (int i = 0; i < 200; i++) {
      run(wiring, platform, user, "save", String.format("2611.1%04d", i));
    }
    StringBuilder topics = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      topics
          .append(i == 0 ? "" : ", ")
          .append(
              (WORD + " topic " + (char) (97 + i / 26) + (char) (97 + i % 26) + " name ").repeat(6),
              0,
              60);
    }
    run(wiring, platform, user, "topics", "add " + topics);
    run(wiring, platform, user, "topics", "mute " + "muted term *x* ".repeat(5).substring(0, 60));
    String query = (WORD + " *_~`<@everyone>|<!channel> ").repeat(200).substring(0, 6000);
    for (String[] typed :
        new String[][] {
          {"papers", WORD},
          {"papers", WORD + " more"},
          {"papers", "spoiler pipe"},
          {"papers", query},
          {"papers", ""},
          {"paper", "2611.00001"},
          {"paper", "pb-hostile1"},
          {"paper", "2611.00002"},
          {"more", "2611.00001"},
          {"saved", ""},
          {"topics", "list"},
          {"topics", "add " + query},
          {"follow", query},
          {"digest", "subscribe 09:00 " + WORD + ", " + topics.substring(0, 60)},
          {"digest", "preview"},
          {"digest", "status"},
          {"like", "2611.00002"},
          {"nonsense" + query, query},
        }) {
      String asked = "/" + typed[0] + " " + typed[1];
      replies.put(
          asked.substring(0, Math.min(60, asked.length())),
          run(wiring, platform, user, typed[0], typed[1]));
    }
    return replies;
  }

  private static Reply run(
      Wiring wiring, Platform platform, String user, String command, String text) {
    return wiring
        .router()
        .handle(new ChatRequest(platform, "ws-hostile", "C1", user, command, text, true));
  }
}
