package udpchat.secure.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** X25519 on raw keys: RFC 7748's keys, agreement both ways, and the keys it refuses. */
class X25519Test {

  private static final HexFormat HEX = HexFormat.of();

  // RFC 7748 §6.1.
  private static final String ALICE_PRIVATE =
      "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
  private static final String ALICE_PUBLIC =
      "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
  private static final String BOB_PRIVATE =
      "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
  private static final String BOB_PUBLIC =
      "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";

  @Test
  void thePublicKeyOfAPrivateKeyIsRfc7748s() {
    assertThat(HEX.formatHex(X25519.fromPrivate(HEX.parseHex(ALICE_PRIVATE)).publicKey()))
        .isEqualTo(ALICE_PUBLIC);
    assertThat(HEX.formatHex(X25519.fromPrivate(HEX.parseHex(BOB_PRIVATE)).publicKey()))
        .isEqualTo(BOB_PUBLIC);
  }

  @Test
  void bothEndsAgreeOnTheSharedSecret() throws NoiseException {
    byte[] ab = X25519.dh(HEX.parseHex(ALICE_PRIVATE), HEX.parseHex(BOB_PUBLIC));
    byte[] ba = X25519.dh(HEX.parseHex(BOB_PRIVATE), HEX.parseHex(ALICE_PUBLIC));
    assertThat(ab).hasSize(32).isEqualTo(ba);

    KeyPair x = X25519.generate();
    KeyPair y = X25519.generate();
    assertThat(x.dh(y.publicKey())).isEqualTo(y.dh(x.publicKey())).isNotEqualTo(ab);
  }

  @Test
  void aSmallOrderPublicKeyIsRefused() {
    // u = 0 gives an all-zero secret: a peer could force a known key, so the JDK refuses it.
    assertThatThrownBy(() -> X25519.dh(HEX.parseHex(ALICE_PRIVATE), new byte[32]))
        .isInstanceOf(NoiseException.class);
  }

  @Test
  void aKeyOfTheWrongLengthIsRefused() {
    assertThatThrownBy(() -> X25519.dh(new byte[31], HEX.parseHex(BOB_PUBLIC)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes, not 31");
  }

  @Test
  void aKeyPairShowsOnlyItsPublicKey() {
    KeyPair alice = X25519.fromPrivate(HEX.parseHex(ALICE_PRIVATE));
    assertThat(alice.toString()).contains(ALICE_PUBLIC).doesNotContain(ALICE_PRIVATE);
  }
}
