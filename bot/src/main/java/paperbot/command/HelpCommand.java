package paperbot.command;

import java.util.List;
import paperbot.chat.ChatRequest;
import paperbot.chat.CommandSpec;
import paperbot.chat.Platform;
import paperbot.chat.Reply;

/**
 * {@code /paperbot} (and {@code /help} in the console): what paperbot can do, one line per command,
 * from the commands' own declarations. Slack keeps {@code /help} for itself, so the chat platforms
 * register {@code /paperbot}.
 */
public final class HelpCommand implements ChatCommand {
  public static final String NAME = "paperbot";
  static final String CONSOLE_NAME = "help";

  private final List<CommandSpec> others;

  /**
   * @param others the commands to list before this one
   */
  public HelpCommand(List<ChatCommand> others) {
    this.others = others.stream().flatMap(c -> c.specs().stream()).toList();
  }

  @Override
  public List<CommandSpec> specs() {
    return List.of(CommandSpec.command(NAME, "What paperbot can do").aliases(CONSOLE_NAME));
  }

  /**
   * How a member asks for help where they are: {@code /help} in the console, else {@code
   * /paperbot}.
   */
  static String typedName(Platform platform) {
    return platform == Platform.CONSOLE ? CONSOLE_NAME : NAME;
  }

  @Override
  public Reply handle(ChatRequest request) {
    StringBuilder text = new StringBuilder("paperbot finds research papers. Commands:\n");
    for (CommandSpec spec : others) {
      text.append("• ").append(spec.helpLine(spec.name())).append('\n');
    }
    text.append("• ").append(specs().get(0).helpLine(typedName(request.platform()))).append('\n');
    text.append("Abbreviations work both ways: `/papers rl` finds \"reinforcement learning\".\n");
    text.append(
        "Leave a word out with a minus, keep a phrase whole in quotes: "
            + "`/papers \"world models\" -video`.");
    return Reply.privateText(text.toString());
  }
}
