package paperbot.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.chat.ChatAction;
import paperbot.chat.ChatRequest;
import paperbot.chat.CommandSpec;
import paperbot.chat.InvalidOption;
import paperbot.chat.Platform;
import paperbot.chat.Reply;
import paperbot.chat.ReplyButton;
import paperbot.chat.UserText;

/**
 * Routes requests and button presses to commands. This is the one place a handler failure is
 * caught: the member gets a short apology, the log gets the context, and the adapter never sees an
 * exception.
 */
public final class CommandRouter {
  private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);

  private static final Set<String> OWNER_ONLY =
      Set.of(ReplyButton.NEXT_PAGE, ReplyButton.CLEAR_TOPICS, ReplyButton.SAVED_BIBTEX);

  private final Map<String, ChatCommand> byName = new LinkedHashMap<>();
  private final PapersCommand papers;

  public CommandRouter(PapersCommand papers, List<ChatCommand> others) {
    this.papers = papers;
    register(papers);
    others.forEach(this::register);
  }

  private void register(ChatCommand command) {
    for (CommandSpec spec : command.specs()) {
      for (String name : Stream.concat(Stream.of(spec.name()), spec.aliases().stream()).toList()) {
        if (byName.putIfAbsent(name, command) != null) {
          throw new IllegalArgumentException("two commands named " + name);
        }
      }
    }
  }

  /**
   * Every slash command the core answers, in registration order: what each platform registers and
   * {@code /help} lists.
   */
  public List<CommandSpec> specs() {
    return byName.values().stream().distinct().flatMap(c -> c.specs().stream()).toList();
  }

  public Reply handle(ChatRequest request) {
    ChatCommand command = byName.get(request.command());
    // A paper's link or id pasted into a search means that paper: its words match nothing useful
    // ("https", "2303").
    if (command instanceof PapersCommand
        && PaperIds.isOnePaper(request.text())
        && byName.get(PaperCommand.NAME) instanceof PaperCommand paper) {
      command = paper;
    }
    if (command == null) {
      return unknown(request);
    }
    try {
      return command.handle(request);
    } catch (InvalidOption bad) {
      log.info(
          "option refused platform={} command={} reason={}",
          request.platform(),
          request.command(),
          bad.getMessage());
      return Reply.privateText(bad.getMessage());
    } catch (RuntimeException e) {
      log.error(
          "command failed platform={} workspace={} command={}",
          request.platform(),
          request.workspace(),
          request.command(),
          e);
      return Reply.privateText("Sorry, something went wrong with that command. Please try again.");
    }
  }

  public Reply handle(ChatAction action) {
    // Paging and clearing act on the asker's own list or profile: another member's press is
    // refused.
    if (action.byOtherMember() && OWNER_ONLY.contains(action.actionId())) {
      return Reply.privateText(
          "Sorry, that button belongs to someone else's request. Run the command yourself to "
              + "get your own.");
    }
    try {
      return switch (action.actionId()) {
        case ReplyButton.NEXT_PAGE -> pageAction(action, false);
        case ReplyButton.SHARE -> pageAction(action, true);
        case ReplyButton.LIKE -> handle(action.asRequest("like", action.value()));
        case ReplyButton.DISLIKE -> handle(action.asRequest("dislike", action.value()));
        case ReplyButton.SAVE -> handle(action.asRequest("save", action.value()));
        case ReplyButton.MORE_LIKE_THIS ->
            handle(action.asRequest(SimilarCommand.NAME, action.value()));
        case ReplyButton.SAVED_BIBTEX ->
            handle(action.asRequest(SavedCommand.NAME, SavedCommand.BIBTEX));
        case ReplyButton.CLEAR_TOPICS ->
            handle(action.asRequest(TopicsCommand.NAME, "clear " + TopicsCommand.CONFIRM));
        default -> Reply.privateText("Sorry, that button has expired. Run the command again.");
      };
    } catch (RuntimeException e) {
      log.error(
          "action failed platform={} workspace={} action={}",
          action.platform(),
          action.workspace(),
          action.actionId(),
          e);
      return Reply.privateText("Sorry, something went wrong with that button. Please try again.");
    }
  }

  /**
   * Cards for the arXiv links in a message (a link pasted in Slack, a message Discord's "Paper
   * card" was used on), posted for the channel.
   */
  public Reply linkCards(ChatRequest request) {
    return linked(request, CARDS_UNAVAILABLE, "link cards", PaperCommand::linkCards);
  }

  /**
   * Cards for the arXiv links in a message, shown to the member who asked alone (Slack's "Paper
   * card" shortcut); not counted as the channel's share.
   */
  public Reply privateCards(ChatRequest request) {
    return linked(request, CARDS_UNAVAILABLE, "private cards", PaperCommand::privateCards);
  }

  /** Saves the papers linked in a message for the member who asked. */
  public Reply saveLinked(ChatRequest request) {
    return linked(
        request, "Saving papers is not available here.", "saving links", PaperCommand::saveLinked);
  }

  private static final String CARDS_UNAVAILABLE = "Paper cards are not available here.";

  /** A message's links handled by the paper command, with the router's one catch around it. */
  private Reply linked(
      ChatRequest request,
      String unavailable,
      String work,
      BiFunction<PaperCommand, ChatRequest, Reply> handler) {
    if (!(byName.get(PaperCommand.NAME) instanceof PaperCommand paper)) {
      return Reply.privateText(unavailable);
    }
    try {
      return handler.apply(paper, request);
    } catch (RuntimeException e) {
      log.error(
          "{} failed platform={} workspace={}", work, request.platform(), request.workspace(), e);
      return Reply.privateText("Sorry, something went wrong with those links. Please try again.");
    }
  }

  /**
   * A channel the platform says was deleted: its digest ends (see {@link
   * DigestCommand#channelDeleted}). Never throws: the adapter's event thread must go on.
   */
  public void channelDeleted(Platform platform, String workspace, String channel) {
    if (!(byName.get("digest") instanceof DigestCommand digest)) {
      return;
    }
    try {
      digest.channelDeleted(platform.name(), workspace, channel);
    } catch (RuntimeException e) {
      log.error(
          "ending a deleted channel's digest failed platform={} workspace={} channel={}",
          platform,
          workspace,
          channel,
          e);
    }
  }

  /**
   * Suggestions for a command option as the member types (their own topics or mutes), in their
   * profile's order; the platform shows as many as it can. Only an option declared to autocomplete
   * gets any: a platform still holding an older registration may ask for another (a weight, which
   * takes numbers), and topics there would be refused or wrong.
   *
   * @param request the command, with its subcommand as text
   * @param option the option the member is typing in
   */
  public List<String> complete(ChatRequest request, String option, String prefix) {
    ChatCommand command = byName.get(request.command());
    if (command == null
        || command.specs().stream()
            .noneMatch(spec ->
                spec.name().equals(request.command())
                    && spec.autocompletes(request.text(), option))) {
      return List.of();
    }
    try {
      return command instanceof TopicsCommand topics ? topics.suggest(request, prefix) : List.of();
    } catch (RuntimeException e) {
      log.warn(
          "completion failed platform={} command={} error={}",
          request.platform(),
          request.command(),
          e.toString());
      return List.of();
    }
  }

  private Reply pageAction(ChatAction action, boolean share) {
    Optional<PapersQuery> page = PapersQuery.fromButton(action.value());
    if (page.isEmpty()) {
      return Reply.privateText("Sorry, that button has expired. Run the command again.");
    }
    ChatRequest request = action.asRequest(PapersCommand.NAME, "");
    return share ? papers.share(request, page.get()) : papers.showPage(request, page.get());
  }

  /**
   * A command paperbot does not have: the one the member most likely meant, written with their text
   * so it can be typed again, or the way to the list.
   */
  private Reply unknown(ChatRequest request) {
    String help = "Type `/" + HelpCommand.typedName(request.platform()) + "` to see what I can do.";
    Optional<String> meant = MistypedCommands.meant(request.command(), byName.keySet());
    if (meant.isEmpty()) {
      return Reply.privateText("I don't know `/" + shorten(request.command()) + "`. " + help);
    }
    String name =
        meant.get().equals(HelpCommand.CONSOLE_NAME)
            ? HelpCommand.typedName(request.platform())
            : meant.get();
    String text = UserText.shortened(request.text(), 60);
    return Reply.privateText(
        "I don't know `/"
            + shorten(request.command())
            + "`. Did you mean `/"
            + name
            + (text.isEmpty() ? "" : " " + text)
            + "`? "
            + help);
  }

  /**
   * A console line typed without its slash that is plainly a command ({@code help}, {@code topics
   * add offline rl}, {@code like pb-2605bad0}, {@code saved}), as the line with its slash; empty
   * for anything else, which is a search. A word that starts a search as often as it names a
   * command ({@code more efficient transformers}, {@code follow-up}) is a command only with what
   * that command takes after it.
   */
  public Optional<String> slashless(String line) {
    String text = UserText.normalise(line);
    if (text.startsWith("/")) {
      return Optional.empty();
    }
    int space = text.indexOf(' ');
    String name = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
    String rest = space < 0 ? "" : text.substring(space + 1);
    String next = rest.split(" ", 2)[0].toLowerCase(Locale.ROOT);
    ChatCommand command = byName.get(name);
    boolean meant =
        switch (command) {
          case null -> false;
          case HelpCommand help -> rest.isEmpty();
          case TopicsCommand topics -> rest.isEmpty() || TopicsCommand.ACTIONS.contains(next);
          case DigestCommand digest -> rest.isEmpty() || DigestCommand.ACTIONS.contains(next);
          case SavedCommand saved -> rest.isEmpty() || next.equals(SavedCommand.BIBTEX);
          case PaperCommand paper -> PaperIds.isOnePaper(rest);
          case FeedbackCommand feedback -> PaperIds.isOnePaper(rest);
          case SimilarCommand similar -> PaperIds.isOnePaper(rest);
          default -> false;
        };
    return meant ? Optional.of("/" + text) : Optional.empty();
  }

  private static String shorten(String name) {
    return UserText.shortened(name, 30);
  }
}
