package paperbot.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import paperbot.chat.ChatRequest;
import paperbot.chat.Platform;
import paperbot.chat.Reply;
import paperbot.chat.UserText;
import paperbot.command.CommandRouter;

/**
 * The console chat. Each line is one command; a line without a slash is a search, as if typed after
 * {@code /papers}, unless it plainly is a command typed without its slash ({@link
 * CommandRouter#slashless}). Interactive on a terminal (prompt, greeting); piped, it prints only
 * the replies and stops at end of input.
 */
public final class ConsoleAdapter {
  /** Console members all live in one local workspace and channel. */
  public static final String WORKSPACE = "local";

  public static final String CHANNEL = "console";

  private final CommandRouter router;
  private final ConsoleRenderer renderer = new ConsoleRenderer();
  private final String user;
  private final boolean interactive;
  private final Path files;

  /**
   * @param files where a reply's file (a .bib of saved papers) is written; its path is printed
   */
  public ConsoleAdapter(CommandRouter router, String user, boolean interactive, Path files) {
    this.router = router;
    this.user = user;
    this.interactive = interactive;
    this.files = files;
  }

  /** Reads commands until end of input or {@code /quit}. */
  public void run(BufferedReader in, PrintStream out) throws IOException {
    if (interactive) {
      out.println("paperbot console. Try /papers diffusion policy, /help, or /quit to leave.");
      prompt(out);
    }
    String line;
    while ((line = in.readLine()) != null) {
      ChatRequest request = toRequest(line);
      if (isQuit(request)) {
        break;
      }
      if (!UserText.normalise(line).isEmpty()) { // a blank or invisible line asks nothing
        out.print(answer(request));
        out.println();
      }
      prompt(out);
    }
    out.flush();
  }

  /** One line of input as the core sees it. */
  ChatRequest toRequest(String input) {
    String line = isQuitWord(input) ? "/quit" : router.slashless(input).orElse(input);
    return ChatRequest.typed(Platform.CONSOLE, WORKSPACE, CHANNEL, user, line, "papers");
  }

  /** What the console prints for one line of input. */
  public String answer(String input) {
    return answer(toRequest(input));
  }

  private String answer(ChatRequest request) {
    Reply reply = router.handle(request);
    String shown = renderer.render(reply);
    if (reply.attachment() == null) {
      return shown;
    }
    try {
      Files.createDirectories(files);
      Path file = files.resolve(reply.attachment().fileName()).toAbsolutePath();
      // Whole or not at all, as the CLI's exports are: a kill mid-write leaves no truncated file.
      Path partial = file.resolveSibling(file.getFileName() + ".partial");
      Files.write(partial, reply.attachment().bytes());
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return shown + "\nWritten to " + file;
    } catch (IOException e) {
      return shown + "\nCould not write " + reply.attachment().fileName() + ": " + e.getMessage();
    }
  }

  /** {@code /quit} or {@code /exit}, whatever follows it ({@code /quit now}). */
  private static boolean isQuit(ChatRequest request) {
    return request.command().equals("quit") || request.command().equals("exit");
  }

  /** {@code quit} or {@code exit} typed alone without a slash leaves too: nobody searches that. */
  private static boolean isQuitWord(String input) {
    String word = UserText.normalise(input).toLowerCase(Locale.ROOT);
    return word.equals("quit") || word.equals("exit");
  }

  private void prompt(PrintStream out) {
    if (interactive) {
      out.print("> ");
      out.flush();
    }
  }
}
