/**
 * The Slack adapter on Bolt for Java: slash commands and buttons in, Block Kit out, over HTTP or
 * Socket Mode. It only translates between Slack payloads and the command core; it must hold no
 * ranking, SQL or user-facing wording.
 */
package paperbot.slack;
