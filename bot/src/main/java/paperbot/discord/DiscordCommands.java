package paperbot.discord;

import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import paperbot.chat.CommandSpec;

/**
 * The slash commands paperbot registers on Discord: a translation of the core's command
 * declarations into Discord's typed options and subcommands, nothing declared here.
 */
final class DiscordCommands {
  private DiscordCommands() {}

  /**
   * Message context-menu commands: what Discord offers a bot without the message-content intent.
   */
  static final String PAPER_CARD = "Paper card";

  static final String SAVE_PAPER = "Save paper";

  static List<CommandData> all(List<CommandSpec> specs) {
    List<CommandData> all = new ArrayList<>(specs.stream().map(DiscordCommands::slash).toList());
    all.add(Commands.message(PAPER_CARD));
    all.add(Commands.message(SAVE_PAPER));
    return all;
  }

  private static SlashCommandData slash(CommandSpec spec) {
    SlashCommandData command = Commands.slash(spec.name(), spec.description());
    command.addOptions(spec.options().stream().map(DiscordCommands::option).toList());
    command.addSubcommands(
        spec.subcommands().stream()
            .map(sub ->
                new SubcommandData(sub.name(), sub.description())
                    .addOptions(sub.options().stream().map(DiscordCommands::option).toList()))
            .toList());
    return command;
  }

  private static OptionData option(CommandSpec.Option option) {
    OptionType type =
        switch (option.kind()) {
          case TEXT -> OptionType.STRING;
          case NUMBER -> OptionType.NUMBER;
          case FLAG -> OptionType.BOOLEAN;
        };
    OptionData data =
        new OptionData(
            type, option.name(), option.description(), option.required(), option.autocomplete());
    option.choices().forEach(choice -> data.addChoice(choice, choice));
    return data;
  }
}
