package udpchat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.protocol.Ack;
import udpchat.protocol.Batch;
import udpchat.protocol.Chat;
import udpchat.protocol.Posted;
import udpchat.protocol.RoomMessage;
import udpchat.protocol.Say;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.server.web.HttpListener;

/**
 * A hostile HTTP client on the server's operator port (a slowloris over the connection cap, a flood
 * of requests, heads far over the limit) while two members chat: every message is still delivered,
 * in the room's order, and the HTTP limits hold (431 for the big heads, the slow connections cut
 * off). What it costs the chat's latency is measured by the bench ({@code --http-attack},
 * docs/PERFORMANCE.md), not asserted here.
 */
@Timeout(120)
class HostileHttpTest {

  static final int MESSAGES = 300;
  static final int SLOW_CONNECTIONS = 48; // more than the cap of 32

  OperatorViewServer served;
  final List<Thread> attackers = new ArrayList<>();
  final AtomicBoolean stopping = new AtomicBoolean();
  final List<RawPeer> peers = new ArrayList<>();
  final AtomicLong refused431 = new AtomicLong();
  final AtomicLong answered = new AtomicLong();
  final AtomicLong slowCutOff = new AtomicLong();
  final AtomicLong slowOpened = new AtomicLong();

  @AfterEach
  void stop() throws Exception {
    stopAttackers();
    peers.forEach(RawPeer::close);
    if (served != null) {
      served.close();
    }
  }

  @Test
  void theChatDeliversEverythingInOrderWhileItsHttpPortIsAttacked() throws Exception {
    served = new OperatorViewServer(null);
    int port = served.base.getPort();
    attack("test-slowloris", () -> slowloris(port));
    attack("test-flood", () -> flood(port));
    attack("test-big-heads", () -> bigHeads(port));
    // The chat starts once the slowloris holds more connections than the cap allows.
    await().atMost(Duration.ofSeconds(20)).until(() -> slowOpened.get() >= SLOW_CONNECTIONS);

    RawPeer ann = new RawPeer("127.0.0.1", served.udp());
    RawPeer bob = new RawPeer("127.0.0.1", served.udp());
    peers.add(ann);
    peers.add(bob);
    Welcome annIn = ann.join("ann");
    Welcome bobIn = bob.join("bob");
    InOrder stream = new InOrder(bob, bobIn);
    for (int n = 1; n <= MESSAGES; n++) {
      ann.send(new Say(annIn.session(), n, "m" + n, false));
      ann.await(Posted.class);
      stream.read();
    }
    long deadline = System.nanoTime() + 30_000_000_000L; // the last ones, and any sent again
    while (stream.chats.size() < MESSAGES && System.nanoTime() < deadline) {
      stream.read();
    }
    List<String> expected = new ArrayList<>();
    for (int n = 1; n <= MESSAGES; n++) {
      expected.add("m" + n);
    }
    assertThat(stream.chats).as("every message, in the room's order").isEqualTo(expected);

    // The limits hold, the attack going on: the big heads refused, the slow connections over the
    // cap closed at once and the others at the head timeout (5 s).
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(refused431.get()).as("oversized heads answered 431").isPositive();
              assertThat(slowCutOff.get()).as("slow connections closed by the server").isPositive();
              assertThat(answered.get()).as("flood requests answered").isPositive();
            });
    // Once the attack stops, the HTTP side serves again (while it lasts, the slowloris holds every
    // place there is: more are closed unanswered, which is the cap doing its work).
    stopAttackers();
    await()
        .atMost(Duration.ofSeconds(15))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(served.body("health")).startsWith("{\"status\":\"ok\""));
  }

  void stopAttackers() throws InterruptedException {
    stopping.set(true);
    for (Thread attacker : attackers) {
      attacker.interrupt();
      attacker.join(20_000);
    }
  }

  /**
   * A member's stream read as a client reads it: each event shown once, after its {@code prev}; one
   * that comes early is held; every read acknowledges how far it has got.
   */
  static final class InOrder {
    final RawPeer peer;
    final String session;
    final Map<Long, RoomMessage> early = new HashMap<>();
    final List<String> chats = new ArrayList<>();
    long shown;

    InOrder(RawPeer peer, Welcome welcome) {
      this.peer = peer;
      this.session = welcome.session();
      this.shown = welcome.start();
    }

    void read() throws IOException {
      List<ServerMessage> arrived = peer.drain();
      for (ServerMessage m : arrived) {
        for (ServerMessage item : m instanceof Batch batch ? batch.items() : List.of(m)) {
          if (item instanceof RoomMessage event && event.prev() != null && event.number() > shown) {
            early.put(event.prev(), event);
          }
        }
      }
      for (RoomMessage next = early.remove(shown); next != null; next = early.remove(shown)) {
        shown = next.number();
        if (next instanceof Chat chat) {
          chats.add(chat.text());
        }
      }
      if (!arrived.isEmpty()) {
        peer.send(new Ack(session, shown, early.isEmpty() ? null : minimum(early) - 1));
      }
    }

    static long minimum(Map<Long, RoomMessage> early) {
      long min = Long.MAX_VALUE;
      for (RoomMessage event : early.values()) {
        min = Math.min(min, event.number());
      }
      return min;
    }
  }

  void attack(String name, Runnable attacker) {
    Thread thread = new Thread(attacker, name);
    thread.setDaemon(true);
    attackers.add(thread);
    thread.start();
  }

  void slowloris(int port) {
    byte[] head = "GET /api/stats HTTP/1.1\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1);
    Socket[] slow = new Socket[SLOW_CONNECTIONS];
    int[] sent = new int[SLOW_CONNECTIONS];
    for (int turn = 0; !stopping.get(); turn = (turn + 1) % SLOW_CONNECTIONS) {
      try {
        if (slow[turn] == null) {
          slow[turn] = new Socket(InetAddress.getLoopbackAddress(), port);
          slowOpened.incrementAndGet();
          sent[turn] = 0;
        }
        OutputStream out = slow[turn].getOutputStream();
        out.write(sent[turn] < head.length ? head[sent[turn]] : 'a');
        out.flush();
        sent[turn]++;
        Thread.sleep(10); // a slowloris is slow: a byte per connection every half second
      } catch (IOException e) {
        slowCutOff.incrementAndGet(); // the server closed it (the cap, or the head timeout)
        close(slow[turn]);
        slow[turn] = null;
      } catch (InterruptedException e) {
        break;
      }
    }
    for (Socket socket : slow) {
      close(socket);
    }
  }

  void flood(int port) {
    String[] paths = {"/api/stats", "/metrics", "/api/members", "/health", "/", "/api/history"};
    for (int i = 0; !stopping.get(); i++) {
      String answer =
          exchange(port, ("GET " + paths[i % paths.length] + " HTTP/1.1\r\n\r\n").getBytes());
      if (answer != null && answer.startsWith("HTTP/1.1 200")) {
        answered.incrementAndGet();
      }
    }
  }

  void bigHeads(int port) {
    byte[] head =
        ("GET /api/stats HTTP/1.1\r\nX-Big: " + "a".repeat(8 * HttpListener.MAX_HEAD_BYTES))
            .getBytes(StandardCharsets.ISO_8859_1);
    while (!stopping.get()) {
      String answer = exchange(port, head);
      if (answer != null && answer.startsWith("HTTP/1.1 431")) {
        refused431.incrementAndGet();
      }
    }
  }

  /** One request on its own connection; the answer read to its end, or null if cut off. */
  static String exchange(int port, byte[] request) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      try {
        socket.getOutputStream().write(request);
      } catch (IOException e) {
        // a big head: answered and closed before all of it was read
      }
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return null;
    }
  }

  static void close(Socket socket) {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // nothing to do
      }
    }
  }
}
