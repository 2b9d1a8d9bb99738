package paperbot.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import paperbot.chat.ChatRequest;
import paperbot.chat.CommandSpec;
import paperbot.chat.CommandSpec.Option;
import paperbot.chat.Reply;
import paperbot.chat.UserText;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.profile.Feedback;
import paperbot.recommender.profile.InterestProfile;
import paperbot.recommender.profile.ProfileStore;
import paperbot.recommender.search.PaperIndex;

/**
 * {@code /like <id>}, {@code /dislike <id>}, {@code /save <id>}: feedback that changes the member's
 * very next personal ranking. A like adds the paper's distinctive words and word pairs, weighted by
 * tf-idf, to the member's stored model (a dislike subtracts them): the feed, {@code /more} and
 * member digests rank with it, and a dislike also hides the paper (docs/ranking.md). A repeat says
 * so and changes nothing; a like after a dislike (or the other way) says it replaced it. {@code
 * /unlike <id>} takes back a like or a dislike with what it taught, {@code /unsave <id>} removes a
 * saved paper.
 */
public final class FeedbackCommand implements ChatCommand {
  static final String LIKE = "like";
  static final String DISLIKE = "dislike";
  static final String UNLIKE = "unlike";
  static final String SAVE = "save";
  static final String UNSAVE = "unsave";

  /** Distinctive words of a liked or disliked paper the reply names. */
  private static final int TAUGHT_WORDS = 3;

  private final PaperIndex index;
  private final ProfileStore store;

  public FeedbackCommand(PaperIndex index, ProfileStore store) {
    this.index = index;
    this.store = store;
  }

  @Override
  public List<CommandSpec> specs() {
    return List.of(
        idCommand(LIKE, "Like a paper (the button does the same)"),
        idCommand(DISLIKE, "Fewer papers like this one"),
        idCommand(UNLIKE, "Take back your like or dislike of a paper"),
        idCommand(SAVE, "Save a paper for later"),
        idCommand(UNSAVE, "Remove a paper from your saved papers"));
  }

  @Override
  public Reply handle(ChatRequest request) {
    Optional<Paper> found = PaperIds.find(index, request.text());
    if (found.isEmpty()) {
      return switch (request.command()) {
        case UNLIKE, UNSAVE -> takeBackUnindexed(request);
        default -> PaperIds.notFound(request.command(), request.text());
      };
    }
    Paper paper = found.get();
    return switch (request.command()) {
      case LIKE -> like(request, paper);
      case DISLIKE -> dislike(request, paper);
      case UNLIKE -> unlike(request, paper.id(), UserText.emphasis(paper.displayTitle()));
      case UNSAVE -> unsave(request, paper.id(), UserText.emphasis(paper.displayTitle()));
      default -> save(request, paper);
    };
  }

  private Reply like(ChatRequest request, Paper paper) {
    Map<String, Double> terms = index.likeTerms(paper.id());
    Optional<Feedback> before =
        store.recordFeedback(request.member(), paper.id(), Feedback.LIKE, deltas(terms, 1));
    String title = UserText.emphasis(paper.displayTitle());
    if (before.equals(Optional.of(Feedback.LIKE))) {
      return Reply.privateText(
          "You already liked "
              + title
              + "; a paper counts once, so nothing changed. `/unlike "
              + paper.id()
              + "` takes the like back.");
    }
    return Reply.privateText(
        "Liked "
            + title
            + (before.isPresent() ? ", replacing your earlier dislike" : "")
            + ". Papers like it"
            + about(terms)
            + " rank higher in your `/papers` from now on, and it won't be shown there again.");
  }

  private Reply dislike(ChatRequest request, Paper paper) {
    Map<String, Double> terms = index.likeTerms(paper.id());
    Optional<Feedback> before =
        store.recordFeedback(request.member(), paper.id(), Feedback.DISLIKE, deltas(terms, -1));
    String title = UserText.emphasis(paper.displayTitle());
    if (before.equals(Optional.of(Feedback.DISLIKE))) {
      return Reply.privateText(
          "You already disliked "
              + title
              + "; a paper counts once, so nothing changed. `/unlike "
              + paper.id()
              + "` takes the dislike back.");
    }
    return Reply.privateText(
        "Got it"
            + (before.isPresent() ? ", this replaces your earlier like" : "")
            + ": I'll hide "
            + title
            + " and show fewer papers like it"
            + about(terms)
            + ".");
  }

  /** Takes back a like or dislike of the paper, and what it taught the member's ranking. */
  private Reply unlike(ChatRequest request, String id, String title) {
    Optional<Feedback> taken = store.clearVerdict(request.member(), id, index.likeTerms(id));
    if (taken.isEmpty()) {
      return Reply.privateText(
          "You haven't liked or disliked " + title + ", so there is nothing to take back.");
    }
    return Reply.privateText(
        taken.get() == Feedback.LIKE
            ? "Took back your like of "
                + title
                + ": papers like it no longer rank higher for it, and it can show in `/papers` "
                + "again."
            : "Took back your dislike of "
                + title
                + ": it can show in `/papers` again, and papers like it are no longer pushed "
                + "down for it.");
  }

  private Reply unsave(ChatRequest request, String id, String title) {
    if (!store.unsave(request.member(), id)) {
      return Reply.privateText(
          title + " isn't one of your saved papers, so nothing changed. `/saved` lists them.");
    }
    return Reply.privateText("Removed " + title + " from your saved papers.");
  }

  /**
   * {@code /unlike} or {@code /unsave} of an id the index no longer has (a paper gone from the
   * corpus): it can still be taken back when the member's profile holds it.
   */
  private Reply takeBackUnindexed(ChatRequest request) {
    String id = PaperIds.arxivId(request.text()).orElse(PaperIds.typed(request.text()));
    InterestProfile profile = store.load(request.member());
    boolean held =
        request.command().equals(UNSAVE)
            ? profile.saved().contains(id)
            : profile.liked().contains(id) || profile.disliked().contains(id);
    if (!held) {
      return PaperIds.notFound(request.command(), request.text());
    }
    String named = UserText.literal(id);
    return request.command().equals(UNSAVE)
        ? unsave(request, id, named)
        : unlike(request, id, named);
  }

  /**
   * What the paper teaches, in the words a researcher knows it by: its most distinctive terms
   * ({@code terms} is heaviest first), as " (about a, b and c)"; empty when it teaches nothing.
   */
  private static String about(Map<String, Double> terms) {
    List<String> words = InterestProfile.fuller(List.copyOf(terms.keySet()), TAUGHT_WORDS);
    if (words.isEmpty()) {
      return "";
    }
    return " (about " + Listing.of(words) + ")";
  }

  private Reply save(ChatRequest request, Paper paper) {
    String title = UserText.emphasis(paper.displayTitle());
    if (store.recordFeedback(request.member(), paper.id(), Feedback.SAVE, Map.of()).isPresent()) {
      return Reply.privateText(
          title
              + " is already saved. `/saved` lists your saved papers; `/unsave "
              + paper.id()
              + "` removes it.");
    }
    return Reply.privateText("Saved " + title + ". `/saved` lists your saved papers.");
  }

  private static Map<String, Double> deltas(Map<String, Double> terms, double sign) {
    Map<String, Double> deltas = new LinkedHashMap<>();
    terms.forEach((term, weight) -> deltas.put(term, sign * weight));
    return deltas;
  }

  private static CommandSpec idCommand(String name, String description) {
    return CommandSpec.command(name, description)
        .usage("<id>")
        .options(Option.text("id", "Paper id"));
  }
}
