package udpchat.secure.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Fingerprints: the exact text of a known key, both forms, parsing back, and pinning. */
class FingerprintTest {

  // RFC 7748's Alice; the expected text is Python's base64.b32encode of hashlib.sha256 of it.
  private static final byte[] ALICE =
      HexFormat.of().parseHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
  private static final String FULL = "SHA256:gagjzfqdxevewopnhfml7esacfeajw2p2nzqclamur2dfvruewxa";

  private final Fingerprint alice = Fingerprint.of(ALICE);

  @Test
  void theFullFormIsBase32OfSha256() {
    assertThat(alice.toString()).isEqualTo(FULL);
    assertThat(alice.shortForm()).isEqualTo("gagjz-fqdxe-vewop-nhfml");
  }

  @Test
  void theFullFormParsesBackToTheSameFingerprint() {
    assertThat(Fingerprint.parse(FULL)).isEqualTo(alice).hasSameHashCodeAs(alice);
    assertThat(Fingerprint.parse(FULL)).isNotEqualTo(Fingerprint.of(new byte[32]));
  }

  @Test
  void whatIsNotAFullFingerprintIsRefused() {
    assertThatThrownBy(() -> Fingerprint.parse(FULL.substring(7))).hasMessageContaining("SHA256:");
    assertThatThrownBy(() -> Fingerprint.parse(FULL + "a")).hasMessageContaining("52");
    assertThatThrownBy(() -> Fingerprint.parse(FULL.replace('g', '1')))
        .hasMessageContaining("base32");
    assertThatThrownBy(() -> Fingerprint.parse("SHA256:" + FULL.substring(7).toUpperCase()))
        .hasMessageContaining("base32"); // the stored form is lower case, exactly
    // 'b' sets a spare bit of the last character: same digest, other text, so not canonical.
    assertThatThrownBy(() -> Fingerprint.parse(FULL.substring(0, FULL.length() - 1) + "b"))
        .hasMessageContaining("canonical");
  }

  @Test
  void aPinMatchesInTheFullOrTheShortFormOnly() {
    assertThat(alice.matches(FULL)).isTrue();
    assertThat(alice.matches("gagjz-fqdxe-vewop-nhfml")).isTrue();
    assertThat(alice.matches(" GAGJZFQDXEVEWOPNHFML ")).isTrue();
    assertThat(alice.matches("gagjz-fqdxe-vewop-nhfmm")).isFalse();
    assertThat(alice.matches("gagjz-fqdxe-vewop")).isFalse(); // too short to trust
    assertThat(Fingerprint.of(new byte[32]).matches(FULL)).isFalse();
  }
}
