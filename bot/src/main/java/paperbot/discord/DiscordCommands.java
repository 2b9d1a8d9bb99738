package paperbot.discord;

import java.util.List;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** The slash commands paperbot registers on Discord, with typed options; {@code /paperbot} is help. */
final class DiscordCommands {
  static final String HELP = "paperbot";

  private DiscordCommands() {}

  static List<CommandData> all() {
    return List.of(
        Commands.slash("papers", "Best matching papers; leave empty for papers picked for you")
            .addOption(OptionType.STRING, "query", "What to look for, e.g. diffusion policy (empty: for you)", false),
        Commands.slash("paper", "Everything about one paper").addOption(OptionType.STRING, "id", "Paper id", true),
        Commands.slash("topics", "Your interest topics").addSubcommands(
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
        Commands.slash(HELP, "What paperbot can do"));
  }

  private static CommandData idCommand(String name, String description) {
    return Commands.slash(name, description).addOption(OptionType.STRING, "id", "Paper id", true);
  }
}
