package paperbot.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import paperbot.app.DataBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code paperbot backup DIR} and {@code paperbot restore DIR}: the data directory, with the bot
 * stopped.
 */
final class BackupCli {
  private BackupCli() {}

  @Command(
      name = "backup",
      description = "Back up the index and the embedded database (stop the bot first).")
  static final class Backup implements Callable<Integer> {
    @Mixin CommonOptions common = new CommonOptions();

    @Parameters(paramLabel = "DIR", description = "A new or empty directory for the backup.")
    Path target;

    private final CliContext context;

    Backup(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws Exception {
      context.out().println(new DataBackup(context.config(common), context.clock()).backup(target));
      return 0;
    }
  }

  @Command(
      name = "restore",
      description = "Replace the index and the embedded database with a backup's.")
  static final class Restore implements Callable<Integer> {
    @Mixin CommonOptions common = new CommonOptions();

    @Parameters(paramLabel = "DIR", description = "A directory written by paperbot backup.")
    Path source;

    private final CliContext context;

    Restore(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws Exception {
      context
          .out()
          .println(new DataBackup(context.config(common), context.clock()).restore(source));
      return 0;
    }
  }
}
