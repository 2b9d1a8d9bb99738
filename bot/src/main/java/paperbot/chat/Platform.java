package paperbot.chat;

/** The chat platforms paperbot answers on; part of every member's identity. */
public enum Platform {
  CONSOLE,
  SLACK,
  DISCORD
}
