package udpchat.bench.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import udpchat.protocol.Ack;
import udpchat.protocol.Chat;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.Lost;
import udpchat.protocol.Notice;
import udpchat.protocol.Pong;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;

/** What the bench writes by hand and reads by scanning agrees with the codec, without a socket. */
class WireTest {

  private static final String TOKEN = "q3Vx0Zr4T1mYk8cB2nWfJg";
  private final Codec codec = new Codec();
  private final Inbound inbound = new Inbound(codec);

  @Test
  void handWrittenAcksAreWhatTheCodecReads() throws Exception {
    AckWriter writer = new AckWriter();
    assertThat(decodeClient(writer.ack(TOKEN.getBytes(), 59, 0))).isEqualTo(new Ack(TOKEN, 59));
    assertThat(decodeClient(writer.ack(TOKEN.getBytes(), 59, 61)))
        .isEqualTo(new Ack(TOKEN, 59, 61L));
    ByteBuffer plain = writer.ack(TOKEN.getBytes(), 7, 0);
    assertThat(bytes(plain)).isEqualTo(codec.encode(new Ack(TOKEN, 7)));
  }

  @Test
  void aChatInAStreamIsReadWithoutJacksonWithItsStamp() {
    String text = Stamp.text(123_456_789_012L, 4, 77, 100);
    byte[] datagram =
        codec.encode(new Chat(58, 57L, 1_763_900_000_000L, "m4", text, false, null, null));

    Inbound read = inbound.read(datagram, datagram.length);

    assertThat(read.kind).isEqualTo(Inbound.Kind.EVENT);
    assertThat(read.message).as("the fast path decodes nothing").isNull();
    assertThat(read.seq).isEqualTo(58);
    assertThat(read.prev).isEqualTo(57);
    assertThat(read.sentNs).isEqualTo(123_456_789_012L);
    assertThat(read.sender).isEqualTo(4);
    assertThat(read.number).isEqualTo(77);
    assertThat(text).hasSize(100);
  }

  @Test
  void aNumberedNoticeIsAnEventWithNoStamp() {
    Notice joined = Notice.posted(60, 1_763_900_002_000L, Notice.Kind.JOINED, "carol", 4);
    byte[] datagram =
        codec.encode(
            new Notice(joined.event(), joined.name(), null, 4, 60L, 59L, joined.at(), null, null));

    Inbound read = inbound.read(datagram, datagram.length);

    assertThat(read.kind).isEqualTo(Inbound.Kind.EVENT);
    assertThat(read.seq).isEqualTo(60);
    assertThat(read.prev).isEqualTo(59);
    assertThat(read.sentNs).isEqualTo(-1);
  }

  @Test
  void otherMessagesAreDecodedInFull() {
    Welcome welcome = new Welcome(TOKEN, "m1", 1000, 3000, 2, 44, 41, 57);
    Notice expired = Notice.unnumbered(Notice.Kind.EXPIRED, "m1", 1);

    assertThat(read(welcome).kind).isEqualTo(Inbound.Kind.OTHER);
    assertThat(read(welcome).message).isEqualTo(welcome);
    assertThat(read(new Pong(3)).message).isEqualTo(new Pong(3));
    assertThat(read(expired).kind).isEqualTo(Inbound.Kind.OTHER);
    assertThat(read(expired).message).isEqualTo(expired);
    Inbound lost = read(new Lost(12, 3050, 3038));
    assertThat(lost.kind).isEqualTo(Inbound.Kind.LOST);
    assertThat(lost.prev).isEqualTo(12);
    assertThat(lost.seq).isEqualTo(3050);
  }

  @Test
  void aChatTheScanCannotReadIsDecodedWithItsStamp() {
    // Field order other than the Java encoder's: the full decoder reads it, stamp included.
    String json =
        "{\"type\":\"chat\",\"v\":2,\"seq\":9,\"prev\":8,\"at\":1,\"from\":\"m2\",\"text\":\""
            + Stamp.text(555, 2, 3, 40)
            + "\",\"action\":false}";
    byte[] datagram = json.getBytes();

    Inbound read = inbound.read(datagram, datagram.length);

    assertThat(read.kind).isEqualTo(Inbound.Kind.EVENT);
    assertThat(read.message).isInstanceOf(Chat.class);
    assertThat(read.seq).isEqualTo(9);
    assertThat(read.sentNs).isEqualTo(555);
    assertThat(read.sender).isEqualTo(2);
    assertThat(read.number).isEqualTo(3);
  }

  @Test
  void garbageIsInvalid() {
    byte[] datagram = "{\"v\":2,\"type\":\"chat\",\"seq\":".getBytes();
    assertThat(inbound.read(datagram, datagram.length).kind).isEqualTo(Inbound.Kind.INVALID);
  }

  private Inbound read(udpchat.protocol.ServerMessage message) {
    byte[] datagram = codec.encode(message);
    return inbound.read(datagram, datagram.length);
  }

  private ClientMessage decodeClient(ByteBuffer datagram) throws Exception {
    byte[] bytes = bytes(datagram);
    return codec.decode(bytes, bytes.length, ClientMessage.class);
  }

  private static byte[] bytes(ByteBuffer datagram) {
    return Arrays.copyOfRange(
        datagram.array(), datagram.position(), datagram.position() + datagram.remaining());
  }
}
