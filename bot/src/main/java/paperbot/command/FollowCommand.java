package paperbot.command;

import java.util.List;
import paperbot.chat.ChatRequest;
import paperbot.chat.CommandSpec;
import paperbot.chat.CommandSpec.Option;
import paperbot.chat.Reply;
import paperbot.chat.UserText;
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
    String problem = TopicText.problem(author, "author", limits);
    if (problem != null) {
      return Reply.privateText(problem.replace("/topics add offline rl", "/follow Sergey Levine"));
    }
    if (request.command().equals("follow")) {
      return Reply.privateText(
          store.follow(request.member(), author)
              ? "Following "
                  + UserText.emphasis(author)
                  + ": their papers are flagged and lifted in your results (where sources list authors)."
              : "You already follow " + UserText.emphasis(author) + ".");
    }
    return Reply.privateText(
        store.unfollow(request.member(), author)
            ? "Stopped following " + UserText.emphasis(author) + "."
            : "You don't follow "
                + UserText.emphasis(author)
                + ". `/topics list` shows who you follow.");
  }
}
