package paperbot.recommender.ingest;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The five listing layouts the seed files come in, each recognised by its content, never by its
 * file name.
 */
public enum SeedLayout {
  /**
   * An author's profile page: a header, "N Papers", then metadata/title/authors/abstract per paper.
   */
  AUTHOR_PROFILE("author-profile", new AuthorProfileReader()),
  /** One "Abstract:" line per paper, no titles. */
  ABSTRACT_LIST("abstract-list", new AbstractListReader()),
  /** A Hugging Face papers page: title and abstract lines alternate with no blank lines. */
  HF_ALTERNATING("hf-alternating", new HfListingReader("hf-alternating")),
  /** A Hugging Face Daily Papers page with author-count/organisation, date and upvote blocks. */
  HF_DAILY("hf-daily", new HfListingReader("hf-daily")),
  /** A Hugging Face daily page with titles and abstracts only. */
  HF_DAILY_PLAIN("hf-daily-plain", new HfListingReader("hf-daily-plain"));

  private static final Pattern PAPERS_HEADER = Pattern.compile("^\\d+ Papers$");
  private static final Pattern HF_MARKER =
      Pattern.compile(
          "^(byAK and the research community|Daily Papers|Get trending papers in your email inbox.*)$");

  private final String label;
  private final SeedReader reader;

  SeedLayout(String label, SeedReader reader) {
    this.label = label;
    this.reader = reader;
  }

  /** Short name used in reports and source records, e.g. {@code hf-daily}. */
  public String label() {
    return label;
  }

  SeedReader reader() {
    return reader;
  }

  /** Recognises a layout from a file's lines; empty when none fits. */
  static Optional<SeedLayout> detect(List<NumberedLine> lines) {
    List<NumberedLine> content = NumberedLine.nonBlank(lines);
    if (content.isEmpty()) {
      return Optional.empty();
    }
    if (content.stream().allMatch(line -> line.text().startsWith("Abstract:"))) {
      return Optional.of(ABSTRACT_LIST);
    }
    boolean papersHeader =
        content.stream().anyMatch(line -> PAPERS_HEADER.matcher(line.text()).matches());
    if (papersHeader
        && content.stream().anyMatch(line -> AuthorProfileReader.isMetadata(line.text()))) {
      return Optional.of(AUTHOR_PROFILE);
    }
    if (content.stream().noneMatch(line -> HF_MARKER.matcher(line.text()).matches())) {
      return Optional.empty();
    }
    if (content.stream().anyMatch(line -> HfListingReader.SEPARATOR.equals(line.text().strip()))) {
      return Optional.of(HF_DAILY);
    }
    boolean blankSeparated = lines.stream().anyMatch(NumberedLine::isBlank);
    return Optional.of(blankSeparated ? HF_DAILY_PLAIN : HF_ALTERNATING);
  }
}
