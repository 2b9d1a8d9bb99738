package paperbot.discord;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.chat.ChatAction;
import paperbot.chat.ChatRequest;
import paperbot.chat.Platform;
import paperbot.chat.Reply;
import paperbot.command.CommandRouter;

/**
 * Translates Discord interactions for the command core: slash commands and buttons become requests
 * and actions, replies become embeds with buttons. Work that may pass Discord's 3-second window is
 * deferred and answered by follow-up.
 */
final class DiscordAdapter extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(DiscordAdapter.class);

  /** Direct messages have no guild; they are one workspace per member. */
  static final String DIRECT = "dm";

  private final CommandRouter router;
  private final ExecutorService workers;
  private final Duration inlineBudget;
  private final ButtonIds buttonIds = new ButtonIds();
  private final DiscordRenderer renderer = new DiscordRenderer(buttonIds);

  DiscordAdapter(CommandRouter router, ExecutorService workers, Duration inlineBudget) {
    this.router = router;
    this.workers = workers;
    this.inlineBudget = inlineBudget;
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    String name = event.getName();
    // In a guild, channel settings (digests) need Manage Channels on that channel; a DM is the
    // member's own.
    boolean manager =
        event.getMember() == null
            || event.getMember().hasPermission(event.getGuildChannel(), Permission.MANAGE_CHANNEL);
    ChatRequest request =
        new ChatRequest(
            Platform.DISCORD,
            workspace(event.getGuild() == null ? null : event.getGuild().getId()),
            event.getChannelId(),
            event.getUser().getId(),
            name,
            text(event),
            manager,
            options(event));
    answer(event, event.getUser().getId(), () -> router.handle(request));
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    String user = event.getUser().getId();
    Optional<ButtonIds.Decoded> decoded = buttonIds.decode(event.getComponentId());
    ChatAction action =
        new ChatAction(
            Platform.DISCORD,
            workspace(event.getGuild() == null ? null : event.getGuild().getId()),
            event.getChannelId(),
            user,
            decoded.map(ButtonIds.Decoded::actionId).orElse(""),
            decoded.map(ButtonIds.Decoded::value).orElse(""),
            decoded.map(ButtonIds.Decoded::owner).orElse(""));
    answer(event, user, () -> router.handle(action));
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    ChatRequest request =
        new ChatRequest(
            Platform.DISCORD,
            workspace(event.getGuild() == null ? null : event.getGuild().getId()),
            event.getChannelId(),
            event.getUser().getId(),
            event.getName(),
            event.getSubcommandName() == null ? "" : event.getSubcommandName());
    event
        .replyChoiceStrings(router.complete(request, event.getFocusedOption().getValue()))
        .queue(null, error -> log.warn("discord autocomplete failed error={}", error.toString()));
  }

  /**
   * Replies inline when the core answers in time, otherwise defers and sends the answer as a
   * follow-up.
   */
  private void answer(IReplyCallback event, String owner, Supplier<Reply> work) {
    CompletableFuture<Reply> reply = CompletableFuture.supplyAsync(work, workers);
    try {
      if (inlineBudget.isZero()) {
        throw new TimeoutException("a zero budget always defers");
      }
      Reply done = reply.get(inlineBudget.toMillis(), TimeUnit.MILLISECONDS);
      event
          .reply(renderer.render(done, owner))
          .setEphemeral(done.ephemeral())
          .queue(null, error -> log.warn("discord reply failed error={}", error.toString()));
    } catch (TimeoutException slow) {
      event
          .deferReply(true)
          .queue(null, error -> log.warn("discord defer failed error={}", error.toString()));
      reply.thenAccept(late ->
          event
              .getHook()
              .sendMessage(renderer.render(late, owner))
              .setEphemeral(late.ephemeral())
              .queue(
                  null, error -> log.warn("discord follow-up failed error={}", error.toString())));
    } catch (Exception e) {
      log.error("discord interaction failed", e);
      event
          .reply("Sorry, something went wrong. Please try again.")
          .setEphemeral(true)
          .queue(null, ignored -> {});
    }
  }

  /**
   * What the core reads as typed text: the subcommand, or the one option of a command without
   * subcommands (its value as given, e.g. the query of {@code /papers}).
   */
  static String text(SlashCommandInteractionEvent event) {
    if (event.getSubcommandName() != null) {
      return event.getSubcommandName();
    }
    List<OptionMapping> options = event.getOptions();
    return options.size() == 1 ? options.get(0).getAsString() : "";
  }

  /** Every option by name, typed values as Discord delivered them (a flag as true or false). */
  static Map<String, String> options(SlashCommandInteractionEvent event) {
    Map<String, String> options = new LinkedHashMap<>();
    for (OptionMapping option : event.getOptions()) {
      options.put(option.getName(), option.getAsString());
    }
    return options;
  }

  private static String workspace(String guildId) {
    return guildId == null ? DIRECT : guildId;
  }
}
