package paperbot.discord;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;

/**
 * Says why Discord ended the bot's gateway session for good, and what to do about it. Discord's
 * close codes 4004 and 4010 to 4014 forbid reconnecting; JDA obeys and stops with one generic line.
 * The first such close is kept (every shard of a refused bot gets one): while starting, it is why
 * the start failed; later, whoever runs the service decides whether paperbot goes on without
 * Discord.
 */
final class GatewayRefusal extends ListenerAdapter {
  private final CompletableFuture<String> refused = new CompletableFuture<>();

  /** Completes at the first shutdown, with what to change, or with null for any other reason. */
  private final CompletableFuture<String> ended = new CompletableFuture<>();

  /** What to change when Discord refuses the token at login (401 before any gateway session). */
  static final String TOKEN_REFUSED =
      "Discord refused the bot token (401 unauthorized): set DISCORD_TOKEN to the token on the"
          + " Bot page of the Developer Portal (reset it there if it leaked).";

  /** The intents Discord makes a bot enable (and, past 100 servers, be approved for). */
  static final Set<GatewayIntent> PRIVILEGED =
      EnumSet.of(
          GatewayIntent.GUILD_MEMBERS,
          GatewayIntent.GUILD_PRESENCES,
          GatewayIntent.MESSAGE_CONTENT);

  @Override
  public void onShutdown(ShutdownEvent event) {
    CloseCode code = event.getCloseCode();
    if (code == null || code.isReconnect()) {
      ended.complete(null);
      return; // paperbot's own shutdown, or a close JDA recovers from
    }
    String advice = advice(code, event.getJDA().getGatewayIntents());
    refused.complete(advice);
    ended.complete(advice);
  }

  /** Completes, once, with what to change when Discord ends a session for good. */
  CompletableFuture<String> refused() {
    return refused;
  }

  /**
   * Why a connection that was starting shut down: what to change, when Discord refused it, as one
   * line; otherwise JDA's own exception. JDA marks itself shut down (which ends {@code awaitReady})
   * just before it tells its listeners why, so the reason is waited for, briefly.
   */
  RuntimeException whyStartFailed(IllegalStateException shutDown) throws InterruptedException {
    String advice;
    try {
      advice = ended.get(REASON_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      advice = null;
    }
    return advice == null ? shutDown : new IllegalStateException(advice, shutDown);
  }

  /** Far longer than JDA takes between marking itself shut down and telling its listeners. */
  private static final Duration REASON_WAIT = Duration.ofSeconds(10);

  /** What a close code that forbids reconnecting means for paperbot, and what to change. */
  static String advice(CloseCode code, Set<GatewayIntent> asked) {
    return switch (code) {
      case AUTHENTICATION_FAILED ->
          "Discord refused the bot token (4004 authentication failed): set DISCORD_TOKEN to the"
              + " token on the Bot page of the Developer Portal (reset it there if it leaked).";
      case DISALLOWED_INTENTS -> disallowedIntents(asked);
      case INVALID_INTENTS ->
          "Discord found the intents invalid (4013): paperbot asked for " + names(asked) + ".";
      case INVALID_SHARD, SHARDING_REQUIRED ->
          "Discord wants the bot sharded differently ("
              + code.getCode()
              + " "
              + code.getMeaning()
              + "): set DISCORD_SHARDS to the shard count Discord recommends.";
      default -> "Discord closed the gateway with " + code.getCode() + ": " + code.getMeaning();
    };
  }

  /**
   * 4014: intents the application may not use. Paperbot asks for no privileged intent (it reads no
   * message content: commands, buttons and the message menu bring what it needs), so there is
   * nothing to enable unless a build asks for one.
   */
  private static String disallowedIntents(Set<GatewayIntent> asked) {
    Set<GatewayIntent> privileged = EnumSet.noneOf(GatewayIntent.class);
    asked.stream().filter(PRIVILEGED::contains).forEach(privileged::add);
    if (!privileged.isEmpty()) {
      return "Discord refused privileged intents (4014 disallowed intents): enable "
          + names(privileged)
          + " under Bot, Privileged Gateway Intents, in the Developer Portal.";
    }
    return "Discord refused the intents (4014 disallowed intents), but paperbot asked for no"
        + " privileged intent ("
        + (asked.isEmpty() ? "only the guild events every bot gets" : names(asked))
        + "): there is nothing to enable under Privileged Gateway Intents. Check that"
        + " DISCORD_TOKEN belongs to this application and that DISCORD_API_URL and"
        + " DISCORD_GATEWAY_URL point at Discord.";
  }

  private static String names(Set<GatewayIntent> intents) {
    return intents.isEmpty()
        ? "no intents"
        : intents.stream().map(GatewayIntent::name).sorted().collect(Collectors.joining(", "));
  }
}
