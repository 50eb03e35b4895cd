package udpchat.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;

/** Socket addresses as people read them in logs and on screen. */
public final class Addresses {

  private Addresses() {}

  /** {@code 127.0.0.1:9999}, {@code [::1]:9999}, or {@code *:9999} for every interface. */
  public static String format(InetSocketAddress address) {
    InetAddress ip = address.getAddress();
    if (ip == null) {
      return address.getHostString() + ":" + address.getPort();
    }
    if (ip.isAnyLocalAddress()) {
      return "*:" + address.getPort();
    }
    if (ip instanceof Inet6Address) {
      return "[" + compress(ip.getHostAddress()) + "]:" + address.getPort();
    }
    return ip.getHostAddress() + ":" + address.getPort();
  }

  /**
   * The JDK writes every IPv6 group ({@code 0:0:0:0:0:0:0:1}); people and RFC 5952 write the
   * longest run of two or more zero groups as {@code ::} ({@code ::1}).
   */
  static String compress(String full) {
    int percent = full.indexOf('%');
    String zone = percent < 0 ? "" : full.substring(percent);
    String[] groups = (percent < 0 ? full : full.substring(0, percent)).split(":");
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < groups.length; ) {
      int j = i;
      while (j < groups.length && groups[j].equals("0")) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    if (bestStart < 0) {
      return String.join(":", groups) + zone;
    }
    String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
    String tail =
        String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
    return head + "::" + tail + zone;
  }
}
