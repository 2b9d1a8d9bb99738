/**
 * The launcher's command line: {@code chat} (the default), {@code search} and {@code stats}, parsed
 * by picocli. Subcommands call the same core and recommender the chat adapters use; they hold no
 * ranking of their own.
 */
package paperbot.cli;
