package udpchat.crypto;

import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * What every datagram passes through between the codec and the socket: in a private room an AEAD
 * cipher under the {@link RoomKey} ({@link #of}), otherwise nothing ({@link #NONE}). Each side
 * applies it in one place: where it hands bytes to the fault injector and the socket, and where it
 * takes them back, before any JSON is read.
 *
 * <p>Implementations are thread-safe.
 */
public interface DatagramSeal {

  /** An open room: datagrams go out and come in as the codec wrote them. */
  DatagramSeal NONE = new NoSeal();

  /** The seal of a private room, or {@link #NONE} when {@code key} is null. */
  static DatagramSeal of(RoomKey key) {
    return key == null ? NONE : new AesGcmSeal(key);
  }

  /** Whether datagrams are sealed (a private room), so silence may mean a wrong key. */
  boolean sealed();

  /** The bytes a sealed datagram has beyond its contents: 0, or {@link AesGcmSeal#OVERHEAD}. */
  int overheadBytes();

  /**
   * The datagram to send for the first {@code length} bytes of {@code contents}, going {@code
   * flow}: a heap buffer from offset 0 to its limit.
   */
  ByteBuffer seal(Flow flow, byte[] contents, int length);

  /**
   * The contents of a received datagram that went {@code flow}, from its position to its limit: a
   * heap buffer from offset 0 to its limit.
   *
   * @throws SealException when it does not open (see there); nothing of it is returned then
   */
  ByteBuffer open(Flow flow, ByteBuffer datagram) throws SealException;

  /**
   * Like {@link #open(Flow, ByteBuffer)}, and in a private room refuses a datagram {@code from}
   * that address that was opened before ({@link SealException#replayed()}), so a recording sent
   * again changes nothing. An open room has nothing to check it by: anyone can write a datagram.
   */
  ByteBuffer open(Flow flow, ByteBuffer datagram, SocketAddress from) throws SealException;

  /** The identity: an open room. */
  final class NoSeal implements DatagramSeal {

    private NoSeal() {}

    @Override
    public boolean sealed() {
      return false;
    }

    @Override
    public int overheadBytes() {
      return 0;
    }

    @Override
    public ByteBuffer seal(Flow flow, byte[] contents, int length) {
      return ByteBuffer.wrap(contents, 0, length);
    }

    @Override
    public ByteBuffer open(Flow flow, ByteBuffer datagram) {
      if (datagram.position() == 0 && datagram.arrayOffset() == 0) {
        return datagram;
      }
      byte[] copy = new byte[datagram.remaining()];
      datagram.get(copy);
      return ByteBuffer.wrap(copy);
    }

    @Override
    public ByteBuffer open(Flow flow, ByteBuffer datagram, SocketAddress from) {
      return open(flow, datagram);
    }
  }
}
