package paperbot.chat;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A text file that goes with a reply (a {@code .bib} of saved papers): Slack uploads it, Discord
 * attaches it, the console writes it and prints its path.
 *
 * @param fileName the name the member sees, e.g. {@code paperbot-saved.bib}; no directories
 * @param mediaType e.g. {@code application/x-bibtex}
 * @param text the content, UTF-8 when sent
 */
public record Attachment(String fileName, String mediaType, String text) {
  public Attachment {
    Objects.requireNonNull(fileName, "fileName");
    if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
      throw new IllegalArgumentException("a plain file name, not a path: " + fileName);
    }
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(text, "text");
  }

  public byte[] bytes() {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
