package paperbot.command;

import java.util.List;
import paperbot.chat.ChatRequest;
import paperbot.chat.CommandSpec;
import paperbot.chat.Reply;

/**
 * One slash command of the core. Implementations never throw for bad input: they answer with a
 * short reply.
 */
public interface ChatCommand {

  /**
   * The slash commands this handles, each declared once: name, description, usage and typed
   * options, from which every platform's registration and {@code /help} are derived.
   */
  List<CommandSpec> specs();

  Reply handle(ChatRequest request);
}
