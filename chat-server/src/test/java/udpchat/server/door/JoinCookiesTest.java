package udpchat.server.door;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Cookies decided at exact instants: the slot of a cookie, the next one, and no later. */
public class JoinCookiesTest {

  static final long SLOT = JoinCookies.SLOT_MS;
  static final InetSocketAddress ALICE = new InetSocketAddress("127.0.0.1", 40001);

  final JoinCookies cookies = new JoinCookies();

  @Test
  void aCookieIs128BitsAsATokenAndTheSameForOneAddressWithinASlot() {
    String cookie = cookies.mint(ALICE, 0);
    assertThat(cookie).matches("[A-Za-z0-9_-]{22}");
    assertThat(cookies.mint(ALICE, SLOT - 1)).isEqualTo(cookie);
    assertThat(cookies.mint(ALICE, SLOT)).isNotEqualTo(cookie);
  }

  @Test
  void aCookieIsGoodInItsSlotAndTheNextAndNeverLater() {
    String cookie = cookies.mint(ALICE, 0);
    assertThat(cookies.valid(cookie, ALICE, 0)).isTrue();
    assertThat(cookies.valid(cookie, ALICE, SLOT)).isTrue();
    assertThat(cookies.valid(cookie, ALICE, 2 * SLOT - 1)).isTrue();
    assertThat(cookies.valid(cookie, ALICE, 2 * SLOT)).isFalse();
  }

  @Test
  void aCookieMintedLateInItsSlotIsStillGoodForAWholeSlot() {
    String cookie = cookies.mint(ALICE, SLOT - 1);
    assertThat(cookies.valid(cookie, ALICE, 2 * SLOT - 1)).isTrue();
    assertThat(cookies.valid(cookie, ALICE, 2 * SLOT)).isFalse();
  }

  @Test
  void aCookieIsGoodFromItsOwnAddressOnly() {
    String cookie = cookies.mint(ALICE, 0);
    assertThat(cookies.valid(cookie, new InetSocketAddress("127.0.0.1", 40002), 0)).isFalse();
    assertThat(cookies.valid(cookie, new InetSocketAddress("127.0.0.2", 40001), 0)).isFalse();
    assertThat(cookies.valid(cookie, new InetSocketAddress("::1", 40001), 0)).isFalse();
  }

  @Test
  void aTamperedMissingOrMalformedCookieIsRefused() {
    String cookie = cookies.mint(ALICE, 0);
    char first = cookie.charAt(0) == 'A' ? 'B' : 'A';
    assertThat(cookies.valid(first + cookie.substring(1), ALICE, 0)).isFalse();
    assertThat(cookies.valid(null, ALICE, 0)).isFalse();
    assertThat(cookies.valid("not base64 at all!!!!!", ALICE, 0)).isFalse();
    assertThat(cookies.valid("", ALICE, 0)).isFalse();
  }

  @Test
  void anotherServersCookiesAreWorthlessHere() {
    // A restarted server draws new secrets: cookies of the old process no longer let anyone in.
    String cookie = new JoinCookies().mint(ALICE, 0);
    assertThat(cookies.valid(cookie, ALICE, 0)).isFalse();
  }

  @Test
  void aClockThatGoesBackChangesNoSecret() {
    String cookie = cookies.mint(ALICE, 5 * SLOT);
    assertThat(cookies.valid(cookie, ALICE, 0)).isTrue();
    assertThat(cookies.mint(ALICE, 0)).isEqualTo(cookie);
    assertThat(cookies.valid(cookie, ALICE, 6 * SLOT)).isTrue();
    assertThat(cookies.valid(cookie, ALICE, 7 * SLOT)).isFalse();
  }
}
