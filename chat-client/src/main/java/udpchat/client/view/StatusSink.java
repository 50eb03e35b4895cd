package udpchat.client.view;

/** Where the status line goes: the terminal's bottom line, or nowhere (plain mode). */
public interface StatusSink {

  StatusSink NONE = report -> {};

  /** Shows {@code report}; safe from any thread; cheap when nothing changed. */
  void showStatus(Report report);

  /**
   * What the status line says.
   *
   * @param address the server's address as the user knows it
   * @param online the members online, by the server's last count
   * @param connection the state, like {@code connected} or {@code reconnecting}
   * @param rttMs the round-trip time of the last answered heartbeat, or -1 before the first
   * @param remark anything else worth a glance (like {@code away}), or {@code null}
   */
  record Report(String address, int online, String connection, long rttMs, String remark) {}
}
