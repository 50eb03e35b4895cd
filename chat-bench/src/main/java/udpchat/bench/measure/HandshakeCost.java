package udpchat.bench.measure;

import java.util.ArrayList;
import java.util.List;
import udpchat.crypto.DatagramSeal;
import udpchat.secure.link.Initiator;
import udpchat.secure.link.Responder;
import udpchat.secure.link.SealedSession;
import udpchat.secure.link.ServerKeyCheck;
import udpchat.secure.noise.KeyPair;
import udpchat.secure.noise.NoiseException;
import udpchat.secure.noise.X25519;
import udpchat.secure.transport.RefusedDatagram;
import udpchat.secure.transport.RekeyPolicy;

/**
 * What protocol 3's crypto costs one thread, with no socket: one X25519, a client's hello, the
 * server's whole answer to a hello ({@link Responder#accept}: three X25519 and the hashing), and a
 * seal of a 200-byte datagram. Three passes, so the JIT's warm-up shows as the first. Run as {@code
 * java -cp chat-bench/target/chat-bench.jar udpchat.bench.measure.HandshakeCost [rounds]}.
 */
public final class HandshakeCost {

  private HandshakeCost() {}

  public static void main(String[] args) throws NoiseException, RefusedDatagram {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    KeyPair a = X25519.generate();
    KeyPair b = X25519.generate();
    Responder responder = new Responder(X25519.generate(), null, RekeyPolicy.DEFAULT);
    for (int pass = 1; pass <= 3; pass++) {
      long startNs = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        X25519.dh(a.privateKey(), b.publicKey());
      }
      double dhUs = (System.nanoTime() - startNs) / 1e3 / rounds;
      List<byte[]> hellos = new ArrayList<>();
      startNs = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        Initiator client =
            new Initiator(
                null,
                ServerKeyCheck.ANY,
                RekeyPolicy.DEFAULT,
                DatagramSeal.NONE,
                datagram -> {
                  byte[] hello = new byte[datagram.remaining()];
                  datagram.get(hello);
                  hellos.add(hello);
                });
        client.send(new byte[] {'{', '}'}, 0); // no session yet: it sends a hello
      }
      double helloUs = (System.nanoTime() - startNs) / 1e3 / rounds;
      SealedSession session = null;
      startNs = System.nanoTime();
      for (byte[] hello : hellos) {
        session = responder.accept(hello, 0, hello.length, 0).session();
      }
      double acceptUs = (System.nanoTime() - startNs) / 1e3 / rounds;
      byte[] payload = new byte[200];
      int seals = rounds * 20;
      startNs = System.nanoTime();
      for (int i = 0; i < seals; i++) {
        session.seal(payload, payload.length);
      }
      double sealUs = (System.nanoTime() - startNs) / 1e3 / seals;
      System.out.printf(
          "pass %d: X25519 %.0f µs, client hello %.0f µs, server accept %.0f µs,"
              + " seal of 200 bytes %.1f µs%n",
          pass, dhUs, helloUs, acceptUs, sealUs);
    }
  }
}
