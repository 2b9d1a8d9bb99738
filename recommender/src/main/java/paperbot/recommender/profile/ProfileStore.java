package paperbot.recommender.profile;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps member profiles. Every mutating call is one committed transaction when it returns, and
 * concurrent calls for the same member apply one after another, so no acknowledged change is lost.
 */
public interface ProfileStore {

  InterestProfile load(MemberKey member);

  /**
   * Adds a topic or changes its weight; returns false when it only changed the weight of an
   * existing topic.
   */
  boolean addTopic(MemberKey member, String topic, double weight);

  /** Removes a topic; false when the member had no such topic. */
  boolean removeTopic(MemberKey member, String topic);

  /** Removes every topic; returns how many there were. */
  int clearTopics(MemberKey member);

  /** Mutes a term; false when it was muted already. */
  boolean mute(MemberKey member, String term);

  /** Unmutes a term; false when it was not muted. */
  boolean unmute(MemberKey member, String term);

  /** Follows an author; false when already followed. */
  boolean follow(MemberKey member, String author);

  /** Unfollows an author; false when not followed. */
  boolean unfollow(MemberKey member, String author);

  /**
   * Records feedback on a paper and adjusts learned term weights in the same transaction. A like
   * replaces an earlier dislike of the same paper and vice versa, and the model counts each paper
   * once: a like after a dislike also takes back what the dislike subtracted. A repeat (a
   * double-clicked button, a paper saved twice) changes nothing.
   *
   * @param termDeltas weight to add per term (positive for likes, negative for dislikes: a
   *     dislike's deltas are the like's, negated)
   * @return what the member had said before of the same sort: for a like or dislike the earlier
   *     verdict ({@code LIKE} or {@code DISLIKE}), for a save {@code SAVE} when the paper was saved
   *     already; empty when there was none
   */
  Optional<Feedback> recordFeedback(
      MemberKey member, String paperId, Feedback feedback, Map<String, Double> termDeltas);

  /** Forgets a saved paper; false when it was not saved (and nothing changed). */
  boolean unsave(MemberKey member, String paperId);

  /**
   * Takes back the member's like or dislike of a paper and what it taught the model, in one
   * transaction: a like's terms are subtracted again, a dislike's added back, as far as the model
   * still keeps them (a term it dropped is not brought back). The paper is no longer hidden.
   *
   * @param likeTerms the paper's terms as a like adds them (positive weights)
   * @return the verdict taken back, or empty when there was none (and nothing changed)
   */
  Optional<Feedback> clearVerdict(MemberKey member, String paperId, Map<String, Double> likeTerms);

  /** Remembers papers shown in personal recommendations. */
  void markSeen(MemberKey member, Collection<String> paperIds);

  /** Opts the member in or out of being mentioned in channel digests; returns the new setting. */
  boolean setDigestMentions(MemberKey member, boolean mentioned);

  /** Members of a workspace who opted in to digest mentions. */
  List<MemberKey> mentionable(String platform, String workspace);

  /** Records that a paper was linked in a channel: a team signal, not anyone's like. */
  void recordShare(String platform, String workspace, String channel, String paperId);

  /**
   * The papers a workspace's members liked, saved or linked in its channels most since a moment,
   * most first.
   *
   * @return paper id and how many likes, saves and shares it got
   */
  List<Map.Entry<String, Integer>> mostLiked(
      String platform, String workspace, Instant since, int limit);
}
