package paperbot.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One slash command as every platform shows it, declared once by the command that handles it: the
 * Slack command list and manifest, Discord's registration (typed options and subcommands) and
 * {@code /help} are all derived from it, so they cannot disagree.
 *
 * @param name the command without slash, e.g. {@code papers}
 * @param description one line, at most 100 characters (Discord's limit)
 * @param usage Slack's usage hint, e.g. {@code [query] [more] | all} (empty when it takes nothing)
 * @param options typed options, for a command without subcommands
 * @param subcommands Discord subcommands (typed as the first word on Slack and in the console)
 * @param aliases other names the core answers to when typed (never registered on a platform)
 */
public record CommandSpec(
    String name,
    String description,
    String usage,
    List<Option> options,
    List<CommandSpec> subcommands,
    List<String> aliases) {

  public CommandSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    usage = usage == null ? "" : usage;
    options = List.copyOf(options);
    subcommands = List.copyOf(subcommands);
    aliases = List.copyOf(aliases);
    if (!options.isEmpty() && !subcommands.isEmpty()) {
      throw new IllegalArgumentException(name + ": options belong to its subcommands");
    }
  }

  /** A command that takes nothing. */
  public static CommandSpec command(String name, String description) {
    return new CommandSpec(name, description, "", List.of(), List.of(), List.of());
  }

  public CommandSpec usage(String hint) {
    return new CommandSpec(name, description, hint, options, subcommands, aliases);
  }

  public CommandSpec options(Option... more) {
    List<Option> all = new ArrayList<>(options);
    all.addAll(List.of(more));
    return new CommandSpec(name, description, usage, all, subcommands, aliases);
  }

  public CommandSpec subcommands(CommandSpec... more) {
    List<CommandSpec> all = new ArrayList<>(subcommands);
    all.addAll(List.of(more));
    return new CommandSpec(name, description, usage, options, all, aliases);
  }

  public CommandSpec aliases(String... more) {
    return new CommandSpec(name, description, usage, options, subcommands, List.of(more));
  }

  /**
   * Whether the option of this name, under the subcommand of that name (or of the command itself
   * when it has none), offers the member's own values as they type.
   */
  public boolean autocompletes(String subcommand, String option) {
    List<Option> declared =
        subcommands.isEmpty()
            ? options
            : subcommands.stream()
                .filter(sub -> sub.name().equals(subcommand))
                .flatMap(sub -> sub.options().stream())
                .toList();
    return declared.stream().anyMatch(o -> o.name().equals(option) && o.autocomplete());
  }

  /** The line {@code /help} shows for this command. */
  public String helpLine(String typedName) {
    return "/" + typedName + (usage.isEmpty() ? "" : " " + usage) + " · " + description;
  }

  /**
   * What an option holds; each platform maps it to its own type (Discord: STRING, NUMBER, BOOLEAN).
   */
  public enum Kind {
    TEXT,
    NUMBER,
    FLAG
  }

  /**
   * One typed option.
   *
   * @param name lower case, e.g. {@code query}
   * @param kind what it holds
   * @param description one line, at most 100 characters
   * @param required whether the command needs it
   * @param autocomplete whether the platform should offer the member's own values as they type
   *     (their topics, their mutes)
   * @param choices the only values it takes, or empty for any
   */
  public record Option(
      String name,
      Kind kind,
      String description,
      boolean required,
      boolean autocomplete,
      List<String> choices) {
    public Option {
      choices = List.copyOf(choices);
    }

    /** A required text option. */
    public static Option text(String name, String description) {
      return new Option(name, Kind.TEXT, description, true, false, List.of());
    }

    /** An optional number. */
    public static Option number(String name, String description) {
      return new Option(name, Kind.NUMBER, description, false, false, List.of());
    }

    /** An optional yes/no switch. */
    public static Option flag(String name, String description) {
      return new Option(name, Kind.FLAG, description, false, false, List.of());
    }

    public Option optional() {
      return new Option(name, kind, description, false, autocomplete, choices);
    }

    public Option autocompleted() {
      return new Option(name, kind, description, required, true, choices);
    }

    public Option choices(String... values) {
      return new Option(name, kind, description, required, autocomplete, List.of(values));
    }
  }
}
