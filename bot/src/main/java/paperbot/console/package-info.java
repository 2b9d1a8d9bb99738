/**
 * The local console chat: reads commands from a terminal or a pipe and prints replies as text. Like
 * every adapter it only translates; it must not rank, query storage or word answers itself.
 */
package paperbot.console;
