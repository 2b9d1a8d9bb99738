/**
 * The platform-neutral command core: a {@link paperbot.chat.ChatRequest} in, a {@link
 * paperbot.chat.Reply} out. All user-facing wording lives here, so every platform says the same
 * thing; nothing here may depend on a chat SDK.
 */
package paperbot.command;
