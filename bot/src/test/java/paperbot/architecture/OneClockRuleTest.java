package paperbot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import paperbot.app.Wiring;
import paperbot.recommender.store.JdbcDigestStore;

/**
 * One clock: every "now" in main code (both modules) comes from the injected {@link Clock}, so
 * tests can set the date and nothing depends on the day the suite runs. Reading the system clock is
 * refused everywhere except in the places listed in {@link #ALLOWED}, each with its reason.
 * Durations are measured with {@code System.nanoTime()}, which is not a date and stays allowed.
 */
final class OneClockRuleTest {
  /** Classes that may read the system clock, and why. */
  private static final Map<String, String> ALLOWED =
      Map.of(
          "paperbot.app.Main",
              "the process entry point creates the production clock and injects it everywhere",
          "paperbot.bench.SlackAckBench",
              "signs requests as Slack does, with the wall-clock time Bolt verifies them by",
          "paperbot.bench.DiscordAckBench",
              "Discord's interaction ids are wall-clock snowflakes, and JDA and the fake read them so");

  /**
   * {@code now()} without a Clock argument on java.time types, and the legacy wall-clock readers.
   */
  private static final Set<String> TIME_TYPES =
      Set.of(
          "java.time.Instant",
          "java.time.LocalDate",
          "java.time.LocalDateTime",
          "java.time.LocalTime",
          "java.time.ZonedDateTime",
          "java.time.OffsetDateTime",
          "java.time.OffsetTime",
          "java.time.Year",
          "java.time.YearMonth",
          "java.time.MonthDay");

  private static final DescribedPredicate<JavaMethodCall> READS_THE_SYSTEM_CLOCK =
      DescribedPredicate.describe(
          "reads the system clock",
          call -> {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            boolean withClock =
                call.getTarget().getRawParameterTypes().stream()
                    .anyMatch(type -> type.isEquivalentTo(Clock.class));
            return (TIME_TYPES.contains(owner) && name.equals("now") && !withClock)
                || (owner.equals("java.lang.System") && name.equals("currentTimeMillis"))
                || (owner.equals("java.time.Clock")
                    && (name.equals("systemUTC")
                        || name.equals("systemDefaultZone")
                        || name.equals("system")));
          });

  private static final DescribedPredicate<JavaClass> ALLOWED_CLASSES =
      DescribedPredicate.describe(
          "allowed to read the system clock",
          c ->
              ALLOWED.containsKey(c.getName())
                  || (c.getEnclosingClass().isPresent()
                      && ALLOWED.containsKey(c.getEnclosingClass().get().getName())));

  /**
   * The compiled main classes of both modules: the recommender's and the bot's class directories
   * (or jars), found from one class of each. Importing just these (not the whole classpath) keeps
   * the rule fast.
   */
  private static JavaClasses mainClasses() {
    return new ClassFileImporter()
        .importPaths(location(JdbcDigestStore.class), location(Wiring.class));
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void mainCodeTakesNowFromTheInjectedClock() {
    JavaClasses classes = mainClasses();
    noClasses()
        .that(DescribedPredicate.not(ALLOWED_CLASSES))
        .should()
        .callMethodWhere(READS_THE_SYSTEM_CLOCK)
        .because("every \"now\" comes from the injected java.time.Clock")
        .check(classes);
  }

  @Test
  void theRuleSeesBothModulesAndCatchesARawNow() {
    JavaClasses classes = new ClassFileImporter().importClasses(RawNow.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> noClasses().should().callMethodWhere(READS_THE_SYSTEM_CLOCK).check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Instant.now()");
    JavaClasses main = mainClasses();
    org.assertj.core.api.Assertions.assertThat(
            main.contain("paperbot.recommender.store.JdbcDigestStore"))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(main.contain("paperbot.app.Wiring")).isTrue();
  }

  /** A class that breaks the rule, to show the rule fires. */
  private static final class RawNow {
    @SuppressWarnings("unused")
    java.time.Instant now() {
      return java.time.Instant.now();
    }
  }
}
