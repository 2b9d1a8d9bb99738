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
 * member digests rank with it, and a dislike also hides the paper (docs/ranking.md).
 */
public final class FeedbackCommand implements ChatCommand {
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
        idCommand("like", "Like a paper (the button does the same)"),
        idCommand("dislike", "Fewer papers like this one"),
        idCommand("save", "Save a paper for later"));
  }

  @Override
  public Reply handle(ChatRequest request) {
    Optional<Paper> found = PaperIds.find(index, request.text());
    if (found.isEmpty()) {
      return PaperIds.notFound(request.command(), request.text());
    }
    Paper paper = found.get();
    return switch (request.command()) {
      case "like" -> like(request, paper);
      case "dislike" -> dislike(request, paper);
      default -> save(request, paper);
    };
  }

  private Reply like(ChatRequest request, Paper paper) {
    Map<String, Double> terms = index.likeTerms(paper.id());
    store.recordFeedback(request.member(), paper.id(), Feedback.LIKE, deltas(terms, 1));
    return Reply.privateText(
        "Liked "
            + UserText.emphasis(paper.displayTitle())
            + ". Papers like it"
            + about(terms)
            + " rank higher in your `/papers` from now on, and it won't be shown there again.");
  }

  private Reply dislike(ChatRequest request, Paper paper) {
    Map<String, Double> terms = index.likeTerms(paper.id());
    store.recordFeedback(request.member(), paper.id(), Feedback.DISLIKE, deltas(terms, -1));
    return Reply.privateText(
        "Got it: I'll hide "
            + UserText.emphasis(paper.displayTitle())
            + " and show fewer papers like it"
            + about(terms)
            + ".");
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
    store.recordFeedback(request.member(), paper.id(), Feedback.SAVE, Map.of());
    return Reply.privateText(
        "Saved " + UserText.emphasis(paper.displayTitle()) + ". `/saved` lists your saved papers.");
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
