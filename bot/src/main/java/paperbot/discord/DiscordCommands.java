package paperbot.discord;

import java.util.List;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * The slash commands paperbot registers on Discord, with typed options; {@code /paperbot} is help.
 */
final class DiscordCommands {
  static final String HELP = "paperbot";

  private DiscordCommands() {}

  static List<CommandData> all() {
    return List.of(
        Commands.slash("papers", "Best matching papers; leave empty for papers picked for you")
            .addOption(
                OptionType.STRING,
                "query",
                "What to look for, e.g. diffusion policy (empty: for you)",
                false),
        Commands.slash("paper", "Everything about one paper")
            .addOption(OptionType.STRING, "id", "Paper id", true),
        Commands.slash("topics", "Your interest topics")
            .addSubcommands(
                new SubcommandData("add", "Add a topic, or change its weight")
                    .addOption(OptionType.STRING, "topic", "e.g. offline rl", true)
                    .addOption(OptionType.NUMBER, "weight", "0.1 to 5 (default 1)", false),
                new SubcommandData("remove", "Remove one of your topics")
                    .addOption(OptionType.STRING, "topic", "One of your topics", true, true),
                new SubcommandData("list", "Your topics, mutes and follows"),
                new SubcommandData("mute", "Never show papers about a term")
                    .addOption(OptionType.STRING, "term", "e.g. voice cloning", true),
                new SubcommandData("unmute", "Show papers about a muted term again")
                    .addOption(OptionType.STRING, "term", "One of your muted terms", true, true),
                new SubcommandData("clear", "Remove all your topics (asks first)")),
        Commands.slash("saved", "Papers you saved"),
        Commands.slash("follow", "Lift papers by an author")
            .addOption(OptionType.STRING, "author", "Author name", true),
        Commands.slash("unfollow", "Stop following an author")
            .addOption(OptionType.STRING, "author", "Author name", true),
        idCommand("like", "Like a paper (the button does the same)"),
        idCommand("dislike", "Fewer papers like this one"),
        idCommand("save", "Save a paper for later"),
        idCommand("more", "Papers like this one"),
        digest(),
        Commands.slash(HELP, "What paperbot can do"));
  }

  /**
   * {@code /digest}: the core reads "subscribe me 08:30 Europe/Berlin days:mon-fri offline rl,
   * ...".
   */
  private static CommandData digest() {
    return Commands.slash("digest", "Daily trending papers for this channel or for you")
        .addSubcommands(
            new SubcommandData(
                    "subscribe", "Post trending papers here every announcement day (or to you)")
                .addOption(OptionType.BOOLEAN, "me", "Only for you, ranked by your profile", false)
                .addOption(OptionType.STRING, "time", "Local time HH:MM (default 09:00)", false)
                .addOption(
                    OptionType.STRING, "zone", "Time zone, e.g. Europe/Berlin (default UTC)", false)
                .addOption(
                    OptionType.STRING, "days", "e.g. mon-fri (default) or mon,wed,fri", false)
                .addOption(
                    OptionType.STRING, "topics", "Topics, comma separated (default: all)", false),
            new SubcommandData("status", "What is scheduled here and when it runs next"),
            new SubcommandData("preview", "What the digest would post now")
                .addOption(OptionType.BOOLEAN, "me", "Your own digest", false),
            new SubcommandData("now", "Post the digest now")
                .addOption(OptionType.BOOLEAN, "me", "Your own digest", false),
            new SubcommandData("unsubscribe", "Stop the digest")
                .addOption(OptionType.BOOLEAN, "me", "Your own digest", false),
            new SubcommandData("mentions", "Be mentioned when a channel digest matches your topics")
                .addOption(OptionType.STRING, "switch", "on or off", true),
            new SubcommandData("team", "A Monday post of what this team liked and saved most")
                .addOption(OptionType.STRING, "switch", "on or off", true)
                .addOption(OptionType.STRING, "time", "Local time HH:MM (default 09:00)", false)
                .addOption(OptionType.STRING, "zone", "Time zone (default UTC)", false));
  }

  private static CommandData idCommand(String name, String description) {
    return Commands.slash(name, description).addOption(OptionType.STRING, "id", "Paper id", true);
  }
}
