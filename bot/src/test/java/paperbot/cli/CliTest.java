package paperbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.app.LogCapture;
import paperbot.app.TestBots;
import paperbot.app.Wiring;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.rank.SearchRequest;

/** The launcher's subcommands, run in-process exactly as {@code ./paperbot ...} runs them. */
final class CliTest {
  @TempDir Path data;

  private record Run(int exitCode, String out, String err) {}

  private Run run(String input, String... args) {
    return runExactly(input, withData(args));
  }

  private Run runExactly(String input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext context =
        new CliContext(
            TestBots.REPO,
            new BufferedReader(new StringReader(input)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of(),
            false,
            TestBots.CLOCK);
    int code = Cli.run(context, args);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Puts --data after the subcommand name (or first, for the default command) so no test writes to
   * ./data.
   */
  private String[] withData(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    int at =
        !all.isEmpty()
                && List.of("search", "stats", "chat", "digest", "ingest", "export", "reindex")
                    .contains(all.get(0))
            ? 1
            : 0;
    all.addAll(at, List.of("--data", data.toString()));
    return all.toArray(String[]::new);
  }

  @Test
  @SuppressWarnings("try") // the running bot is only held open, as a live process would be
  void everyToolThatWritesOnADataDirectoryInUseSaysAnotherPaperbotIsRunningAndWhatToDo()
      throws Exception {
    java.nio.file.Files.writeString(data.resolve("papers.jsonl"), "");
    try (Wiring running = TestBots.open(data)) {
      for (String[] args :
          List.of(
              new String[] {"chat"},
              new String[] {"ingest", "--source", "file", data.resolve("papers.jsonl").toString()},
              new String[] {"reindex"})) {
        Run refused = run("", args);
        assertThat(refused.exitCode()).as(args[0]).isEqualTo(1);
        assertThat(refused.err())
            .as(args[0])
            .contains("in use by another paperbot process; stop it first")
            .doesNotContain("Exception")
            .doesNotContain("\tat ");
      }
    }
  }

  /** A researcher looks something up, counts or exports while the bot runs on the same data. */
  @Test
  void toolsThatOnlyReadWorkBesideTheRunningBotAndSeeWhatItCommitted() throws Exception {
    try (Wiring running = TestBots.open(data)) {
      running
          .corpus()
          .upsert(
              List.of(
                  new Paper(
                      "2611.07777",
                      "Quokka policies for dexterous hands",
                      List.of(),
                      "We teach a quokka hand to grasp.",
                      List.of("Ana Li"),
                      false,
                      1,
                      LocalDate.of(2026, 11, 2),
                      false,
                      5,
                      List.of("cs.RO"),
                      null,
                      List.of(),
                      List.of())));

      Run search = run("", "search", "quokka");
      assertThat(search.exitCode()).as(search.err()).isZero();
      assertThat(search.out()).contains("Quokka policies for dexterous hands");

      Run stats = run("", "stats");
      assertThat(stats.exitCode()).as(stats.err()).isZero();
      assertThat(stats.out()).contains(String.valueOf(running.index().size()));

      Path out = data.resolve("out.jsonl");
      Run export = run("", "export", out.toString());
      assertThat(export.exitCode()).as(export.err()).isZero();
      assertThat(java.nio.file.Files.readString(out)).contains("2611.07777");

      Run digests = run("", "digest", "--dry-run");
      assertThat(digests.exitCode()).as(digests.err()).isZero();
      assertThat(digests.out()).contains("No digests are subscribed.");

      assertThat(running.index().search(SearchRequest.firstPage("quokka", 5)).hits())
          .as("the bot goes on searching")
          .first()
          .extracting(hit -> hit.paper().id())
          .isEqualTo("2611.07777");
    }
  }

  /**
   * With no bot running, a tool that only reads brings the index up to date itself (the index's
   * writer), and then lets go of it: a bot started while the tool is still searching or exporting
   * starts. It did not: the tool kept the writer to its end, and a bot started at the same moment
   * as a search stopped with "in use by another paperbot process".
   */
  @Test
  void aToolThatOnlyReadsLetsGoOfTheIndexOnceItIsUpToDate() {
    try (Wiring tool = Wiring.openToRead(TestBots.config(data), TestBots.CLOCK);
        Wiring bot = TestBots.open(data)) {
      assertThat(tool.index().search(SearchRequest.firstPage("diffusion policy", 3)).hits())
          .as("the tool goes on reading")
          .hasSize(3);
      assertThat(bot.index().size()).isEqualTo(303);
    }
  }

  /**
   * A bot that finds the index's writer held by a tool bringing it up to date waits for the tool
   * and then starts, where it stopped at once ("in use by another paperbot process") before.
   */
  @Test
  @SuppressWarnings("try") // the tool's lock is only held
  void aBotStartingWhileAToolHoldsTheIndexWaitsForItAndStarts() throws Exception {
    TestBots.open(data).close(); // an index to hold
    Run chat;
    try (LogCapture logs = LogCapture.start();
        FSDirectory index = FSDirectory.open(data.resolve("index"));
        ExecutorService starting = Executors.newSingleThreadExecutor()) {
      Future<Run> bot;
      // As a reading tool holds them: its own lock first, then the index's writer.
      try (FSDirectory dataDir = FSDirectory.open(data);
          Lock readingTool = dataDir.obtainLock(READING_TOOL_LOCK);
          Lock heldByATool = index.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
        bot = starting.submit(() -> run("/topics list\n", "--user", "ana", "chat"));
        long polls = 0;
        while (logs.lines().stream().noneMatch(line -> line.contains("waiting for it"))) {
          assertThat(bot.isDone()).as("the bot gave up instead of waiting").isFalse();
          assertThat(++polls).as("the bot never said it waits").isLessThan(6_000);
          Thread.sleep(10);
        }
      }
      chat = bot.get(2, TimeUnit.MINUTES);
    }
    assertThat(chat.exitCode()).as(chat.err()).isZero();
    assertThat(chat.out()).contains("no topics");
  }

  /** The lock a reading tool holds while it holds the index's writer (ReadingToolLock). */
  private static final String READING_TOOL_LOCK = "reading-tool.lock";

  /**
   * A paperbot too old to take paperbot.lock, still running, holds the index's writer but not the
   * reading tools' lock: a new bot refuses at once in the usual words, before it migrates the
   * database under the old one, where it waited two minutes for a reading tool that was not there.
   */
  @Test
  @SuppressWarnings("try") // the old bot's lock is only held
  void aBotStartingBesideAPaperbotTooOldForTheDataDirectoryLockIsRefusedAtOnce() throws Exception {
    TestBots.open(data).close(); // an index to hold
    try (LogCapture logs = LogCapture.start();
        FSDirectory index = FSDirectory.open(data.resolve("index"));
        Lock heldByAnOldBot = index.obtainLock(IndexWriter.WRITE_LOCK_NAME);
        ExecutorService starting = Executors.newSingleThreadExecutor()) {
      Future<Run> bot = starting.submit(() -> run("/topics list\n", "--user", "ana", "chat"));
      for (long polls = 0; !bot.isDone(); polls++) {
        assertThat(logs.lines())
            .as("the bot waits for a reading tool that is not there")
            .noneMatch(line -> line.contains("waiting for it"));
        assertThat(polls).as("the bot neither started nor refused").isLessThan(12_000);
        Thread.sleep(10);
      }
      Run refused = bot.get();
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.err())
          .contains("is in use by another paperbot process; stop it first")
          .doesNotContain("\tat ");
      assertThat(logs.lines()).noneMatch(line -> line.contains("waiting for it"));
    }
  }

  @Test
  void searchJsonPrintsTheDocumentedFields() throws Exception {
    Run run = run("", "search", "--json", "--limit", "3", "diffusion", "policy");
    assertThat(run.exitCode()).isZero();
    JsonNode results = new ObjectMapper().readTree(run.out());
    assertThat(results.isArray()).isTrue();
    assertThat(results).hasSize(3);
    for (JsonNode result : results) {
      List<String> fields = new ArrayList<>();
      result.fieldNames().forEachRemaining(fields::add);
      assertThat(fields)
          .containsExactly(
              "id",
              "title",
              "abstract",
              "authors",
              "authorCount",
              "published",
              "yearInferred",
              "upvotes",
              "score",
              "matched",
              "related");
      assertThat(result.get("authors").isArray()).isTrue();
      // "diffusion policy" matches far more than a page: none is a related paper.
      assertThat(result.get("related").asBoolean()).isFalse();
      assertThat(result.get("score").asDouble()).isPositive();
      assertThat(result.get("matched").get(0).get("concept").asText()).isNotBlank();
      assertThat(result.get("matched").get(0).get("field").asText()).isIn("title", "abstract");
    }
    assertThat(results.get(0).get("score").asDouble())
        .isGreaterThanOrEqualTo(results.get(2).get("score").asDouble());
  }

  @Test
  void searchLeavesOutAWordWithAMinus() throws Exception {
    Run run = run("", "search", "--json", "--limit", "50", "diffusion", "-video");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode results = new ObjectMapper().readTree(run.out());
    assertThat(results).hasSize(50);
    for (JsonNode result : results) {
      assertThat(
              (result.get("title").asText() + " " + result.get("abstract").asText()).toLowerCase())
          .doesNotContain("video");
    }
    JsonNode plain =
        new ObjectMapper()
            .readTree(run("", "search", "--json", "--limit", "50", "diffusion").out());
    assertThat(plain.findValuesAsText("abstract"))
        .anySatisfy(text -> assertThat(text).contains("video"));
  }

  @Test
  void statsJsonCountsRecordsPerFileAndDistinctPapers() throws Exception {
    Run run = run("", "stats", "--json");
    assertThat(run.exitCode()).isZero();
    JsonNode stats = new ObjectMapper().readTree(run.out());
    assertThat(stats.get("records").asInt()).isEqualTo(333);
    assertThat(stats.get("distinctPapers").asInt()).isEqualTo(303);
    assertThat(stats.get("merges").asInt()).isEqualTo(30);
    assertThat(stats.get("files")).hasSize(5);
    List<Integer> perFile = new ArrayList<>();
    stats.get("files").forEach(file -> perFile.add(file.get("records").asInt()));
    assertThat(perFile).containsExactly(20, 10, 177, 71, 55);
  }

  @Test
  void optionsBeforeTheSubcommandApplyToIt() throws Exception {
    // Where the launcher's user puts them: before the subcommand's name.
    Run run = runExactly("", "--data", data.resolve("before").toString(), "stats");
    assertThat(run.exitCode()).isZero();
    assertThat(data.resolve("before").resolve("index")).isDirectory();
    Run chat = runExactly("/topics list\n", "--data", data.toString(), "--user", "ana", "chat");
    assertThat(chat.exitCode()).isZero();
    assertThat(chat.out()).contains("no topics");
  }

  @Test
  void defaultCommandIsThePipedConsole() {
    Run run = run("/papers offline rl\n", "--user", "ana");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Papers for \"offline rl\": 1–5 of ");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run("", "search").exitCode()).isEqualTo(2);
    assertThat(run("", "search", "--limit", "x", "q").exitCode()).isEqualTo(2);
    assertThat(run("", "search", "--limit", "0", "q").exitCode()).isEqualTo(2);
    // A blank query was searched ("no matches", exit 0); a mistyped option (--jsno) was left out
    // of the search as a minus word.
    Run blank = run("", "search", "  ");
    assertThat(blank.exitCode()).isEqualTo(2);
    assertThat(blank.err()).contains("give words to search for");
    Run typo = run("", "search", "--jsno", "diffusion");
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("Unknown option: '--jsno'");
    assertThat(typo.out()).isEmpty();
    Run unknown = run("", "--no-such-option");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown option");
  }

  @Test
  void aUsageErrorIsOneLineNamingTheCommandAndWhereItsOptionsAreListed() {
    // Each printed picocli's whole usage text (9 to 20 lines) after the line that said what was
    // wrong.
    List<List<String>> mistakes =
        List.of(
            List.of("search", "--limit", "99999999999", "q"),
            List.of("search", "--limit", "5", "--limit", "6", "q"),
            List.of("search", "--json"),
            List.of("stats", "--json", "--json"),
            List.of("stats", "extra"),
            List.of("reindex", "extra"),
            List.of("digest", "--dry-run", "--dry-run"),
            List.of("ingest", "--source"),
            List.of("export"));
    for (List<String> args : mistakes) {
      Run run = run("", args.toArray(String[]::new));
      assertThat(run.exitCode()).as(args.toString()).isEqualTo(2);
      assertThat(run.err().lines()).as(args.toString()).hasSize(1);
      assertThat(run.err())
          .as(args.toString())
          .startsWith("paperbot " + args.get(0) + ": ")
          .endsWith("(paperbot " + args.get(0) + " --help lists the options)\n")
          .doesNotContain("Usage:");
      assertThat(run.out()).isEmpty();
    }
    assertThat(run("", "search", "--limit", "99999999999", "q").err())
        .contains("'99999999999' is not an int");
  }

  @Test
  void anEmptyPathIsAUsageErrorAndWritesNothingWhereTheLauncherIs() {
    // --data "" was the current directory: a database and an index appeared beside the launcher.
    for (List<String> args :
        List.of(
            List.of("--data", "", "stats"),
            List.of("stats", "--data", ""),
            List.of("--seeds", "", "stats"),
            List.of("--data", data.toString(), "export", ""),
            List.of("--data", data.toString(), "backup", " "),
            List.of("--data", data.toString(), "restore", ""),
            List.of("--data", data.toString(), "ingest", "--source", "file", ""))) {
      Run run = runExactly("", args.toArray(String[]::new));
      assertThat(run.exitCode()).as(args.toString()).isEqualTo(2);
      assertThat(run.err())
          .as(args.toString())
          .contains("give a file or folder name, not an empty one");
    }
    for (Path beside : List.of(TestBots.REPO, Path.of("").toAbsolutePath())) {
      assertThat(beside.resolve("index")).doesNotExist();
      assertThat(beside.resolve("paperbot.db")).doesNotExist();
    }
  }

  @Test
  void aBackupThatCannotBeWrittenSaysWhy(@TempDir Path files) throws Exception {
    assertThat(run("", "stats").exitCode()).isZero();
    java.nio.file.Files.writeString(files.resolve("a-file"), "not a folder");
    Run refused =
        runExactly(
            "", "backup", "--data", data.toString(), files.resolve("a-file/backup").toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    // It said only "paperbot: <path>.partial".
    assertThat(refused.err())
        .isEqualTo(
            "paperbot: cannot use " + files.resolve("a-file") + ": it is a file, not a folder\n");
    assertThat(refused.err().lines()).hasSize(1);
  }

  @Test
  void digestDryRunPrintsWhatEachDigestWouldPostAndPostsNothing() {
    run("/digest subscribe me 08:00 Europe/Paris\n", "--user", "ana");
    Run dry = run("", "digest", "--dry-run");
    assertThat(dry.exitCode()).isZero();
    assertThat(dry.out()).contains("== CONSOLE local member ana at 08:00 Europe/Paris", "for you");
    assertThat(run("", "digest", "--dry-run", "--channel", "nobody").out())
        .contains("No digest for nobody");
    assertThat(run("", "digest").exitCode()).isEqualTo(2);
  }

  @Test
  void exportWritesIntoANewFolderAndSaysWhyItCannotWrite(@TempDir Path files) throws Exception {
    Path nested = files.resolve("exports/2026/papers.jsonl");
    Run export = run("", "export", nested.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(java.nio.file.Files.size(nested)).isPositive();

    java.nio.file.Files.writeString(files.resolve("a-file"), "not a folder");
    Run refused = run("", "export", files.resolve("a-file/papers.jsonl").toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("cannot make the folder").doesNotContain("\tat ");
  }

  @Test
  void exportThenIngestRoundTripsAndFileErrorsAreUsageErrors(@TempDir Path files) throws Exception {
    Path jsonl = files.resolve("papers.jsonl");
    Run export = run("", "export", jsonl.toString());
    assertThat(export.exitCode()).isZero();
    assertThat(export.out()).startsWith("exported 303 papers");
    Run ingest = run("", "ingest", "--source", "file", jsonl.toString());
    assertThat(ingest.exitCode()).isZero();
    assertThat(ingest.out()).contains("fetched=303 new=0 updated=0 merged=0 rejected=0");
    assertThat(run("", "ingest", "--source", "file").exitCode()).isEqualTo(2);
    assertThat(run("", "ingest", "--source", "nowhere").exitCode()).isEqualTo(2);
    assertThat(run("", "ingest", "--source", "hf", "--date", "yesterday").exitCode()).isEqualTo(2);
  }

  @Test
  void aLostIndexComesBackFromTheDatabaseWithIngestedPapersAndReindexRebuildsIt(@TempDir Path files)
      throws Exception {
    Path jsonl = files.resolve("one.jsonl");
    paperbot.recommender.ingest.JsonLinesFile.write(
        jsonl,
        List.of(
            new paperbot.recommender.corpus.Paper(
                "2611.99999",
                "Quokka locomotion with diffusion policies",
                List.of(),
                "We teach a quokka robot to hop.",
                List.of("Ana Li"),
                false,
                1,
                java.time.LocalDate.of(2026, 11, 20),
                false,
                5,
                List.of("cs.RO"),
                null,
                List.of(),
                List.of())));
    assertThat(run("", "ingest", "--source", "file", jsonl.toString()).out()).contains("new=1");
    try (var index = java.nio.file.Files.walk(data.resolve("index"))) {
      for (Path file : index.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.delete(file);
      }
    }
    assertThat(run("", "search", "quokka").out())
        .as("rebuilt from the database at start-up")
        .contains("Quokka locomotion with diffusion policies");
    Run reindex = run("", "reindex");
    assertThat(reindex.exitCode()).isZero();
    assertThat(reindex.out()).startsWith("reindexed 304 papers from the database");
  }

  @Test
  void ingestFromArxivUsesTheConfiguredBaseUrlAndReportsASummary(@TempDir Path files)
      throws Exception {
    var server =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/query",
        exchange -> {
          byte[] body =
              ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>http://arxiv.org/abs/2611.12345v1</id>"
                      + "<title>A Live Paper</title><summary>About sim-to-real transfer.</summary>"
                      + "<published>2026-11-20T00:00:00Z</published></entry></feed>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      CliContext context =
          new CliContext(
              TestBots.REPO,
              new BufferedReader(new StringReader("")),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              Map.of(
                  "PAPERBOT_ARXIV_URL",
                  "http://127.0.0.1:" + server.getAddress().getPort() + "/api/query"),
              false,
              TestBots.CLOCK);
      assertThat(
              Cli.run(
                  context, "ingest", "--data", data.toString(), "--source", "arxiv", "--max", "5"))
          .isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("arxiv: fetched=1 new=1");
      assertThat(run("", "search", "--json", "live paper sim2real").out()).contains("2611.12345");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aMembersSavedPapersExportAsBibTex(@TempDir Path files) throws Exception {
    String id =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(run("", "search", "--json", "--limit", "1", "diffusion policy").out())
            .get(0)
            .get("id")
            .asText();
    assertThat(run("/save " + id + "\n", "chat", "--user", "ana").out()).contains("Saved");
    Path bib = files.resolve("refs/saved.bib");
    Run export = run("", "export", "--bibtex", "--user", "ana", bib.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(export.out()).isEqualTo("exported 1 saved papers of ana to " + bib + "\n");
    assertThat(java.nio.file.Files.readString(bib)).startsWith("@misc{").contains("title = {{");
    Run nobody = run("", "export", "--bibtex", "--user", "slack:T1:U404", bib.toString());
    assertThat(nobody.exitCode()).isEqualTo(1);
    assertThat(nobody.err()).contains("slack:T1:U404 has no saved papers");
    assertThat(run("", "export", "--bibtex", bib.toString()).exitCode()).isEqualTo(2);
    assertThat(run("", "export", "--bibtex", "--user", "irc:x:y", bib.toString()).err())
        .contains("PLATFORM:WORKSPACE:USER");
  }
}
