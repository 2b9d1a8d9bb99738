package paperbot.command;

import java.util.List;
import paperbot.recommender.profile.ProfileStore;

/**
 * {@code /follow <author>} and {@code /unfollow <author>}: papers by followed authors are flagged
 * and lifted.
 */
public final class FollowCommand implements ChatCommand {
  private final ProfileStore store;
  private final ProfileLimits limits;

  public FollowCommand(ProfileStore store, ProfileLimits limits) {
    this.store = store;
    this.limits = limits;
  }

  @Override
  public List<String> names() {
    return List.of("follow", "unfollow");
  }

  @Override
  public String usage() {
    return "/follow <author> · /unfollow <author> · lift papers by people you follow";
  }

  @Override
  public Reply handle(ChatRequest request) {
    String author = request.text().strip().replaceAll("\\s+", " ");
    String problem = TopicText.problem(author, "author", limits);
    if (problem != null) {
      return Reply.privateText(problem.replace("/topics add offline rl", "/follow Sergey Levine"));
    }
    if (request.command().equals("follow")) {
      return Reply.privateText(
          store.follow(request.member(), author)
              ? "Following *"
                  + author
                  + "*: their papers are flagged and lifted in your results (where sources list authors)."
              : "You already follow *" + author + "*.");
    }
    return Reply.privateText(
        store.unfollow(request.member(), author)
            ? "Stopped following *" + author + "*."
            : "You don't follow *" + author + "*. `/topics list` shows who you follow.");
  }
}
