package udpchat.client;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import udpchat.client.trust.ServerTrust;
import udpchat.crypto.RoomKey;
import udpchat.net.Faults;

/**
 * What a client is started with.
 *
 * @param server the server's address
 * @param name the name to join under
 * @param heartbeat the heartbeat interval chosen by the user, or {@code null} for the server's
 * @param faults the faults to simulate on the socket (a testing aid), {@link Faults#NONE} normally
 * @param roomKey the key of a private room (mixed into the handshake), or {@code null}
 * @param trust which server keys are trusted ({@link ServerTrust#ANY} when not said)
 * @param configFile the file /ignore and /set keep their settings in ({@code ~/.udpchat/config}),
 *     or {@code null} to keep none (the settings are the defaults and last until quit)
 */
public record ClientConfig(
    InetSocketAddress server,
    String name,
    Duration heartbeat,
    Faults faults,
    RoomKey roomKey,
    ServerTrust trust,
    Path configFile) {

  /** A client that keeps no settings. */
  public ClientConfig(
      InetSocketAddress server,
      String name,
      Duration heartbeat,
      Faults faults,
      RoomKey roomKey,
      ServerTrust trust) {
    this(server, name, heartbeat, faults, roomKey, trust, null);
  }

  /** A client that trusts every server key (tests). */
  public ClientConfig(
      InetSocketAddress server, String name, Duration heartbeat, Faults faults, RoomKey roomKey) {
    this(server, name, heartbeat, faults, roomKey, ServerTrust.ANY);
  }

  /** A client of an open room (no room key). */
  public ClientConfig(InetSocketAddress server, String name, Duration heartbeat, Faults faults) {
    this(server, name, heartbeat, faults, null);
  }

  public ClientConfig(InetSocketAddress server, String name, Duration heartbeat) {
    this(server, name, heartbeat, Faults.NONE, null);
  }

  /** The same client, for a private room sealed with {@code key} (null: an open room). */
  public ClientConfig withRoomKey(RoomKey key) {
    return new ClientConfig(server, name, heartbeat, faults, key, trust, configFile);
  }

  /** The same client, trusting server keys as {@code keys} says. */
  public ClientConfig withTrust(ServerTrust keys) {
    return new ClientConfig(server, name, heartbeat, faults, roomKey, keys, configFile);
  }

  /** The same client, keeping its settings in {@code file}. */
  public ClientConfig withConfigFile(Path file) {
    return new ClientConfig(server, name, heartbeat, faults, roomKey, trust, file);
  }
}
