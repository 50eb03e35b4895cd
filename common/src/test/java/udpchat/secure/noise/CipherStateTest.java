package udpchat.secure.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** ChaChaPoly's CipherState: the nonce layout, refused forgeries, and Rekey(). */
class CipherStateTest {

  private static final byte[] KEY =
      HexFormat.of().parseHex("00112233445566778899aabbccddeeff".repeat(2));
  private static final byte[] AD = {1, 2, 3};

  @Test
  void theNonceIsFourZeroBytesThenTheCounterLittleEndian() {
    assertThat(HexFormat.of().formatHex(CipherState.nonceBytes(0x0102030405060708L)))
        .isEqualTo("000000000807060504030201");
  }

  @Test
  void whatOneSealsTheOtherOpensAndNoncesCountUp() throws NoiseException {
    CipherState a = new CipherState(KEY);
    CipherState b = new CipherState(KEY);
    byte[] first = a.encryptWithAd(AD, "hello".getBytes());
    byte[] second = a.encryptWithAd(AD, "hello".getBytes());
    assertThat(first).hasSize(5 + CipherState.TAG_BYTES).isNotEqualTo(second);
    assertThat(a.nonce()).isEqualTo(2);
    assertThat(b.decryptWithAd(AD, first)).isEqualTo("hello".getBytes());
    assertThat(b.decryptWithAd(AD, second)).isEqualTo("hello".getBytes());
  }

  @Test
  void aTamperedCiphertextOrAnotherAdIsRefusedAndTheNonceStays() throws NoiseException {
    byte[] sealed = new CipherState(KEY).encryptWithAd(AD, "hello".getBytes());
    CipherState b = new CipherState(KEY);
    for (int i = 0; i < sealed.length; i++) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 0x01;
      assertThatThrownBy(() -> b.decryptWithAd(AD, tampered))
          .isInstanceOf(NoiseException.class)
          .hasMessageContaining("does not open");
    }
    assertThatThrownBy(() -> b.decryptWithAd(new byte[] {9}, sealed))
        .isInstanceOf(NoiseException.class);
    assertThatThrownBy(() -> b.decryptWithAd(AD, new byte[15]))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining("at least 16");
    assertThat(b.nonce()).isZero();
    assertThat(b.decryptWithAd(AD, sealed)).isEqualTo("hello".getBytes());
  }

  @Test
  void encryptingTwiceUnderOneNonceIsRefused() throws NoiseException {
    CipherState a = new CipherState(KEY);
    a.encrypt(3, AD, new byte[] {1});
    // The guard against nonce reuse, which a sender must never need to pass.
    assertThatThrownBy(() -> a.encrypt(3, AD, new byte[] {2})).isInstanceOf(NoiseException.class);
  }

  @Test
  void withoutAKeyTheTextPassesThrough() throws NoiseException {
    CipherState none = new CipherState();
    assertThat(none.hasKey()).isFalse();
    assertThat(none.encryptWithAd(AD, new byte[] {7})).containsExactly(7);
    assertThat(none.nonce()).isZero();
  }

  @Test
  void rekeyIsTheFirst32BytesOfEncryptingZerosUnderTheLastNonce() throws Exception {
    CipherState a = new CipherState(KEY);
    a.setNonce(5);
    a.rekey();
    assertThat(a.nonce()).isEqualTo(5); // Rekey() leaves n alone

    // The formula of Noise §4.2, computed here with the JDK directly.
    Cipher jdk = Cipher.getInstance("ChaCha20-Poly1305");
    byte[] maxNonce = new byte[12];
    Arrays.fill(maxNonce, 4, 12, (byte) 0xff);
    jdk.init(
        Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "ChaCha20"), new IvParameterSpec(maxNonce));
    byte[] newKey = Arrays.copyOf(jdk.doFinal(new byte[32]), 32);
    byte[] sealed = a.encrypt(9, AD, new byte[] {42});
    // Opened, not sealed again: one thread sealing twice under one key and nonce is refused.
    assertThat(new CipherState(newKey).decrypt(9, AD, sealed)).containsExactly(42);

    CipherState old = new CipherState(KEY);
    assertThatThrownBy(() -> old.decrypt(9, AD, sealed)).isInstanceOf(NoiseException.class);
    old.rekey();
    assertThat(old.decrypt(9, AD, sealed)).containsExactly(42);
  }

  @Test
  void theRekeyNonceIsNeverAMessages() {
    CipherState a = new CipherState(KEY);
    assertThatThrownBy(() -> a.encrypt(CipherState.REKEY_NONCE, AD, new byte[1]))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining("reserved");
    assertThatThrownBy(() -> a.decrypt(-1L, AD, new byte[16])).isInstanceOf(NoiseException.class);
  }
}
