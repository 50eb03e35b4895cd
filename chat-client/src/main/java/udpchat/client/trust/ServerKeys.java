package udpchat.client.trust;

import java.io.IOException;
import java.time.Clock;
import udpchat.client.view.narrator.KeyNarrator;
import udpchat.secure.identity.Fingerprint;
import udpchat.secure.identity.KnownServers;
import udpchat.secure.link.ServerKeyCheck;

/**
 * Decides, at each completed handshake, whether the key the server showed is the one to trust: the
 * key {@code --server-key} pins; else the one {@code known_servers} remembers for this server; else
 * (first contact) the key shown, remembered now and said once. Any other key is refused with one
 * clear line, so the client never talks to a server pretending to be the one it met before.
 *
 * <p>Called on the session's thread (inside the link's {@code receive}).
 */
public final class ServerKeys implements ServerKeyCheck {

  private final ServerTrust trust;
  private final String server;
  private final KeyNarrator say;
  private final Clock clock;
  private final Runnable refused;
  private Fingerprint trusted; // met and trusted in this run: not checked against the file again

  /**
   * @param server the server as {@code known_servers} names it, {@code host:port}
   * @param clock the timers' clock, for the time of what is said
   * @param refused told of each refusal (the reachability notes, which then do not say that no
   *     server answers)
   */
  public ServerKeys(
      ServerTrust trust, String server, KeyNarrator say, Clock clock, Runnable refused) {
    this.trust = trust;
    this.server = server;
    this.say = say;
    this.clock = clock;
    this.refused = refused;
  }

  @Override
  public String refusal(byte[] serverStatic) {
    Fingerprint shown = Fingerprint.of(serverStatic);
    if (shown.equals(trusted)) {
      return null; // a rekey, or the server restarted with its key
    }
    String refusal = decide(shown, clock.millis());
    if (refusal == null) {
      trusted = shown;
    } else {
      refused.run();
    }
    return refusal;
  }

  private String decide(Fingerprint shown, long nowMs) {
    if (trust.pinned() != null) {
      if (shown.matches(trust.pinned())) {
        return null;
      }
      say.serverKeyNotPinned(nowMs, server, shown.toString(), trust.pinned().strip());
      return "the server's key " + shown + " is not the one --server-key pins";
    }
    if (trust.discovered() != null && !shown.equals(trust.discovered())) {
      say.serverKeyNotDiscovered(nowMs, server, shown.toString(), trust.discovered().toString());
      return "the server's key " + shown + " is not the one its discovery reply gave";
    }
    if (trust.knownServers() == null) {
      return null;
    }
    KnownServers known = new KnownServers(trust.knownServers());
    String file = trust.knownServers().toString();
    try {
      switch (known.check(server, shown)) {
        case KNOWN:
          return null;
        case CHANGED:
          String remembered = known.lookup(server).map(Fingerprint::toString).orElse("?");
          say.serverKeyChanged(nowMs, server, shown.toString(), remembered, file);
          return "the server's key " + shown + " is not the one remembered in " + file;
        case NEW:
        default:
          break;
      }
    } catch (IOException | IllegalArgumentException e) {
      say.knownServersUnusable(nowMs, e.getMessage());
      return "cannot read " + file + ": " + e.getMessage();
    }
    try {
      known.remember(server, shown);
      say.serverKeyRemembered(nowMs, server, shown.toString(), file);
    } catch (IOException e) {
      say.serverKeyNotRemembered(nowMs, server, shown.toString(), e.toString());
    }
    return null;
  }
}
