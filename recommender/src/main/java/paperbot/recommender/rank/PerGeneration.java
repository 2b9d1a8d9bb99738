package paperbot.recommender.rank;

import java.util.function.Supplier;
import org.apache.lucene.index.IndexReader;

/**
 * One value per index generation, for what is worth remembering between requests but only while the
 * index is unchanged (document frequencies, term states): a reader of a new generation (after a
 * commit) gets a fresh value. Only the generation's key is kept, never the reader itself.
 */
final class PerGeneration<T> {
  private record Kept<T>(Object generation, T value) {}

  private final Supplier<T> fresh;
  private volatile Kept<T> current;

  PerGeneration(Supplier<T> fresh) {
    this.fresh = fresh;
  }

  /** This reader's generation's value; a fresh one, not kept, for a reader without a cache key. */
  T of(IndexReader reader) {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return fresh.get();
    }
    Object generation = helper.getKey();
    Kept<T> kept = current;
    if (kept != null && kept.generation() == generation) {
      return kept.value();
    }
    T value = fresh.get();
    current = new Kept<>(generation, value);
    return value;
  }
}
