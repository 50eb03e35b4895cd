package udpchat.server.journal;

/**
 * Why the server will not start, said so that the person starting it can act: the data folder is
 * another server's, the journal is damaged or sealed with another key. The command prints the
 * message as one line and exits with status 1; nothing on disk was changed.
 */
public final class StartRefused extends RuntimeException {

  public StartRefused(String message) {
    super(message, null, false, false); // a user's situation, not a bug: no stack trace
  }
}
