/**
 * The Discord adapter on JDA: slash commands, buttons and autocomplete in, embeds and components
 * out. It only translates between Discord interactions and the command core; no ranking, SQL or
 * user-facing wording.
 */
package paperbot.discord;
