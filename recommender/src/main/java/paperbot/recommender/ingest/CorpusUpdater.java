package paperbot.recommender.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.PaperId;
import paperbot.recommender.corpus.SourceRecord;
import paperbot.recommender.index.LucenePaperIndex;
import paperbot.recommender.index.PaperDocuments;

/**
 * Merges papers from a live source into the index: the same id updates in place (upvotes, dates,
 * authors); a new arXiv id whose title matches a paper known only by its title joins it (the paper
 * takes the arXiv id and keeps its former id findable); anything else is added. Searches see each
 * batch as soon as it is committed.
 */
public final class CorpusUpdater {
  private final LucenePaperIndex index;

  public CorpusUpdater(LucenePaperIndex index) {
    this.index = index;
  }

  public IngestSummary apply(Fetched fetched) {
    int added = 0;
    int updated = 0;
    int merged = 0;
    List<Paper> upserts = new ArrayList<>();
    for (Paper incoming : fetched.papers()) {
      Optional<Paper> same = index.get(incoming.id());
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
              : index
                  .findByTitle(incoming.title())
                  .filter(existing -> !PaperId.isArxivId(existing.id()));
      if (titled.isPresent()) {
        index.replace(
            titled.get().id(),
            withFormerId(combine(titled.get(), incoming, incoming.id()), titled.get().id()));
        merged++;
        continue;
      }
      upserts.add(incoming);
      added++;
    }
    if (!upserts.isEmpty()) {
      index.upsert(upserts);
    }
    return new IngestSummary(
        fetched.papers().size(), added, updated, merged, fetched.rejected(), fetched.problems());
  }

  /**
   * The best of both: known title kept (the other as alias), longer abstract and author list,
   * newest metadata.
   */
  static Paper combine(Paper known, Paper incoming, String id) {
    Set<String> aliases = new LinkedHashSet<>(known.aliases());
    String title = known.title() != null ? known.title() : incoming.title();
    if (incoming.title() != null
        && title != null
        && !PaperId.normalise(incoming.title()).equals(PaperId.normalise(title))) {
      aliases.add(incoming.title());
    }
    boolean incomingAuthors = incoming.authors().size() > known.authors().size();
    return new Paper(
        id,
        title,
        List.copyOf(aliases),
        longer(known.abstractText(), incoming.abstractText()),
        incomingAuthors ? incoming.authors() : known.authors(),
        incomingAuthors ? incoming.authorsTruncated() : known.authorsTruncated(),
        firstNonNull(incoming.authorCount(), known.authorCount()),
        // A source's full date beats a listing's date with an inferred year.
        incoming.published() != null
                && (known.published() == null || known.yearInferred() || !incoming.yearInferred())
            ? incoming.published()
            : known.published(),
        incoming.published() != null ? incoming.yearInferred() : known.yearInferred(),
        Math.max(known.upvotes(), incoming.upvotes()),
        union(known.categories(), incoming.categories()),
        firstNonNull(known.organisation(), incoming.organisation()),
        union(known.links(), incoming.links()),
        union(known.sources(), incoming.sources()));
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
        sources);
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
