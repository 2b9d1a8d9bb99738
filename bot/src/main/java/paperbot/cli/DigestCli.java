package paperbot.cli;

import java.util.List;
import java.util.concurrent.Callable;
import paperbot.app.Wiring;
import paperbot.console.ConsoleRenderer;
import paperbot.recommender.digest.Subscription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code paperbot digest --dry-run [--channel ID]}: what each digest would post now, for operators.
 */
@Command(
    name = "digest",
    description = "Show what digests would post now (nothing is posted or recorded).")
final class DigestCli implements Callable<Integer> {
  @Mixin CommonOptions common = new CommonOptions();

  @Option(
      names = "--dry-run",
      description = "Print instead of posting (required: the running bot posts digests).")
  boolean dryRun;

  @Option(
      names = "--channel",
      paramLabel = "ID",
      description = "Only the digest of this channel (or member id).")
  String channel;

  private final CliContext context;

  DigestCli(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (!dryRun) {
      context
          .err()
          .println("Use --dry-run: digests are posted by the running bot on their schedule.");
      return 2;
    }
    try (Wiring wiring = Wiring.openToRead(context.config(common), context.clock())) {
      List<Subscription> subscriptions =
          wiring.digestStore().all().stream()
              .filter(s -> channel == null || s.destination().equals(channel))
              .toList();
      if (subscriptions.isEmpty()) {
        context
            .out()
            .println(
                channel == null ? "No digests are subscribed." : "No digest for " + channel + ".");
        return 0;
      }
      ConsoleRenderer renderer = new ConsoleRenderer();
      for (Subscription s : subscriptions) {
        context
            .out()
            .println(
                "== "
                    + s.platform()
                    + " "
                    + s.workspace()
                    + " "
                    + s.kind().name().toLowerCase()
                    + " "
                    + s.destination()
                    + " at "
                    + s.at()
                    + " "
                    + s.zone().getId());
        context.out().println(renderer.render(wiring.digests().compose(s).reply()));
      }
    }
    return 0;
  }
}
