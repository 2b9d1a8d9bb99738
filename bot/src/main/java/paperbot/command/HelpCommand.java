package paperbot.command;

import java.util.List;

/** {@code /help}: what paperbot can do, one line per command. */
public final class HelpCommand implements ChatCommand {
  public static final String NAME = "help";

  private final List<ChatCommand> others;

  /**
   * @param others the commands to list before this one
   */
  public HelpCommand(List<ChatCommand> others) {
    this.others = List.copyOf(others);
  }

  @Override
  public List<String> names() {
    return List.of(NAME);
  }

  @Override
  public String usage() {
    return "/help · this list";
  }

  @Override
  public Reply handle(ChatRequest request) {
    StringBuilder text = new StringBuilder("paperbot finds research papers. Commands:\n");
    for (ChatCommand command : others) {
      text.append("• ").append(command.usage()).append('\n');
    }
    text.append("• ").append(usage()).append('\n');
    text.append("Abbreviations work both ways: `/papers rl` finds \"reinforcement learning\".");
    return Reply.privateText(text.toString());
  }
}
