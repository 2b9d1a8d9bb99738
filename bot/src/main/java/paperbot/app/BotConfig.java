package paperbot.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import paperbot.command.ProfileLimits;
import paperbot.discord.DiscordSettings;
import paperbot.slack.SlackSettings;

/**
 * All settings, read once at start-up: built-in defaults, then {@code config/paperbot.properties},
 * then the environment. Relative paths resolve against the paperbot home directory, not the shell's
 * working directory.
 *
 * @param home the paperbot directory (where the launcher, {@code config/} and {@code seeds/} live)
 * @param dataDir where the index and database live
 * @param seedsDir the starting corpus
 * @param expansionsFile abbreviation and synonym groups for queries
 * @param database JDBC URL, user and password; the URL is empty for the embedded SQLite default in
 *     the data directory
 * @param limits limits on what members may store
 * @param slack how to reach Slack; disabled without a bot token
 * @param discord how to reach Discord; disabled without a token
 * @param digest digest defaults and tuning
 * @param sources live paper sources (arXiv, Hugging Face) and their refresh schedules
 */
public record BotConfig(
    Path home,
    Path dataDir,
    Path seedsDir,
    Path expansionsFile,
    DatabaseSettings database,
    ProfileLimits limits,
    SlackSettings slack,
    DiscordSettings discord,
    DigestSettings digest,
    SourceSettings sources) {

  /**
   * Live sources. Each {@link paperbot.recommender.ingest.PaperSource} reads its own settings by
   * its name: {@code sources.<name>.url} and {@code sources.<name>.cron} in the properties, or
   * {@code PAPERBOT_<NAME>_URL} and {@code PAPERBOT_<NAME>_CRON} in the environment, so a new
   * source needs no new setting here.
   *
   * @param categories arXiv categories of the default arXiv query and listing feeds
   * @param ingestTimeout how long {@code paperbot ingest} tries, retries included, before it gives
   *     up and says what to do next (scheduled refreshes are more patient)
   * @param paperSync how often a running bot indexes papers other processes wrote
   * @param refreshes false to schedule no refresh at all (benchmarks)
   * @param values every {@code sources.*} property and {@code PAPERBOT_*_URL} or {@code _CRON}
   *     environment variable
   */
  public record SourceSettings(
      List<String> categories,
      Duration ingestTimeout,
      Duration paperSync,
      boolean refreshes,
      Map<String, String> values) {
    /** Older names still honoured: the listing source's URL was named after arXiv. */
    private static final Map<String, String> LEGACY =
        Map.of(
            "PAPERBOT_LISTING_URL", "PAPERBOT_ARXIV_LISTING_URL",
            "sources.listing.url", "sources.arxiv.listing.url");

    public SourceSettings {
      categories = List.copyOf(categories);
      values = Map.copyOf(values);
    }

    /** The source's base URL, or its own default. */
    public String url(String source, String fallback) {
      return lookup(source, "url", fallback);
    }

    /** Quartz cron (UTC) of the source's scheduled refresh; empty when it is not scheduled. */
    public String cron(String source, String fallback) {
      return refreshes ? lookup(source, "cron", fallback) : "";
    }

    private String lookup(String source, String what, String fallback) {
      String env = "PAPERBOT_" + source.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + what;
      env = env.toUpperCase(Locale.ROOT);
      String key = "sources." + source + "." + what;
      for (String name : new String[] {env, LEGACY.get(env), key, LEGACY.get(key)}) {
        if (name != null && values.containsKey(name)) {
          return values.get(name);
        }
      }
      return fallback;
    }

    SourceSettings withoutRefreshes() {
      return new SourceSettings(categories, ingestTimeout, paperSync, false, values);
    }
  }

  /**
   * Digest defaults.
   *
   * @param defaultZone zone for digests subscribed without one
   * @param halfLifeDays recency half-life of the trending score
   * @param minScore papers below this are not posted (a quiet day says so in one line)
   * @param misfireGrace a digest missed by downtime is posted when the process is back within this,
   *     else skipped
   * @param postQuietDays true to post a one-line "quiet day" when nothing passes the minimum score,
   *     false to skip
   * @param retryDelay after a post the platform refused (an outage), the digest is tried again this
   *     much later, for as long as the misfire grace lasts
   */
  public record DigestSettings(
      ZoneId defaultZone,
      double halfLifeDays,
      double minScore,
      Duration misfireGrace,
      boolean postQuietDays,
      Duration retryDelay,
      Duration clusterCheckin) {}

  /**
   * Where profiles are stored.
   *
   * @param url JDBC URL, or empty for H2 under the data directory
   * @param user user name, may be empty
   * @param password password, may be empty; never printed
   */
  public record DatabaseSettings(String url, String user, String password) {
    @Override
    public String toString() {
      return "DatabaseSettings[url="
          + url
          + ", user="
          + user
          + ", password="
          + (password.isEmpty() ? "" : "***")
          + "]";
    }
  }

  /** Property key, environment variable and default of each setting, in one table. */
  enum Setting {
    DATA_DIR("data.dir", "PAPERBOT_DATA_DIR", "data"),
    SEEDS_DIR("seeds.dir", "PAPERBOT_SEEDS_DIR", "seeds"),
    EXPANSIONS("expansions.file", "PAPERBOT_EXPANSIONS", "config/expansions.txt"),
    DB_URL("db.url", "PAPERBOT_DB_URL", ""),
    DB_USER("db.user", "PAPERBOT_DB_USER", ""),
    DB_PASSWORD("db.password", "PAPERBOT_DB_PASSWORD", ""),
    MAX_TOPICS("profile.max.topics", "PAPERBOT_MAX_TOPICS", "30"),
    MAX_TOPIC_LENGTH("profile.max.topic.length", "PAPERBOT_MAX_TOPIC_LENGTH", "100"),
    SLACK_BOT_TOKEN("slack.bot.token", "SLACK_BOT_TOKEN", ""),
    SLACK_SIGNING_SECRET("slack.signing.secret", "SLACK_SIGNING_SECRET", ""),
    SLACK_APP_TOKEN("slack.app.token", "SLACK_APP_TOKEN", ""),
    SLACK_PORT("slack.port", "SLACK_PORT", "3000"),
    SLACK_API_URL("slack.api.url", "SLACK_API_URL", SlackSettings.DEFAULT_API_URL),
    DISCORD_TOKEN("discord.token", "DISCORD_TOKEN", ""),
    DISCORD_DEV_GUILD("discord.dev.guild", "DISCORD_DEV_GUILD", ""),
    DISCORD_API_URL("discord.api.url", "DISCORD_API_URL", DiscordSettings.DEFAULT_API_URL),
    DISCORD_GATEWAY_URL("discord.gateway.url", "DISCORD_GATEWAY_URL", ""),
    DISCORD_SHARDS("discord.shards", "DISCORD_SHARDS", "1"),
    DEFAULT_ZONE("digest.default.zone", "PAPERBOT_DEFAULT_ZONE", "UTC"),
    DIGEST_HALF_LIFE("digest.half.life.days", "PAPERBOT_DIGEST_HALF_LIFE_DAYS", "7"),
    DIGEST_GRACE("digest.misfire.grace.minutes", "PAPERBOT_DIGEST_GRACE_MINUTES", "120"),
    DIGEST_QUIET("digest.quiet.day", "PAPERBOT_DIGEST_QUIET_DAY", "post"),
    DIGEST_RETRY("digest.retry.seconds", "PAPERBOT_DIGEST_RETRY_SECONDS", "300"),
    PAPER_SYNC("papers.sync.seconds", "PAPERBOT_PAPER_SYNC_SECONDS", "60"),
    CLUSTER_CHECKIN("scheduler.cluster.checkin.ms", "PAPERBOT_CLUSTER_CHECKIN_MS", "7500"),
    ARXIV_CATEGORIES(
        "sources.arxiv.categories", "PAPERBOT_ARXIV_CATEGORIES", "cs.LG,cs.AI,cs.RO,cs.CL,cs.CV"),
    INGEST_TIMEOUT("sources.ingest.timeout.seconds", "PAPERBOT_INGEST_TIMEOUT_SECONDS", "60");
    // Each source's URL and cron are read by the source's name: see SourceSettings.

    final String key;
    final String env;
    final String fallback;

    Setting(String key, String env, String fallback) {
      this.key = key;
      this.env = env;
      this.fallback = fallback;
    }
  }

  /**
   * Reads {@code <home>/config/paperbot.properties} (if present) and overrides it with the
   * environment.
   */
  public static BotConfig load(Path home, Map<String, String> env) {
    Path absoluteHome = home.toAbsolutePath().normalize();
    Properties file = readProperties(absoluteHome.resolve("config").resolve("paperbot.properties"));
    return new BotConfig(
        absoluteHome,
        path(absoluteHome, value(Setting.DATA_DIR, file, env)),
        path(absoluteHome, value(Setting.SEEDS_DIR, file, env)),
        path(absoluteHome, value(Setting.EXPANSIONS, file, env)),
        new DatabaseSettings(
            value(Setting.DB_URL, file, env),
            value(Setting.DB_USER, file, env),
            value(Setting.DB_PASSWORD, file, env)),
        new ProfileLimits(
            number(Setting.MAX_TOPICS, file, env), number(Setting.MAX_TOPIC_LENGTH, file, env)),
        new SlackSettings(
            value(Setting.SLACK_BOT_TOKEN, file, env),
            value(Setting.SLACK_SIGNING_SECRET, file, env),
            value(Setting.SLACK_APP_TOKEN, file, env),
            number(Setting.SLACK_PORT, file, env),
            withSlash(value(Setting.SLACK_API_URL, file, env)),
            SlackSettings.DEFAULT_INLINE_BUDGET),
        new DiscordSettings(
            value(Setting.DISCORD_TOKEN, file, env),
            value(Setting.DISCORD_DEV_GUILD, file, env),
            withSlash(value(Setting.DISCORD_API_URL, file, env)),
            value(Setting.DISCORD_GATEWAY_URL, file, env),
            number(Setting.DISCORD_SHARDS, file, env),
            DiscordSettings.DEFAULT_INLINE_BUDGET),
        new DigestSettings(
            ZoneId.of(value(Setting.DEFAULT_ZONE, file, env)),
            number(Setting.DIGEST_HALF_LIFE, file, env),
            0.5,
            Duration.ofMinutes(number(Setting.DIGEST_GRACE, file, env)),
            !value(Setting.DIGEST_QUIET, file, env).equalsIgnoreCase("skip"),
            Duration.ofSeconds(number(Setting.DIGEST_RETRY, file, env)),
            Duration.ofMillis(number(Setting.CLUSTER_CHECKIN, file, env))),
        new SourceSettings(
            Arrays.stream(value(Setting.ARXIV_CATEGORIES, file, env).split(","))
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .toList(),
            Duration.ofSeconds(number(Setting.INGEST_TIMEOUT, file, env)),
            Duration.ofSeconds(number(Setting.PAPER_SYNC, file, env)),
            true,
            sourceValues(file, env)));
  }

  /**
   * The {@code sources.*} properties and the non-blank {@code PAPERBOT_*_URL} and {@code _CRON}
   * environment variables (the environment wins), for the sources to read by name.
   */
  private static Map<String, String> sourceValues(Properties file, Map<String, String> env) {
    Map<String, String> values = new HashMap<>();
    for (String key : file.stringPropertyNames()) {
      if (key.startsWith("sources.")) {
        values.put(key, file.getProperty(key).strip());
      }
    }
    env.forEach((name, value) -> {
      // Only source URLs and crons: never the database's URL, user or password.
      boolean sourceSetting =
          name.startsWith("PAPERBOT_")
              && !name.startsWith("PAPERBOT_DB_")
              && (name.endsWith("_URL") || name.endsWith("_CRON"));
      if (sourceSetting && value != null && !value.isBlank()) {
        values.put(name, value.strip());
      }
    });
    return values;
  }

  /** The Web API client appends method names to the base URL, so it must end with a slash. */
  private static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }

  private static int number(Setting setting, Properties file, Map<String, String> env) {
    String value = value(setting, file, env);
    try {
      int number = Integer.parseInt(value);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        setting.env
            + " ("
            + setting.key
            + ") must be a positive whole number, not '"
            + value
            + "'");
  }

  /** The home the launcher passes as {@code -Dpaperbot.home}, or the working directory. */
  public static Path defaultHome() {
    return Path.of(System.getProperty("paperbot.home", "."));
  }

  /** The same settings with another data directory (the CLI's {@code --data}). */
  public BotConfig withDataDir(Path dir) {
    return new BotConfig(
        home,
        dir.toAbsolutePath().normalize(),
        seedsDir,
        expansionsFile,
        database,
        limits,
        slack,
        discord,
        digest,
        sources);
  }

  /** The same settings with another seeds directory (the CLI's {@code --seeds}). */
  public BotConfig withSeedsDir(Path dir) {
    return new BotConfig(
        home,
        dataDir,
        dir.toAbsolutePath().normalize(),
        expansionsFile,
        database,
        limits,
        slack,
        discord,
        digest,
        sources);
  }

  /**
   * Settings for a benchmark: its own data directory and embedded database (never the configured
   * one), and no live-source refreshes, which would fetch from the network in the middle of a
   * measurement.
   */
  public BotConfig forBenchmark(Path dir) {
    return new BotConfig(
        home,
        dir.toAbsolutePath().normalize(),
        seedsDir,
        expansionsFile,
        new DatabaseSettings("", null, null),
        limits,
        slack,
        discord,
        digest,
        sources.withoutRefreshes());
  }

  private static String value(Setting setting, Properties file, Map<String, String> env) {
    String fromEnv = env.get(setting.env);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    return file.getProperty(setting.key, setting.fallback).strip();
  }

  private static Path path(Path home, String value) {
    return home.resolve(value).normalize();
  }

  private static Properties readProperties(Path file) {
    Properties properties = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return properties;
  }
}
