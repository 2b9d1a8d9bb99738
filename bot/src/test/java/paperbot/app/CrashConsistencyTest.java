package paperbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.bench.SyntheticCorpus;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.LucenePaperIndex;
import paperbot.recommender.ingest.JsonLinesFile;
import paperbot.recommender.ingest.SeedCorpus;
import paperbot.recommender.rank.QueryExpander;
import paperbot.recommender.store.Database;
import paperbot.recommender.store.JdbcPaperArchive;

/**
 * paperbot in a child JVM, killed with SIGKILL at random points while members change their profiles: after each
 * restart on the same data directory, every change it had acknowledged is there and the index still answers.
 */
final class CrashConsistencyTest {
  private static final long SEED = 20261123L;

  @TempDir Path data;
  /** Child logs and input files, outside the data directory. */
  @TempDir Path scratch;

  private ChildPaperbot start(String user) throws IOException {
    return run("chat", "--data", data.toString(), "--user", user);
  }

  private ChildPaperbot run(String... args) throws IOException {
    return ChildPaperbot.start(scratch.resolve("child.log"), Map.of(), args);
  }

  @Test
  void everyAcknowledgedChangeSurvivesAKillAndTheIndexStillAnswers() throws Exception {
    Random random = new Random(SEED);
    List<Paper> seeds = SeedCorpus.load(TestBots.REPO.resolve("seeds"), TestBots.CLOCK).papers();
    List<String> users = new ArrayList<>();
    List<List<String>> acknowledged = new ArrayList<>();
    List<String> savedTitles = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      String user = "crash" + round;
      users.add(user);
      List<String> topics = new ArrayList<>();
      acknowledged.add(topics);
      ChildPaperbot child = start(user);
      int changes = 3 + random.nextInt(6);
      for (int i = 0; i < changes; i++) {
        String topic = "crash topic " + (char) ('a' + round) + " " + (char) ('a' + i);
        child.send("/topics add " + topic);
        assertThat(child.await("Added topic *" + topic + "*", 60)).as("ack for " + topic).isTrue();
        topics.add(topic);
      }
      // Feedback too: a saved paper.
      Paper saved = seeds.get(random.nextInt(seeds.size()));
      child.send("/save " + saved.id());
      assertThat(child.await("Saved *", 60)).as("ack for saving " + saved.id()).isTrue();
      savedTitles.add(saved.title().substring(0, Math.min(30, saved.title().length())));
      // More work in flight, unacknowledged, then the kill at a random moment.
      child.send("/topics add crash topic in flight");
      child.send("/papers diffusion policy");
      Thread.sleep(random.nextInt(300));
      child.kill();
    }

    for (int round = 0; round < users.size(); round++) {
      ChildPaperbot child = start(users.get(round));
      try {
        child.send("/topics list");
        String listed = child.awaitAll(acknowledged.get(round), 60);
        for (String topic : acknowledged.get(round)) {
          assertThat(listed).as(users.get(round) + " still has " + topic).contains(topic);
        }
        child.send("/saved");
        assertThat(child.await(savedTitles.get(round), 60)).as(users.get(round) + " still has the saved paper")
            .isTrue();
        child.send("/papers diffusion policy");
        assertThat(child.await("Papers for \"diffusion policy\"", 60)).as("the index opens and answers").isTrue();
      } finally {
        child.kill();
      }
    }
  }

  @Test
  void anIngestKilledMidwayLeavesAnIndexThatOpensAndARerunCompletes() throws Exception {
    Clock clock = TestBots.CLOCK;
    SyntheticCorpus corpus = new SyntheticCorpus(SeedCorpus.load(TestBots.REPO.resolve("seeds"), clock).papers(), 7,
        LocalDate.now(clock));
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < 8_000; i++) {
      papers.add(corpus.paper(i));
    }
    Path file = scratch.resolve("papers.jsonl");
    JsonLinesFile.write(file, papers);
    String last = papers.get(papers.size() - 1).title();

    ChildPaperbot ingest = run("ingest", "--source", "file", file.toString(), "--data", data.toString());
    Thread.sleep(2_000 + new Random(SEED).nextInt(3_000)); // start-up takes about 2 s: mid-ingest
    ingest.kill();

    ChildPaperbot after = start("reader");
    try {
      after.send("/papers diffusion policy");
      assertThat(after.await("Papers for \"diffusion policy\"", 60)).as("the index opens after the kill").isTrue();
    } finally {
      after.kill();
    }
    assertIndexMatchesDatabase();

    ChildPaperbot rerun = run("ingest", "--source", "file", file.toString(), "--data", data.toString());
    assertThat(rerun.process().waitFor(180, TimeUnit.SECONDS)).as("the rerun finishes").isTrue();
    assertThat(rerun.process().exitValue()).isZero();

    assertIndexMatchesDatabase();
    ChildPaperbot done = start("reader");
    try {
      done.send("/paper " + SyntheticCorpus.id(papers.size() - 1));
      assertThat(done.await(last.substring(0, Math.min(40, last.length())), 60)).as("the last paper is in").isTrue();
    } finally {
      done.kill();
    }
  }

  /** Every paper in the database is in the index, and the other way round (both read as they are on disk). */
  private void assertIndexMatchesDatabase() {
    try (Database database = Database.open(Database.defaultUrl(data), null, null);
        LucenePaperIndex index = LucenePaperIndex.open(data.resolve("index"), QueryExpander.none(), TestBots.CLOCK)) {
      Set<String> archived = new HashSet<>();
      new JdbcPaperArchive(database.dataSource(), TestBots.CLOCK).forEachBatch(1_000,
          batch -> batch.forEach(paper -> archived.add(paper.id())));
      Set<String> indexed = new HashSet<>();
      index.forEachBatch(1_000, batch -> batch.forEach(paper -> indexed.add(paper.id())));
      assertThat(indexed).as("the index holds exactly the database's papers").isEqualTo(archived);
    }
  }
}
