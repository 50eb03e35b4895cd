package udpchat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import udpchat.protocol.Ack;
import udpchat.protocol.Batch;
import udpchat.protocol.Chat;
import udpchat.protocol.Join;
import udpchat.protocol.Leave;
import udpchat.protocol.Retry;
import udpchat.protocol.Say;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;

/**
 * The status page in a real headless Chromium (Debian's, driven through Debian's chromedriver, so
 * nothing is downloaded), over a real server: a member appears within two seconds of joining and is
 * gone after it leaves, without a reload; a name with markup in it never becomes markup; the charts
 * move under load. Leaves a screenshot of the page under load in {@code target/status-page.png}
 * (docs/status-page.png is one of these).
 */
@Timeout(120)
class StatusPageTest {

  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path temp;
  OperatorViewServer served;
  ChromeDriver browser;
  final List<RawPeer> peers = new ArrayList<>();

  @BeforeEach
  void open() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "skipped: no /usr/bin/chromium or /usr/bin/chromedriver"
            + " (apt-get install chromium chromium-driver; .ci/run installs them)");
    served = new OperatorViewServer(temp.resolve("data"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // as root in a container there is no sandbox to have
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1300,1250",
        "--user-data-dir=" + temp.resolve("chromium"));
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    browser.get(served.base.toString());
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(text("#room")).isEqualTo("test-room"));
  }

  @AfterEach
  void close() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    peers.forEach(RawPeer::close);
    if (served != null) {
      served.close();
    }
  }

  String text(String css) {
    return (String) script("return document.querySelector('" + css + "').textContent");
  }

  /** The names in the members table; read in one script, since each poll replaces the rows. */
  @SuppressWarnings("unchecked")
  List<String> shownNames() {
    return (List<String>)
        script(
            "return [...document.querySelectorAll('#members tbody td.name')].map(c => c.textContent)");
  }

  /** The members table's rows as text, one string a row. */
  @SuppressWarnings("unchecked")
  List<String> shownRows() {
    return (List<String>)
        script(
            "return [...document.querySelectorAll('#members tbody tr')].map(r => r.textContent)");
  }

  Object script(String code) {
    return ((JavascriptExecutor) browser).executeScript(code);
  }

  RawPeer peer() throws Exception {
    RawPeer peer = new RawPeer("127.0.0.1", served.udp());
    peers.add(peer);
    return peer;
  }

  @Test
  void aMemberAppearsWithinTwoSecondsOfJoiningAndGoesWhenItLeaves() throws Exception {
    assertThat(text("#private")).isEqualTo("open");
    assertThat(text("#server-key")).isEqualTo(served.server.fingerprint().shortForm());
    assertThat(shownNames()).isEmpty();

    RawPeer zoe = peer();
    Welcome welcome = zoe.join("zoë.o-b_1"); // what names allow beside letters and digits
    await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(shownNames()).containsExactly("zoë.o-b_1"));
    assertThat(shownRows())
        .singleElement()
        .asString()
        .contains("127.0.0.1:" + zoe.address().getPort(), "live");

    zoe.send(new Leave(welcome.session()));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(shownNames()).isEmpty());
    assertThat(text("#member-count")).isEqualTo("0");
  }

  @Test
  void aNameWithMarkupNeverBecomesMarkup() throws Exception {
    String markup = "<img src=x onerror=\"window.injected=1\">";
    RawPeer mallory = peer();
    Join join = new Join(markup, ClientIds.of("mallory"), 1, null);
    mallory.send(join);
    ServerMessage answer = mallory.await(Retry.class);
    mallory.send(join.withCookie(((Retry) answer).cookie()));
    assertThat(mallory.receive(5000)).isNotInstanceOf(Welcome.class); // names allow no markup
    RawPeer ann = peer();
    ann.join("ann");
    await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(shownNames()).containsExactly("ann"));
    // The names reach the page as JSON with < > & escaped, and the page sets them as text.
    assertThat(served.body("api/members")).doesNotContain("<", ">");
    assertThat(browser.findElements(By.cssSelector("body img, #members script"))).isEmpty();
    assertThat(script("return window.injected")).isNull();
    String shown = (String) script("return document.querySelector('#members tbody').innerHTML");
    assertThat(shown).doesNotContain("<img");
  }

  @Test
  void theChartsMoveUnderLoad() throws Exception {
    List<RawPeer> talkers = new ArrayList<>();
    List<Welcome> welcomes = new ArrayList<>();
    for (String name : List.of("ann", "bob", "chloé", "dmitri", "eve.k")) {
      RawPeer peer = peer();
      talkers.add(peer);
      welcomes.add(peer.join(name));
    }
    RawPeer stranger = peer(); // a source that is no member: its datagrams are drops
    long[] n = new long[talkers.size()];
    // -Dudpchat.statusPage.loadSeconds=N keeps the load on for N seconds at least (for a
    // screenshot whose charts have something to show); by default only until the charts move.
    long startNs = System.nanoTime();
    long minimumNs =
        Duration.ofSeconds(Long.getLong("udpchat.statusPage.loadSeconds", 0)).toNanos();
    long deadlineNs = startNs + Duration.ofSeconds(60).toNanos() + minimumNs;
    while (System.nanoTime() < deadlineNs
        && (!chartsMoved() || System.nanoTime() - startNs < minimumNs)) {
      for (int i = 0; i < talkers.size(); i++) {
        RawPeer peer = talkers.get(i);
        peer.send(new Say(welcomes.get(i).session(), ++n[i], "load " + n[i], false));
        if (i > 0) { // the first one never acknowledges: its events are sent again
          long seen = 0;
          for (ServerMessage m : peer.drain()) {
            List<ServerMessage> items = m instanceof Batch batch ? batch.items() : List.of(m);
            for (ServerMessage item : items) {
              if (item instanceof Chat chat) {
                seen = Math.max(seen, chat.seq());
              }
            }
          }
          if (seen > 0) {
            peer.send(new Ack(welcomes.get(i).session(), seen, null));
          }
        }
      }
      // Another member's session from a source that is no member: a drop (not-joined).
      stranger.send(new Say(welcomes.get(0).session(), 1, "who am I?", false));
      Thread.sleep(20); // pacing the load, not waiting for the network
    }
    assertThat(chartsMoved()).as("the charts moved within a minute").isTrue();
    assertThat(shownNames()).containsExactly("ann", "bob", "chloé", "dmitri", "eve.k");
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(), Path.of("target", "status-page.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** Whether the message, datagram, drop and retransmit charts all show something. */
  boolean chartsMoved() {
    for (String chart : List.of("messages", "datagrams", "drops", "retransmits")) {
      String total =
          (String) script("return document.getElementById('chart-" + chart + "').dataset.total");
      if (total == null || Double.parseDouble(total) <= 0) {
        return false;
      }
    }
    return true;
  }
}
