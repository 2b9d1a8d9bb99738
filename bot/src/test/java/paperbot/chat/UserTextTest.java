package paperbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class UserTextTest {
  @Test
  void invisibleCharactersAreDropped() {
    assertThat(UserText.normalise("\u200bdiffusion")).isEqualTo("diffusion");
    assertThat(UserText.normalise("\ufeffdiffusion\u200c\u200d\u2060")).isEqualTo("diffusion");
    assertThat(UserText.normalise("\u202eevil\u202c \u2066x\u2069")).isEqualTo("evil x");
    assertThat(UserText.normalise("dif\u00adfusion")).isEqualTo("diffusion"); // soft hyphen: Cf
  }

  @Test
  void controlCharactersAreDroppedButWhitespaceIsASpace() {
    assertThat(UserText.normalise("\u001b[31mred\u0000\u0007\u007f\u009b")).isEqualTo("[31mred");
    assertThat(UserText.normalise("a\tb\r\nc\u000bd")).isEqualTo("a b c d");
  }

  @Test
  void whatADecoderPutForBytesThatWereNotTextIsDropped() {
    // Invalid UTF-8 piped to the console arrives as U+FFFD; it was kept in topics and queries.
    assertThat(UserText.normalise("caf\ufffd rl")).isEqualTo("caf rl");
    assertThat(UserText.normalise("diffusion\ufffd\ufffd policy")).isEqualTo("diffusion policy");
    assertThat(UserText.normalise("\ufffd \ud800")).isEmpty();
  }

  @Test
  void everyKindOfSpaceIsOnePlainSpace() {
    assertThat(UserText.normalise("\u00a0 diffusion\u00a0\u00a0policy\u3000world\u2003models\t"))
        .isEqualTo("diffusion policy world models");
  }

  @Test
  void compatibilityFormsBecomePlain() {
    assertThat(UserText.normalise("ＰＢ－２６０５ｂａｄ０")).isEqualTo("PB-2605bad0");
    assertThat(UserText.normalise("ﬁne-tuning")).isEqualTo("fine-tuning");
    // A zero-width space between a letter and its combining accent does not keep them apart.
    assertThat(UserText.normalise("e\u200b\u0301te")).isEqualTo("\u00e9te");
  }

  @Test
  void nothingVisibleIsEmptyAndNullIsEmpty() {
    assertThat(UserText.normalise("\u200b\ufeff \u00a0\t")).isEmpty();
    assertThat(UserText.normalise(null)).isEmpty();
  }

  @Test
  void aRequestNormalisesItsCommandTextAndOptions() {
    ChatRequest request =
        new ChatRequest(
            Platform.DISCORD,
            "G1",
            "C1",
            "U1",
            "\u200bTopics",
            "add\u00a0\u200b",
            true,
            Map.of("topic", "\ufeff\u200bdiffusion\u3000policy"));
    assertThat(request.command()).isEqualTo("topics");
    assertThat(request.text()).isEqualTo("add");
    assertThat(request.option("topic")).contains("diffusion policy");
  }

  @Test
  void wordsTypedWithTheCommandNameMoveToTheText() {
    assertThat(new ChatRequest(Platform.CONSOLE, "l", "c", "u", "/papers\u00a0diffusion", "policy"))
        .extracting(ChatRequest::command, ChatRequest::text)
        .containsExactly("papers", "diffusion policy");
    assertThat(new ChatRequest(Platform.CONSOLE, "l", "c", "u", "/topics\tadd\u3000x", ""))
        .extracting(ChatRequest::command, ChatRequest::text)
        .containsExactly("topics", "add x");
  }

  @Test
  void aTypedLineIsACommandOnlyWhenItsFirstVisibleCharacterIsASlash() {
    assertThat(ChatRequest.typed(Platform.CONSOLE, "l", "c", "u", "\u200b/help", "papers"))
        .extracting(ChatRequest::command, ChatRequest::text)
        .containsExactly("help", "");
    assertThat(ChatRequest.typed(Platform.CONSOLE, "l", "c", "u", "\ufeff/HELP ", "papers"))
        .extracting(ChatRequest::command, ChatRequest::text)
        .containsExactly("help", "");
    assertThat(ChatRequest.typed(Platform.CONSOLE, "l", "c", "u", "world\u00a0models", "papers"))
        .extracting(ChatRequest::command, ChatRequest::text)
        .containsExactly("papers", "world models");
  }
}
