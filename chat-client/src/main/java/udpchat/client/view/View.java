package udpchat.client.view;

/**
 * Where the client shows events and reads what the user types. {@link #show} is called from the
 * receive and heartbeat threads while {@link #readLine} blocks on the main thread, so
 * implementations make {@code show} safe to call from any thread at any time.
 */
public interface View extends AutoCloseable {

  /**
   * The next line the user typed, without its line end, or {@code null} when input has ended
   * (Ctrl-D, end of file): the user is leaving.
   */
  String readLine(String prompt);

  /** Shows one event; safe from any thread, and never leaves a half-typed line garbled. */
  void show(Event event);

  /**
   * The prompt changed while a line may be being read (the server took a {@code /nick}): shown at
   * once where the view has a prompt; safe from any thread.
   */
  default void prompt(String prompt) {}

  /**
   * Show the time of each line from now on as {@code pattern} ({@code /set time_format}, like
   * {@code HH:mm}); safe from any thread. Views that show no time ignore it.
   */
  default void timeFormat(String pattern) {}

  @Override
  void close();
}
