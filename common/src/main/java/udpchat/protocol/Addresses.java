package udpchat.protocol;

import java.net.InetSocketAddress;

/** Socket addresses as people read them in logs and on screen. */
public final class Addresses {

  private Addresses() {}

  /** {@code 127.0.0.1:9999}, {@code [::1]:9999}, or {@code *:9999} for every interface. */
  public static String format(InetSocketAddress address) {
    if (address.getAddress() == null) {
      return address.getHostString() + ":" + address.getPort();
    }
    if (address.getAddress().isAnyLocalAddress()) {
      return "*:" + address.getPort();
    }
    String host = address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
