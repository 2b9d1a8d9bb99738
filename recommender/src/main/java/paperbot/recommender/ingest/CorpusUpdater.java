package paperbot.recommender.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.PaperCorpus;
import paperbot.recommender.corpus.PaperId;
import paperbot.recommender.corpus.SourceRecord;
import paperbot.recommender.index.PaperDocuments;

/**
 * Merges papers from a live source into the corpus: the same id updates in place (upvotes, dates,
 * authors, a newer version's title and abstract); a new arXiv id whose title matches a paper known
 * only by its title joins it (the paper takes the arXiv id and keeps its former id findable);
 * anything else is added. A paper that comes twice in one batch (cross-listed in two category
 * feeds) is folded into one first, so it counts once. It writes through the {@link PaperCorpus}
 * port (the database first, then the index), so searches see each batch as soon as it is stored.
 */
public final class CorpusUpdater {
  private final PaperCorpus corpus;

  public CorpusUpdater(PaperCorpus corpus) {
    this.corpus = corpus;
  }

  public IngestSummary apply(Fetched fetched) {
    int added = 0;
    int updated = 0;
    int merged = 0;
    List<Paper> upserts = new ArrayList<>();
    List<Paper> distinct = foldSameIds(fetched.papers());
    for (Paper incoming : distinct) {
      Optional<Paper> same = corpus.get(incoming.id());
      if (same.isPresent()) {
        Paper combined = combine(same.get(), incoming, same.get().id());
        if (!combined.equals(same.get())) {
          upserts.add(combined);
          updated++;
        }
        continue;
      }
      Optional<Paper> titled =
          incoming.title() == null
              ? Optional.empty()
              : corpus
                  .findByTitle(incoming.title())
                  .filter(existing -> !PaperId.isArxivId(existing.id()));
      if (titled.isPresent()) {
        if (!upserts.isEmpty()) {
          // Writes keep their order: a pending update of the paper this one joins must not be
          // written after the merge removed it (it would come back as a second copy, and the
          // index, which finds a paper by its former ids too, would drop the merged one).
          corpus.upsert(upserts);
          upserts.clear();
          titled = corpus.get(titled.get().id());
        }
        corpus.replace(
            titled.get().id(),
            withFormerId(combine(titled.get(), incoming, incoming.id()), titled.get().id()));
        merged++;
        continue;
      }
      upserts.add(incoming);
      added++;
    }
    if (!upserts.isEmpty()) {
      corpus.upsert(upserts);
    }
    return new IngestSummary(
        distinct.size(),
        added,
        updated,
        merged,
        fetched.rejected(),
        fetched.brokenPages(),
        fetched.problems());
  }

  /** One paper per id, in first-seen order; repeats are combined into the first. */
  private static List<Paper> foldSameIds(List<Paper> papers) {
    Map<String, Paper> byId = new LinkedHashMap<>();
    for (Paper paper : papers) {
      byId.merge(paper.id(), paper, (first, again) -> combine(first, again, first.id()));
    }
    return List.copyOf(byId.values());
  }

  /**
   * The best of both. A newer arXiv version (both versions known) brings its title and abstract,
   * and an older one changes neither; otherwise the known title is kept and the longer abstract.
   * Every other title stays as an alias. The longer author list, the first publication date (see
   * {@link #datedBy}), the newest metadata.
   */
  static Paper combine(Paper known, Paper incoming, String id) {
    boolean newerVersion = known.version() > 0 && incoming.version() > known.version();
    boolean olderVersion = incoming.version() > 0 && known.version() > incoming.version();
    String title =
        newerVersion && incoming.title() != null
            ? incoming.title()
            : known.title() != null ? known.title() : incoming.title();
    Set<String> aliases = new LinkedHashSet<>(known.aliases());
    aliases.addAll(incoming.aliases());
    for (String seen : new String[] {known.title(), incoming.title()}) {
      if (seen != null && title != null && !same(seen, title)) {
        aliases.add(seen);
      }
    }
    // The shown title is not also an alias (a newer version may take back an earlier title).
    aliases.remove(title);
    String abstractText =
        newerVersion && !incoming.abstractText().isBlank()
            ? incoming.abstractText()
            : olderVersion
                ? known.abstractText()
                : longer(known.abstractText(), incoming.abstractText());
    boolean incomingAuthors = incoming.authors().size() > known.authors().size();
    Paper dated = datedBy(known, incoming);
    return new Paper(
        id,
        title,
        List.copyOf(aliases),
        abstractText,
        incomingAuthors ? incoming.authors() : known.authors(),
        incomingAuthors ? incoming.authorsTruncated() : known.authorsTruncated(),
        firstNonNull(incoming.authorCount(), known.authorCount()),
        dated.published(),
        dated.yearInferred(),
        Math.max(known.upvotes(), incoming.upvotes()),
        union(known.categories(), incoming.categories()),
        firstNonNull(known.organisation(), incoming.organisation()),
        union(known.links(), incoming.links()),
        union(known.sources(), incoming.sources()),
        Math.max(known.version(), incoming.version()),
        firstNonNull(incoming.announcement(), known.announcement()));
  }

  /**
   * The paper's first publication date. A source's full date beats a date with an inferred year; of
   * two full dates the earlier wins, so a later announcement (a replacement, a cross-listing, a
   * listing day after the submission) never makes an old paper look new to digests and to the
   * recency prior.
   */
  private static Paper datedBy(Paper known, Paper incoming) {
    if (incoming.published() == null) {
      return known;
    }
    if (known.published() == null) {
      return incoming;
    }
    if (known.yearInferred() != incoming.yearInferred()) {
      return known.yearInferred() ? incoming : known;
    }
    return incoming.published().isBefore(known.published()) ? incoming : known;
  }

  private static boolean same(String title, String other) {
    return PaperId.normalise(title).equals(PaperId.normalise(other));
  }

  private static Paper withFormerId(Paper paper, String formerId) {
    List<SourceRecord> sources = new ArrayList<>(paper.sources());
    sources.add(new SourceRecord(formerId, 0, PaperDocuments.FORMER_ID));
    return new Paper(
        paper.id(),
        paper.title(),
        paper.aliases(),
        paper.abstractText(),
        paper.authors(),
        paper.authorsTruncated(),
        paper.authorCount(),
        paper.published(),
        paper.yearInferred(),
        paper.upvotes(),
        paper.categories(),
        paper.organisation(),
        paper.links(),
        sources,
        paper.version(),
        paper.announcement());
  }

  private static String longer(String a, String b) {
    return b != null && b.length() > a.length() ? b : a;
  }

  private static <T> T firstNonNull(T a, T b) {
    return a != null ? a : b;
  }

  private static <T> List<T> union(List<T> a, List<T> b) {
    Set<T> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
