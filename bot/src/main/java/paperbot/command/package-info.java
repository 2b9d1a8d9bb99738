/**
 * The platform-neutral command core: a {@link paperbot.command.ChatRequest} in, a {@link
 * paperbot.command.Reply} out. All user-facing wording lives here, so every platform says the same
 * thing; nothing here may depend on a chat SDK.
 */
package paperbot.command;
