package paperbot.discord;

import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.command.Reply;
import paperbot.digest.ChatOutbox;

/** Posts digests to Discord text channels or members' direct messages; JDA paces requests to the rate limits. */
final class DiscordOutbox implements ChatOutbox {
  private static final Logger log = LoggerFactory.getLogger(DiscordOutbox.class);

  private final Function<String, JDA> jdaForGuild;
  private final DiscordRenderer renderer = new DiscordRenderer(new ButtonIds());

  /** @param jdaForGuild the connection (shard) serving a guild */
  DiscordOutbox(Function<String, JDA> jdaForGuild) {
    this.jdaForGuild = jdaForGuild;
  }

  @Override
  public boolean post(String workspace, String destination, boolean toMember, Reply reply) {
    JDA jda = jdaForGuild.apply(workspace);
    try {
      if (toMember) {
        jda.openPrivateChannelById(destination).flatMap(dm -> dm.sendMessage(renderer.render(reply, destination)))
            .complete();
        return true;
      }
      MessageChannel channel = jda.getChannelById(MessageChannel.class, destination);
      if (channel == null) {
        log.warn("discord post failed reason=unknown_channel guild={} channel={}", workspace, destination);
        return false;
      }
      channel.sendMessage(renderer.render(reply, "")).complete();
      return true;
    } catch (ErrorResponseException e) {
      log.warn("discord post failed guild={} channel={} status={} code={}", workspace, destination,
          e.getErrorResponse(), e.getErrorCode());
      return false;
    }
  }
}
