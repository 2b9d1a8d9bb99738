package paperbot.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Tells whether standard input is a person at a terminal rather than a pipe. */
final class Terminal {
  private Terminal() {}

  static boolean isInteractive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    // From Java 22 System.console() is non-null even when redirected; Console.isTerminal() (22+)
    // tells the truth.
    // We compile for 21, so ask for it reflectively and fall back to "non-null means terminal" on
    // 21.
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
