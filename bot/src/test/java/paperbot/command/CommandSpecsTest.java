package paperbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperbot.app.SeedBotExtension;
import paperbot.chat.ChatRequest;
import paperbot.chat.CommandSpec;
import paperbot.chat.Platform;

/**
 * The command declarations every platform is derived from: they keep Discord's registration limits
 * (which refuses the whole batch when one command breaks them), and {@code /help} lists each.
 */
final class CommandSpecsTest {
  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension();

  /** Discord's rule for command, subcommand and option names (lower case where it has case). */
  private static final Pattern NAME = Pattern.compile("^[-_\\p{Ll}\\p{N}]{1,32}$");

  @Test
  void declarationsKeepDiscordsLimits() {
    List<CommandSpec> specs = bot.router().specs();
    assertThat(specs).hasSizeLessThanOrEqualTo(100);
    assertThat(specs.stream().map(CommandSpec::name)).doesNotHaveDuplicates();
    for (CommandSpec spec : Stream.concat(specs.stream(), subcommands(specs)).toList()) {
      assertThat(spec.name()).as("name").matches(NAME);
      assertThat(spec.description()).as("/%s description", spec.name()).hasSizeBetween(1, 100);
      assertThat(spec.options()).as("/%s options", spec.name()).hasSizeLessThanOrEqualTo(25);
      assertThat(spec.subcommands()).hasSizeLessThanOrEqualTo(25);
      boolean optionalSeen = false;
      for (CommandSpec.Option option : spec.options()) {
        assertThat(option.name()).matches(NAME);
        assertThat(option.description()).hasSizeBetween(1, 100);
        assertThat(option.required() && optionalSeen)
            .as("/%s %s: Discord wants required options first", spec.name(), option.name())
            .isFalse();
        optionalSeen |= !option.required();
      }
    }
  }

  @Test
  void helpListsEveryCommandAsTheMemberTypesIt() {
    String console =
        bot.router()
            .handle(new ChatRequest(Platform.CONSOLE, "local", "c", "u", "help", ""))
            .text();
    String slack =
        bot.router()
            .handle(new ChatRequest(Platform.SLACK, "T1", "C1", "U1", "paperbot", ""))
            .text();
    for (CommandSpec spec : bot.router().specs()) {
      if (!spec.name().equals(HelpCommand.NAME)) {
        assertThat(console).contains(spec.helpLine(spec.name()));
      }
    }
    assertThat(console).contains("/help · What paperbot can do").doesNotContain("/paperbot ·");
    assertThat(slack).contains("/paperbot · What paperbot can do").doesNotContain("/help ·");
  }

  private static Stream<CommandSpec> subcommands(List<CommandSpec> specs) {
    return specs.stream().flatMap(spec -> spec.subcommands().stream());
  }
}
