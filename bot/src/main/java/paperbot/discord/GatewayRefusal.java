package paperbot.discord;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says why Discord ended the bot's gateway session for good, and what to do about it. Discord's
 * close codes 4004 and 4010 to 4014 forbid reconnecting; JDA obeys and stops with one generic line,
 * and the process goes on running with nothing answering on Discord.
 */
final class GatewayRefusal extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(GatewayRefusal.class);

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
      return; // paperbot's own shutdown, or a close JDA recovers from
    }
    log.error(
        "discord stopped: paperbot no longer answers on Discord; restart it once this is fixed. {}",
        advice(code, event.getJDA().getGatewayIntents()));
  }

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
