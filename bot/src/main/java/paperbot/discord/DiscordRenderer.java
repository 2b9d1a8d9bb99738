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
  static final int MAX_TITLE = 256;

  /** The longest link an embed's title may carry (JDA's check; Discord documents no lower one). */
  static final int MAX_URL = 2000;

  static final int MAX_FIELD_VALUE = 1024;
  static final int MAX_EMBED_TOTAL = 6000;
  static final int MAX_ROWS = 5;
  static final int MAX_BUTTONS_PER_ROW = 5;
  static final int MAX_LABEL = 80;

  /** Four rows for papers leave one for next page and share. */
  static final int MAX_CARDS_WITH_BUTTONS = MAX_ROWS - 1;

  static final int MAX_FIELDS = 25;
  static final int MAX_CONTENT = 2000;
  static final int MAX_EMBEDS = 10;
  static final int MAX_ALLOWED_MENTIONS = 100;

  /** A snippet shorter than this says nothing; a field without room for it goes without. */
  private static final int MIN_SNIPPET = 40;

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
      // Text past a message's 2,000 characters (a /topics list of 30 topics, mutes and follows)
      // goes on in embeds, which hold 6,000 more.
      String text = reply.text().isBlank() ? "…" : markdown(reply.text());
      int end = text.length() <= MAX_CONTENT ? text.length() : lineEnd(text, MAX_CONTENT);
      message.setContent(text.substring(0, end));
      if (end < text.length()) {
        message.setEmbeds(textEmbeds(text.substring(end).stripLeading()));
      }
    } else {
      message.setEmbeds(embed(reply));
    }
    if (message.getContent().isEmpty()) {
      // Mentions in an embed never notify: the members a digest mentions are named in the
      // content too, each whole.
      StringBuilder content = new StringBuilder();
      for (String id : mentioned(reply)) {
        String mention = (content.isEmpty() ? "" : " ") + "<@" + id + ">";
        if (content.length() + mention.length() <= MAX_CONTENT) {
          content.append(mention);
        }
      }
      if (!content.isEmpty()) {
        message.setContent(content.toString());
      }
    }
    // Only the members the core mentions may be notified, and only where a mention notifies: in
    // the content. Discord takes at most 100 ids in allowed_mentions.
    String content = message.getContent();
    message.mentionUsers(
        mentioned(reply).stream()
            .filter(id -> content.contains("<@" + id + ">"))
            .limit(MAX_ALLOWED_MENTIONS)
            .toList());
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

  /**
   * Text as embed descriptions split between lines, within the 6,000 characters all embeds may hold
   * together; what is left past them is cut.
   */
  private static List<MessageEmbed> textEmbeds(String text) {
    List<MessageEmbed> embeds = new ArrayList<>();
    String rest = cut(text, MAX_EMBED_TOTAL);
    while (!rest.isEmpty() && embeds.size() < MAX_EMBEDS) {
      int end = rest.length() <= MAX_DESCRIPTION ? rest.length() : lineEnd(rest, MAX_DESCRIPTION);
      embeds.add(
          new EmbedBuilder().setColor(EMBED_COLOUR).setDescription(rest.substring(0, end)).build());
      rest = rest.substring(end).stripLeading();
    }
    return embeds;
  }

  /**
   * The reply text and a field per paper. The 6,000 characters an embed may hold are shared out:
   * each paper gets an equal part of what is left, its snippet cut first, so a /saved list of 20
   * shows all 20 (shorter) rather than the first few whole.
   */
  private static MessageEmbed embed(Reply reply) {
    if (reply.cards().size() == 1 && !fitsAField(reply.cards().get(0))) {
      return loneCard(reply, reply.cards().get(0));
    }
    EmbedBuilder embed = new EmbedBuilder().setColor(EMBED_COLOUR);
    int budget = MAX_EMBED_TOTAL;
    if (!reply.text().isBlank()) {
      String description = cut(markdown(reply.text()), MAX_DESCRIPTION);
      embed.setDescription(description);
      budget -= description.length();
    }
    List<PaperCard> cards = reply.cards().subList(0, Math.min(MAX_FIELDS, reply.cards().size()));
    for (int i = 0; i < cards.size(); i++) {
      int share = budget / (cards.size() - i);
      String name =
          cut((i + 1) + ". " + escaped(cards.get(i).title()), Math.min(MAX_FIELD_NAME, share / 3));
      String value = fieldValue(cards.get(i), Math.min(MAX_FIELD_VALUE, share - name.length()));
      embed.addField(name, value, false);
      budget -= name.length() + value.length();
    }
    return embed.build();
  }

  private static boolean fitsAField(PaperCard card) {
    return fieldValue(card, Integer.MAX_VALUE).length() <= MAX_FIELD_VALUE;
  }

  /**
   * One paper whose text a field's 1,024 characters would cut (/paper's full abstract): its title
   * heads the embed and its text follows the reply's in the description, which holds 4,096.
   */
  private static MessageEmbed loneCard(Reply reply, PaperCard card) {
    EmbedBuilder embed = new EmbedBuilder().setColor(EMBED_COLOUR);
    String title = cut(escaped(card.title()), MAX_TITLE);
    embed.setTitle(title, linkable(card.url()) ? card.url() : null);
    String text = reply.text().isBlank() ? "" : cut(markdown(reply.text()), MAX_DESCRIPTION / 2);
    String separator = text.isEmpty() ? "" : "\n\n";
    int room = Math.min(MAX_DESCRIPTION, MAX_EMBED_TOTAL - title.length()) - text.length();
    embed.setDescription(text + separator + fieldValue(card, room - separator.length()));
    return embed.build();
  }

  /** What JDA takes as an embed title's link (it throws on anything else). */
  private static boolean linkable(String url) {
    return url.length() <= MAX_URL && LINK.matcher(url).matches();
  }

  private static final Pattern LINK = Pattern.compile("https?://\\S+");

  /**
   * Link and id, byline, the snippet, the why-line: at most {@code max}. The link and id always
   * show; the why-line takes up to half of the rest, the byline what the snippet leaves it, and the
   * snippet goes without when it would be too short to say anything. Authors and abstract are the
   * sources' text, escaped: an abstract's {@code [text](url)} is no link.
   */
  private static String fieldValue(PaperCard card, int max) {
    String head = fieldHead(card, max);
    int left = max - head.length();
    String why = whyLine(card.why(), left / 2);
    left -= why.length();
    String snippet = card.snippet().isBlank() ? "" : escaped(card.snippet());
    String byline = "";
    if (!card.byline().isEmpty()) {
      int keep = snippet.isEmpty() ? 0 : Math.min(snippet.length() + 1, left / 2);
      byline = byline(card, left - keep);
      left -= byline.length();
    }
    String shown = left - 1 < MIN_SNIPPET || snippet.isEmpty() ? "" : "\n" + cut(snippet, left - 1);
    return head + byline + shown + why;
  }

  /** The link and the id; the id alone when the link could not leave room for anything else. */
  private static String fieldHead(PaperCard card, int max) {
    String id = "`" + card.id() + "`";
    String link =
        "["
            + (card.url().contains("arxiv.org/abs/") ? "arXiv" : "find on arXiv")
            + "]("
            + card.url()
            + ") · ";
    return link.length() + id.length() <= max / 2 ? link + id : id;
  }

  /**
   * The why-line in italics, in at most {@code max} characters or not at all. Cut, it is cut as
   * plain escaped text, so that the cut ends no mention or emphasis half-way and the italics close.
   */
  private static String whyLine(String why, int max) {
    if (why.isBlank()) {
      return "";
    }
    String whole = "\n*" + markdown(why) + "*";
    if (whole.length() <= max) {
      return whole;
    }
    String plain = escaped(UserText.plain(why));
    return max < MIN_SNIPPET ? "" : "\n*" + cut(plain, max - 3) + "*";
  }

  /**
   * " · authors · date · ▲ n" in at most {@code max}: the authors are cut first, so that the date
   * still shows beside a long author list.
   */
  private static String byline(PaperCard card, int max) {
    String whole = " · " + escaped(card.byline());
    String authors = card.authors() == null ? "" : card.authors();
    if (whole.length() <= max || authors.isBlank()) {
      return cutWhole(whole, max);
    }
    String rest = escaped(card.byline().substring(authors.length()));
    int room = max - " · ".length() - rest.length();
    return room < MIN_SNIPPET ? cutWhole(whole, max) : " · " + cut(escaped(authors), room) + rest;
  }

  /** {@link #cut}, or nothing when not even an ellipsis fits. */
  private static String cutWhole(String text, int max) {
    return max < 2 ? "" : cut(text, max);
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
   * ||spoiler||}, {@code [link](url)}, {@code <@123>} and {@code @everyone} show as typed. Web
   * addresses stay as written, so that their links lead where they say.
   */
  static String escaped(String text) {
    return UserText.outsideLinks(text, part -> MARKDOWN.matcher(part).replaceAll("\\\\$0"));
  }

  private static final Pattern MARKDOWN = Pattern.compile("[\\\\*_~`|>\\[\\]#<@]");

  /** At most {@code max} characters, the last an ellipsis when anything was cut. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return max < 1 ? "" : text.substring(0, cutPoint(text, max - 1)) + "…";
  }

  /** Where a part of at most {@code max} characters ends: at a line's end where there is one. */
  private static int lineEnd(String text, int max) {
    int newline = text.lastIndexOf('\n', max);
    return newline > 0 ? newline : cutPoint(text, max);
  }

  /**
   * Where to cut to at most {@code max} characters: never between a surrogate pair's halves, nor
   * between an escaping backslash and what it escapes (the next part would start with a bare {@code
   * *} or {@code @}).
   */
  static int cutPoint(String text, int max) {
    if (max <= 0) {
      return 0;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    int backslashes = 0;
    while (backslashes < end && text.charAt(end - 1 - backslashes) == '\\') {
      backslashes++;
    }
    return backslashes % 2 == 1 ? end - 1 : end;
  }
}
