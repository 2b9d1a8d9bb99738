package paperbot.recommender.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import paperbot.recommender.corpus.CorpusMerger;
import paperbot.recommender.corpus.Links;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.PaperId;
import paperbot.recommender.corpus.SourceRecord;

/**
 * Loads a directory of seed files: detects each file's layout, reads it, and merges the records
 * into papers.
 */
public final class SeedCorpus {
  /** Bump when a reader or the merge changes what it produces, so existing indexes are rebuilt. */
  static final String READER_VERSION = "seed-readers-1";

  private SeedCorpus() {}

  /** What one file gave: its report and its records (dates with inferred years filled in). */
  public record FileRead(FileReport report, List<SeedRecord> records) {}

  /**
   * Reads every regular file in {@code dir}, in name order. A bad file is reported; it never stops
   * the others.
   */
  public static CorpusLoad load(Path dir, Clock clock) {
    List<FileReport> reports = new ArrayList<>();
    List<Paper> records = new ArrayList<>();
    for (Path file : files(dir)) {
      FileRead read = readFile(file, clock);
      reports.add(read.report());
      read.records().forEach(record -> records.add(toPaper(record)));
    }
    List<Paper> papers = CorpusMerger.merge(records, SeedCorpus::precedence);
    return new CorpusLoad(papers, reports, records.size() - papers.size(), fingerprint(dir));
  }

  /** Reads one file of any known layout. */
  public static FileRead readFile(Path file, Clock clock) {
    String name = file.getFileName().toString();
    List<String> errors = new ArrayList<>();
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      return failed(name, name + ": not UTF-8 text; file skipped");
    } catch (IOException e) {
      return failed(name, name + ": cannot be read (" + e.getMessage() + "); file skipped");
    }
    List<NumberedLine> lines = NumberedLine.split(content);
    Optional<SeedLayout> layout = SeedLayout.detect(lines);
    if (layout.isEmpty()) {
      return failed(
          name,
          name
              + ":1: not a known paper listing layout (author profile, Abstract: list, "
              + "Hugging Face papers page); file skipped");
    }
    List<SeedRecord> records;
    try {
      records = YearInference.apply(layout.get().reader().read(name, lines, errors), clock);
    } catch (RuntimeException e) {
      // A reader bug on odd input must cost this file, not the whole corpus.
      return failed(
          name,
          name + ": could not be read as " + layout.get().label() + " (" + e + "); file skipped");
    }
    return new FileRead(
        new FileReport(name, layout.get().label(), records.size(), errors), records);
  }

  /**
   * SHA-256 over the reader version and every file's name and bytes; cheap enough to run at every
   * start.
   */
  public static String fingerprint(Path dir) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(READER_VERSION.getBytes(StandardCharsets.UTF_8));
      for (Path file : files(dir)) {
        digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Files.readAllBytes(file));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** A one-source paper for a record, for merging. */
  public static Paper toPaper(SeedRecord record) {
    ListedDate date = record.date();
    String idText = record.title() != null ? record.title() : record.abstractText();
    return new Paper(
        PaperId.fromText(idText),
        record.title(),
        List.of(),
        record.abstractText(),
        record.authors(),
        record.authorsTruncated(),
        record.authorCount(),
        date == null ? null : date.toLocalDate(),
        date != null && date.yearInferred(),
        record.upvotes(),
        record.categories(),
        record.organisation(),
        Links.find(record.abstractText()),
        List.of(record.source()));
  }

  /**
   * Daily pages date and count papers best; profile pages know authors and categories; others add
   * text only.
   */
  private static int precedence(SourceRecord source) {
    return switch (source.layout()) {
      case "hf-daily" -> 0;
      case "author-profile" -> 1;
      default -> 2;
    };
  }

  private static FileRead failed(String name, String error) {
    return new FileRead(new FileReport(name, "unknown", 0, List.of(error)), List.of());
  }

  private static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UncheckedIOException(new IOException("seed directory not found: " + dir));
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
