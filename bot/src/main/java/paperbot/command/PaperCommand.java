package paperbot.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.chat.ChatRequest;
import paperbot.chat.CommandSpec;
import paperbot.chat.CommandSpec.Option;
import paperbot.chat.PaperCard;
import paperbot.chat.PaperCards;
import paperbot.chat.Reply;
import paperbot.chat.UserText;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.SourceRecord;
import paperbot.recommender.ingest.LiveSources;
import paperbot.recommender.ingest.SourceException;
import paperbot.recommender.profile.Feedback;
import paperbot.recommender.profile.ProfileStore;
import paperbot.recommender.rank.Snippets;
import paperbot.recommender.search.PaperIndex;

/**
 * {@code /paper <id or arXiv link>}: everything known about one paper; and the cards for the arXiv
 * links in a message (a link pasted in Slack, Discord's "Paper card" on a message). A paper not yet
 * in the corpus is fetched from arXiv by its id (paced like every arXiv call) and added.
 */
public final class PaperCommand implements ChatCommand {
  public static final String NAME = "paper";

  /** How long a member waits for arXiv before being told to try again. */
  static final Duration FETCH_PATIENCE = Duration.ofSeconds(20);

  private static final Logger log = LoggerFactory.getLogger(PaperCommand.class);

  /**
   * After arXiv failed to answer, lookups wait this long: a member who tries again at once, or a
   * channel pasting links, should be told at once rather than wait for arXiv to fail again.
   */
  static final Duration QUIET_AFTER_FAILURE = Duration.ofSeconds(60);

  private final PaperIndex index;
  private final LiveSources sources;
  private final ProfileStore profiles;
  private final Clock clock;
  private final AtomicReference<Instant> quietUntil = new AtomicReference<>(Instant.MIN);

  /**
   * @param sources where unknown arXiv ids are fetched from
   * @param profiles where a channel's shared links are recorded as a team signal
   */
  public PaperCommand(PaperIndex index, LiveSources sources, ProfileStore profiles, Clock clock) {
    this.index = index;
    this.sources = sources;
    this.profiles = profiles;
    this.clock = clock;
  }

  @Override
  public List<CommandSpec> specs() {
    return List.of(
        CommandSpec.command(NAME, "Everything about one paper, by id or arXiv link")
            .usage("<id or arXiv link>")
            .options(Option.text("id", "Paper id or arXiv link, e.g. 2406.12345")));
  }

  @Override
  public Reply handle(ChatRequest request) {
    Optional<Paper> paper = PaperIds.find(index, request.text());
    if (paper.isEmpty()) {
      Optional<String> arxiv = PaperIds.arxivId(request.text());
      if (arxiv.isPresent()) {
        Fetched fetched = fetched(List.of(arxiv.get()));
        paper = fetched.papers().stream().findFirst();
        if (paper.isEmpty()) {
          return fetched.answered()
              ? Reply.privateText("arXiv has no paper `" + arxiv.get() + "`.")
              : notFetched(List.of(arxiv.get()));
        }
      }
    }
    if (paper.isEmpty()) {
      return PaperIds.notFound(NAME, request.text());
    }
    return details(paper.get());
  }

  /**
   * The cards for the arXiv links in a message, for everyone in the channel. Each linked paper
   * counts once as a share of this channel, a team signal, never as a like of whoever posted it.
   */
  public Reply linkCards(ChatRequest request) {
    return cards(request, true);
  }

  /**
   * The same cards for the member who asked alone (Slack's "Paper card" shortcut on a message): a
   * look at the papers, not a share, so nothing counts for the channel, whose link paperbot may
   * have unfurled and counted already.
   */
  public Reply privateCards(ChatRequest request) {
    return cards(request, false);
  }

  private Reply cards(ChatRequest request, boolean forChannel) {
    List<String> ids = PaperLinks.ids(request.text());
    if (ids.isEmpty()) {
      return NO_LINKS;
    }
    Fetched fetched = fetched(ids);
    List<Paper> papers = fetched.papers();
    if (papers.isEmpty()) {
      return fetched.answered() ? noPapers(ids) : notFetched(ids);
    }
    List<PaperCard> cards = new ArrayList<>();
    for (Paper paper : papers) {
      if (forChannel) {
        profiles.recordShare(
            request.platform().name(), request.workspace(), request.channel(), paper.id());
      }
      cards.add(PaperCards.of(paper, Snippets.lead(paper), ""));
    }
    return new Reply("", cards, List.of(), !forChannel);
  }

  /**
   * Saves the papers linked in a message for the member who asked (Discord's "Save paper" on a
   * message): their own choice, so it is a save like the Save button's, not a team signal.
   */
  public Reply saveLinked(ChatRequest request) {
    List<String> ids = PaperLinks.ids(request.text());
    if (ids.isEmpty()) {
      return NO_LINKS;
    }
    Fetched fetched = fetched(ids);
    List<Paper> papers = fetched.papers();
    if (papers.isEmpty()) {
      return fetched.answered() ? noPapers(ids) : notFetched(ids);
    }
    List<String> saved = new ArrayList<>();
    List<String> already = new ArrayList<>();
    for (Paper paper : papers) {
      boolean before =
          profiles
              .recordFeedback(request.member(), paper.id(), Feedback.SAVE, Map.of())
              .isPresent();
      (before ? already : saved).add(UserText.emphasis(paper.displayTitle()));
    }
    StringBuilder reply = new StringBuilder();
    if (!saved.isEmpty()) {
      reply.append("Saved ").append(String.join(", ", saved)).append('.');
    }
    if (!already.isEmpty()) {
      reply
          .append(reply.isEmpty() ? "" : " ")
          .append(String.join(", ", already))
          .append(already.size() == 1 ? " is already saved." : " are already saved.");
    }
    return Reply.privateText(
        reply
            .append(" `/saved` lists your saved papers, `/saved bibtex` exports them.")
            .toString());
  }

  private static final Reply NO_LINKS =
      Reply.privateText(
          "I found no arXiv link in that message. Links like `https://arxiv.org/abs/2406.12345`,"
              + " alphaxiv.org or huggingface.co/papers work.");

  private static Reply notFetched(List<String> ids) {
    return Reply.privateText(
        "arXiv did not answer for " + String.join(", ", ids) + ". Try again in a minute.");
  }

  private static Reply noPapers(List<String> ids) {
    return Reply.privateText("arXiv has no paper " + String.join(", ", ids) + ".");
  }

  /**
   * The papers found, and whether arXiv answered for the ones the corpus lacked (false when it
   * failed, or was not asked because it failed a moment ago).
   */
  private record Fetched(List<Paper> papers, boolean answered) {}

  /** The papers with these arXiv ids, in order, fetching the ones the corpus lacks. */
  private Fetched fetched(List<String> ids) {
    List<String> missing = ids.stream().filter(id -> index.get(id).isEmpty()).toList();
    boolean answered = true;
    if (!missing.isEmpty()) {
      Instant now = clock.instant();
      if (now.isBefore(quietUntil.get())) {
        answered = false;
      } else {
        try {
          // No source that looks ids up is wired: nothing was asked.
          answered = sources.lookUp(missing, FETCH_PATIENCE).isPresent();
        } catch (SourceException e) {
          answered = false;
          quietUntil.set(clock.instant().plus(QUIET_AFTER_FAILURE));
          log.warn("arxiv lookup failed ids={} error={}", missing, e.getMessage());
        } catch (InterruptedException e) {
          answered = false;
          Thread.currentThread().interrupt();
        }
      }
    }
    return new Fetched(ids.stream().flatMap(id -> index.get(id).stream()).toList(), answered);
  }

  private static Reply details(Paper paper) {
    StringBuilder text = new StringBuilder();
    if (!paper.aliases().isEmpty()) {
      // Titles are the sources' text: shown as printed, never formatting or mentioning.
      text.append("Also titled: ")
          .append(String.join(" · ", paper.aliases().stream().map(UserText::literal).toList()))
          .append('\n');
    }
    line(text, "Categories", String.join(", ", paper.categories()));
    line(
        text,
        "Organisation",
        paper.organisation() == null ? null : UserText.literal(paper.organisation()));
    line(text, "Links", String.join(" ", paper.links()));
    line(text, "Found in", sources(paper.sources()));
    PaperCard card =
        new PaperCard(
            paper.id(),
            paper.displayTitle(),
            PaperCards.url(paper),
            fullAuthors(paper),
            PaperCards.date(paper),
            PaperCards.upvotes(paper),
            paper.abstractText(),
            "",
            List.of());
    return new Reply(text.toString().strip(), List.of(card), List.of(), false);
  }

  /**
   * Names shown of a paper's authors. A collaboration paper lists thousands; all of them would push
   * the date and the abstract out of the card, which Slack bounds at 3,000 characters and Discord
   * at 1,024.
   */
  static final int MAX_LISTED_AUTHORS = 20;

  private static String fullAuthors(Paper paper) {
    List<String> authors = paper.authors();
    if (authors.isEmpty()) {
      return PaperCards.authors(paper);
    }
    if (authors.size() > MAX_LISTED_AUTHORS) {
      String listed = String.join(", ", authors.subList(0, MAX_LISTED_AUTHORS));
      if (paper.authorsTruncated() && paper.authorCount() == null) {
        return listed + " et al.";
      }
      int total = Math.max(authors.size(), paper.authorCount() == null ? 0 : paper.authorCount());
      return listed + " and " + (total - MAX_LISTED_AUTHORS) + " more";
    }
    String names = String.join(", ", authors);
    return paper.authorsTruncated() ? names + " et al." : names;
  }

  /**
   * Where the paper was found, as a researcher knows the places ("arXiv, Hugging Face daily
   * papers"), each once: the seed files and lines the records came from mean nothing in chat (the
   * CLI's ingest report names them), and a former id is not a source.
   */
  private static String sources(List<SourceRecord> sources) {
    return String.join(
        ", ",
        sources.stream()
            .map(s ->
                switch (s.layout()) {
                  case "arxiv-atom" -> "arXiv";
                  case "arxiv-rss" -> "arXiv's new submissions";
                  case "hf-json", "hf-daily", "hf-daily-plain", "hf-alternating" ->
                      "Hugging Face daily papers";
                  case "author-profile" -> "an author's page";
                  case "abstract-list" -> "a reading list";
                  default -> "";
                })
            .filter(name -> !name.isEmpty())
            .distinct()
            .toList());
  }

  private static void line(StringBuilder text, String label, String value) {
    if (value != null && !value.isBlank()) {
      text.append(label).append(": ").append(value).append('\n');
    }
  }
}
