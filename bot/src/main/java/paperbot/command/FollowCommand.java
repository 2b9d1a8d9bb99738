package paperbot.command;

import java.util.List;
import paperbot.chat.ChatRequest;
import paperbot.chat.CommandSpec;
import paperbot.chat.CommandSpec.Option;
import paperbot.chat.Reply;
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
  public List<CommandSpec> specs() {
    return List.of(
        CommandSpec.command("follow", "Lift papers by an author")
            .usage("<author>")
            .options(Option.text("author", "Author name")),
        CommandSpec.command("unfollow", "Stop following an author")
            .usage("<author>")
            .options(Option.text("author", "Author name")));
  }

  @Override
  public Reply handle(ChatRequest request) {
    String author = request.text().strip().replaceAll("\\s+", " ");
    String problem = TopicText.problem(author, TopicText.Kind.AUTHOR, limits);
    if (problem != null) {
      return Reply.privateText(problem);
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
