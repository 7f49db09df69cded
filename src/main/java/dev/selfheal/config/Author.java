package dev.selfheal.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who selfheal's commits say wrote them ({@code delivery.author}, {@code "Name <email>"}): a bot
 * identity the team chooses, by default one no GitHub user can own (a login cannot hold {@code
 * [bot]}), so a fix is never attributed to a person's account. How selfheal knows its own commits.
 */
public record Author(String name, String email) {
  public static final Author DEFAULT =
      new Author("selfheal[bot]", "selfheal[bot]@users.noreply.github.com");

  /** The identity earlier versions committed with: their branches are still selfheal's. */
  public static final String LEGACY_EMAIL = "selfheal@users.noreply.github.com";

  private static final Pattern FORM =
      Pattern.compile("^\\s*([^<>\\n]+?)\\s*<([^<>\\s]+@[^<>\\s]+)>\\s*$");

  public Author {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    if (name.isBlank() || email.isBlank() || name.contains("\n") || email.contains("\n")) {
      throw new IllegalArgumentException("an author needs a name and an email on one line");
    }
  }

  /** {@code Name <email>}, or empty when the text is not of that form. */
  public static java.util.Optional<Author> parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text);
    return m.matches()
        ? java.util.Optional.of(new Author(m.group(1), m.group(2)))
        : java.util.Optional.empty();
  }

  /** The emails selfheal's own commits may carry: this one, the default and the legacy one. */
  public Set<String> ownEmails() {
    Set<String> own = new java.util.HashSet<>();
    own.add(email.toLowerCase(Locale.ROOT));
    own.add(DEFAULT.email().toLowerCase(Locale.ROOT));
    own.add(LEGACY_EMAIL.toLowerCase(Locale.ROOT));
    return Set.copyOf(own);
  }

  public boolean isOwn(String email) {
    return email != null && ownEmails().contains(email.strip().toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return name + " <" + email + ">";
  }
}
