package paperbot.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.SourceRecord;

/**
 * A deterministic synthetic corpus at any size, made of the seed corpus's own titles and sentences,
 * so queries and topics hit it the way they hit real papers. Paper {@code i} depends only on the
 * seed and {@code i}: it can be made again at any time without holding the corpus in memory.
 *
 * <p>Each paper is anchored on one real abstract (about three quarters of its sentences come from
 * it, the rest from other abstracts), has a real, mixed or renamed title, a few long-tail tokens
 * (method names), 2 to 8 synthetic authors, a date spread evenly over three years up to today, and
 * lognormal upvotes (median 0, p99 about 66).
 */
public final class SyntheticCorpus {
  static final int DAYS = 3 * 365;
  private static final double UPVOTE_SIGMA = 1.81;
  private static final String[] FIRST = {
    "Ada", "Wei", "Priya", "Lars", "Mina", "Jon", "Yuki", "Omar", "Lea", "Ravi", "Sofia", "Chen",
    "Amara", "Ivan", "Nora", "Kai", "Elif", "Tomas", "Hana", "Diego"
  };
  private static final String[] LAST = {
    "Zhang",
    "Okafor",
    "Schmidt",
    "Tanaka",
    "Rossi",
    "Novak",
    "Kim",
    "Haddad",
    "Larsen",
    "Gupta",
    "Moreau",
    "Silva",
    "Ivanova",
    "Nakamura",
    "Fischer",
    "Costa",
    "Li",
    "Ahmed",
    "Berg",
    "Park"
  };
  private static final String[] SYLLABLES = {
    "pro", "xa", "gen", "flo", "tra", "mo", "vi", "net", "zer", "qu", "lex", "dri", "pha", "con",
    "syn", "ra"
  };

  private final long seed;
  private final LocalDate today;
  private final List<String> titles;
  private final List<String[]> abstracts;
  private final List<String> sentences;

  /**
   * @param sourcePapers the seed corpus papers whose titles and abstracts are the material
   */
  public SyntheticCorpus(List<Paper> sourcePapers, long seed, LocalDate today) {
    this.seed = seed;
    this.today = today;
    this.titles = new ArrayList<>();
    this.abstracts = new ArrayList<>();
    this.sentences = new ArrayList<>();
    for (Paper paper : sourcePapers) {
      if (paper.title() != null && !paper.title().isBlank()) {
        titles.add(paper.title());
      }
      String[] split = paper.abstractText().strip().split("(?<=[.!?])\\s+");
      if (split.length >= 2) {
        abstracts.add(split);
        sentences.addAll(Arrays.asList(split));
      }
    }
    if (titles.isEmpty() || abstracts.isEmpty()) {
      throw new IllegalArgumentException(
          "the seed corpus has no titled papers with abstracts to build from");
    }
  }

  public static String id(int i) {
    return String.format("syn%07d", i);
  }

  /** How many real abstracts, titles and sentences the corpus is made of. */
  public String material() {
    return abstracts.size()
        + " abstracts, "
        + titles.size()
        + " titles, "
        + sentences.size()
        + " sentences";
  }

  public LocalDate today() {
    return today;
  }

  /** Paper {@code i}: always the same for the same seed. */
  public Paper paper(int i) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
    int anchor = random.nextInt(abstracts.size());
    String[] own = abstracts.get(anchor);
    StringBuilder text = new StringBuilder();
    for (String sentence : own) {
      text.append(
              random.nextDouble() < 0.25
                  ? sentences.get(random.nextInt(sentences.size()))
                  : sentence)
          .append(' ');
    }
    // Long-tail tokens: method names and acronyms that only a few papers share.
    String method = methodName(random);
    text.append("We call our method ").append(method).append('.');
    int authorCount = 2 + random.nextInt(7);
    List<String> authors = new ArrayList<>();
    for (int a = 0; a < authorCount; a++) {
      authors.add(
          FIRST[random.nextInt(FIRST.length)]
              + " "
              + LAST[random.nextInt(LAST.length)]
              + (random.nextInt(4) == 0 ? "-" + LAST[random.nextInt(LAST.length)] : ""));
    }
    LocalDate published = today.minusDays(random.nextInt(DAYS));
    int upvotes = (int) Math.max(0, Math.floor(Math.exp(UPVOTE_SIGMA * gaussian(random))) - 1);
    return new Paper(
        id(i),
        title(random, anchor, method),
        List.of(),
        text.toString().strip(),
        authors,
        false,
        authorCount,
        published,
        false,
        upvotes,
        List.of("cs.LG"),
        null,
        List.of(),
        List.of(new SourceRecord("bench", i, "synthetic")));
  }

  private String title(SplittableRandom random, int anchor, String method) {
    String own = titles.get(anchor % titles.size());
    return switch (random.nextInt(3)) {
      case 0 -> own;
      case 1 -> {
        // Half of one title joined to half of another.
        String[] a = own.split(" ");
        String[] b = titles.get(random.nextInt(titles.size())).split(" ");
        yield String.join(" ", Arrays.copyOf(a, Math.max(1, a.length / 2)))
            + " "
            + String.join(" ", Arrays.copyOfRange(b, b.length / 2, b.length));
      }
      default -> method + ": " + own;
    };
  }

  private static String methodName(SplittableRandom random) {
    StringBuilder name = new StringBuilder();
    int parts = 2 + random.nextInt(2);
    for (int p = 0; p < parts; p++) {
      name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
    if (random.nextInt(3) == 0) {
      name.append('-').append(1 + random.nextInt(9));
    }
    return name.toString();
  }

  /** A standard normal draw (Box-Muller), from the paper's own random stream. */
  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
