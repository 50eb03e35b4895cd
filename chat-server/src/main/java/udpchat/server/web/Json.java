package udpchat.server.web;

/** JSON text for the operator's routes, where names and addresses come from the network. */
public final class Json {

  private Json() {}

  /**
   * A JSON string: quotes, backslashes, control characters and the markup characters {@code <},
   * {@code >}, {@code &} written as {@code \\uXXXX}, so a page that shows it cannot be fed markup
   * (nor a {@code </script>} end a script it sits in).
   */
  public static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\' || c < 0x20 || c == '<' || c == '>' || c == '&' || c > 0x7e) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
