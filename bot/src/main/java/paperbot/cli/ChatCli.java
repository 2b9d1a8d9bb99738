package paperbot.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import paperbot.app.Wiring;
import paperbot.console.ConsoleAdapter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the bot. With no chat tokens configured it is a local console chat on the seed corpus. */
@Command(name = "chat", description = "Run the bot (the default). Without tokens: a console chat.")
final class ChatCli implements Callable<Integer> {
  @Mixin CommonOptions common = new CommonOptions();

  @Option(names = "--user", paramLabel = "NAME", description = "Who is typing in the console. Default: $USER")
  String user;

  private final CliContext context;

  ChatCli(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    try (Wiring wiring = Wiring.open(context.config(common), context.clock())) {
      ConsoleAdapter console = new ConsoleAdapter(wiring.router(), member(), context.terminal());
      console.run(context.in(), context.out());
    }
    return 0;
  }

  private String member() {
    if (user != null && !user.isBlank()) {
      return user.strip();
    }
    return context.env().getOrDefault("USER", "me");
  }
}
