package paperbot.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import paperbot.recommender.profile.InterestProfile;

/**
 * What paperbot acknowledged to each member across all rounds of the crash test, and so what must
 * be on disk: every topic whose add was acknowledged (unless a later remove was sent), no topic
 * whose remove was acknowledged, every paper whose save was acknowledged. A command killed in
 * flight may or may not have happened; either is fine.
 */
final class AcknowledgedWrites {
  private static final class Member {
    final Set<String> present = new HashSet<>();
    final Set<String> absent = new HashSet<>();
    final Set<String> saved = new HashSet<>();
    final Set<String> everSent = new HashSet<>();
  }

  private final Map<String, Member> members = new HashMap<>();
  private int acknowledged;

  private Member member(String user) {
    return members.computeIfAbsent(user, u -> new Member());
  }

  int acknowledged() {
    return acknowledged;
  }

  Set<String> users() {
    return members.keySet();
  }

  /**
   * How many topics the member may have at most: all ever sent, less those whose removal was
   * acknowledged.
   */
  int possibleTopics(String user) {
    Member m = member(user);
    return (int) m.everSent.stream().filter(topic -> !m.absent.contains(topic)).count();
  }

  /**
   * A topic the member may have (sent, its removal not acknowledged), to remove; null when none.
   */
  String removable(String user, java.util.Random random) {
    Member m = member(user);
    List<String> topics =
        new ArrayList<>(m.everSent.stream().filter(topic -> !m.absent.contains(topic)).toList());
    topics.sort(null); // the same pick for the same seed, whatever the set's order
    return topics.isEmpty() ? null : topics.get(random.nextInt(topics.size()));
  }

  void sentAdd(String user, String topic) {
    member(user).everSent.add(topic);
  }

  void added(String user, String topic) {
    member(user).present.add(topic);
    acknowledged++;
  }

  /** A remove was sent: from now on the topic may be gone, whatever happens to the command. */
  void sentRemove(String user, String topic) {
    member(user).present.remove(topic);
  }

  /**
   * The removal was acknowledged ("removed", or "you have no such topic" after an add killed in
   * flight).
   */
  void removed(String user, String topic) {
    member(user).absent.add(topic);
    acknowledged++;
  }

  void saved(String user, String paperId) {
    member(user).saved.add(paperId);
    acknowledged++;
  }

  /**
   * Every acknowledged write of this member that the stored profile lacks, and anything never sent;
   * empty when all is well.
   */
  List<String> violations(String user, InterestProfile stored) {
    Member m = member(user);
    List<String> problems = new ArrayList<>();
    for (String topic : m.present) {
      if (!stored.topics().containsKey(topic)) {
        problems.add(user + ": acknowledged topic '" + topic + "' is missing");
      }
    }
    for (String topic : m.absent) {
      if (stored.topics().containsKey(topic)) {
        problems.add(user + ": acknowledged removal of '" + topic + "' was undone");
      }
    }
    for (String paper : m.saved) {
      if (!stored.saved().contains(paper)) {
        problems.add(user + ": acknowledged save of " + paper + " is missing");
      }
    }
    for (String topic : stored.topics().keySet()) {
      if (!m.everSent.contains(topic)) {
        problems.add(user + ": topic '" + topic + "' was never sent");
      }
    }
    return problems;
  }
}
