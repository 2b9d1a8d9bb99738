package paperbot.console;

import java.io.PrintStream;
import paperbot.chat.ChatOutbox;
import paperbot.chat.PostResult;
import paperbot.chat.Reply;

/** Digests for the console workspace are printed where the console chat prints. */
public final class ConsoleOutbox implements ChatOutbox {
  private final PrintStream out;
  private final ConsoleRenderer renderer = new ConsoleRenderer();

  public ConsoleOutbox(PrintStream out) {
    this.out = out;
  }

  @Override
  public PostResult post(
      String workspace, String destination, boolean toMember, Reply reply, String key) {
    synchronized (out) {
      out.println();
      out.print(renderer.render(reply));
      out.flush();
    }
    return PostResult.POSTED;
  }
}
