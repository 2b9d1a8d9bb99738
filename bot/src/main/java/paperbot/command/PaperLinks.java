package paperbot.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * arXiv ids in what researchers paste: abstract and PDF links ({@code arxiv.org/abs/2406.12345v2},
 * {@code arxiv.org/pdf/2406.12345.pdf}), alphaXiv and Hugging Face paper pages, and typed ids
 * ({@code arXiv:2406.12345}) and arXiv's DOIs ({@code doi.org/10.48550/arXiv.2406.12345}). The
 * version is dropped: a card shows the paper, not one version.
 */
final class PaperLinks {
  /** The domains whose links paperbot turns into cards (Slack's {@code app_unfurl_domains}). */
  static final List<String> DOMAINS = List.of("arxiv.org", "alphaxiv.org", "huggingface.co");

  /** YYMM.NNNNN: a month from 01 to 12, so "9999.99999" is no id and never reaches arXiv. */
  private static final String ID = "(\\d{2}(?:0[1-9]|1[0-2])\\.\\d{4,5})(?:v\\d{1,3})?";

  /**
   * A link, or arXiv's DOI of the paper ({@code 10.48550/arXiv.2406.12345}, which arXiv prints on
   * every abstract page, bare or as a doi.org link). A full stop after it ends a sentence; a digit
   * after it, or a dot and a digit, would make it another id.
   */
  private static final Pattern LINK =
      Pattern.compile(
          "(?i)\\b(?:(?:https?://)?(?:www\\.|export\\.)?"
              + "(?:arxiv\\.org/(?:abs|pdf|html)|alphaxiv\\.org/(?:abs|pdf|overview)"
              + "|huggingface\\.co/papers)/"
              + "|(?:https?://)?(?:dx\\.)?(?:doi\\.org/)?10\\.48550/arxiv\\.)"
              + ID
              + "(?:\\.pdf)?(?!\\d|\\.\\d)");

  private static final Pattern TYPED = Pattern.compile("(?i)^(?:arxiv:\\s*)?" + ID + "$");

  /** At most this many cards for one message: a reading list pasted whole is not a card wall. */
  static final int MOST = 5;

  private PaperLinks() {}

  /** The distinct arXiv ids linked in a message, in order, at most {@link #MOST}. */
  static List<String> ids(String text) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher link = LINK.matcher(text == null ? "" : text);
    while (link.find() && ids.size() < MOST) {
      ids.add(link.group(1));
    }
    return new ArrayList<>(ids);
  }

  /**
   * The arXiv id a member typed as a paper: a link, {@code arXiv:2406.12345}, or a versioned id.
   */
  static Optional<String> id(String typed) {
    String text = typed == null ? "" : typed.strip();
    Matcher bare = TYPED.matcher(text);
    if (bare.matches()) {
      return Optional.of(bare.group(1));
    }
    if (text.contains(" ")) {
      return Optional.empty();
    }
    Matcher link = LINK.matcher(text);
    return link.find() ? Optional.of(link.group(1)) : Optional.empty();
  }
}
