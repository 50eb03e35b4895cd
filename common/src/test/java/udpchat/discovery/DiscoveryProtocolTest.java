package udpchat.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.Flow;
import udpchat.crypto.RoomKey;
import udpchat.discovery.DiscoveryProtocol.Reply;

class DiscoveryProtocolTest {

  @Test
  void aRequestRoundTripsAndIsExactlyItsSize() {
    byte[] request = DiscoveryProtocol.request(0x1234_5678_9abc_def0L);
    assertThat(request).hasSize(DiscoveryProtocol.REQUEST_BYTES);
    assertThat(DiscoveryProtocol.readRequest(request, request.length))
        .contains(0x1234_5678_9abc_def0L);
  }

  @Test
  void anythingButAnExactRequestIsNotOne() {
    byte[] request = DiscoveryProtocol.request(7);
    assertThat(DiscoveryProtocol.readRequest(request, request.length - 1)).isEmpty();
    byte[] longer = Arrays.copyOf(request, request.length + 1);
    assertThat(DiscoveryProtocol.readRequest(longer, longer.length)).isEmpty();
    byte[] padded = request.clone();
    padded[request.length - 1] = 1;
    assertThat(DiscoveryProtocol.readRequest(padded, padded.length)).as("padding").isEmpty();
    byte[] magic = request.clone();
    magic[0] = 'u';
    assertThat(DiscoveryProtocol.readRequest(magic, magic.length)).isEmpty();
    byte[] version = request.clone();
    version[16] = 3; // versions 1 and 2 are known
    assertThat(DiscoveryProtocol.readRequest(version, version.length)).isEmpty();
    byte[] random = new byte[DiscoveryProtocol.REQUEST_BYTES];
    new Random(1).nextBytes(random);
    assertThat(DiscoveryProtocol.readRequest(random, random.length)).isEmpty();
  }

  @Test
  void aReplyRoundTripsAndIsNeverLargerThanTheRequest() {
    String longest = new String(Character.toChars(0x20000)).repeat(32); // 128 bytes
    for (String room : new String[] {"r", "kitchen", "Émile", longest}) {
      Reply reply = new Reply(-1L, 65535, room);
      byte[] datagram = DiscoveryProtocol.reply(reply);
      assertThat(datagram.length)
          .isLessThanOrEqualTo(DiscoveryProtocol.REPLY_MAX_BYTES)
          .isLessThan(DiscoveryProtocol.REQUEST_BYTES);
      assertThat(DiscoveryProtocol.readReply(datagram, datagram.length)).contains(reply);
    }
  }

  /** The sizes DISCOVERY.md and PROTOCOL.md section 13 give, the instance's 8 bytes included. */
  @Test
  void theLargestReplyIs164BytesAnd193Sealed() {
    String longest = new String(Character.toChars(0x20000)).repeat(32); // 128 bytes
    byte[] reply = DiscoveryProtocol.reply(new Reply(-1L, 65535, longest, Long.MAX_VALUE));
    assertThat(reply).hasSize(164);
    DatagramSeal seal = DatagramSeal.of(RoomKey.derive("attic"));
    assertThat(seal.seal(Flow.DISCOVERY_REPLY, reply, reply.length).remaining()).isEqualTo(193);
    byte[] request = DiscoveryProtocol.request(1);
    assertThat(seal.seal(Flow.DISCOVERY_REQUEST, request, request.length).remaining())
        .isEqualTo(541);
  }

  @Test
  void aMalformedReplyIsNotOne() {
    byte[] reply = DiscoveryProtocol.reply(new Reply(1, 9999, "kitchen"));
    assertThat(DiscoveryProtocol.readReply(reply, reply.length - 1)).as("short room").isEmpty();
    byte[] trailing = Arrays.copyOf(reply, reply.length + 1);
    assertThat(DiscoveryProtocol.readReply(trailing, trailing.length)).isEmpty();
    byte[] port = reply.clone();
    port[25] = 0;
    port[26] = 0;
    assertThat(DiscoveryProtocol.readReply(port, port.length)).as("port 0").isEmpty();
    byte[] escape = reply.clone();
    escape[28] = 0x1b;
    assertThat(DiscoveryProtocol.readReply(escape, escape.length)).as("not a name").isEmpty();
    byte[] utf8 = reply.clone();
    utf8[28] = (byte) 0xc0;
    assertThat(DiscoveryProtocol.readReply(utf8, utf8.length)).as("bad UTF-8").isEmpty();
    byte[] request = DiscoveryProtocol.request(1);
    assertThat(DiscoveryProtocol.readReply(request, request.length)).isEmpty();
    assertThat(new String(reply, 0, 12, StandardCharsets.US_ASCII)).isEqualTo("UDPCHAT-HERE");
  }

  @Test
  void aReplyCarriesTheServersInstanceAndAVersionOneRequestGetsAVersionOneReply() {
    Reply reply = new Reply(3, 9999, "kitchen", 0x1234_5678_9abcL);
    byte[] current = DiscoveryProtocol.reply(reply);
    assertThat(DiscoveryProtocol.readReply(current, current.length)).contains(reply);

    byte[] oldRequest = DiscoveryProtocol.request(3);
    oldRequest[16] = 1; // a client from before server identities
    assertThat(DiscoveryProtocol.readRequest(oldRequest, oldRequest.length)).contains(3L);
    byte[] old = DiscoveryProtocol.reply(reply, DiscoveryProtocol.version(oldRequest));
    assertThat(old).hasSize(current.length - 8); // what such a client reads: no trailing bytes
    assertThat(old[16]).isEqualTo((byte) 1);
    assertThat(DiscoveryProtocol.readReply(old, old.length))
        .contains(new Reply(3, 9999, "kitchen"));
  }
}
