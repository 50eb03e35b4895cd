package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.client.TestUser.message;
import static udpchat.client.TestUser.notice;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.client.room.PresenceNotices;
import udpchat.client.room.Roster;
import udpchat.client.session.Session;
import udpchat.client.session.SessionListener;
import udpchat.client.session.stream.HistoryRecall;
import udpchat.client.view.Event;
import udpchat.protocol.Chat;
import udpchat.protocol.Members;
import udpchat.protocol.Notice;
import udpchat.protocol.Presence;
import udpchat.protocol.Welcome;
import udpchat.server.ChatServer;
import udpchat.time.WallStamps;

/**
 * The smaller things a newcomer hits in the first hour: /nick to one's own name, /history beyond
 * the cap, a repeated away, the online count across a restart, the count /history is sent, and no
 * internal numbers in what the user reads.
 */
@Timeout(60)
public class SmallThingsTest {

  static final String TOKEN = "AAAAAAAAAAAAAAAAAAAAAA";
  private ChatServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void nickToYourOwnNameSaysSoAndSendsNothingWhileNICKInCapitalsWorks() throws Exception {
    server = TestServers.start(Duration.ofSeconds(15), Duration.ofSeconds(1));
    try (TestUser alice = TestUser.joined(TestServers.addressOf(server), "alice");
        TestUser bob = TestUser.joined(TestServers.addressOf(server), "bob")) {
      alice.type("/nick alice");
      alice.await(notice("you are already alice"));
      alice.type("/NICK alicia");
      bob.await(notice("alice is now known as alicia"));
      assertThat(bob.events()).filteredOn(notice("known as alice ")).isEmpty();
      assertThat(bob.events()).filteredOn(notice("is now known as")).hasSize(1);
    }
  }

  @Test
  void windowCommandsWithoutWindowsSaySoInOneLineAndSendNothing() throws Exception {
    server = TestServers.start(Duration.ofSeconds(15), Duration.ofSeconds(1));
    try (TestUser alice = TestUser.joined(TestServers.addressOf(server), "alice")) {
      alice.type("/window 2");
      alice.await(TestUser.error("no windows here"));
      alice.type("/query bob");
      alice.type("/wc");
      Awaitility.await()
          .atMost(TestUser.PATIENCE)
          .until(
              () ->
                  alice.events().stream()
                          .filter(e -> e.text() != null && e.text().startsWith("no windows here"))
                          .count()
                      == 3);
      assertThat(alice.session().unsettled()).isZero();
    }
  }

  @Test
  void historyBeyondTheCapIsCappedWithANote() throws Exception {
    server = TestServers.start(Duration.ofSeconds(15), Duration.ofSeconds(1));
    try (TestUser alice = TestUser.joined(TestServers.addressOf(server), "alice")) {
      alice.type("said once");
      alice.await(message("alice", "said once"));
      alice.type("/history 500");
      alice.await(notice("no more than 200 events for /history: showing the last 200"));
      alice.await(notice("history: the last "));
      assertThat(alice.events()).noneMatch(e -> e.kind() == Event.Kind.ERROR);
    }
  }

  @Test
  void historyTrustsNoCountFromTheServerBeyondWhatWasAsked() {
    HistoryRecall recall = new HistoryRecall(7, 2, 0);
    assertThat(recall.offer(1, 1_000_000, Chat.posted(1, 0, "bob", "a", false))).isFalse();
    assertThat(recall.offer(2, 1_000_000, Chat.posted(2, 0, "bob", "b", false))).isTrue();
    assertThat(recall.expected()).isEqualTo(2);
    recall.offer(3, 1_000_000, Chat.posted(3, 0, "bob", "c", false));
    assertThat(recall.events()).hasSize(2);
    assertThat(new HistoryRecall(8, 5, 0).offer(1, -4, Chat.posted(1, 0, "bob", "a", false)))
        .isTrue();
  }

  @Test
  void anAwayRepeatedBehindEachMemberListIsSaidOnce() {
    ScriptedView view = new ScriptedView();
    Roster roster = new Roster();
    SessionListener listeners =
        SessionListener.all(new PresenceNotices(view, roster, WallStamps.UNCONVERTED), roster);
    listeners.onMessage(new Welcome(TOKEN, "alice", 5000, 15000, 2, 1, 0, 0), 0);
    for (long t = 0; t < 3000; t += 1000) { // the join's list, the rejoin's, a /who
      listeners.onMessage(new Members(2, List.of("alice", "bob")), t);
      listeners.onMessage(new Presence("bob", Presence.AWAY, "lunch", null), t + 1);
    }
    assertThat(view.events).filteredOn(notice("bob is away: lunch")).hasSize(1);
    PresenceNotices asked = new PresenceNotices(view, roster, WallStamps.UNCONVERTED);
    asked.onMessage(new Presence("bob", Presence.AWAY, "lunch", null), 3500);
    asked.onWhoAsked(); // but the user's own /who is answered in full
    asked.onMessage(new Members(2, List.of("alice", "bob")), 3600);
    asked.onMessage(new Presence("bob", Presence.AWAY, "lunch", null), 3601);
    assertThat(view.events).filteredOn(notice("bob is away: lunch")).hasSize(3);
    view.events.clear();
    listeners.onMessage(new Presence("bob", Presence.ACTIVE, null, null), 4000);
    listeners.onMessage(new Presence("bob", Presence.AWAY, "lunch", null), 5000);
    assertThat(view.events).filteredOn(notice("bob is back")).hasSize(1);
    assertThat(view.events).filteredOn(notice("bob is away: lunch")).hasSize(1);
  }

  @Test
  void theOnlineCountDoesNotDipWhileTheRoomRejoinsARestartedServer() {
    Roster roster = new Roster();
    roster.onMessage(new Welcome(TOKEN, "alice", 5000, 15000, 2, 1, 0, 0), 0);
    roster.onMessage(new Members(2, List.of("alice", "bob")), 10);
    assertThat(roster.online()).isEqualTo(2);
    // The server restarted (a new epoch): alice is back first, bob a moment later.
    roster.onMessage(new Welcome("BBBBBBBBBBBBBBBBBBBBBB", "alice", 5000, 15000, 1, 2, 0, 0), 1000);
    assertThat(roster.online()).isEqualTo(2);
    roster.onMessage(new Members(1, List.of("alice")), 1010);
    assertThat(roster.online()).isEqualTo(2);
    roster.onMessage(Notice.posted(1, 1100, Notice.Kind.JOINED.wire(), "bob", 2), 1100);
    assertThat(roster.online()).isEqualTo(2);
    // Another restart, and bob never comes back: counted until the server's timeout has passed.
    roster.onMessage(new Welcome("CCCCCCCCCCCCCCCCCCCCCC", "alice", 5000, 15000, 1, 3, 0, 0), 2000);
    roster.onTick(Session.State.JOINED, true, false, 2000 + 15000 - 1);
    assertThat(roster.online()).isEqualTo(2);
    roster.onTick(Session.State.JOINED, true, false, 2000 + 15000);
    assertThat(roster.online()).isEqualTo(1);
  }
}
