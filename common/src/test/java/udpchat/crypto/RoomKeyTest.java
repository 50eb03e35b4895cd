package udpchat.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RoomKeyTest {

  /**
   * The derivation, pinned so a client in another language can be checked against it: these keys
   * were computed independently, with Python's {@code hashlib.pbkdf2_hmac('sha256',
   * passphrase.encode('utf-8'), b'udpchat room key v1', 600000, 32)}.
   */
  @Test
  void derivesThePbkdf2KeyOfTheUtf8PassphraseUnderTheProtocolLabel() {
    assertThat(hex(RoomKey.derive("correct horse battery staple")))
        .isEqualTo("87f74d605796232fb1eef9b8feadaa8012b13fc3914499204a3234aa111afec8");
    assertThat(hex(RoomKey.derive("pässwörd \uD83D\uDD11")))
        .isEqualTo("3cddaaaeb52aa8c1685f93279dd94f0dca032af9b93486d8dfcde6b547eefac4");
  }

  @Test
  void refusesAnEmptyPassphrase() {
    assertThatThrownBy(() -> RoomKey.derive(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the room key cannot be empty");
  }

  @Test
  void neverShowsTheKeyInText() {
    assertThat(RoomKey.derive("secret")).hasToString("RoomKey[hidden]");
  }

  private static String hex(RoomKey key) {
    return HexFormat.of().formatHex(key.secretKey().getEncoded());
  }
}
