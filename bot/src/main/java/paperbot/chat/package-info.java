/**
 * The platform-neutral chat vocabulary that commands, digests and adapters share: a {@link
 * paperbot.chat.ChatRequest} in, a {@link paperbot.chat.Reply} (with {@link
 * paperbot.chat.PaperCard}s and {@link paperbot.chat.ReplyButton}s) out, and the {@link
 * paperbot.chat.ChatOutbox} port each platform implements for unprompted posts. It depends on
 * nothing else in the bot, so commands and digests can both use it without depending on each other.
 * No chat SDK here.
 */
package paperbot.chat;
