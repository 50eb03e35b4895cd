package udpchat.server.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.util.function.Predicate;

/**
 * Whose discovery requests a server answers: the network its chat socket is bound to. A server on
 * {@code --bind 127.0.0.1} answers this host only, one on an interface's address that interface's
 * subnet, one on the wildcard address everyone. The discovery socket itself stays on the wildcard
 * address, as only that receives broadcasts; the request's source says where it came from.
 */
public final class ServedNetwork implements Predicate<InetAddress> {

  private final InetAddress bind;
  private final InetAddress network;
  private final int prefixBits;

  private ServedNetwork(InetAddress bind, InetAddress network, int prefixBits) {
    this.bind = bind;
    this.network = network;
    this.prefixBits = prefixBits;
  }

  /** The network of {@code bind}, the chat socket's address. */
  public static ServedNetwork of(InetAddress bind) {
    if (bind.isAnyLocalAddress()) {
      return new ServedNetwork(bind, null, 0);
    }
    if (bind.isLoopbackAddress()) {
      return new ServedNetwork(bind, bind, -1); // any loopback source: this host
    }
    try {
      NetworkInterface nic = NetworkInterface.getByInetAddress(bind);
      if (nic != null) {
        for (InterfaceAddress address : nic.getInterfaceAddresses()) {
          if (address.getAddress().equals(bind)) {
            return new ServedNetwork(bind, bind, address.getNetworkPrefixLength());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ServedNetwork(bind, bind, bind.getAddress().length * 8); // itself only
  }

  @Override
  public boolean test(InetAddress source) {
    if (network == null) {
      return true;
    }
    if (prefixBits < 0) {
      return source.isLoopbackAddress();
    }
    byte[] a = network.getAddress();
    byte[] b = source.getAddress();
    if (a.length != b.length) {
      return false;
    }
    for (int bit = 0; bit < prefixBits; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((a[bit / 8] & mask) != (b[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    if (network == null) {
      return "any address";
    }
    return prefixBits < 0 ? "this host (loopback)" : bind.getHostAddress() + "/" + prefixBits;
  }
}
