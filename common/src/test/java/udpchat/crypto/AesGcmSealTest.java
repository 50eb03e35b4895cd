package udpchat.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import udpchat.protocol.Limits;

class AesGcmSealTest {

  // Derived once: each derivation costs a fraction of a second, by design.
  static final RoomKey KEY = RoomKey.derive("correct horse battery staple");
  static final RoomKey OTHER_KEY = RoomKey.derive("correct horse battery stapler");

  static final byte[] JOIN =
      "{\"v\":2,\"type\":\"join\",\"name\":\"alice\",\"client\":\"Zk3n0Qx8Rm1Tb4Vw7Yp2Lg\",\"next\":1}"
          .getBytes(StandardCharsets.UTF_8);

  private final DatagramSeal seal = DatagramSeal.of(KEY);

  @Test
  void opensWhatItSealedAndAddsExactlyTheOverhead() throws SealException {
    ByteBuffer sealed = seal.seal(Flow.TO_SERVER, JOIN, JOIN.length);
    assertThat(sealed.remaining()).isEqualTo(JOIN.length + 29);
    assertThat(seal.overheadBytes()).isEqualTo(29);
    assertThat(sealed.get(0)).isEqualTo((byte) 0xF5);
    assertThat(contents(DatagramSeal.of(KEY).open(Flow.TO_SERVER, sealed))).isEqualTo(JOIN);
  }

  @Test
  void refusesACopyFromTheSameAddressButNotTheOriginalElsewhere() throws SealException {
    InetSocketAddress alice = new InetSocketAddress("127.0.0.1", 40001);
    DatagramSeal server = DatagramSeal.of(KEY);
    ByteBuffer first = seal.seal(Flow.TO_SERVER, JOIN, JOIN.length);
    ByteBuffer second = seal.seal(Flow.TO_SERVER, JOIN, JOIN.length);
    assertThat(contents(server.open(Flow.TO_SERVER, second.duplicate(), alice))).isEqualTo(JOIN);
    assertThat(contents(server.open(Flow.TO_SERVER, first.duplicate(), alice))).isEqualTo(JOIN);
    assertThatThrownBy(() -> server.open(Flow.TO_SERVER, first.duplicate(), alice))
        .isInstanceOf(SealException.class)
        .matches(e -> ((SealException) e).replayed(), "a replay")
        .hasMessageContaining("a copy of a datagram already received");
    // From another address it is that address's first: the room answers it as a stranger's.
    InetSocketAddress mallory = new InetSocketAddress("127.0.0.66", 40666);
    assertThat(contents(server.open(Flow.TO_SERVER, first.duplicate(), mallory))).isEqualTo(JOIN);
    // An altered copy is not a replay: it does not open at all, and is not remembered.
    ByteBuffer altered = seal.seal(Flow.TO_SERVER, JOIN, JOIN.length);
    altered.put(20, (byte) (altered.get(20) ^ 1));
    assertThatThrownBy(() -> server.open(Flow.TO_SERVER, altered.duplicate(), alice))
        .isInstanceOf(SealException.class)
        .matches(e -> !((SealException) e).replayed(), "not a replay");
  }

  @Test
  void hidesTheContents() {
    ByteBuffer sealed = seal.seal(Flow.TO_SERVER, JOIN, JOIN.length);
    String wire = new String(sealed.array(), StandardCharsets.ISO_8859_1);
    assertThat(wire).doesNotContain("alice").doesNotContain("join");
  }

  @Test
  void theLargestDatagramSealedStillFitsTheIpv6MinimumMtu() throws SealException {
    byte[] largest = new byte[Limits.MAX_DATAGRAM_BYTES];
    Arrays.fill(largest, (byte) 'x');
    ByteBuffer sealed = seal.seal(Flow.TO_CLIENT, largest, largest.length);
    // 1280-byte IPv6 minimum MTU, less 40 bytes of IPv6 header and 8 of UDP header.
    assertThat(sealed.remaining()).isEqualTo(1229).isLessThanOrEqualTo(1280 - 40 - 8);
    assertThat(seal.open(Flow.TO_CLIENT, sealed).remaining()).isEqualTo(largest.length);
  }

  @Test
  void sealsTheSameContentsDifferentlyEachTimeWithANewNonce() {
    Set<ByteBuffer> nonces = new HashSet<>();
    Set<ByteBuffer> datagrams = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      ByteBuffer sealed = seal.seal(Flow.TO_SERVER, JOIN, JOIN.length);
      nonces.add(ByteBuffer.wrap(Arrays.copyOfRange(sealed.array(), 1, 13)));
      datagrams.add(sealed);
    }
    assertThat(nonces).hasSize(1000);
    assertThat(datagrams).hasSize(1000);
  }

  @Test
  void refusesEveryDatagramWithOneBitFlippedAnywhere() {
    byte[] sealed = seal.seal(Flow.TO_SERVER, JOIN, JOIN.length).array();
    for (int i = 0; i < sealed.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] altered = sealed.clone();
        altered[i] ^= (byte) (1 << bit);
        assertThatThrownBy(() -> seal.open(Flow.TO_SERVER, ByteBuffer.wrap(altered)))
            .as("bit %d of byte %d", bit, i)
            .isInstanceOf(SealException.class);
      }
    }
  }

  @Test
  void refusesADatagramSealedUnderAnotherKey() {
    ByteBuffer sealed = DatagramSeal.of(OTHER_KEY).seal(Flow.TO_SERVER, JOIN, JOIN.length);
    assertThatThrownBy(() -> seal.open(Flow.TO_SERVER, sealed))
        .isInstanceOf(SealException.class)
        .hasMessage("does not open under the room key (altered, or another key)");
  }

  @Test
  void refusesADatagramSealedForAnotherWay() {
    ByteBuffer request = seal.seal(Flow.TO_SERVER, JOIN, JOIN.length);
    assertThatThrownBy(() -> seal.open(Flow.TO_CLIENT, request))
        .isInstanceOf(SealException.class)
        .hasMessage("not sealed for this way (first byte 0xF5)");
    // The flow byte is authenticated: rewriting it does not help either.
    request.put(0, Flow.TO_CLIENT.header());
    assertThatThrownBy(() -> seal.open(Flow.TO_CLIENT, request))
        .isInstanceOf(SealException.class)
        .hasMessageContaining("does not open");
  }

  @Test
  void refusesPlainJsonAndShortDatagrams() {
    assertThatThrownBy(() -> seal.open(Flow.TO_SERVER, ByteBuffer.wrap(JOIN)))
        .isInstanceOf(SealException.class)
        .hasMessage("not sealed for this way (first byte 0x7B)");
    assertThatThrownBy(() -> seal.open(Flow.TO_SERVER, ByteBuffer.wrap(new byte[28])))
        .isInstanceOf(SealException.class)
        .hasMessage("too short to be sealed: 28 bytes");
  }

  @Test
  void sealsAnEmptyDatagramToo() throws SealException {
    ByteBuffer sealed = seal.seal(Flow.DISCOVERY_REPLY, new byte[0], 0);
    assertThat(sealed.remaining()).isEqualTo(29);
    assertThat(seal.open(Flow.DISCOVERY_REPLY, sealed).remaining()).isZero();
  }

  @Test
  void theOpenRoomPassesDatagramsThroughUnchanged() throws SealException {
    ByteBuffer sealed = DatagramSeal.NONE.seal(Flow.TO_SERVER, JOIN, JOIN.length);
    assertThat(contents(sealed)).isEqualTo(JOIN);
    assertThat(contents(DatagramSeal.NONE.open(Flow.TO_SERVER, sealed))).isEqualTo(JOIN);
    assertThat(DatagramSeal.NONE.sealed()).isFalse();
    assertThat(DatagramSeal.NONE.overheadBytes()).isZero();
  }

  private static byte[] contents(ByteBuffer buffer) {
    return Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
  }
}
