package paperbot.discord;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * Whether paperbot may post a digest where a command was used, from the {@code app_permissions}
 * Discord sends with every interaction: the app's own permissions in that channel, overwrites
 * applied. JDA does not read the field, so it comes from the event's raw payload (event passthrough
 * is on): fresher than JDA's cache, which learns overwrites from gateway events.
 */
final class PostingPermissions {
  private PostingPermissions() {}

  /**
   * Why paperbot could not post a digest in the interaction's channel, or null when it can or
   * Discord did not say.
   */
  static String cannotPost(GenericInteractionCreateEvent event) {
    DataObject raw = event.getRawData();
    if (raw == null) {
      return null;
    }
    DataObject interaction = raw.optObject("d").orElse(raw);
    String bits = interaction.getString("app_permissions", null);
    if (bits == null) {
      return null;
    }
    long permissions;
    try {
      permissions = Long.parseUnsignedLong(bits);
    } catch (NumberFormatException e) {
      return null;
    }
    ChannelType type = event.getChannelType();
    return cannotPost(permissions, type != null && type.isThread());
  }

  /** Why these permissions do not let paperbot post a digest (its embeds), or null when they do. */
  static String cannotPost(long permissions, boolean thread) {
    EnumSet<Permission> has = Permission.getPermissions(permissions);
    if (has.contains(Permission.ADMINISTRATOR)) {
      return null;
    }
    List<String> missing = new ArrayList<>();
    for (Permission needed :
        List.of(
            Permission.VIEW_CHANNEL,
            thread ? Permission.MESSAGE_SEND_IN_THREADS : Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS)) {
      if (!has.contains(needed)) {
        // A channel's settings say "View Channel" (JDA's name is the server's "View Channels").
        missing.add(needed == Permission.VIEW_CHANNEL ? "View Channel" : needed.getName());
      }
    }
    if (missing.isEmpty()) {
      return null;
    }
    String names =
        missing.size() == 1
            ? missing.get(0)
            : String.join(", ", missing.subList(0, missing.size() - 1))
                + " and "
                + missing.get(missing.size() - 1);
    return DiscordRefusals.lackingReason(names);
  }
}
