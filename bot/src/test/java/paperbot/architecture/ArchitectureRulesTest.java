package paperbot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import paperbot.recommender.corpus.CorpusService;
import paperbot.recommender.corpus.CorpusView;
import paperbot.recommender.corpus.IndexSync;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.PaperArchive;
import paperbot.recommender.search.LucenePaperIndex;
import paperbot.recommender.store.JdbcPaperArchive;

/**
 * The layering a newcomer can rely on, checked on the compiled classes (so static imports, fully
 * qualified names and reflection-free uses of any kind are all seen, which a grep of import lines
 * missed): the recommender knows nothing of chat or scheduling, the chat adapters are thin
 * translations that reach the recommender only through the command core, no two packages depend on
 * each other, and papers are written in one place, the database first. {@code docs/architecture.md}
 * draws the same map.
 */
final class ArchitectureRulesTest {
  /** Chat platforms, the scheduler and every bot package: what the recommender must not know. */
  private static final String[] CHAT_AND_BOT = {
    "com.slack..",
    "net.dv8tion..",
    "org.quartz..",
    "paperbot.app..",
    "paperbot.bench..",
    "paperbot.chat..",
    "paperbot.cli..",
    "paperbot.command..",
    "paperbot.console..",
    "paperbot.digest..",
    "paperbot.discord..",
    "paperbot.schedule..",
    "paperbot.slack.."
  };

  static ArchRule knowsNothingOfChat(String packages) {
    return noClasses()
        .that()
        .resideInAPackage(packages)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(CHAT_AND_BOT)
        .because("the recommender is a library of ranking and storage, usable without any chat");
  }

  @Test
  void theRecommenderKnowsNothingOfChatOrScheduling() {
    knowsNothingOfChat("paperbot.recommender..").check(MainClasses.get());
  }

  @Test
  void adaptersReachTheRecommenderOnlyThroughTheCommandCore() {
    noClasses()
        .that()
        .resideInAnyPackage("paperbot.slack..", "paperbot.discord..", "paperbot.console..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("paperbot.recommender..")
        .because("adapters translate a platform's events to ChatRequests and Replies, nothing more")
        .check(MainClasses.get());
  }

  @Test
  void theCoreUsesNoChatSdkAndNoScheduler() {
    noClasses()
        .that()
        .resideInAnyPackage("paperbot.chat..", "paperbot.command..", "paperbot.digest..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.slack..", "net.dv8tion..", "org.quartz..")
        .because("every platform gets the same wording and behaviour from one core")
        .check(MainClasses.get());
  }

  @Test
  void noTwoPackagesDependOnEachOther() {
    // Every package is its own slice: recommender.index, recommender.rank, command, digest, ...
    slices().matching("paperbot.(**)").should().beFreeOfCycles().check(MainClasses.get());
  }

  /**
   * The writes of the papers' database ({@link PaperArchive}) and of the index ({@link
   * CorpusView}).
   */
  private static final Set<String> PAPER_WRITES =
      Set.of(
          "put",
          "upsert",
          "replace",
          "replaceAll",
          "complete",
          "follow",
          "markFollowed",
          "startRebuild",
          "startBulkLoad");

  static ArchRule papersAreWrittenInOnePlace() {
    DescribedPredicate<JavaMethodCall> writesPapers =
        DescribedPredicate.describe(
            "a write to the papers' database or index",
            call ->
                PAPER_WRITES.contains(call.getName())
                    && (call.getTargetOwner().isAssignableTo(PaperArchive.class)
                        || call.getTargetOwner().isAssignableTo(CorpusView.class)));
    return noClasses()
        .that()
        .doNotBelongToAnyOf(
            CorpusService.class, IndexSync.class, LucenePaperIndex.class, JdbcPaperArchive.class)
        .should()
        .callMethodWhere(writesPapers)
        .because(
            "CorpusService writes the database first and then the index, and IndexSync keeps the"
                + " index following the database; a write elsewhere could reach the index alone");
  }

  @Test
  void papersAreWrittenOnlyByTheCorpusServiceAndTheIndexSync() {
    papersAreWrittenInOnePlace().check(MainClasses.get());
  }

  @Test
  void theWriteRuleSeesAWriteToTheIndexAlone() {
    JavaClasses probe = new ClassFileImporter().importClasses(WritesTheIndexAlone.class);
    assertThatThrownBy(() -> papersAreWrittenInOnePlace().check(probe))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("CorpusView.upsert");
  }

  /** Writes the index without the database: what the rule is there to catch. */
  private static final class WritesTheIndexAlone {
    @SuppressWarnings("unused")
    void store(CorpusView index, Collection<Paper> papers) {
      index.upsert(papers, Optional.empty());
    }
  }

  @Test
  void theRulesSeeStaticImportsAndQualifiedNames() {
    JavaClasses probe = new ClassFileImporter().importClasses(Probe.class);
    assertThatThrownBy(() -> knowsNothingOfChat("paperbot.architecture..").check(probe))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("org.quartz.JobKey")
        .hasMessageContaining("net.dv8tion.jda.api.JDA");
  }

  /**
   * Breaks the rule the two ways a grep of imports missed: a static import and a qualified name.
   */
  private static final class Probe {
    @SuppressWarnings("unused")
    Object leak(net.dv8tion.jda.api.JDA jda) {
      return org.quartz.JobKey.jobKey("probe");
    }
  }
}
