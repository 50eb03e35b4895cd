package udpchat.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import udpchat.protocol.Batch;
import udpchat.protocol.Chat;
import udpchat.protocol.Limits;
import udpchat.protocol.Posted;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.json.Codec;

/**
 * How waiting datagrams are packed: exact sizes, never over the limit, each member's order kept.
 */
public class PackerTest {

  static final long AT = 1_717_171_717_171L;
  static final InetSocketAddress ALICE = new InetSocketAddress("127.0.0.1", 4001);
  static final InetSocketAddress BOB = new InetSocketAddress("127.0.0.1", 4002);
  static final InetSocketAddress CAROL = new InetSocketAddress("127.0.0.1", 4003);

  final Codec codec = new Codec();
  final Packer packer = new Packer();

  @Test
  void anEventAloneTravelsAsItIs() {
    Outgoing event = event(1, "hello", ALICE, BOB);

    List<Outgoing> packed = packer.pack(List.of(event));

    assertThat(packed).hasSize(1);
    assertThat(packed.get(0).bytes()).isSameAs(event.bytes());
    assertThat(packed.get(0).to()).containsExactly(ALICE, BOB);
  }

  @Test
  void aPostedAndTheOneEventItConfirmsTravelAsTheyAreInTheirOrder() {
    // What a room that keeps up sends for each message: nothing to put together, nothing repacked.
    Outgoing posted = other(new Posted(7, 1), ALICE);
    Outgoing event = event(1, "hello", ALICE, BOB, CAROL);

    List<Outgoing> packed = packer.pack(List.of(posted, event));

    assertThat(packed).containsExactly(posted, event); // the same datagrams, to the same members
  }

  @Test
  void eventsForTheSameMembersGoInOneBatchOfTheExactSize() throws ProtocolException {
    List<Outgoing> events = List.of(event(1, "a", ALICE, BOB), event(2, "bb", ALICE, BOB));
    int itemBytes = events.get(0).bytes().length + events.get(1).bytes().length;

    List<Outgoing> packed = packer.pack(events);

    assertThat(packed).hasSize(1);
    assertThat(packed.get(0).to()).containsExactly(ALICE, BOB);
    assertThat(packed.get(0).events()).isEqualTo(2);
    assertThat(packed.get(0).bytes()).hasSize(Batch.size(2, itemBytes));
    assertThat(items(packed.get(0))).containsExactly(chat(1, "a"), chat(2, "bb"));
  }

  @Test
  void aBatchFillsTheLimitExactlyAndOneByteMoreStartsAnother() {
    Outgoing first = event(1, "x".repeat(300), ALICE);
    int secondBytes = Limits.MAX_DATAGRAM_BYTES - Batch.OVERHEAD_BYTES - 1 - first.bytes().length;
    Outgoing fits = event(2, "y".repeat(secondBytes - event(2, "", ALICE).bytes().length), ALICE);
    assertThat(fits.bytes()).hasSize(secondBytes);

    List<Outgoing> exact = packer.pack(List.of(first, fits));
    Outgoing tooMuch =
        event(2, "y".repeat(secondBytes + 1 - event(2, "", ALICE).bytes().length), ALICE);
    List<Outgoing> over = packer.pack(List.of(first, tooMuch));

    assertThat(exact).hasSize(1);
    assertThat(exact.get(0).bytes()).hasSize(Limits.MAX_DATAGRAM_BYTES);
    assertThat(over).hasSize(2); // two events, each alone: a batch of one is never made
    assertThat(over.get(0).bytes()).isSameAs(first.bytes());
    assertThat(over.get(1).bytes()).isSameAs(tooMuch.bytes());
  }

  @Test
  void manyEventsNeverMakeADatagramOverTheLimitAndKeepTheirOrder() throws ProtocolException {
    List<Outgoing> events = new ArrayList<>();
    List<ServerMessage> expected = new ArrayList<>();
    for (int seq = 1; seq <= 200; seq++) {
      String text = "m".repeat((seq * 37) % 700); // sizes from a few bytes to 700 and more
      events.add(event(seq, text, ALICE));
      expected.add(chat(seq, text));
    }

    List<Outgoing> packed = packer.pack(events);

    List<ServerMessage> received = new ArrayList<>();
    for (Outgoing datagram : packed) {
      assertThat(datagram.bytes().length).isLessThanOrEqualTo(Limits.MAX_DATAGRAM_BYTES);
      received.addAll(items(datagram));
    }
    assertThat(received).isEqualTo(expected);
    assertThat(packed.size()).isLessThan(events.size());
  }

  @Test
  void whatIsNotAnEventTravelsAloneInItsPlace() throws ProtocolException {
    Outgoing posted = other(new Posted(7, 2), ALICE);
    List<Outgoing> pending =
        List.of(
            event(1, "one", ALICE),
            event(2, "two", ALICE),
            posted,
            event(3, "three", ALICE),
            event(4, "four", ALICE));

    List<Outgoing> packed = packer.pack(pending);

    assertThat(packed).hasSize(3);
    assertThat(items(packed.get(0))).containsExactly(chat(1, "one"), chat(2, "two"));
    assertThat(packed.get(1).bytes()).isSameAs(posted.bytes());
    assertThat(items(packed.get(2))).containsExactly(chat(3, "three"), chat(4, "four"));
  }

  @Test
  void membersWithTheSameDatagramsShareOneBatchAndTheOthersGetTheirOwn() throws ProtocolException {
    Outgoing first = event(1, "one", ALICE, BOB, CAROL);
    Outgoing posted = other(new Posted(1, 1), CAROL); // carol said it: her answer comes between
    Outgoing second = event(2, "two", ALICE, BOB, CAROL);

    List<Outgoing> packed = packer.pack(List.of(first, posted, second));

    Outgoing shared = packed.stream().filter(p -> p.to().contains(ALICE)).findFirst().orElseThrow();
    assertThat(shared.to()).containsExactly(ALICE, BOB);
    assertThat(items(shared)).containsExactly(chat(1, "one"), chat(2, "two"));
    List<Outgoing> carols = packed.stream().filter(p -> p.to().contains(CAROL)).toList();
    assertThat(carols)
        .extracting(Outgoing::bytes)
        .containsExactly(first.bytes(), posted.bytes(), second.bytes());
    assertThat(packed).hasSize(4);
  }

  @Test
  void anEventTooLargeToWrapTravelsAlone() {
    Outgoing small = event(1, "hi", ALICE);
    int hugeText = Limits.MAX_DATAGRAM_BYTES - event(2, "", ALICE).bytes().length - 10;
    Outgoing huge = event(2, "h".repeat(hugeText), ALICE);
    assertThat(Batch.size(1, huge.bytes().length)).isGreaterThan(Limits.MAX_DATAGRAM_BYTES);

    List<Outgoing> packed = packer.pack(List.of(small, huge, small));

    assertThat(packed)
        .extracting(Outgoing::bytes)
        .containsExactly(small.bytes(), huge.bytes(), small.bytes());
  }

  private Chat chat(long seq, String text) {
    return new Chat(seq, seq - 1, AT, "alice", text, false, null, null);
  }

  private Outgoing event(long seq, String text, InetSocketAddress... to) {
    return new Outgoing(codec.encode(chat(seq, text)), List.of(to), 1);
  }

  private Outgoing other(ServerMessage message, InetSocketAddress... to) {
    return new Outgoing(codec.encode(message), List.of(to), 0);
  }

  /** The events a datagram carries, as the client reads them. */
  private List<ServerMessage> items(Outgoing datagram) throws ProtocolException {
    ServerMessage message =
        codec.decode(datagram.bytes(), datagram.bytes().length, ServerMessage.class);
    return message instanceof Batch batch ? batch.items() : List.of(message);
  }
}
