package udpchat.protocol;

import java.util.regex.Pattern;

/** Checks shared by the records' constructors; a failure becomes a {@code bad-field} refusal. */
final class Fields {

  /** A session token: 128 random bits in unpadded base64url, always 22 characters. */
  private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{22}");

  private Fields() {}

  static String session(String session) {
    if (session == null || !SESSION.matcher(session).matches()) {
      throw new IllegalArgumentException("session must be a 22-character token");
    }
    return session;
  }

  static String name(String field, String name) {
    Names.problem(name)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(field + ": " + problem);
            });
    return name;
  }

  static String text(String field, String text) {
    if (text == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return text;
  }

  static long nonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative");
    }
    return value;
  }
}
