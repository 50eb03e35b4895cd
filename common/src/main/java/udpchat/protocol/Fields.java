package udpchat.protocol;

import java.util.regex.Pattern;
import udpchat.text.Names;

/** Checks shared by the records' constructors; a failure becomes a {@code bad-field} refusal. */
final class Fields {

  /** A session token or client id: 128 random bits in unpadded base64url, 22 characters. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");

  private Fields() {}

  static String session(String session) {
    return token("session", session);
  }

  static String token(String field, String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      throw new IllegalArgumentException(field + " must be a 22-character token");
    }
    return token;
  }

  /** A name the server sends: well formed (a name set before the script rules is still shown). */
  static String name(String field, String name) {
    Names.formProblem(name)
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

  static long positive(String field, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(field + " must be at least 1");
    }
    return value;
  }

  /** An optional number: absent (null), or not negative. */
  static Long optionalNonNegative(String field, Long value) {
    if (value != null) {
      nonNegative(field, value);
    }
    return value;
  }

  /**
   * The stream fields of a room event: {@code prev} (when delivered in a member's stream) comes
   * before {@code seq}; {@code ref} and {@code of} (when recalled by {@code history}) go together.
   */
  static void roomEvent(long seq, Long prev, Long ref, Integer of) {
    positive("seq", seq);
    if (prev != null && (prev < 0 || prev >= seq)) {
      throw new IllegalArgumentException("prev must be below seq");
    }
    if ((ref == null) != (of == null)) {
      throw new IllegalArgumentException("ref and of go together");
    }
    if (ref != null && (ref < 0 || of < 1)) {
      throw new IllegalArgumentException("ref must not be negative and of must be at least 1");
    }
    if (prev != null && ref != null) {
      throw new IllegalArgumentException(
          "an event is either in the stream (prev) or recalled (ref)");
    }
  }
}
