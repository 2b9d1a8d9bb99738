package paperbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BotConfigTest {

  @Test
  void defaultsResolveAgainstHomeAndTheEnvironmentOverridesTheFile(@TempDir Path home)
      throws Exception {
    Files.createDirectories(home.resolve("config"));
    Files.writeString(
        home.resolve("config/paperbot.properties"), "data.dir=store\nprofile.max.topics=7\n");
    BotConfig fromFile = BotConfig.load(home, Map.of());
    assertThat(fromFile.dataDir()).isEqualTo(home.resolve("store"));
    assertThat(fromFile.seedsDir()).isEqualTo(home.resolve("seeds"));
    assertThat(fromFile.limits().maxTopics()).isEqualTo(7);
    assertThat(fromFile.database().url()).isEmpty();

    BotConfig fromEnv =
        BotConfig.load(
            home,
            Map.of(
                "PAPERBOT_DATA_DIR",
                "/tmp/x",
                "PAPERBOT_MAX_TOPICS",
                "3",
                "PAPERBOT_DB_URL",
                "jdbc:postgresql://db/paperbot",
                "PAPERBOT_DB_PASSWORD",
                "s3cret"));
    assertThat(fromEnv.dataDir()).isEqualTo(Path.of("/tmp/x"));
    assertThat(fromEnv.limits().maxTopics()).isEqualTo(3);
    assertThat(fromEnv.database().url()).isEqualTo("jdbc:postgresql://db/paperbot");
  }

  @Test
  void eachPaperSourceReadsItsUrlAndCronByItsName(@TempDir Path home) throws Exception {
    Files.createDirectories(home.resolve("config"));
    Files.writeString(
        home.resolve("config/paperbot.properties"),
        "sources.hf.cron=0 0 * * * ?\nsources.arxiv.cron=\nsources.arxiv.listing.url=http://old/rss/\n");
    BotConfig config =
        BotConfig.load(
            home,
            Map.of(
                "PAPERBOT_HF_URL", "http://mirror/hf",
                "PAPERBOT_INGEST_TIMEOUT_SECONDS", "15",
                "PAPERBOT_DB_URL", "jdbc:postgresql://db/paperbot?password=s3cret"));
    BotConfig.SourceSettings sources = config.sources();
    assertThat(sources.url("hf", "default")).isEqualTo("http://mirror/hf");
    assertThat(sources.cron("hf", "default")).isEqualTo("0 0 * * * ?");
    assertThat(sources.cron("arxiv", "default")).as("empty in the file disables it").isEmpty();
    assertThat(sources.url("listing", "default"))
        .as("the listing URL's older name still works")
        .isEqualTo("http://old/rss/");
    assertThat(sources.url("newsource", "its default")).isEqualTo("its default");
    assertThat(sources.ingestTimeout()).hasSeconds(15);
    assertThat(sources.values()).doesNotContainKey("PAPERBOT_DB_URL");
    assertThat(config.forBenchmark(home).sources().cron("hf", "0 7 * * * ?")).isEmpty();
  }

  @Test
  void secretsNeverAppearInPrintedConfig(@TempDir Path home) {
    BotConfig config =
        BotConfig.load(
            home,
            Map.of(
                "PAPERBOT_DB_PASSWORD",
                "s3cret-value",
                "SLACK_BOT_TOKEN",
                "xoxb-slack-secret",
                "SLACK_SIGNING_SECRET",
                "signing-secret",
                "SLACK_APP_TOKEN",
                "xapp-app-secret",
                "DISCORD_TOKEN",
                "discord-secret"));
    assertThat(config.toString())
        .doesNotContain(
            "s3cret-value",
            "xoxb-slack-secret",
            "signing-secret",
            "xapp-app-secret",
            "discord-secret")
        .contains("password=***", "botToken=***", "token=***");
    assertThat(config.slack().enabled()).isTrue();
    assertThat(config.discord().enabled()).isTrue();
  }

  @Test
  void aLimitThatIsNotAPositiveNumberIsRefusedWithItsName(@TempDir Path home) {
    assertThatThrownBy(() -> BotConfig.load(home, Map.of("PAPERBOT_MAX_TOPICS", "many")))
        .hasMessageContaining("PAPERBOT_MAX_TOPICS")
        .hasMessageContaining("many");
  }
}
