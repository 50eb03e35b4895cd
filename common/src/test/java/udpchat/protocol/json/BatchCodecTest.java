package udpchat.protocol.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import udpchat.protocol.Batch;
import udpchat.protocol.Chat;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.Lost;
import udpchat.protocol.Notice;
import udpchat.protocol.Posted;
import udpchat.protocol.Private;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.ServerMessage;

/** The batch datagram (docs/PROTOCOL.md, section 14): its exact bytes, and what is refused. */
class BatchCodecTest {

  static final long AT = 1_717_171_717_171L;
  final Codec codec = new Codec();

  @Test
  void aBatchIsThePrefixTheItemsAsTheyWouldTravelAloneAndTheEnd() {
    Chat first = new Chat(58, 57L, AT, "alice", "hi", false, null, null);
    Notice second = new Notice(Notice.Kind.JOINED.wire(), "bob", null, 2, 59L, 58L, AT, null, null);
    String firstAlone = new String(codec.encode(first), UTF_8);
    String secondAlone = new String(codec.encode(second), UTF_8);

    byte[] batch = codec.encode(new Batch(List.of(first, second)));

    assertThat(new String(batch, UTF_8))
        .isEqualTo(
            "{\"v\":2,\"type\":\"batch\",\"items\":[" + firstAlone + "," + secondAlone + "]}");
    assertThat(batch).hasSize(Batch.size(2, firstAlone.length() + secondAlone.length()));
    assertThat(Batch.OVERHEAD_BYTES).isEqualTo(33);
  }

  @Test
  void wrappingEncodedItemsGivesTheSameBytesAsEncodingTheBatch() {
    Chat first = new Chat(58, 57L, AT, "alice", "hi", false, null, null);
    Private second = new Private(59, 58L, AT, "alice", "bob", "psst");

    byte[] wrapped = Codec.wrapBatch(List.of(codec.encode(first), codec.encode(second)));

    assertThat(wrapped).isEqualTo(codec.encode(new Batch(List.of(first, second))));
  }

  @Test
  void decodesEachItemAsTheMessageItWouldBeAlone() throws ProtocolException {
    Lost lost = new Lost(0, 40, 40);
    Chat chat = new Chat(41, 40L, AT, "alice", "hi", true, null, null);
    byte[] datagram = codec.encode(new Batch(List.of(lost, chat)));

    Batch decoded =
        codec.decode(datagram, datagram.length, ServerMessage.class) instanceof Batch b ? b : null;

    assertThat(decoded).isNotNull();
    assertThat(decoded.items()).containsExactly(lost, chat);
  }

  @Test
  void aServerNeverReceivesOne() {
    byte[] datagram = codec.encode(new Batch(List.of(new Lost(0, 1, 1))));

    assertThatThrownBy(() -> codec.decode(datagram, datagram.length, ClientMessage.class))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.reason()).isEqualTo(ProtocolException.Reason.WRONG_DIRECTION));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        // no items, or not an array of objects
        "{\"v\":2,\"type\":\"batch\"}",
        "{\"v\":2,\"type\":\"batch\",\"items\":[]}",
        "{\"v\":2,\"type\":\"batch\",\"items\":{}}",
        // a message that is not a room event in a stream
        "{\"v\":2,\"type\":\"batch\",\"items\":[{\"v\":2,\"type\":\"posted\",\"n\":1,\"seq\":1}]}",
        "{\"v\":2,\"type\":\"batch\",\"items\":[{\"v\":2,\"type\":\"chat\",\"seq\":5,\"at\":1,"
            + "\"from\":\"a\",\"text\":\"recalled, no prev\",\"action\":false,\"ref\":1,\"of\":1}]}",
        "{\"v\":2,\"type\":\"batch\",\"items\":[{\"v\":2,\"type\":\"notice\",\"event\":\"shutdown\","
            + "\"online\":0}]}",
        // an item with a bad field, even when the others are good
        "{\"v\":2,\"type\":\"batch\",\"items\":[{\"v\":2,\"type\":\"lost\",\"prev\":0,\"seq\":1,"
            + "\"count\":1},{\"v\":2,\"type\":\"lost\",\"prev\":5,\"seq\":1,\"count\":1}]}"
      })
  void refusesABatchThatIsNotRoomEventsAsBadField(String json) {
    assertRefused(json, ProtocolException.Reason.BAD_FIELD);
  }

  @Test
  void refusesABatchInABatch() {
    // Four levels deep: within the nesting limit, so the batch rule itself refuses it.
    assertRefused(
        "{\"v\":2,\"type\":\"batch\",\"items\":[{\"v\":2,\"type\":\"batch\",\"items\":[]}]}",
        ProtocolException.Reason.BAD_FIELD);
  }

  @Test
  void refusesAnItemOfAnotherVersionOrType() {
    assertRefused(
        "{\"v\":2,\"type\":\"batch\",\"items\":[{\"v\":1,\"type\":\"lost\",\"prev\":0,\"seq\":1,"
            + "\"count\":1}]}",
        ProtocolException.Reason.BAD_VERSION);
    assertRefused(
        "{\"v\":2,\"type\":\"batch\",\"items\":[{\"v\":2,\"type\":\"say\",\"session\":"
            + "\"q3Vx0Zr4T1mYk8cB2nWfJg\",\"n\":1,\"text\":\"x\",\"action\":false}]}",
        ProtocolException.Reason.WRONG_DIRECTION);
    assertRefused(
        "{\"v\":2,\"type\":\"batch\",\"items\":[{\"v\":2,\"type\":\"nope\"}]}",
        ProtocolException.Reason.UNKNOWN_TYPE);
    assertRefused(
        "{\"v\":2,\"type\":\"batch\",\"items\":[7]}", ProtocolException.Reason.NOT_AN_OBJECT);
  }

  @Test
  void refusesAnItemNestedDeeperThanTheLimit() {
    assertRefused(
        "{\"v\":2,\"type\":\"batch\",\"items\":[{\"v\":2,\"type\":\"lost\",\"x\":[[1]]}]}",
        ProtocolException.Reason.TOO_COMPLEX);
  }

  @Test
  void refusesDuplicateKeysInsideAnItem() {
    assertRefused(
        "{\"v\":2,\"type\":\"batch\",\"items\":[{\"v\":2,\"type\":\"lost\",\"prev\":0,"
            + "\"prev\":0,\"seq\":1,\"count\":1}]}",
        ProtocolException.Reason.NOT_JSON);
  }

  @Test
  void aBatchIsNeverEmptyNorHoldsAnythingButStreamEvents() {
    assertThatThrownBy(() -> new Batch(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Batch(List.of(new Posted(1, 1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Batch.mayHold(Chat.posted(1, AT, "alice", "kept, not in a stream", false)))
        .isFalse();
    assertThat(Batch.mayHold(Notice.unnumbered(Notice.Kind.SHUTDOWN, null, 0))).isFalse();
  }

  private void assertRefused(String json, ProtocolException.Reason reason) {
    byte[] bytes = json.getBytes(UTF_8);
    assertThatThrownBy(() -> codec.decode(bytes, bytes.length, ServerMessage.class))
        .isInstanceOfSatisfying(
            ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
