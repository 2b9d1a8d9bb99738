package paperbot.recommender.rank;

/**
 * A sloppy phrase's frequency in one paper as Lucene's {@code SloppyPhraseMatcher} counts it for a
 * phrase without repeated words: the words' places walked in Lucene's order (always moving the word
 * furthest behind), each match within the slop adding {@code 1 / (1 + its length)} in float, in
 * Lucene's order. Not every combination of places is a match, so only the same walk gives the same
 * frequency.
 */
final class SloppyFrequency {
  private final int[][] places;
  private final int[] counts;
  private final int[] offsets;
  private final int slop;
  private final int[] next;
  private final int[] position;
  private final boolean[] queued;
  private int end = Integer.MIN_VALUE;
  private int matchLength = Integer.MAX_VALUE;
  private boolean positioned = true;

  private SloppyFrequency(int[][] places, int[] counts, int[] offsets, int slop) {
    this.places = places;
    this.counts = counts;
    this.offsets = offsets;
    this.slop = slop;
    next = new int[places.length];
    position = new int[places.length];
    queued = new boolean[places.length];
    for (int t = 0; t < places.length; t++) {
      advance(t);
      queued[t] = true;
    }
  }

  static float of(PoolPapers papers, int paper, int[] words, int[] offsets, int slop) {
    int[][] places = new int[words.length][];
    int[] counts = new int[words.length];
    for (int t = 0; t < words.length; t++) {
      counts[t] = papers.counts[paper][words[t]];
      if (counts[t] == 0) {
        return 0; // the phrase needs every word
      }
      places[t] = papers.positions[paper][words[t]];
    }
    SloppyFrequency walk = new SloppyFrequency(places, counts, offsets, slop);
    if (!walk.nextMatch()) {
      return 0;
    }
    // PhraseScorer: the first match's weight, then each further match's added in float.
    float frequency = walk.weight();
    while (walk.nextMatch()) {
      frequency += walk.weight();
    }
    return frequency;
  }

  private float weight() {
    return 1f / (1f + matchLength);
  }

  /** The word's next place, less its offset in the phrase; false when it has no more. */
  private boolean advance(int t) {
    if (next[t] == counts[t]) {
      return false;
    }
    position[t] = places[t][next[t]++] - offsets[t];
    if (position[t] > end) {
      end = position[t];
    }
    return true;
  }

  /** The queued word Lucene's PhraseQueue puts first: by position, then offset, then order. */
  private int top() {
    int best = -1;
    for (int t = 0; t < position.length; t++) {
      if (queued[t]
          && (best < 0
              || position[t] < position[best]
              || (position[t] == position[best]
                  && (offsets[t] < offsets[best] || (offsets[t] == offsets[best] && t < best))))) {
        best = t;
      }
    }
    return best;
  }

  private int pop() {
    int top = top();
    queued[top] = false;
    return top;
  }

  /** SloppyPhraseMatcher.nextMatch without repeats. */
  private boolean nextMatch() {
    if (!positioned) {
      return false;
    }
    int pp = pop();
    matchLength = end - position[pp];
    int nextPosition = position[top()];
    while (advance(pp)) {
      if (position[pp] > nextPosition) {
        queued[pp] = true;
        if (matchLength <= slop) {
          return true;
        }
        pp = pop();
        nextPosition = position[top()];
        matchLength = end - position[pp];
      } else {
        int matchLength2 = end - position[pp];
        if (matchLength2 < matchLength) {
          matchLength = matchLength2;
        }
      }
    }
    positioned = false;
    return matchLength <= slop;
  }
}
