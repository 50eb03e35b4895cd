package udpchat.client.discovery;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.Flow;
import udpchat.crypto.SealException;
import udpchat.discovery.DiscoveryProtocol;
import udpchat.net.Addresses;
import udpchat.secure.identity.Fingerprint;
import udpchat.time.Durations;

/**
 * Looks for chat servers: broadcasts a discovery request ({@link DiscoveryProtocol}) to each
 * target, twice (UDP may lose one), and collects the replies that carry its nonce until the wait is
 * over. Runs on the caller's thread and starts none.
 *
 * <p>Broadcast, not multicast: a broadcast reaches every server on the LAN segment with no group to
 * join and no multicast routing to set up, and the loopback broadcast address 127.255.255.255
 * reaches every server on this machine (several can share the discovery port). IPv4 only.
 *
 * <p>With a room key the request is sealed with it, and only sealed replies are taken: only the
 * servers of that private room answer, and no server of another room is listed.
 */
public final class ServerFinder {

  /**
   * A server that answered: where its chat is, its room's name, and its key (null from a server
   * that says none, one older than server keys). The reply is not authenticated: the key is what
   * the handshake must then show, and what a person compares.
   */
  public record Found(InetSocketAddress address, String room, Fingerprint serverKey) {

    public Found(InetSocketAddress address, String room) {
      this(address, room, null);
    }

    @Override
    public String toString() {
      return Addresses.format(address)
          + "  "
          + room
          + (serverKey == null ? "" : "  key " + serverKey.shortForm());
    }
  }

  private final List<InetSocketAddress> targets;
  private final Duration wait;
  private final Clock clock;
  private final DatagramSeal seal;

  public ServerFinder(List<InetSocketAddress> targets, Duration wait, Clock clock) {
    this(targets, wait, DatagramSeal.NONE, clock);
  }

  public ServerFinder(
      List<InetSocketAddress> targets, Duration wait, DatagramSeal seal, Clock clock) {
    this.targets = List.copyOf(targets);
    this.wait = wait;
    this.seal = seal;
    this.clock = clock;
  }

  public List<InetSocketAddress> targets() {
    return targets;
  }

  /**
   * The default targets on {@code port}: the limited broadcast 255.255.255.255, the broadcast
   * address of every IPv4 interface that is up, and the loopback broadcast (this machine).
   */
  public static List<InetSocketAddress> broadcastTargets(int port) {
    List<InetAddress> addresses = new ArrayList<>();
    addresses.add(ipv4(255, 255, 255, 255));
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) {
          continue;
        }
        for (InterfaceAddress address : nic.getInterfaceAddresses()) {
          if (address.getBroadcast() != null && !addresses.contains(address.getBroadcast())) {
            addresses.add(address.getBroadcast());
          }
        }
      }
    } catch (SocketException e) {
      // no interfaces to list: the limited and loopback broadcasts remain
    }
    addresses.add(ipv4(127, 255, 255, 255));
    return addresses.stream().map(address -> new InetSocketAddress(address, port)).toList();
  }

  /** The servers that answered within the wait, in order of address. */
  public List<Found> find() throws IOException {
    long nonce = new SecureRandom().nextLong();
    byte[] contents = DiscoveryProtocol.request(nonce);
    ByteBuffer sealed = seal.seal(Flow.DISCOVERY_REQUEST, contents, contents.length);
    byte[] request = Arrays.copyOfRange(sealed.array(), sealed.position(), sealed.limit());
    // By the server's instance where it says one: a server heard through two interfaces is one.
    Map<Object, Found> found = new LinkedHashMap<>();
    try (DatagramSocket socket = new DatagramSocket(0)) {
      socket.setBroadcast(true);
      long startMs = clock.millis();
      long deadlineMs = startMs + wait.toMillis();
      long resendMs = startMs + wait.toMillis() / 3;
      boolean resent = false;
      send(socket, request);
      byte[] buffer = new byte[DiscoveryProtocol.REPLY_MAX_BYTES + seal.overheadBytes() + 1];
      for (long nowMs = startMs; nowMs < deadlineMs; nowMs = clock.millis()) {
        if (!resent && nowMs >= resendMs) {
          send(socket, request);
          resent = true;
        }
        long untilMs = resent ? deadlineMs : resendMs;
        socket.setSoTimeout((int) Math.max(1, untilMs - nowMs));
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(packet);
        } catch (SocketTimeoutException e) {
          continue;
        }
        ByteBuffer opened;
        try {
          opened =
              seal.open(
                  Flow.DISCOVERY_REPLY, ByteBuffer.wrap(packet.getData(), 0, packet.getLength()));
        } catch (SealException e) {
          continue; // not a reply of this room
        }
        Optional<DiscoveryProtocol.Reply> reply =
            DiscoveryProtocol.readReply(opened.array(), opened.limit());
        if (reply.isPresent() && reply.get().nonce() == nonce) {
          InetSocketAddress chat = new InetSocketAddress(packet.getAddress(), reply.get().port());
          Object server = reply.get().instance() != 0 ? reply.get().instance() : chat;
          found.putIfAbsent(server, new Found(chat, reply.get().room(), reply.get().serverKey()));
        }
      }
    }
    List<Found> servers = new ArrayList<>(found.values());
    servers.sort(Comparator.comparing(Found::toString));
    return servers;
  }

  /**
   * What to say when nobody answered: the port, the wait, whom it asked, and how to do without
   * discovery.
   */
  public String noAnswer() {
    return "no chat server answered on UDP port "
        + (targets.isEmpty() ? "?" : String.valueOf(targets.get(0).getPort()))
        + " within "
        + Durations.format(wait)
        + " (asked: "
        + targets.stream()
            .map(target -> target.getAddress().getHostAddress())
            .collect(Collectors.joining(", "))
        + ")"
        + (seal.sealed() ? "; with a room key, only servers with the same key answer" : "")
        + "; give the server's address with --host HOST (and --port PORT if it is not 9999)";
  }

  /** Sends to every target; one that cannot be reached (no route, no broadcast) is skipped. */
  private void send(DatagramSocket socket, byte[] request) {
    for (InetSocketAddress target : targets) {
      try {
        socket.send(new DatagramPacket(request, request.length, target));
      } catch (IOException e) {
        // this target is out of reach; the others may answer
      }
    }
  }

  private static InetAddress ipv4(int a, int b, int c, int d) {
    try {
      return Inet4Address.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
