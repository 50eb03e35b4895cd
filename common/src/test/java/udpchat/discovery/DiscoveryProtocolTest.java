package udpchat.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.Flow;
import udpchat.crypto.RoomKey;
import udpchat.discovery.DiscoveryProtocol.Reply;
import udpchat.secure.identity.Fingerprint;
import udpchat.secure.noise.X25519;

class DiscoveryProtocolTest {

  private static final Fingerprint KEY = Fingerprint.of(X25519.generate().publicKey());

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
    version[16] = 4; // versions 1 to 3 are known
    assertThat(DiscoveryProtocol.readRequest(version, version.length)).isEmpty();
    byte[] random = new byte[DiscoveryProtocol.REQUEST_BYTES];
    new Random(1).nextBytes(random);
    assertThat(DiscoveryProtocol.readRequest(random, random.length)).isEmpty();
  }

  @Test
  void aReplyRoundTripsAndIsNeverLargerThanTheRequest() {
    String longest = new String(Character.toChars(0x20000)).repeat(32); // 128 bytes
    for (String room : new String[] {"r", "kitchen", "Émile", longest}) {
      Reply reply = new Reply(-1L, 65535, room, 1, KEY);
      byte[] datagram = DiscoveryProtocol.reply(reply);
      assertThat(datagram.length)
          .isLessThanOrEqualTo(DiscoveryProtocol.REPLY_MAX_BYTES)
          .isLessThan(DiscoveryProtocol.REQUEST_BYTES);
      assertThat(DiscoveryProtocol.readReply(datagram, datagram.length)).contains(reply);
    }
  }

  /**
   * The sizes DISCOVERY.md and PROTOCOL.md section 13 give, the instance's 8 bytes and the key's 32
   * included.
   */
  @Test
  void theLargestReplyIs196BytesAnd225Sealed() {
    String longest = new String(Character.toChars(0x20000)).repeat(32); // 128 bytes
    byte[] reply = DiscoveryProtocol.reply(new Reply(-1L, 65535, longest, Long.MAX_VALUE, KEY));
    assertThat(reply).hasSize(196);
    DatagramSeal seal = DatagramSeal.of(RoomKey.derive("attic"));
    assertThat(seal.seal(Flow.DISCOVERY_REPLY, reply, reply.length).remaining()).isEqualTo(225);
    byte[] request = DiscoveryProtocol.request(1);
    assertThat(seal.seal(Flow.DISCOVERY_REQUEST, request, request.length).remaining())
        .isEqualTo(541);
  }

  @Test
  void aMalformedReplyIsNotOne() {
    byte[] reply = DiscoveryProtocol.reply(new Reply(1, 9999, "kitchen", 1, KEY));
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
  void aReplyCarriesTheServersInstanceAndKeyAndOlderRequestsGetTheirOwnVersion() {
    Reply reply = new Reply(3, 9999, "kitchen", 0x1234_5678_9abcL, KEY);
    byte[] current = DiscoveryProtocol.reply(reply);
    assertThat(DiscoveryProtocol.readReply(current, current.length)).contains(reply);
    assertThat(Arrays.copyOfRange(current, current.length - 32, current.length))
        .as("the key's digest ends the reply")
        .isEqualTo(KEY.digest());

    byte[] request2 = DiscoveryProtocol.request(3);
    request2[16] = 2; // a client from before server keys
    assertThat(DiscoveryProtocol.readRequest(request2, request2.length)).contains(3L);
    byte[] two = DiscoveryProtocol.reply(reply, DiscoveryProtocol.version(request2));
    assertThat(two).hasSize(current.length - 32); // what such a client reads: no trailing bytes
    assertThat(two[16]).isEqualTo((byte) 2);
    assertThat(DiscoveryProtocol.readReply(two, two.length))
        .contains(new Reply(3, 9999, "kitchen", 0x1234_5678_9abcL, null));

    byte[] request1 = DiscoveryProtocol.request(3);
    request1[16] = 1; // a client from before server identities
    assertThat(DiscoveryProtocol.readRequest(request1, request1.length)).contains(3L);
    byte[] one = DiscoveryProtocol.reply(reply, DiscoveryProtocol.version(request1));
    assertThat(one).hasSize(current.length - 40);
    assertThat(one[16]).isEqualTo((byte) 1);
    assertThat(DiscoveryProtocol.readReply(one, one.length))
        .contains(new Reply(3, 9999, "kitchen"));
  }

  @Test
  void aReplyOfTheCurrentVersionNeedsAKey() {
    assertThatThrownBy(() -> DiscoveryProtocol.reply(new Reply(3, 9999, "kitchen")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key");
  }

  @Test
  void aKeyCutShortOrWithExtraBytesIsNotAReply() {
    byte[] reply = DiscoveryProtocol.reply(new Reply(3, 9999, "kitchen", 7, KEY));
    assertThat(DiscoveryProtocol.readReply(reply, reply.length - 1)).isEmpty();
    byte[] longer = Arrays.copyOf(reply, reply.length + 1);
    assertThat(DiscoveryProtocol.readReply(longer, longer.length)).isEmpty();
  }
}
