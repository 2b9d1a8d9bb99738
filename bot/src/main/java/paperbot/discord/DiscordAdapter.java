package paperbot.discord;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.channel.ChannelDeleteEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.UserContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericSelectMenuInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.chat.ChatAction;
import paperbot.chat.ChatRequest;
import paperbot.chat.Platform;
import paperbot.chat.Reply;
import paperbot.command.CommandRouter;
import paperbot.command.PaperCommand;

/**
 * Translates Discord interactions for the command core: slash commands and buttons become requests
 * and actions, replies become embeds with buttons.
 *
 * <p>JDA calls the listener on its gateway thread, so nothing here waits: each interaction is
 * handed to a bounded pool of workers at once, and answered within Discord's 3 seconds counted from
 * the interaction's creation (its snowflake id), not from when a worker got to it. Work that is not
 * done {@link DiscordSettings#inlineBudget()} after creation, or that finds every worker busy, is
 * deferred and answered by follow-up.
 */
final class DiscordAdapter extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(DiscordAdapter.class);

  /** Direct messages have no guild; they are one workspace per member. */
  static final String DIRECT = "dm";

  static final String BUSY = "paperbot is busy right now; please try again in a moment.";
  static final String STOPPING = "paperbot is restarting; please try again in a minute.";

  /**
   * Interaction ids remembered to tell a repeat: far more than arrive while one can still be
   * answered (Discord allows 3 s, and paperbot takes about 100 a second at most).
   */
  static final int RECENT_INTERACTIONS = 10_000;

  private final CommandRouter router;
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService deadlines;
  private final Duration inlineBudget;
  private final Clock clock;
  private final Set<InteractionAnswer> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;
  private final RecentIds recent = new RecentIds(RECENT_INTERACTIONS);
  private final ButtonIds buttonIds = new ButtonIds();
  private final DiscordRenderer renderer = new DiscordRenderer(buttonIds);

  /**
   * @param workers runs the core; bounded, so a flood is answered "busy" instead of queueing past
   *     the deadline
   * @param deadlines runs the deferrals that fall due
   * @param inlineBudget how long after its creation an interaction may go unanswered before it is
   *     deferred
   */
  DiscordAdapter(
      CommandRouter router,
      ThreadPoolExecutor workers,
      ScheduledExecutorService deadlines,
      Duration inlineBudget,
      Clock clock) {
    this.router = router;
    this.workers = workers;
    this.deadlines = deadlines;
    this.inlineBudget = inlineBudget;
    this.clock = clock;
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
            options(event),
            PostingPermissions.cannotPost(event));
    answer(event, event.getUser().getId(), () -> router.handle(request));
  }

  /**
   * A channel deleted in a guild (the GUILDS intent, which JDA always asks for, brings the event):
   * its digest ends with it. A thread that is only archived is not deleted.
   */
  @Override
  public void onChannelDelete(ChannelDeleteEvent event) {
    if (event.isFromGuild()) {
      router.channelDeleted(Platform.DISCORD, event.getGuild().getId(), event.getChannel().getId());
    }
  }

  /**
   * "Paper card" or "Save paper" used on a message: Discord hands over the message it was used on
   * (the bot cannot read messages otherwise), and the core reads the arXiv links in it.
   */
  @Override
  public void onMessageContextInteraction(MessageContextInteractionEvent event) {
    Message target = event.getTarget();
    StringBuilder text = new StringBuilder(target.getContentRaw());
    target.getEmbeds().forEach(embed -> text.append(' ').append(embed.getUrl()));
    ChatRequest request =
        new ChatRequest(
            Platform.DISCORD,
            workspace(event.getGuild() == null ? null : event.getGuild().getId()),
            event.getChannelId(),
            event.getUser().getId(),
            PaperCommand.NAME,
            text.toString());
    Supplier<Reply> work =
        switch (event.getName()) {
          case DiscordCommands.SAVE_PAPER -> () -> router.saveLinked(request);
          case DiscordCommands.PAPER_CARD -> () -> router.linkCards(request);
          // One an older registration left (paperbot registers these two): a command it does not
          // know, never cards posted for the channel.
          default -> () -> router.handle(request.withCommand(event.getName(), ""));
        };
    answer(event, event.getUser().getId(), work);
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

  /**
   * Select menus, modals and user commands: paperbot never sends or registers any, yet Discord may
   * deliver one (a command an earlier version registered, a message from another app's era). Left
   * to JDA it would go unanswered and the member see "The application did not respond"; the core
   * answers it as a button it does not know, in private.
   */
  @Override
  public void onGenericSelectMenuInteraction(GenericSelectMenuInteractionEvent<?, ?> event) {
    unknownComponent(event, event.getComponentId());
  }

  @Override
  public void onModalInteraction(ModalInteractionEvent event) {
    unknownComponent(event, event.getModalId());
  }

  @Override
  public void onUserContextInteraction(UserContextInteractionEvent event) {
    ChatRequest request =
        new ChatRequest(
            Platform.DISCORD,
            workspace(event.getGuild() == null ? null : event.getGuild().getId()),
            event.getChannelId() == null ? "" : event.getChannelId(),
            event.getUser().getId(),
            event.getName(),
            "");
    answer(event, event.getUser().getId(), () -> router.handle(request));
  }

  private void unknownComponent(IReplyCallback event, String customId) {
    String user = event.getUser().getId();
    log.info("discord interaction not ours type={} id={}", event.getType(), customId);
    ChatAction action =
        new ChatAction(
            Platform.DISCORD,
            workspace(event.getGuild() == null ? null : event.getGuild().getId()),
            event.getChannelId() == null ? "" : event.getChannelId(),
            user,
            "",
            "",
            "");
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
    if (!firstDelivery(event)) {
      return;
    }
    String option = event.getFocusedOption().getName();
    String prefix = event.getFocusedOption().getValue();
    try {
      // Suggestions cannot be deferred; one that comes too late is simply not shown.
      workers.execute(() ->
          event
              .replyChoiceStrings(choices(router.complete(request, option, prefix)))
              .queue(
                  null,
                  error -> log.warn("discord autocomplete failed error={}", error.toString())));
    } catch (RejectedExecutionException full) {
      event.replyChoiceStrings(List.of()).queue(null, error -> {});
    }
  }

  /** Discord's most choices, and most characters of a choice's name and of its value. */
  static final int MAX_CHOICES = 25;

  static final int MAX_CHOICE = 100;

  /**
   * The suggestions Discord can show. A topic longer than a choice (a workspace that raised the
   * topic length) is left out, not cut: a cut value would name a topic the member does not have,
   * and one over-long choice would make Discord refuse them all.
   */
  static List<String> choices(List<String> suggestions) {
    return suggestions.stream()
        .filter(choice -> !choice.isEmpty() && choice.length() <= MAX_CHOICE)
        .limit(MAX_CHOICES)
        .toList();
  }

  /**
   * Hands the work to a worker and arranges the single answer: the reply itself when the core is
   * done in time, otherwise a deferral when the deadline falls due (or at once when no worker is
   * free) and the reply as a follow-up.
   */
  private void answer(IReplyCallback event, String owner, Supplier<Reply> work) {
    if (!firstDelivery(event)) {
      return;
    }
    if (stopping) {
      event.reply(STOPPING).setEphemeral(true).queue(null, error -> {});
      return;
    }
    InteractionAnswer answer = new InteractionAnswer(event, reply -> renderer.render(reply, owner));
    inFlight.add(answer);
    answer.sent().whenComplete((ok, error) -> inFlight.remove(answer));
    Duration left =
        Duration.between(clock.instant(), event.getTimeCreated().toInstant().plus(inlineBudget));
    ScheduledFuture<?> due = null;
    if (left.isNegative()
        || left.isZero()
        || workers.getActiveCount() >= workers.getMaximumPoolSize()) {
      answer.defer();
    } else {
      due = deadlines.schedule(answer::defer, left.toMillis(), TimeUnit.MILLISECONDS);
    }
    ScheduledFuture<?> timer = due;
    try {
      workers.execute(() -> {
        Reply reply = work.get();
        if (timer != null) {
          timer.cancel(false);
        }
        answer.send(reply);
      });
    } catch (RejectedExecutionException full) {
      if (timer != null) {
        timer.cancel(false);
      }
      log.warn("discord interaction refused: every worker busy id={}", event.getId());
      answer.send(Reply.privateText(BUSY));
    }
  }

  /**
   * False for an interaction this process has already taken: Discord may deliver one again (a
   * resumed session replays what it thinks was missed). It takes one answer per interaction, so the
   * repeat could not be answered, only worked on a second time ({@code /digest now} would post
   * twice). Kept in memory: an interaction goes to the one connection that serves its guild.
   */
  private boolean firstDelivery(Interaction event) {
    if (recent.add(event.getIdLong())) {
      return true;
    }
    log.info("discord interaction delivered again id={} type={}", event.getId(), event.getType());
    return false;
  }

  /**
   * Stops taking interactions (new ones are told to try again), defers every one still being worked
   * on so none runs out of time, and waits up to {@code grace} for their answers to go out. Only
   * then may JDA close: its requester refuses work after that.
   */
  void drain(Duration grace) throws InterruptedException {
    stopping = true;
    inFlight.forEach(InteractionAnswer::defer);
    workers.shutdown();
    deadlines.shutdown();
    CompletableFuture<?> all =
        CompletableFuture.allOf(
            inFlight.stream().map(InteractionAnswer::sent).toArray(CompletableFuture[]::new));
    try {
      all.get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException late) {
      log.warn("discord stopping with answers unsent count={}", inFlight.size());
    } catch (ExecutionException impossible) {
      // the futures only ever complete normally
    }
  }

  /** Interactions taken but not yet answered in full. */
  int inFlight() {
    return inFlight.size();
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
