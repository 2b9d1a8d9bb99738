package paperbot.discord;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import paperbot.chat.PaperCard;
import paperbot.chat.Reply;
import paperbot.chat.ReplyButton;
import paperbot.chat.UserText;

/**
 * Lays a {@link Reply} out as a Discord message: one embed (the reply text as description, a field
 * per paper) and a button row per paper plus one for the reply's buttons, within Discord's embed
 * and component limits.
 */
final class DiscordRenderer {
  /**
   * Discord limits (discord.com/developers/docs/resources/message#embed-object-embed-limits and
   * components).
   */
  static final int MAX_DESCRIPTION = 4096;

  static final int MAX_FIELD_NAME = 256;
  static final int MAX_FIELD_VALUE = 1024;
  static final int MAX_EMBED_TOTAL = 6000;
  static final int MAX_ROWS = 5;
  static final int MAX_BUTTONS_PER_ROW = 5;
  static final int MAX_LABEL = 80;

  /** Four rows for papers leave one for next page and share. */
  static final int MAX_CARDS_WITH_BUTTONS = MAX_ROWS - 1;

  static final int MAX_FIELDS = 25;
  private static final int EMBED_COLOUR = 0x2C3E50;

  private final ButtonIds buttonIds;

  DiscordRenderer(ButtonIds buttonIds) {
    this.buttonIds = buttonIds;
  }

  /**
   * The message; {@code owner} is the member whose request produced it, recorded in every button.
   */
  MessageCreateData render(Reply reply, String owner) {
    // Paper text is not ours: a title with "@everyone" must never ping a server.
    MessageCreateBuilder message =
        new MessageCreateBuilder().setAllowedMentions(EnumSet.noneOf(MentionType.class));
    if (reply.cards().isEmpty()) {
      message.setContent(cut(reply.text().isBlank() ? "…" : markdown(reply.text()), 2000));
    } else {
      message.setEmbeds(embed(reply));
      // Mentions in an embed never notify: the members a digest mentions are named in the
      // content too.
      List<String> mentioned = mentioned(reply);
      if (!mentioned.isEmpty()) {
        message.setContent(
            cut(String.join(" ", mentioned.stream().map(id -> "<@" + id + ">").toList()), 2000));
      }
    }
    // Only the members the core mentions may be notified.
    message.mentionUsers(mentioned(reply));
    message.setComponents(rows(reply, owner));
    if (reply.attachment() != null) {
      message.addFiles(
          FileUpload.fromData(reply.attachment().bytes(), reply.attachment().fileName()));
    }
    return message.build();
  }

  /** The members the reply mentions, each once. */
  private static List<String> mentioned(Reply reply) {
    Set<String> ids = new LinkedHashSet<>(UserText.mentioned(reply.text()));
    reply.cards().forEach(card -> ids.addAll(UserText.mentioned(card.why())));
    return List.copyOf(ids);
  }

  private static MessageEmbed embed(Reply reply) {
    EmbedBuilder embed = new EmbedBuilder().setColor(EMBED_COLOUR);
    int budget = MAX_EMBED_TOTAL;
    if (!reply.text().isBlank()) {
      String description = cut(markdown(reply.text()), Math.min(MAX_DESCRIPTION, budget));
      embed.setDescription(description);
      budget -= description.length();
    }
    int number = 1;
    for (PaperCard card : reply.cards().subList(0, Math.min(MAX_FIELDS, reply.cards().size()))) {
      String name = cut(number + ". " + card.title(), MAX_FIELD_NAME);
      String value = cut(fieldValue(card), MAX_FIELD_VALUE);
      if (name.length() + value.length() > budget) {
        break; // the 6,000-character embed total is spent; the rest would be cut by Discord anyway
      }
      embed.addField(name, value, false);
      budget -= name.length() + value.length();
      number++;
    }
    return embed.build();
  }

  private static String fieldValue(PaperCard card) {
    StringBuilder value = new StringBuilder();
    value
        .append("[")
        .append(card.url().contains("arxiv.org/abs/") ? "arXiv" : "find on arXiv")
        .append("](")
        .append(card.url())
        .append(") · `")
        .append(card.id())
        .append('`');
    if (!card.byline().isEmpty()) {
      value.append(" · ").append(card.byline());
    }
    if (!card.snippet().isBlank()) {
      value.append('\n').append(card.snippet());
    }
    if (!card.why().isBlank()) {
      value.append("\n*").append(markdown(card.why())).append('*');
    }
    return value.toString();
  }

  private List<ActionRow> rows(Reply reply, String owner) {
    List<ActionRow> rows = new ArrayList<>();
    int number = 1;
    for (PaperCard card : reply.cards()) {
      if (rows.size() == MAX_CARDS_WITH_BUTTONS || card.buttons().isEmpty()) {
        break;
      }
      rows.add(row(card.buttons(), owner, " #" + number++));
    }
    if (!reply.buttons().isEmpty() && rows.size() < MAX_ROWS) {
      rows.add(row(reply.buttons(), owner, ""));
    }
    return rows;
  }

  private ActionRow row(List<ReplyButton> buttons, String owner, String suffix) {
    List<Button> row = new ArrayList<>();
    for (ReplyButton button : buttons.subList(0, Math.min(MAX_BUTTONS_PER_ROW, buttons.size()))) {
      String id = buttonIds.encode(button.actionId(), owner, button.value());
      row.add(Button.secondary(id, cut(button.label() + suffix, MAX_LABEL)));
    }
    return ActionRow.of(row);
  }

  /**
   * The core's text as Discord markdown: the text it echoes of members and papers (topics, authors,
   * queries, titles) italic or plain, escaped so it neither formats nor mentions. No mention pings
   * anyway: every message allows none.
   */
  static String markdown(String text) {
    return UserText.render(text, part -> "*" + escaped(part) + "*", DiscordRenderer::escaped);
  }

  /**
   * A backslash before every character Discord's markdown or mentions read: {@code *Bold*}, {@code
   * ||spoiler||}, {@code [link](url)}, {@code <@123>} and {@code @everyone} show as typed.
   */
  static String escaped(String text) {
    return MARKDOWN.matcher(text).replaceAll("\\\\$0");
  }

  private static final Pattern MARKDOWN = Pattern.compile("[\\\\*_~`|>\\[\\]#<@]");

  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
