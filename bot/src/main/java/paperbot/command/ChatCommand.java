package paperbot.command;

import java.util.List;

/**
 * One slash command of the core. Implementations never throw for bad input: they answer with a
 * short reply.
 */
public interface ChatCommand {

  /** The command names this handles, without slash, e.g. {@code papers}. */
  List<String> names();

  /** One line for {@code /help}: usage and what it does. */
  String usage();

  Reply handle(ChatRequest request);
}
