package udpchat.client.view;

/** Where the status line goes: the terminal's bottom line, or nowhere (plain mode). */
public interface StatusSink {

  StatusSink NONE = report -> {};

  /** Shows {@code report}; safe from any thread; cheap when nothing changed. */
  void showStatus(StatusLine.Report report);
}
