package paperbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import paperbot.app.SeedBotExtension;
import paperbot.recommender.corpus.Paper;

final class ConsoleAdapterTest {
  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension();
  @TempDir static Path files;

  private static String run(boolean interactive, String input) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new ConsoleAdapter(bot.router(), "ana", interactive, files)
        .run(new BufferedReader(new StringReader(input)), out);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void pipedInputPrintsOneReplyPerLineAndStopsAtEndOfInput() throws Exception {
    String out = run(false, "/papers diffusion policy\n\n/help\n");
    assertThat(out).startsWith("Papers for \"diffusion policy\": 1–5 of ");
    assertThat(out)
        .contains("\n1. ", "\n5. ", "matched: ", "Next 5: /papers diffusion policy more");
    assertThat(out).doesNotContain("\n6. ").doesNotStartWith("> ").doesNotContain("\n> ");
    assertThat(out).contains("paperbot finds research papers.");
  }

  @Test
  void aLineWithoutSlashIsASearch() throws Exception {
    assertThat(run(false, "behavior cloning")).startsWith("Papers for \"behavior cloning\"");
  }

  @Test
  void invisibleCharactersTabsAndOtherSpacesDoNotChangeTheCommand() throws Exception {
    assertThat(run(false, "/papers\u00a0diffusion\n"))
        .startsWith("Papers for \"diffusion\"")
        .doesNotContain("I don't know");
    assertThat(run(false, "/papers\tdiffusion\n")).startsWith("Papers for \"diffusion\"");
    assertThat(run(false, "\u200b/help\n")).startsWith("paperbot finds research papers.");
    assertThat(run(false, "\ufeff/help\n")).startsWith("paperbot finds research papers.");
    assertThat(run(false, "/topics add\tconsole tab topic\n"))
        .startsWith("Added topic *console tab topic*");
    assertThat(run(false, "\u200b\n\u00a0\t\n")).isEmpty();
    assertThat(run(false, "\u200b/quit\n/help\n")).isEmpty();
  }

  @Test
  void theTextAfterACommandKeepsItsCase() throws Exception {
    // The command's name is read in any case; its text as typed ("NOT" leaves words out).
    assertThat(run(false, "/PAPERS Diffusion NOT Policy\n"))
        .startsWith("Papers for \"Diffusion NOT Policy\"");
    assertThat(run(false, "/follow Sergey Levine\n")).startsWith("Following *Sergey Levine*");
  }

  @Test
  void quitStopsReadingEvenWithMoreInput() throws Exception {
    String out = run(false, "/quit\n/help\n");
    assertThat(out).isEmpty();
    // "I don't know `/quit`" was the answer to these, and the session went on.
    assertThat(run(false, "/quit now\n/help\n")).isEmpty();
    assertThat(run(false, "exit\n/help\n")).isEmpty();
    assertThat(run(false, "QUIT\n/help\n")).isEmpty();
  }

  @Test
  void aCommandTypedWithoutItsSlashIsThatCommandAndAnythingElseASearch() throws Exception {
    assertThat(run(false, "help\n")).startsWith("paperbot finds research papers.");
    assertThat(run(false, "topics add console bare topic\ntopics list\n"))
        .startsWith("Added topic *console bare topic*")
        .contains("• console bare topic (weight 1)");
    String id = bot.wiring().index().all().get(0).id();
    assertThat(run(false, "save " + id + "\n")).containsPattern("^(Saved|.* is already saved)");
    assertThat(run(false, "digest status\n")).doesNotStartWith("Papers for");
    // Words that open a search as often as they name a command stay a search.
    assertThat(run(false, "more efficient transformers\n"))
        .startsWith("Papers for \"more efficient transformers\"");
    assertThat(run(false, "follow the leader\n")).startsWith("Papers for \"follow the leader\"");
    assertThat(run(false, "topics in robotics\n")).startsWith("Papers for \"topics in robotics\"");
  }

  @Test
  void savedPapersComeAsABibFileWhosePathIsPrinted() throws Exception {
    Paper paper =
        bot.wiring().index().all().stream()
            .filter(p -> p.title() != null && p.title().matches("[A-Za-z0-9 :-]+"))
            .findFirst()
            .orElseThrow();
    String out = run(false, "/save " + paper.id() + "\n/saved\n/saved bibtex\n/saved pdf\n");
    assertThat(out).contains("BibTeX (.bib): /saved bibtex");
    Path bib = files.resolve("paperbot-saved.bib").toAbsolutePath();
    assertThat(out)
        .contains("Your saved paper as BibTeX: paperbot-saved.bib")
        .contains("Written to " + bib)
        .contains("`/saved bibtex` sends them as a .bib file");
    assertThat(Files.readString(bib))
        .startsWith("@misc{")
        .contains("title = {{" + paper.title() + "}},");
  }

  @Test
  void interactiveModeGreetsAndPrompts() throws Exception {
    String out = run(true, "/help\n");
    assertThat(out).startsWith("paperbot console.").contains("> ");
  }
}
