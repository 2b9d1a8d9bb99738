package paperbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading Discord's {@code app_permissions} bits as what paperbot lacks to post a digest. */
final class PostingPermissionsTest {
  private static final long VIEW = 1L << 10;
  private static final long SEND = 1L << 11;
  private static final long EMBED = 1L << 14;
  private static final long SEND_IN_THREADS = 1L << 38;
  private static final long ADMINISTRATOR = 1L << 3;

  @Test
  void viewSendAndEmbedAreEnough() {
    assertThat(PostingPermissions.cannotPost(VIEW | SEND | EMBED, false)).isNull();
  }

  @Test
  void eachMissingPermissionIsNamed() {
    assertThat(PostingPermissions.cannotPost(0, false))
        .startsWith("paperbot lacks View Channel, Send Messages and Embed Links in this channel;");
    assertThat(PostingPermissions.cannotPost(VIEW | SEND, false))
        .startsWith("paperbot lacks Embed Links in this channel;");
  }

  @Test
  void aThreadNeedsSendMessagesInThreadsInstead() {
    assertThat(PostingPermissions.cannotPost(VIEW | SEND_IN_THREADS | EMBED, true)).isNull();
    assertThat(PostingPermissions.cannotPost(VIEW | SEND | EMBED, true))
        .startsWith("paperbot lacks Send Messages in Threads in this channel;");
  }

  @Test
  void anAdministratorMayPostAnywhere() {
    assertThat(PostingPermissions.cannotPost(ADMINISTRATOR, false)).isNull();
  }
}
