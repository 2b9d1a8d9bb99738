package paperbot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import paperbot.app.Wiring;
import paperbot.chat.Platform;
import paperbot.console.ConsoleAdapter;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.export.BibTex;
import paperbot.recommender.ingest.JsonLinesFile;
import paperbot.recommender.ingest.WholeFile;
import paperbot.recommender.profile.MemberKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paperbot export FILE}: every paper as JSON Lines, readable by {@code paperbot ingest
 * --source file}; with {@code --bibtex --user}, one member's saved papers as a {@code .bib} file.
 */
@Command(
    name = "export",
    description = {
      "Write every paper to a JSON Lines file, or a member's saved papers to a BibTeX file.",
      "  paperbot export papers.jsonl",
      "  paperbot export --bibtex --user ana saved.bib            (a console member)",
      "  paperbot export --bibtex --user slack:T0123:U0456 saved.bib"
    })
final class ExportCli implements Callable<Integer> {
  @Mixin CommonOptions common = new CommonOptions();

  @Parameters(paramLabel = "FILE", description = "Output file, e.g. papers.jsonl or saved.bib")
  Path file;

  @Option(names = "--bibtex", description = "Write the saved papers of --user as BibTeX.")
  boolean bibtex;

  @Option(
      names = "--user",
      paramLabel = "MEMBER",
      description =
          "With --bibtex: a console name, or PLATFORM:WORKSPACE:USER"
              + " (slack:T0123:U0456, discord:GUILD:USER, discord:dm:USER).")
  String user;

  private final CliContext context;

  ExportCli(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    if (bibtex != (user != null)) {
      context.err().println("paperbot export: --bibtex and --user go together");
      return 2;
    }
    Optional<MemberKey> member = bibtex ? member(user) : Optional.empty();
    if (bibtex && member.isEmpty()) {
      context
          .err()
          .println(
              "paperbot export: --user is a console name or PLATFORM:WORKSPACE:USER, e.g."
                  + " slack:T0123:U0456");
      return 2;
    }
    try (Wiring wiring = Wiring.openToRead(context.config(common), context.clock())) {
      // A file in a folder that is not there yet is written there, as an editor's "save as" does.
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        try {
          Files.createDirectories(parent);
        } catch (IOException e) {
          context
              .err()
              .println("paperbot export: cannot make the folder " + parent + " (" + e + ")");
          return 1;
        }
      }
      if (!bibtex) {
        int count = JsonLinesFile.write(file, wiring.index().all());
        context.out().println("exported " + count + " papers to " + file);
        return 0;
      }
      List<String> saved = wiring.profiles().load(member.get()).saved();
      List<Paper> papers = saved.stream().flatMap(id -> wiring.index().get(id).stream()).toList();
      if (papers.isEmpty()) {
        context.err().println("paperbot export: " + user + " has no saved papers; nothing written");
        return 1;
      }
      String bib = BibTex.of(papers);
      WholeFile.write(file, partial -> Files.writeString(partial, bib));
      context
          .out()
          .println("exported " + papers.size() + " saved papers of " + user + " to " + file);
      return 0;
    }
  }

  /** A console name, or {@code platform:workspace:user} for a Slack or Discord member. */
  static Optional<MemberKey> member(String text) {
    String[] parts = text.strip().split(":", -1);
    if (parts.length == 1 && !parts[0].isBlank()) {
      return Optional.of(
          new MemberKey(Platform.CONSOLE.name(), ConsoleAdapter.WORKSPACE, parts[0]));
    }
    if (parts.length != 3 || parts[1].isBlank() || parts[2].isBlank()) {
      return Optional.empty();
    }
    try {
      Platform platform = Platform.valueOf(parts[0].toUpperCase(Locale.ROOT));
      return Optional.of(new MemberKey(platform.name(), parts[1], parts[2]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
