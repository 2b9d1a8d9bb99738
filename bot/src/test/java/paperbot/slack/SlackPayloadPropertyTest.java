package paperbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import paperbot.app.LogCapture;
import paperbot.app.TestBots;
import paperbot.app.Wiring;

/**
 * Correctly signed requests whose bodies are broken: missing fields, malformed JSON in {@code
 * payload}, unknown types, random bytes. The real Bolt app on loopback answers each with a 2xx or
 * 4xx, never a 500, and logs no error.
 */
final class SlackPayloadPropertyTest {
  private static final String SECRET = "payload-test-signing-secret-0123456789";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static Wiring wiring;
  private static ExecutorService workers;
  private static FakeSlackWebApi slackApi;
  private static SlackHttpServer server;
  private static LogCapture logs;

  @BeforeContainer
  static void start() throws Exception {
    logs = LogCapture.start();
    wiring = TestBots.open(Files.createTempDirectory("paperbot-payloads"));
    workers = Executors.newFixedThreadPool(4);
    slackApi = new FakeSlackWebApi();
    SlackSettings settings =
        new SlackSettings(
            FakeSlackWebApi.BOT_TOKEN,
            SECRET,
            "",
            0,
            slackApi.apiUrl(),
            SlackSettings.DEFAULT_INLINE_BUDGET);
    server =
        SlackHttpServer.start(
            SlackAdapter.start(wiring.router(), settings, workers, wiring.deliveries()).app(),
            "127.0.0.1",
            0,
            java.time.Clock.systemUTC());
  }

  @AfterContainer
  static void stop() {
    server.close();
    workers.shutdownNow();
    slackApi.close();
    wiring.close();
    try (LogCapture captured = logs) {
      assertThat(captured.lines())
          .as("errors logged for broken payloads")
          .noneMatch(
              line -> line.contains("slack app failed") || line.contains("slack request failed"));
    }
  }

  @Property(tries = 200)
  void brokenBodiesGetAClientErrorNeverAServerError(@ForAll("bodies") String body)
      throws Exception {
    HttpRequest request = SlackForms.signedNow(server.port(), SECRET, body);
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("status for %s", body).isBetween(200, 499);
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> field =
        Arbitraries.of(
            "command=%2Fpapers",
            "command=%2Ftopics",
            "command=%2Fnope",
            "text=rl",
            "text=",
            "user_id=U1",
            "team_id=T1",
            "channel_id=C1",
            "response_url=http%3A%2F%2F127.0.0.1%3A1%2Fx",
            "trigger_id=1.2",
            "user_id=",
            "team_id=",
            "ssl_check=1",
            "type=url_verification",
            "challenge=abc");
    Arbitrary<String> formFields =
        field.list().ofMaxSize(7).map(fields -> String.join("&", fields));
    Arbitrary<String> payloadJson =
        Arbitraries.of(
            "{",
            "{}",
            "null",
            "[]",
            "{\"type\":\"block_actions\"}",
            "{\"type\":\"block_actions\",\"actions\":[]}",
            "{\"type\":\"block_actions\",\"actions\":[{}]}",
            "{\"type\":\"block_actions\",\"actions\":[{\"action_id\":\"papers.next\",\"value\":\"zz\"}]}",
            "{\"type\":\"block_actions\",\"user\":{},\"actions\":[{\"action_id\":\"paper.like\"}]}",
            "{\"type\":\"view_submission\"}",
            "{\"type\":\"shortcut\",\"callback_id\":\"x\"}",
            "{\"type\":42}",
            "{\"type\":\"block_actions\",\"team\":null,\"user\":{\"id\":null},\"actions\":[{\"action_id\":null}]}");
    Arbitrary<String> payloads =
        payloadJson.map(json -> "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8));
    Arbitrary<String> mixed =
        Combinators.combine(formFields, payloads).as((form, payload) -> form + "&" + payload);
    return Arbitraries.oneOf(
        formFields,
        payloads,
        mixed,
        Arbitraries.strings().ofMaxLength(300),
        Arbitraries.of(
            List.of(
                "", "&&&", "payload=", "payload=%ZZ", "=&=", "command=%2Fpapers&text=%E0%A4%A")));
  }
}
