package udpchat.client.view.narrator;

import udpchat.client.view.Event;
import udpchat.client.view.View;
import udpchat.time.WallStamps;

/**
 * What the client says about the server's key: its fingerprint on first contact, and a refusal when
 * it is not the key trusted. A refusal comes again with each join attempt (every few seconds), so
 * it is said once and then counted ({@link RepeatedErrors}).
 */
public final class KeyNarrator {

  /** How long a refusal waits, once repeated, before its count is said. */
  static final long REPEATS_QUIET_MS = 60_000;

  private final View view;
  private final WallStamps stamps;
  private final RepeatedErrors keyErrors;

  public KeyNarrator(View view, WallStamps stamps) {
    this.view = view;
    this.stamps = stamps;
    this.keyErrors = new RepeatedErrors(REPEATS_QUIET_MS, (text, at) -> error(at, text));
  }

  /** Says the count of a refusal repeated that has gone quiet; called on every timer tick. */
  public void onTick(long nowMs) {
    keyErrors.onTick(nowMs);
  }

  private void notice(long nowMs, String text) {
    view.show(Event.notice(stamps.instantAt(nowMs), text).asServer());
  }

  private void error(long nowMs, String text) {
    view.show(Event.error(stamps.instantAt(nowMs), text).asServer());
  }

  /** The first handshake with {@code server}: its key, now remembered in {@code file}. */
  public void serverKeyRemembered(long nowMs, String server, String fingerprint, String file) {
    notice(
        nowMs,
        "server key "
            + fingerprint
            + " (first contact with "
            + server
            + ": remembered in "
            + file
            + ")");
  }

  /** The first handshake with {@code server}, whose key could not be remembered. */
  public void serverKeyNotRemembered(
      long nowMs, String server, String fingerprint, String problem) {
    error(
        nowMs,
        "server key "
            + fingerprint
            + " (first contact with "
            + server
            + "; trusted for now, but not remembered: "
            + problem
            + ")");
  }

  /** The server showed another key than the one remembered: refused (said once, then counted). */
  public void serverKeyChanged(
      long nowMs, String server, String shown, String remembered, String file) {
    refused(
        nowMs,
        server,
        shown,
        remembered,
        " as before: someone may be pretending to be it. If its key was changed on purpose, remove"
            + " its line from "
            + file
            + ", or start with --server-key "
            + shown);
  }

  /** The server's key is not the one {@code --server-key} pins: refused. */
  public void serverKeyNotPinned(long nowMs, String server, String shown, String pinned) {
    refused(nowMs, server, shown, pinned, " as --server-key says");
  }

  /**
   * The handshake showed another key than the discovery reply the user chose the server by: another
   * host answered discovery for it, or the server changed its key in between. Refused.
   */
  public void serverKeyNotDiscovered(long nowMs, String server, String shown, String discovered) {
    refused(
        nowMs,
        server,
        shown,
        discovered,
        " as its discovery reply said: another host may have answered for it. Start with --host"
            + " and --server-key to choose the server by its key");
  }

  /** One refusal line: the key shown, the one expected, and why that one. */
  private void refused(long nowMs, String server, String shown, String expected, String why) {
    keyErrors.error(
        nowMs,
        "REFUSED: the server at " + server + " shows key " + shown + ", not " + expected + why);
  }

  /** The known servers file cannot be read: every key refused until it is fixed. */
  public void knownServersUnusable(long nowMs, String problem) {
    keyErrors.error(nowMs, "REFUSED the server's key: " + problem);
  }
}
