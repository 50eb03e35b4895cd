package udpchat.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

@Timeout(30)
class FaultInjectorTest {

  static final SocketAddress PEER = new InetSocketAddress("127.0.0.1", 5000);
  static final SocketAddress OTHER = new InetSocketAddress("127.0.0.1", 5001);
  static final Duration LONG = Duration.ofMinutes(1);
  static final Duration WAIT = Duration.ofSeconds(10);

  /** One datagram handed on: its number, where to or from, and on which thread. */
  record Delivery(int index, SocketAddress peer, String thread) {}

  final String threadName = "test-faults-" + System.nanoTime();
  final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  final List<FaultInjector> injectors = new ArrayList<>();

  @AfterEach
  void closeEverything() throws InterruptedException {
    for (FaultInjector injector : injectors) {
      injector.close();
    }
  }

  FaultInjector injector(Faults faults) {
    FaultInjector injector = new FaultInjector(faults, threadName);
    injectors.add(injector);
    return injector;
  }

  /** The sink: reads the number, moving the position as a real send or decode would. */
  void record(ByteBuffer datagram, SocketAddress peer) {
    deliveries.add(new Delivery(datagram.getInt(), peer, Thread.currentThread().getName()));
  }

  static ByteBuffer datagram(int index) {
    return ByteBuffer.allocate(4).putInt(0, index);
  }

  List<Integer> indices() {
    return deliveries.stream().map(Delivery::index).collect(Collectors.toList());
  }

  boolean threadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals(threadName) && t.isAlive());
  }

  /** Sends {@code count} numbered datagrams through a fresh injector; what came out, in order. */
  List<Integer> sendThrough(Faults faults, int count) throws Exception {
    deliveries.clear();
    try (FaultInjector injector = new FaultInjector(faults, threadName)) {
      for (int i = 0; i < count; i++) {
        injector.send(datagram(i), PEER, this::record);
      }
    }
    return indices();
  }

  @Test
  void theSameSeedGivesTheSameFaultsAndAnotherSeedOthers() throws Exception {
    Faults faults = new Faults(0.2, 0.2, 0, 0, Duration.ZERO, 42);

    List<Integer> first = sendThrough(faults, 1000);
    List<Integer> again = sendThrough(faults, 1000);
    List<Integer> otherSeed = sendThrough(new Faults(0.2, 0.2, 0, 0, Duration.ZERO, 43), 1000);

    assertThat(again).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
    assertThat(new HashSet<>(first)).hasSizeLessThan(1000); // some lost
    assertThat(first.size()).isGreaterThan(new HashSet<>(first).size()); // some twice
  }

  @Test
  void whichDatagramsAreLostDependsOnlyOnTheSeedAndTheCount() {
    // Every datagram draws the same numbers whatever becomes of it, so turning on other faults
    // leaves the losses where they were.
    FaultInjector lossOnly = injector(new Faults(0.2, 0, 0, 0, Duration.ZERO, 42));
    FaultInjector everything = injector(new Faults(0.2, 0.5, 0, 0.3, Duration.ofMillis(5), 42));
    List<Delivery> lossOnlyOut = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 1000; i++) {
      lossOnly.receive(
          datagram(i), PEER, (d, from) -> lossOnlyOut.add(new Delivery(d.getInt(), from, "")));
      everything.receive(datagram(i), PEER, this::record);
    }
    FaultCounts.Path counts = everything.snapshot().incoming();
    await()
        .atMost(WAIT)
        .until(() -> deliveries.size() == counts.seen() - counts.dropped() + counts.duplicated());

    Set<Integer> survivors = lossOnlyOut.stream().map(Delivery::index).collect(Collectors.toSet());
    assertThat(new HashSet<>(indices())).isEqualTo(survivors);
    assertThat(counts.dropped()).isEqualTo(lossOnly.snapshot().incoming().dropped());
  }

  @Test
  void aLossOfOneFifthDropsAboutOneFifthAndCountsThem() {
    FaultInjector injector = injector(new Faults(0.2, 0, 0, 0, Duration.ZERO, 7));

    for (int i = 0; i < 10_000; i++) {
      injector.receive(datagram(i), PEER, this::record);
    }

    FaultCounts counts = injector.snapshot();
    assertThat(counts.incoming().seen()).isEqualTo(10_000);
    assertThat(counts.incoming().dropped()).isBetween(1800L, 2200L);
    assertThat(deliveries).hasSize(10_000 - (int) counts.incoming().dropped());
    assertThat(counts.outgoing().seen()).isZero();
    assertThat(counts.toString())
        .contains("in: 10000 seen, " + counts.incoming().dropped() + " dropped");
  }

  @Test
  void aDuplicateIsHandedOnTwiceFromACopyOfTheCallersBuffer() throws Exception {
    FaultInjector injector = injector(new Faults(0, 1, 0, 0, Duration.ZERO, 7));
    ByteBuffer reused = ByteBuffer.allocate(4);

    for (int i = 0; i < 100; i++) {
      reused.clear().putInt(i).flip();
      injector.send(reused, PEER, this::record); // the sink's read moves the position
    }

    List<Integer> expected = new ArrayList<>();
    IntStream.range(0, 100).forEach(i -> expected.addAll(List.of(i, i)));
    assertThat(indices()).isEqualTo(expected);
    assertThat(deliveries).allMatch(d -> d.thread().equals(Thread.currentThread().getName()));
    assertThat(injector.snapshot().outgoing().duplicated()).isEqualTo(100);
  }

  @Test
  void aReorderedDatagramIsSwappedWithItsSuccessor() throws Exception {
    // Every datagram is chosen; one chosen while another is held goes on as its successor.
    FaultInjector injector = injector(new Faults(0, 0, 1, 0, LONG, 7));

    for (int i = 0; i < 4; i++) {
      injector.send(datagram(i), PEER, this::record);
    }

    assertThat(indices()).containsExactly(1, 0, 3, 2);
    assertThat(injector.snapshot().outgoing().reordered()).isEqualTo(2);
  }

  @Test
  void aReorderedDatagramWaitsForTheNextOneBetweenTheSameTwoEnds() {
    FaultInjector injector = injector(new Faults(0, 0, 1, 0, LONG, 7));

    injector.receive(datagram(0), PEER, this::record);
    injector.receive(datagram(1), OTHER, this::record);
    injector.receive(datagram(2), PEER, this::record);
    injector.receive(datagram(3), OTHER, this::record);

    assertThat(deliveries)
        .extracting(d -> d.index() + "@" + (d.peer() == PEER ? "peer" : "other"))
        .containsExactly("2@peer", "0@peer", "3@other", "1@other");
  }

  @Test
  void aHeldDatagramWithNoSuccessorIsHandedOnAfterMaxDelay() throws Exception {
    FaultInjector injector = injector(new Faults(0, 0, 1, 0, Duration.ofMillis(100), 7));
    List<Long> handedOnNanos = new CopyOnWriteArrayList<>();

    long sentNanos = System.nanoTime();
    injector.send(
        datagram(0),
        PEER,
        (d, to) -> {
          handedOnNanos.add(System.nanoTime());
          record(d, to);
        });

    await().atMost(WAIT).until(() -> deliveries.size() == 1);
    assertThat(deliveries.get(0)).isEqualTo(new Delivery(0, PEER, threadName));
    assertThat(handedOnNanos.get(0) - sentNanos).isGreaterThanOrEqualTo(100_000_000L);
    assertThat(injector.snapshot().outgoing().reordered()).isEqualTo(1);
  }

  @Test
  void delayedDatagramsComeLaterEachExactlyOnce() throws Exception {
    FaultInjector injector = injector(new Faults(0, 0, 0, 0.5, Duration.ofMillis(20), 7));
    ByteBuffer reused = ByteBuffer.allocate(4);

    for (int i = 0; i < 1000; i++) {
      reused.clear().putInt(i).flip();
      injector.send(reused, PEER, this::record);
    }

    await().atMost(WAIT).until(() -> deliveries.size() >= 1000);
    assertThat(indices())
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, 1000).boxed().collect(Collectors.toList()));
    long delayed = injector.snapshot().outgoing().delayed();
    assertThat(delayed).isBetween(400L, 600L);
    assertThat(deliveries.stream().filter(d -> d.thread().equals(threadName)).count())
        .isEqualTo(delayed);
  }

  @Test
  void aLaterSendThatFailsIsSwallowedAndCounted() throws Exception {
    FaultInjector injector = injector(new Faults(0, 0, 0, 1, Duration.ofMillis(1), 7));

    for (int i = 0; i < 3; i++) {
      injector.send(
          datagram(i),
          PEER,
          (d, to) -> {
            throw new IOException("network unreachable");
          });
    }

    await().atMost(WAIT).until(() -> injector.snapshot().outgoing().failed() == 3);
  }

  /** Before: a stack trace for every datagram, from a thread that only simulates a network. */
  @Test
  void aLaterSendThatThrowsUnexpectedlyIsLoggedOnceAndCounted() throws Exception {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger logger = (Logger) LoggerFactory.getLogger(FaultInjector.class);
    logger.addAppender(log);
    try {
      FaultInjector injector = injector(new Faults(0, 0, 0, 1, Duration.ofMillis(1), 7));
      for (int i = 0; i < 50; i++) {
        injector.send(
            datagram(i),
            PEER,
            (d, to) -> {
              throw new IllegalStateException("a bug downstream");
            });
      }
      await().atMost(WAIT).until(() -> injector.snapshot().outgoing().failed() == 50);
    } finally {
      logger.detachAppender(log);
    }
    assertThat(log.list.stream().filter(e -> e.getThrowableProxy() != null))
        .singleElement()
        .satisfies(
            e -> assertThat(e.getThrowableProxy().getMessage()).isEqualTo("a bug downstream"));
  }

  @Test
  void aSendNowThatFailsThrowsToTheCaller() {
    FaultInjector injector = injector(new Faults(0, 1, 0, 0, Duration.ZERO, 7));

    assertThatThrownBy(
            () ->
                injector.send(
                    datagram(0),
                    PEER,
                    (d, to) -> {
                      throw new IOException("network unreachable");
                    }))
        .isInstanceOf(IOException.class);
  }

  @Test
  void withNoFaultsEachDatagramGoesOnOnceAtOnceUnchangedAndNoThreadRuns() throws Exception {
    FaultInjector injector = injector(Faults.NONE);
    ByteBuffer datagram = datagram(5);
    List<ByteBuffer> handedOn = new ArrayList<>();

    injector.send(datagram, PEER, (d, to) -> handedOn.add(d));
    injector.receive(datagram, PEER, (d, from) -> handedOn.add(d));

    assertThat(handedOn).hasSize(2).allSatisfy(d -> assertThat(d).isSameAs(datagram));
    assertThat(threadAlive()).isFalse();
  }

  @Test
  void closeStopsTheThreadDropsWhatIsHeldAndThenLetsDatagramsThrough() throws Exception {
    FaultInjector injector = injector(new Faults(0, 0, 1, 0, LONG, 7));
    assertThat(threadAlive()).isTrue();
    injector.send(datagram(0), PEER, this::record);

    injector.close();

    assertThat(threadAlive()).isFalse();
    assertThat(deliveries).isEmpty(); // joined: nothing is left to hand the held one on
    injector.send(datagram(1), PEER, this::record);
    assertThat(deliveries).containsExactly(new Delivery(1, PEER, Thread.currentThread().getName()));
  }
}
