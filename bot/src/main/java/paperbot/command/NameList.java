package paperbot.command;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import paperbot.chat.UserText;
import paperbot.recommender.search.PaperIndex;

/**
 * A typed list of names or terms, read group by group: semicolons part the groups, as a citation
 * parts its authors ("Levine, Sergey; Finn, Chelsea"), and so, in a list of names, does "and"
 * ("Levine, S. and Finn, C." as BibTeX writes it, "Sergey Levine and Chelsea Finn"); commas part
 * the items of a group. Each group of two may be one name surname first ({@link SurnameFirst}). A
 * list of surnames each with its initials is a citation's too, commas and all ("Levine, S., Finn,
 * C., & Abbeel, P."). Read as one list, a citation of two authors was followed as four names.
 *
 * @param groups each group as read, in the order typed
 */
record NameList(List<SurnameFirst.Reading> groups) {
  /** Groups whose names are looked up in the papers' author lists; far more than anyone keeps. */
  static final int MAX_LOOKED_UP = 100;

  private static final Pattern GROUP = Pattern.compile(";");

  /** "and" between two names; a muted term such as "search and rescue" keeps it. */
  private static final Pattern AND = Pattern.compile("(?i)\\s+and\\s+");

  /**
   * "&" before a citation's last author ("Levine, S., & Finn, C."); elsewhere it may be part of a
   * name ("AT&T Labs", "Name & co").
   */
  private static final Pattern AMPERSAND = Pattern.compile("\\s+&\\s+");

  /**
   * The typed list, read.
   *
   * @param item what an item is as read (an author's name without its {@code @} or quotes)
   * @param had the member's names of the same kind ({@link SurnameFirst#of})
   * @param names true for people's names (follows), false for muted terms
   */
  static NameList read(
      String text,
      UnaryOperator<String> item,
      PaperIndex index,
      Supplier<List<String>> had,
      boolean names) {
    List<List<String>> groups = new ArrayList<>();
    for (String group : GROUP.split(text)) {
      for (String part : names ? AND.split(group) : new String[] {group}) {
        groups.addAll(names ? ofNames(part, item) : whole(items(part, item)));
      }
    }
    // Several groups, each a surname and given names: a citation's list, one person per group.
    boolean cited = groups.size() > 1 && groups.stream().allMatch(SurnameFirst::surnameFirst);
    List<List<String>> loaded = new ArrayList<>(1);
    Supplier<List<String>> theirs =
        () -> {
          if (loaded.isEmpty()) {
            loaded.add(had.get()); // one load for every group
          }
          return loaded.get(0);
        };
    List<SurnameFirst.Reading> read = new ArrayList<>();
    for (List<String> items : groups) {
      // A pasted list past what anyone keeps is refused for its length: no need to look it up.
      read.add(
          read.size() < MAX_LOOKED_UP
              ? SurnameFirst.of(items, index, theirs, names, cited)
              : new SurnameFirst.Reading(items, items, null, List.of()));
    }
    return new NameList(List.copyOf(read));
  }

  /**
   * A part of a list of names as groups: a citation's surnames with their initials in pairs, split
   * at an "&" too; otherwise the part whole.
   */
  private static List<List<String>> ofNames(String part, UnaryOperator<String> item) {
    List<List<String>> pairs = new ArrayList<>();
    for (String piece : AMPERSAND.split(part)) {
      List<List<String>> cited = pairs(items(piece, item));
      if (cited == null) {
        return whole(items(part, item));
      }
      pairs.addAll(cited);
    }
    return pairs;
  }

  /**
   * Items two by two when they are a surname and given names, or surnames each followed by its
   * initials ("Levine", "S.", "Finn", "C."), which are no one's name alone; else null.
   */
  private static List<List<String>> pairs(List<String> items) {
    if (SurnameFirst.surnameFirst(items)) {
      return List.of(items);
    }
    if (items.size() < 4 || items.size() % 2 != 0) {
      return null;
    }
    List<List<String>> pairs = new ArrayList<>();
    for (int i = 0; i < items.size(); i += 2) {
      List<String> pair = items.subList(i, i + 2);
      if (!SurnameFirst.surnameAndInitials(pair)) {
        return null;
      }
      pairs.add(List.copyOf(pair));
    }
    return pairs;
  }

  private static List<String> items(String part, UnaryOperator<String> item) {
    return Listing.items(part).stream().map(item).toList();
  }

  private static List<List<String>> whole(List<String> items) {
    return items.isEmpty() ? List.of() : List.of(items);
  }

  /** The names to act on, group after group. */
  List<String> names() {
    return groups.stream().flatMap(group -> group.names().stream()).toList();
  }

  /** True when a group may be several people's; the member picks. */
  boolean ambiguous() {
    return groups.stream().anyMatch(SurnameFirst.Reading::ambiguous);
  }

  /** True when a group was read as one name, or may be several people's. */
  boolean joined() {
    return groups.stream().anyMatch(SurnameFirst.Reading::joined);
  }

  /** The people the first group that may be several people's may be. */
  List<String> people() {
    return groups.stream()
        .filter(SurnameFirst.Reading::ambiguous)
        .findFirst()
        .map(SurnameFirst.Reading::people)
        .orElse(List.of());
  }

  /**
   * " (read “Levine, Sergey” as one name)", " (read “Levine, Sergey” and “Finn, Chelsea” as one
   * name each)", or "" when no group was joined.
   */
  String note() {
    List<String> typed =
        groups.stream()
            .filter(SurnameFirst.Reading::joined)
            .map(group -> "“" + UserText.literal(group.typed()) + "”")
            .toList();
    if (typed.isEmpty() || ambiguous()) {
      return "";
    }
    return " (read "
        + Listing.of(typed)
        + (typed.size() == 1 ? " as one name)" : " as one name each)");
  }

  /** "“Levine, S.” could be *Sergey Levine* or *Samuel Levine*", for each such group. */
  String choices() {
    return String.join(
        "; ",
        groups.stream()
            .filter(SurnameFirst.Reading::ambiguous)
            .map(SurnameFirst.Reading::choices)
            .toList());
  }

  /** For removing: each group as stored ({@link SurnameFirst.Reading#asStored}). */
  NameList asStored(List<String> had) {
    return new NameList(groups.stream().map(group -> group.asStored(had)).toList());
  }
}
