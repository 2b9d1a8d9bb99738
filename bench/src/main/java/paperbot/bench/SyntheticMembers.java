package paperbot.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic members: 8 to 15 weighted topics drawn from the seed corpus's subjects
 * (abbreviations included, so expansion is exercised), up to three mutes, up to 40 papers already
 * seen and up to five liked (so personal /papers runs the like model).
 */
public final class SyntheticMembers {
  /** Topics researchers in the seed corpus's fields would set. */
  static final List<String> TOPICS =
      List.of(
          "offline rl",
          "diffusion policy",
          "rlhf",
          "reward model",
          "world model",
          "behavior cloning",
          "imitation learning",
          "vla",
          "llm reasoning",
          "chain of thought",
          "mcts",
          "humanoid locomotion",
          "sim-to-real",
          "dexterous manipulation",
          "model-based rl",
          "multi-agent rl",
          "dpo",
          "grpo",
          "preference optimization",
          "policy gradient",
          "exploration",
          "curriculum learning",
          "gflownet",
          "video generation",
          "image generation",
          "test-time scaling",
          "tool use",
          "code generation",
          "in-context learning",
          "mixture of experts",
          "lora",
          "vision language model",
          "robot learning",
          "navigation",
          "planning",
          "reward shaping",
          "safe rl",
          "meta-learning",
          "representation learning",
          "contrastive learning",
          "transformer",
          "scaling laws",
          "distillation",
          "autonomous driving",
          "trajectory optimization",
          "inverse rl",
          "goal-conditioned rl",
          "hierarchical rl",
          "benchmark",
          "math reasoning",
          "agents",
          "self-play",
          "text-to-speech",
          "3d generation",
          "flow matching",
          "consistency models",
          "q-learning",
          "actor-critic",
          "uncertainty",
          "robustness");

  static final List<String> MUTES =
      List.of(
          "voice cloning", "medical", "speech", "protein", "finance", "audio", "weather", "legal");

  /** One member's interests, and the papers they liked (their like model, as /like builds it). */
  public record Member(
      String user,
      Map<String, Double> topics,
      List<String> mutes,
      List<String> seen,
      List<String> liked) {}

  /** Likes per member, 0 to this many: enough that most members' feeds run the like model. */
  static final int MAX_LIKES = 5;

  private final long seed;
  private final int corpusSize;

  public SyntheticMembers(long seed, int corpusSize) {
    this.seed = seed;
    this.corpusSize = corpusSize;
  }

  public Member member(int j) {
    SplittableRandom random = new SplittableRandom(seed * 7_919L + j);
    Map<String, Double> topics = new LinkedHashMap<>();
    int count = 8 + random.nextInt(8);
    while (topics.size() < count) {
      // Weights from 0.5 to 3 in halves, as members type them.
      topics.put(TOPICS.get(random.nextInt(TOPICS.size())), 0.5 * (1 + random.nextInt(6)));
    }
    Set<String> mutes = new LinkedHashSet<>();
    int muteCount = random.nextInt(4);
    while (mutes.size() < muteCount) {
      mutes.add(MUTES.get(random.nextInt(MUTES.size())));
    }
    List<String> seen = new ArrayList<>();
    int seenCount = random.nextInt(41);
    for (int s = 0; s < seenCount; s++) {
      seen.add(SyntheticCorpus.id(random.nextInt(corpusSize)));
    }
    List<String> liked = new ArrayList<>();
    int likedCount = random.nextInt(MAX_LIKES + 1);
    for (int l = 0; l < likedCount; l++) {
      liked.add(SyntheticCorpus.id(random.nextInt(corpusSize)));
    }
    return new Member("member" + j, topics, List.copyOf(mutes), seen, liked);
  }
}
