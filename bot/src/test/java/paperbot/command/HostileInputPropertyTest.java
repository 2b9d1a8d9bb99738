package paperbot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import paperbot.app.TestBots;
import paperbot.app.Wiring;
import paperbot.chat.ChatAction;
import paperbot.chat.ChatRequest;
import paperbot.chat.Platform;
import paperbot.chat.Reply;
import paperbot.chat.ReplyButton;

/**
 * Every command, with random and adversarial text, on the real index and database: each gets a
 * reply, never an exception, and never hangs. The time bound only catches a hang (a catastrophic
 * regex, an unbounded query); speed itself is measured by the benchmark.
 */
final class HostileInputPropertyTest {
  private static final Duration HANG = Duration.ofSeconds(20);
  private static final List<String> COMMANDS =
      List.of(
          "papers",
          "paper",
          "topics",
          "like",
          "dislike",
          "unlike",
          "save",
          "unsave",
          "more",
          "follow",
          "unfollow",
          "saved",
          "digest",
          "paperbot",
          "help",
          "nonsense",
          "");

  private static Path data;
  private static Wiring wiring;

  @BeforeContainer
  static void open() throws IOException {
    data = Files.createTempDirectory("paperbot-hostile");
    // With the scheduler, as the running bot: a well-formed /digest subscribe is scheduled, so any
    // catch-all reply below is a real failure to handle the input.
    wiring = Wiring.open(TestBots.config(data), TestBots.CLOCK, true);
  }

  @AfterContainer
  static void close() {
    if (wiring != null) {
      wiring.close();
    }
  }

  @Property(tries = 300)
  void everyCommandRepliesToAnyText(
      @ForAll("commands") String command, @ForAll("hostile") String text) {
    ChatRequest request =
        new ChatRequest(Platform.CONSOLE, "ws-hostile", "C1", "U1", command, text);
    Reply reply = assertTimeoutPreemptively(HANG, () -> wiring.router().handle(request));
    assertThat(reply).isNotNull();
    assertThat(reply.text().isBlank() && reply.cards().isEmpty())
        .as("an empty reply to /%s", command)
        .isFalse();
    // Bad input is answered by the command, never by the router's catch-all for exceptions.
    assertThat(reply.text())
        .as("/%s %s", command, text)
        .doesNotStartWith("Sorry, something went wrong");
  }

  @Property(tries = 100)
  void buttonsWithForgedValuesReplyToo(
      @ForAll("actions") String action, @ForAll("hostile") String value) {
    ChatAction pressed =
        new ChatAction(Platform.CONSOLE, "ws-hostile", "C1", "U2", action, value, "U1");
    Reply reply = assertTimeoutPreemptively(HANG, () -> wiring.router().handle(pressed));
    assertThat(reply).isNotNull();
  }

  @Provide
  Arbitrary<String> commands() {
    return Arbitraries.of(COMMANDS);
  }

  @Provide
  Arbitrary<String> actions() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            ReplyButton.NEXT_PAGE,
            ReplyButton.SHARE,
            ReplyButton.CLEAR_TOPICS,
            ReplyButton.LIKE,
            ReplyButton.DISLIKE,
            ReplyButton.MORE_LIKE_THIS,
            ReplyButton.SAVE,
            "unknown"),
        Arbitraries.strings().ofMaxLength(40));
  }

  /**
   * Text people and attackers type: query syntax, regex bombs, huge inputs, control, bidi and
   * zero-width marks.
   */
  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> fragments =
        Arbitraries.of(
            "title:(a OR b)^10",
            "-video -rl - --x -",
            "-été -1 -中文",
            "\"unclosed phrase",
            "*:*",
            "a~2",
            "[* TO *]",
            "field:/re.*gex/",
            "+-&&||!(){}[]^\"~*?:\\/",
            "(a+)+$",
            "((((((((((x",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
            ".*.*.*.*.*=.*",
            "\\Q\\E\\",
            "\u0000\u0001\u0007\u001b[31m",
            "\r\n\t",
            "\u202eevil\u202c",
            "\u200b\u200c\u200d\ufeff",
            "\u05e9\u05dc\u05d5\u05dd",
            "🧪🤖💥👩‍🔬",
            "<@U123> <!channel> @everyone",
            "<script>alert(1)</script>",
            "'; DROP TABLE member; --",
            "add",
            "remove",
            "mute",
            "clear",
            "list",
            "me 09:00 Europe/Berlin",
            "subscribe",
            "days:-",
            "days:",
            "days:mon-",
            "days:,,",
            "25:00",
            "9.30",
            "UTC+99",
            "Mars/Phobos",
            "team on",
            "mentions maybe",
            "page 99999999999",
            "more",
            "all",
            "2401.00001",
            "offline rl",
            "%s%n%x",
            "${jndi:ldap://x}",
            "  ",
            "");
    Arbitrary<String> mixed =
        Combinators.combine(
                fragments.list().ofMaxSize(6), Arbitraries.strings().all().ofMaxLength(30))
            .as((parts, random) -> String.join(" ", parts) + random);
    Arbitrary<String> huge =
        Arbitraries.of("diffusion ", "(a+)+", "\u200b", "🧪", "x")
            .flatMap(unit ->
                Arbitraries.integers()
                    .between(1_000, 100_000)
                    .map(n -> unit.repeat(Math.max(1, n / unit.length()))));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, mixed),
        net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(200)),
        net.jqwik.api.Tuple.of(1, huge));
  }
}
