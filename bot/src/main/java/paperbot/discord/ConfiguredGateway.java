package paperbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where JDA connects its gateway websocket, on every path. JDA's own default answers a fixed {@code
 * wss://gateway.discord.gg/} to a single connection and asks {@code GET /gateway/bot} only for a
 * ShardManager, so a bot pointed at another Discord (a proxy, a local fake) would talk REST to one
 * and the gateway to the other. Here both ask the configured API, as Discord documents ("Get
 * Gateway Bot"), unless a gateway URL is configured outright.
 */
final class ConfiguredGateway extends SessionControllerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ConfiguredGateway.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final String apiUrl;
  private final String token;
  private final String fixedUrl;
  private final HttpClient http;
  private volatile String lastAnswer;

  /**
   * @param apiUrl REST base, ending in a slash
   * @param fixedUrl the gateway to use without asking; empty asks the API
   */
  ConfiguredGateway(String apiUrl, String token, String fixedUrl) {
    this.apiUrl = apiUrl;
    this.token = token;
    this.fixedUrl = fixedUrl;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /** Called by JDA for a single connection's start and for each fresh (not resumed) session. */
  @Override
  public String getGateway() {
    if (!fixedUrl.isBlank()) {
      return fixedUrl;
    }
    try {
      lastAnswer = ask();
      return lastAnswer;
    } catch (TokenRefused e) {
      if (lastAnswer == null) {
        // At login: JDA's own lookup (for a ShardManager) says so the same way, and no other
        // gateway would take the token either.
        throw new InvalidTokenException();
      }
      // A reconnection: the gateway known refuses the token too, with a close code that says
      // what to change (4004), and JDA stops.
      return fallback(e.toString());
    } catch (IOException e) {
      return fallback(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fallback("interrupted");
    }
  }

  /**
   * The gateway this API named last (Discord advises caching it); before any answer, Discord's own
   * only when the API is Discord's: a bot pointed at a proxy never silently leaves it. JDA retries
   * a connection that fails here.
   */
  private String fallback(String error) {
    String known =
        lastAnswer != null
            ? lastAnswer
            : apiUrl.equals(DiscordSettings.DEFAULT_API_URL) ? super.getGateway() : null;
    if (known == null) {
      throw new IllegalStateException(
          "discord gateway lookup failed at " + apiUrl + "gateway/bot: " + error);
    }
    log.warn("discord gateway lookup failed, using url={} error={}", known, error);
    return known;
  }

  /** Called by the ShardManager; JDA's request goes to the configured API already. */
  @Override
  public ShardedGateway getShardedGateway(JDA api) {
    ShardedGateway asked = super.getShardedGateway(api);
    return fixedUrl.isBlank()
        ? asked
        : new ShardedGateway(fixedUrl, asked.getShardTotal(), asked.getConcurrency());
  }

  /** Discord's 401: the token is not (or no longer) a bot's. */
  private static final class TokenRefused extends IOException {
    private static final long serialVersionUID = 1L;

    TokenRefused() {
      super("GET gateway/bot answered 401");
    }
  }

  private String ask() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(apiUrl + "gateway/bot"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bot " + token)
                .header("User-Agent", "DiscordBot (https://github.com/paperbot, 1)")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 401) {
      throw new TokenRefused();
    }
    if (response.statusCode() != 200) {
      throw new IOException("GET gateway/bot answered " + response.statusCode());
    }
    JsonNode url = JSON.readTree(response.body()).path("url");
    if (!url.isTextual() || url.asText().isBlank()) {
      throw new IOException("GET gateway/bot named no url");
    }
    return url.asText();
  }
}
