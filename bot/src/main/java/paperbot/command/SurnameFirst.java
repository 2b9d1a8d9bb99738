package paperbot.command;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import paperbot.chat.UserText;
import paperbot.recommender.search.PaperIndex;

/**
 * A list of two typed as bibliographies and some author lists write one name, surname first:
 * "Levine, Sergey", "Levine, S.", "Levine, Sergey M.", "van de Meent, Jan-Willem". The comma also
 * separates a list of names, so the two are read as one person only when papers list such an author
 * ("Levine, Finn", two surnames, stays two names), when the second is only initials, which name no
 * one alone, or when the list is a citation's, every name in it surname first ({@link NameList}).
 */
final class SurnameFirst {
  /** A name of two letters or more: "Levine", "O'Brien", "Garcia-Lopez". */
  private static final String WORD = "\\p{L}[\\p{L}'’-]*\\p{L}";

  /** Initials: "S", "S.", "S.M.", "J.-W.". */
  private static final String INITIALS = "(?:\\p{L}\\.-?)*\\p{L}\\.?";

  /** Initials in capitals. */
  private static final String CAPITALS = "(?:\\p{Lu}\\.-?)*\\p{Lu}\\.?";

  /** A surname of up to four words: "Levine", "de Freitas", "van de Meent", "García Márquez". */
  private static final Pattern SURNAME = Pattern.compile(WORD + "(?: " + WORD + "){0,3}");

  /** A given name, or initials, and up to two middle initials: "Sergey", "Sergey M.", "S. M.". */
  private static final Pattern GIVEN =
      Pattern.compile("(?:" + WORD + "|" + INITIALS + ")(?: " + INITIALS + "){0,2}");

  /**
   * Capital initials only ("S.", "S. M."): no one's name alone, so read with the surname even when
   * no paper lists the person yet.
   */
  private static final Pattern ONLY_INITIALS =
      Pattern.compile(CAPITALS + "(?: " + CAPITALS + "){0,2}");

  /**
   * How a typed list was read.
   *
   * @param items the items as typed
   * @param names the names to act on: the one person's, or the items as typed
   * @param typed the two items as typed ("Levine, Sergey") when they were read as one name (or
   *     could be several people's), else null
   * @param people when papers list more than one person so named, them; the member picks one
   */
  record Reading(List<String> items, List<String> names, String typed, List<String> people) {
    boolean ambiguous() {
      return people.size() > 1;
    }

    /**
     * For removing: the items as typed when the member has each of them and not the one name, as a
     * "Levine, Sergey" followed before it was read as one name was stored ("Levine" and "Sergey"),
     * so typing it again undoes it.
     */
    Reading asStored(List<String> had) {
      boolean apart =
          !having(had, items.subList(0, 1)).isEmpty()
              && !having(had, items.subList(1, 2)).isEmpty();
      return joined() && apart && having(had, ambiguous() ? people : names).isEmpty()
          ? new Reading(items, items, null, List.of())
          : this;
    }

    /** True when the two were read as one name, or could be several people's. */
    boolean joined() {
      return typed != null;
    }

    /** "“Levine, S.” could be *Sergey Levine* or *Samuel Levine*". */
    String choices() {
      return "“"
          + UserText.literal(typed)
          + "” could be "
          + Listing.of(people.stream().map(UserText::emphasis).toList(), "or");
    }
  }

  private SurnameFirst() {}

  /**
   * The typed items ({@link Listing#items}), as one person's name when that is what they are.
   *
   * @param had the member's names of the same kind (followed authors, muted terms): one of them
   *     that the two name is the person meant, whoever else papers list so
   * @param names true when the list is of people's names (follows), where initials are no name
   *     alone; false for muted terms, where "video, X" may mean two terms
   * @param cited true when the two are one of several names typed as a citation lists them
   *     ("Levine, Sergey; Finn, Chelsea"): one person's name, whether papers list them or not
   */
  static Reading of(
      List<String> items,
      PaperIndex index,
      Supplier<List<String>> had,
      boolean names,
      boolean cited) {
    if (!surnameFirst(items)) {
      return new Reading(items, items, null, List.of());
    }
    String typed = items.get(0) + ", " + items.get(1);
    String reversed = items.get(1) + " " + items.get(0);
    List<String> theirs = had.get();
    List<String> own = having(theirs, List.of(reversed));
    if (!own.isEmpty()) {
      return new Reading(items, own.subList(0, 1), typed, List.of());
    }
    List<String> people = index.authorsNamed(items.get(1), items.get(0));
    own = having(theirs, people);
    if (own.size() == 1 || people.size() == 1) {
      return new Reading(items, own.isEmpty() ? people : own, typed, List.of());
    }
    if (people.size() > 1) {
      return new Reading(items, items, typed, people);
    }
    return names && (cited || ONLY_INITIALS.matcher(items.get(1)).matches())
        ? new Reading(items, List.of(reversed), typed, List.of())
        : new Reading(items, items, null, List.of());
  }

  /** True when the items are two, a surname and capital initials: "Levine", "S.". */
  static boolean surnameAndInitials(List<String> items) {
    return surnameFirst(items) && ONLY_INITIALS.matcher(items.get(1)).matches();
  }

  /** True when the items are two, a surname and given names or initials: "Levine", "Sergey". */
  static boolean surnameFirst(List<String> items) {
    return items.size() == 2
        && SURNAME.matcher(items.get(0)).matches()
        && GIVEN.matcher(items.get(1)).matches();
  }

  /** The member's names (as stored) that are among these, compared as profiles compare. */
  private static List<String> having(List<String> had, List<String> names) {
    List<String> keys = names.stream().map(TopicText::key).toList();
    return had.stream().filter(name -> keys.contains(TopicText.key(name))).toList();
  }
}
