package udpchat.secure.link;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import udpchat.crypto.DatagramSeal;
import udpchat.secure.noise.X25519;
import udpchat.secure.transport.RefusedDatagram;
import udpchat.secure.transport.RekeyPolicy;

/**
 * A client's link and the server's session of it, from a handshake run in memory: for tests of what
 * sits on either side of the link (the server's sender, a fake server) without a socket.
 *
 * @param client the client's end, established
 * @param server the server's session: what it seals, the client opens
 */
public record LinkPair(Initiator client, SealedSession server) {

  /** A completed open-room handshake. */
  public static LinkPair handshake() {
    ArrayDeque<ByteBuffer> sent = new ArrayDeque<>();
    Initiator client =
        new Initiator(null, ServerKeyCheck.ANY, RekeyPolicy.DEFAULT, DatagramSeal.NONE, sent::add);
    Responder responder = new Responder(X25519.generate(), null, RekeyPolicy.DEFAULT);
    client.tick(0);
    client.send(new byte[0], 0); // an empty payload waits for the session: it starts the hello
    ByteBuffer hello = sent.removeLast();
    byte[] bytes = new byte[hello.remaining()];
    hello.get(bytes);
    try {
      Responder.Accepted accepted = responder.accept(bytes, 0, bytes.length, 0);
      client.receive(ByteBuffer.wrap(accepted.datagram()), 0);
      return new LinkPair(client, accepted.session());
    } catch (RefusedDatagram e) {
      throw new AssertionError("an in-memory handshake failed", e);
    }
  }

  /** The payload of a datagram the server sealed, as the client opens it. */
  public byte[] open(byte[] datagram) throws RefusedDatagram {
    return client.receive(ByteBuffer.wrap(datagram), 0);
  }
}
