package udpchat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.Flow;
import udpchat.crypto.RoomKey;
import udpchat.protocol.Drops;
import udpchat.protocol.Join;
import udpchat.protocol.Limits;
import udpchat.protocol.Ping;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.Retry;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;
import udpchat.secure.link.LinkFormat;
import udpchat.secure.link.LinkSocket;

/**
 * What the receive thread allocates for each datagram it refuses (issue 18, "memory under
 * garbage"), on a real server on loopback: a burst of one kind of garbage, the bytes the thread
 * allocated meanwhile ({@code com.sun.management.ThreadMXBean}) divided by the datagrams it
 * counted. The cheap refusals (over the rate, not a datagram of protocol 3, a room seal that does
 * not open, too large, a key id of no session) allocate (next to) nothing; a datagram that opens
 * under its session costs what the JDK's cipher does, and the ones the codec must then parse what
 * Jackson does.
 *
 * <p>Each burst comes after a warm-up of the same kind (so the JIT has compiled the path, and the
 * once-a-second drop log line is amortised), from one source socket: the JDK's {@code
 * DatagramChannel.receive} makes a new {@code InetSocketAddress} for a datagram only when its
 * source differs from the last one's, which {@link #aNewSourceEachDatagramCostsTheJdkOneAddress}
 * measures on its own.
 */
@Timeout(120)
class RejectAllocationTest {

  static final int DATAGRAMS = 10_000;
  static final int WARM_UP = 5_000;
  static final int CHUNK = 100; // sent, then awaited: the socket's buffer never overflows

  /** The cheap refusals' bound, generous: a few words, where a stack trace alone was a kilobyte. */
  static final long CHEAP_BYTES = 64;

  /**
   * The refusals the codec makes after Jackson has read the datagram: what Jackson's tree and its
   * exception cost, and the codec's UTF-8 check (two bytes a character); far below the several
   * kilobytes a datagram these cost before.
   */
  static final long PARSED_BYTES = 8 * 1024;

  /**
   * What opening a datagram under its session costs on top, most of it the JDK's ChaCha20-Poly1305
   * (a cipher initialised per datagram, since each has its own nonce): measured at 4.7 to 5.7 kB
   * with what the codec then parses.
   */
  static final long OPENED_BYTES = 6 * 1024;

  static final RoomKey KEY = RoomKey.derive("what garbage costs");
  static final RoomKey OTHER_KEY = RoomKey.derive("another room's key");

  final Codec codec = new Codec();
  final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  final InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  ChatServer server;
  long receiver;
  DatagramSocket[] sockets;

  /** When set, bursts go sealed under this link's session, as a member's (or a stranger's) do. */
  LinkSocket link;

  @AfterEach
  void stop() throws Exception {
    if (link != null) {
      link.close();
    }
    if (sockets != null) {
      for (DatagramSocket socket : sockets) {
        socket.close();
      }
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aDatagramOverItsSourcesRateAllocatesNothing() throws Exception {
    start(config().withRateLimit(1, 1), 1);
    byte[] datagram = ping("AbCdEfGhIjKlMnOpQr_-09");

    long perDatagram = bytesPerDatagram(Drops.RATE_LIMITED, datagram);

    assertThat(perDatagram).as("bytes a rate-limited datagram").isLessThan(CHEAP_BYTES);
  }

  @Test
  void aDatagramThatDoesNotOpenInAPrivateRoomAllocatesNothingOfOurs() throws Exception {
    start(config().withRoomKey(KEY), 1);
    // The worst forgery: the right flow byte, so the cipher runs and only the tag fails.
    byte[] plain = ping("AbCdEfGhIjKlMnOpQr_-09"); // a client without the key
    byte[] sealed = bytes(DatagramSeal.of(OTHER_KEY).seal(Flow.TO_SERVER, plain, plain.length));

    long forged = bytesPerDatagram(Drops.BAD_SEAL, sealed);
    long unsealed = bytesPerDatagram(Drops.BAD_SEAL, plain);
    long jdk = jdkBytesPerForgery(sealed);

    // The forgery's are the JDK's: the cipher's init, and its AEADBadTagException (with a stack
    // trace); ours on top of them, nothing.
    assertThat(forged - jdk)
        .as("bytes a datagram sealed with another key, beyond the JDK's")
        .isLessThan(CHEAP_BYTES);
    assertThat(unsealed).as("bytes an unsealed datagram").isLessThan(CHEAP_BYTES);
  }

  @Test
  void garbageThatCannotBeJsonAllocatesNothingOfOurs() throws Exception {
    start(config(), 1);
    byte[] random = new byte[700];
    new Random(18).nextBytes(random);
    random[0] = (byte) 0x9C; // no JSON text begins so
    byte[] oversize = new byte[Limits.MAX_DATAGRAM_BYTES + 1];
    Arrays.fill(oversize, (byte) '{');

    byte[] oversizeOnTheWire = new byte[LinkFormat.MAX_DATAGRAM_BYTES + 1];
    Arrays.fill(oversizeOnTheWire, LinkFormat.SEALED);

    long notSealed = bytesPerDatagram(Drops.NOT_SEALED, random);
    long tooLarge = bytesPerDatagram(ProtocolException.Reason.OVERSIZE.code(), oversizeOnTheWire);
    link = linked();
    long notJson = bytesPerDatagram(ProtocolException.Reason.NOT_JSON.code(), random);
    long tooLargeInside = bytesPerDatagram(ProtocolException.Reason.OVERSIZE.code(), oversize);

    assertThat(notSealed).as("bytes a random datagram").isLessThan(CHEAP_BYTES);
    assertThat(tooLarge).as("bytes an oversize datagram").isLessThan(CHEAP_BYTES);
    // Inside a session: what opening it costs (the JDK's ChaCha20-Poly1305 and the plaintext),
    // then the room's inbox entry (it tells a member what was wrong with her datagram).
    assertThat(notJson).as("bytes a random payload").isLessThan(OPENED_BYTES + PARSED_BYTES);
    assertThat(tooLargeInside).as("bytes an oversize payload").isLessThan(OPENED_BYTES);
  }

  @Test
  void whatTheCodecMustParseAllocatesWhatJacksonDoesAndNoStackTraceOfOurs() throws Exception {
    start(config(), 1);
    link = linked();
    byte[] badVersion =
        utf8("{\"v\":1,\"type\":\"ping\",\"session\":\"AbCdEfGhIjKlMnOpQr_-09\",\"id\":7}");
    byte[] unknownType = utf8("{\"v\":2,\"type\":\"shout\",\"text\":\"" + "a".repeat(200) + "\"}");
    byte[] brokenJoin = utf8("{\"v\":2,\"type\":\"join\",\"name\":\"n\",\"next\":1}junk");

    long version = bytesPerDatagram(ProtocolException.Reason.BAD_VERSION.code(), badVersion);
    long type = bytesPerDatagram(ProtocolException.Reason.UNKNOWN_TYPE.code(), unknownType);
    long junk = bytesPerDatagram(ProtocolException.Reason.NOT_JSON.code(), brokenJoin);

    // Each sealed under the link's session: what opening it costs, then what parsing does.
    assertThat(version).as("bytes a bad version").isLessThan(OPENED_BYTES + PARSED_BYTES);
    assertThat(type).as("bytes an unknown type").isLessThan(OPENED_BYTES + PARSED_BYTES);
    assertThat(junk).as("bytes JSON with junk after it").isLessThan(OPENED_BYTES + PARSED_BYTES);
  }

  @Test
  void aRequestWithAForgedSessionAllocatesWhatDecodingItDoes() throws Exception {
    start(config(), 1);
    link = linked();
    join(link); // a member at this address, whose session token the datagrams do not carry

    long forged = bytesPerDatagram(Drops.FORGED_SESSION, ping("ForgedForgedForgedForg"));

    assertThat(forged).as("bytes a forged session's ping").isLessThan(OPENED_BYTES + PARSED_BYTES);
  }

  @Test
  void aForgeryFromAMembersAddressIsDroppedUnread() throws Exception {
    start(config(), 1);
    LinkSocket member = linked();
    join(member);
    // From the member's own socket, sealed-looking, under no key of hers.
    byte[] forged = new byte[90];
    new Random(9).nextBytes(forged);
    forged[0] = LinkFormat.SEALED;
    System.arraycopy(ping("AbCdEfGhIjKlMnOpQr_-09"), 0, forged, 29, 60);
    // An off-path forger cannot see the session's key id: an unknown one is refused before the
    // cipher runs (and answered with a retry, within the stranger budget).
    sockets = new DatagramSocket[0];
    long perDatagram;
    try (member) {
      forgedFrom = member;
      perDatagram = bytesPerDatagram(Drops.UNKNOWN_SESSION, forged);
    }
    assertThat(perDatagram).as("bytes a forgery from a member's address").isLessThan(CHEAP_BYTES);
  }

  @Test
  void aNewSourceEachDatagramCostsTheJdkOneAddress() throws Exception {
    start(config().withRateLimit(1, 1), 16);
    byte[] datagram = ping("AbCdEfGhIjKlMnOpQr_-09");

    long perDatagram = bytesPerDatagram(Drops.RATE_LIMITED, datagram);

    // DatagramChannel.receive's InetSocketAddress (with its holder) for each change of source;
    // ours is still nothing, so this stays well within a few addresses' worth.
    assertThat(perDatagram).as("bytes a rate-limited datagram, 16 sources").isLessThan(256);
  }

  /**
   * What the JDK's AES-GCM allocates to refuse {@code forged}, as the seal calls it (a spec for the
   * nonce, init, the flow byte as associated data, doFinal), on a thread of its own whose stack is
   * about as deep as the receive thread's (an exception's stack trace grows with it).
   */
  static long jdkBytesPerForgery(byte[] forged) throws Exception {
    byte[] keyBytes = new byte[32];
    new Random(7).nextBytes(keyBytes);
    SecretKeySpec key = new SecretKeySpec(keyBytes, "AES");
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    byte[] out = new byte[forged.length];
    long[] perForgery = new long[1];
    Runnable refuse =
        () -> {
          com.sun.management.ThreadMXBean mx =
              (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
          long before = 0;
          for (int i = -WARM_UP; i < DATAGRAMS; i++) {
            if (i == 0) {
              before = mx.getCurrentThreadAllocatedBytes();
            }
            try {
              cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, forged, 1, 12));
              cipher.updateAAD(forged, 0, 1);
              cipher.doFinal(forged, 13, forged.length - 13, out, 0);
              throw new AssertionError("a forgery opened");
            } catch (AEADBadTagException expected) {
              // what every forgery costs
            } catch (GeneralSecurityException e) {
              throw new AssertionError(e);
            }
          }
          perForgery[0] = (mx.getCurrentThreadAllocatedBytes() - before) / DATAGRAMS;
        };
    Thread thread = new Thread(refuse, "jdk-gcm");
    thread.start();
    thread.join();
    System.out.printf("the JDK's AES-GCM: %d bytes a forgery%n", perForgery[0]);
    return perForgery[0];
  }

  ServerConfig config() {
    return new ServerConfig(loopback, Duration.ofMinutes(10), Duration.ofSeconds(1))
        .withRateLimit(0, 1);
  }

  void start(ServerConfig config, int sources) throws Exception {
    Set<Thread> before = ServerThreadsTest.udpchatThreads(); // another test's, if one left any
    server = new ChatServer(config, Clock.systemUTC()).start();
    Set<Thread> ours = ServerThreadsTest.udpchatThreads();
    ours.removeAll(before);
    receiver =
        ours.stream()
            .filter(thread -> thread.getName().equals("udpchat-receiver"))
            .findFirst()
            .orElseThrow()
            .getId();
    sockets = new DatagramSocket[sources];
    for (int i = 0; i < sources; i++) {
      sockets[i] = new DatagramSocket(loopback);
    }
  }

  /**
   * Sends {@code datagram} {@link #WARM_UP} times, then {@link #DATAGRAMS} times, each counted as
   * {@code reason}; the receive thread's allocation during the second lot, per datagram.
   */
  long bytesPerDatagram(String reason, byte[] datagram) throws Exception {
    burst(reason, datagram, WARM_UP);
    long allocated = threads.getThreadAllocatedBytes(receiver);
    burst(reason, datagram, DATAGRAMS);
    long perDatagram = (threads.getThreadAllocatedBytes(receiver) - allocated) / DATAGRAMS;
    System.out.printf(
        "receive thread: %d bytes a datagram (%s, %d bytes, %d source(s))%n",
        perDatagram, reason, datagram.length, sockets.length);
    return perDatagram;
  }

  void burst(String reason, byte[] datagram, int count) throws Exception {
    InetSocketAddress to =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), server.address().getPort());
    long reasonBefore = server.drops().count(reason);
    long counted = allDrops();
    for (int sent = 0; sent < count; ) {
      for (int i = 0; i < CHUNK; i++, sent++) {
        if (forgedFrom != null) {
          forgedFrom.sendRaw(datagram);
        } else if (link != null) {
          link.send(datagram); // sealed anew each time: a copy would be dropped as a replay
        } else {
          sockets[sent % sockets.length].send(new DatagramPacket(datagram, datagram.length, to));
        }
      }
      // All drops: at a rate of one a second, a few of a burst are let through (and dropped as
      // not joined); each datagram is counted once at least.
      long expected = counted + sent;
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (allDrops() < expected) {
        assertThat(System.nanoTime()).as("%d datagrams counted", expected).isLessThan(deadline);
        Thread.sleep(1);
      }
    }
    assertThat(server.drops().count(reason) - reasonBefore)
        .as(reason)
        .isGreaterThan(count * 9L / 10);
  }

  long allDrops() {
    return server.drops().snapshot().values().stream().mapToLong(Long::longValue).sum();
  }

  /** The datagrams of {@link #aForgeryFromAMembersAddressIsDroppedUnread}'s forger. */
  LinkSocket forgedFrom;

  /** A link with the server: a session, no member yet. */
  LinkSocket linked() throws Exception {
    LinkSocket socket =
        new LinkSocket(
            "127.0.0.1",
            new InetSocketAddress(InetAddress.getLoopbackAddress(), server.address().getPort()));
    return socket.connect(Duration.ofSeconds(10));
  }

  /** Joins over {@code socket} (cookie, then welcome), as a client does. */
  void join(LinkSocket socket) throws Exception {
    Join join = new Join("member", "MemberMemberMemberMemb", 1, null);
    socket.send(codec.encode(join));
    socket.send(codec.encode(join.withCookie(awaitReply(socket, Retry.class).cookie())));
    awaitReply(socket, Welcome.class);
  }

  <T extends ServerMessage> T awaitReply(LinkSocket socket, Class<T> type) throws Exception {
    while (true) {
      byte[] payload = socket.receive(Duration.ofSeconds(10));
      if (payload == null) {
        throw new AssertionError("no " + type.getSimpleName() + " from the server");
      }
      ServerMessage reply = codec.decode(payload, payload.length, ServerMessage.class);
      if (type.isInstance(reply)) {
        return type.cast(reply);
      }
    }
  }

  byte[] ping(String session) {
    return codec.encode(new Ping(session, 7));
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
