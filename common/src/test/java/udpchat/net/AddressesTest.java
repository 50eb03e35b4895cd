package udpchat.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressesTest {

  @Test
  void ipv4AndEveryInterface() throws Exception {
    assertThat(Addresses.format(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 9999)))
        .isEqualTo("127.0.0.1:9999");
    assertThat(Addresses.format(new InetSocketAddress(9999))).isEqualTo("*:9999");
  }

  @ParameterizedTest
  @CsvSource({
    "::1, [::1]:9999",
    "fe80:0:0:0:1:0:0:2, [fe80::1:0:0:2]:9999",
    "2001:db8:0:0:1:0:0:1, [2001:db8::1:0:0:1]:9999",
    "2001:db8:1:2:3:4:5:6, [2001:db8:1:2:3:4:5:6]:9999",
    "2001:db8:0:1:2:3:4:5, [2001:db8:0:1:2:3:4:5]:9999",
    "1:0:0:0:0:0:0:0, [1::]:9999"
  })
  void ipv6InItsShortForm(String ip, String expected) throws Exception {
    assertThat(Addresses.format(new InetSocketAddress(InetAddress.getByName(ip), 9999)))
        .isEqualTo(expected);
  }
}
