package paperbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import paperbot.chat.Attachment;

/**
 * Sends a reply's file to the member's direct messages the way Slack takes files since {@code
 * files.upload} was retired: {@code files.getUploadURLExternal} for an upload URL, the bytes posted
 * to it, then {@code files.completeUploadExternal} to share it. Direct messages, because a slash
 * command's reply is private and a file shared in the channel would not be.
 */
final class SlackFileUpload {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private SlackFileUpload() {}

  /**
   * @throws IOException with Slack's error code when a step is refused
   */
  static void send(MethodsClient client, String userId, Attachment file, String comment)
      throws IOException, InterruptedException {
    try {
      var dm = client.conversationsOpen(r -> r.users(List.of(userId)));
      check(dm.isOk(), "conversations.open", dm.getError());
      byte[] bytes = file.bytes();
      var url =
          client.filesGetUploadURLExternal(r -> r.filename(file.fileName()).length(bytes.length));
      check(url.isOk(), "files.getUploadURLExternal", url.getError());
      HttpResponse<Void> posted =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url.getUploadUrl()))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/octet-stream")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      check(posted.statusCode() == 200, "file upload", "HTTP " + posted.statusCode());
      var done =
          client.filesCompleteUploadExternal(r ->
              r.files(
                      List.of(
                          FileDetails.builder().id(url.getFileId()).title(file.fileName()).build()))
                  .channelId(dm.getChannel().getId())
                  .initialComment(comment));
      check(done.isOk(), "files.completeUploadExternal", done.getError());
    } catch (com.slack.api.methods.SlackApiException e) {
      throw new IOException("Slack refused the upload: " + e.getMessage(), e);
    }
  }

  private static void check(boolean ok, String step, String error) throws IOException {
    if (!ok) {
      throw new IOException(step + " failed: " + error);
    }
  }
}
