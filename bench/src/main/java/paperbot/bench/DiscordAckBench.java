package paperbot.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import paperbot.command.CommandRouter;
import paperbot.discord.DiscordService;
import paperbot.discord.DiscordSettings;
import paperbot.fakes.FakeDiscord;

/**
 * Discord's 3-second deadline under a burst: 100 {@code /papers} interactions dispatched at once on
 * the gateway of the strict loopback Discord ({@link FakeDiscord}), through the real JDA client and
 * paperbot's adapter. Each is timed as Discord times it: from its creation (its snowflake) to its
 * accepted callback (the answer, or the deferral). The baseline is the same burst to a bare JDA
 * listener that defers every interaction at once on the gateway thread: the transport alone.
 * Discord's limit is absolute, so the target is the 3 seconds, not a ratio.
 */
final class DiscordAckBench {
  static final int BURST = 100;
  private static final Duration WAIT = Duration.ofMinutes(5);
  private static final Pattern ID = Pattern.compile("\"id\":\"(\\d+)\"");

  private final CommandRouter router;

  DiscordAckBench(CommandRouter router) {
    this.router = router;
  }

  /**
   * @param ours paperbot's callbacks, from each interaction's creation
   * @param raw the bare listener's
   * @param unanswered paperbot's interactions left without an accepted answer
   */
  record Result(Samples ours, Samples raw, long unanswered) {}

  @SuppressWarnings("try") // the bot only has to be running: the burst reaches it through Discord
  Result run() throws Exception {
    // Discord stamps interactions with wall-clock snowflakes, and JDA and the fake read them so.
    Clock wall = Clock.systemUTC();
    Samples ours = new Samples();
    long unanswered;
    try (FakeDiscord discord = new FakeDiscord(wall);
        DiscordService service =
            DiscordService.start(
                router,
                new DiscordSettings(
                    FakeDiscord.TOKEN,
                    "",
                    discord.apiUrl(),
                    "",
                    1,
                    DiscordSettings.DEFAULT_INLINE_BUDGET),
                wall)) {
      awaitDelivered(discord, burst(discord, "warm-up", BURST / 4));
      List<String> measured = burst(discord, "", BURST);
      awaitDelivered(discord, measured);
      discord.answered(measured).forEach(a -> ours.add(a.afterCreation().toNanos()));
      unanswered = BURST - discord.delivered(measured);
    }
    Samples raw = new Samples();
    try (FakeDiscord discord = new FakeDiscord(wall)) {
      JDA bare =
          JDABuilder.createLight(FakeDiscord.TOKEN, EnumSet.noneOf(GatewayIntent.class))
              .setRestConfig(new RestConfig().setBaseUrl(discord.apiUrl()))
              .setSessionController(new FixedGateway(discord.gatewayUrl()))
              .setEnableShutdownHook(false)
              .addEventListeners(
                  new ListenerAdapter() {
                    @Override
                    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                      event.deferReply(true).queue(null, error -> {});
                    }
                  })
              .build()
              .awaitReady();
      try {
        awaitAnswered(discord, burst(discord, "warm-up", BURST / 4));
        List<String> measured = burst(discord, "", BURST);
        awaitAnswered(discord, measured);
        discord.answered(measured).forEach(a -> raw.add(a.afterCreation().toNanos()));
      } finally {
        // Graceful: interrupting JDA's requester mid-request logs ERROR stacks into the bench's
        // output.
        bare.shutdown();
        if (!bare.awaitShutdown(Duration.ofSeconds(10))) {
          bare.shutdownNow();
        }
      }
    }
    return new Result(ours, raw, unanswered);
  }

  /** Dispatches {@code count} /papers at once; returns their interaction ids. */
  private static List<String> burst(FakeDiscord discord, String tag, int count) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String query = Benchmark.QUERIES.get(i % Benchmark.QUERIES.size()).replace("\"", "");
      String interaction =
          discord.slash(
              "7000000000000" + String.format("%05d", i),
              "papers",
              "[{\"name\":\"query\",\"type\":3,\"value\":\""
                  + query
                  + (tag.isEmpty() ? "" : " " + tag)
                  + "\"}]");
      Matcher id = ID.matcher(interaction);
      id.find();
      ids.add(id.group(1));
      discord.dispatchInteraction(interaction);
    }
    return ids;
  }

  /** Until every answer is in: replies, or deferrals and their follow-ups. */
  private static void awaitDelivered(FakeDiscord discord, List<String> ids)
      throws InterruptedException {
    long giveUp = System.nanoTime() + WAIT.toNanos();
    while (discord.delivered(ids) < ids.size() && System.nanoTime() < giveUp) {
      Thread.sleep(20);
    }
  }

  private static void awaitAnswered(FakeDiscord discord, List<String> ids)
      throws InterruptedException {
    long giveUp = System.nanoTime() + WAIT.toNanos();
    while (discord.answered(ids).size() < ids.size() && System.nanoTime() < giveUp) {
      Thread.sleep(20);
    }
  }

  /** The baseline's JDA connects straight to the fake's gateway. */
  private static final class FixedGateway extends SessionControllerAdapter {
    private final String url;

    FixedGateway(String url) {
      this.url = url;
    }

    @Override
    public String getGateway() {
      return url;
    }
  }
}
