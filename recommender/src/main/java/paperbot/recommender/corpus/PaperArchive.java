package paperbot.recommender.corpus;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The database's copy of every paper: the source of truth. {@link CorpusService} writes it before
 * the search index, and {@link IndexSync} rebuilds or catches up the index from it; the index
 * itself never sees it.
 */
public interface PaperArchive {
  /**
   * Keeps nothing: a corpus that is its index alone (tests, tools that build throwaway indexes).
   */
  PaperArchive NONE =
      new PaperArchive() {
        @Override
        public void put(Collection<Paper> papers) {}

        @Override
        public void replace(String oldId, Paper paper) {}

        @Override
        public void replaceAll(Collection<Paper> papers, String sourceFingerprint) {}

        @Override
        public Optional<String> sourceFingerprint() {
          return Optional.empty();
        }

        @Override
        public void complete(String sourceFingerprint) {}

        @Override
        public long count() {
          return 0;
        }

        @Override
        public void forEachBatch(int size, Consumer<List<Paper>> batch) {}

        @Override
        public Changes changedSince(Cursor after, int limit) {
          return new Changes(List.of(), after);
        }

        @Override
        public Optional<Cursor> latest() {
          return Optional.empty();
        }
      };

  /**
   * A place in the archive's write order: a write time, and the paper id among papers written then.
   */
  record Cursor(Instant at, String id) implements Comparable<Cursor> {
    /** Before every write from {@code at} on. */
    public static Cursor from(Instant at) {
      return new Cursor(at, "");
    }

    @Override
    public int compareTo(Cursor other) {
      int byTime = at.compareTo(other.at);
      return byTime != 0 ? byTime : id.compareTo(other.id);
    }

    /** As text for the index's commit data; {@link #parse} reads it back. */
    @Override
    public String toString() {
      return at + "|" + id;
    }

    public static Optional<Cursor> parse(String text) {
      int bar = text.indexOf('|');
      try {
        return bar < 0
            ? Optional.empty()
            : Optional.of(
                new Cursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1)));
      } catch (java.time.format.DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }

  /** Papers written after a cursor, and the cursor to ask from next time. */
  record Changes(List<Paper> papers, Cursor next) {}

  /** Adds or replaces papers by id. */
  void put(Collection<Paper> papers);

  /** Replaces the paper kept under {@code oldId} with one under a new id, in one transaction. */
  void replace(String oldId, Paper paper);

  /**
   * Replaces everything with these papers, in one transaction, and records which sources they came
   * from (as the index does), so a rebuilt index knows its seeds are current.
   */
  void replaceAll(Collection<Paper> papers, String sourceFingerprint);

  /**
   * The sources fingerprint recorded by the last {@link #replaceAll} or {@link #complete}; empty
   * while the archive has never held a whole corpus (new, or filled part way).
   */
  Optional<String> sourceFingerprint();

  /**
   * Records that the archive now holds the whole corpus, from these sources (after filling it batch
   * by batch).
   */
  void complete(String sourceFingerprint);

  long count();

  /**
   * Papers written after the cursor (by any process sharing the database), in write order, at most
   * {@code limit}. A paper written again later comes again.
   */
  Changes changedSince(Cursor after, int limit);

  /**
   * The last write so far (the newest paper's place in write order); empty when there are no
   * papers.
   */
  Optional<Cursor> latest();

  /** Every paper, in batches of at most {@code size}, in id order. */
  void forEachBatch(int size, Consumer<List<Paper>> batch);
}
