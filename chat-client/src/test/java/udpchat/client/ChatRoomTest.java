package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static udpchat.client.TestUser.error;
import static udpchat.client.TestUser.failed;
import static udpchat.client.TestUser.message;
import static udpchat.client.TestUser.notice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.client.view.Event;
import udpchat.server.ChatServer;
import udpchat.server.ServerConfig;

/** A real server and three real clients on loopback: the room as its users see it. */
@Timeout(60)
public class ChatRoomTest {

  ChatServer server;
  InetSocketAddress address;
  TestUser alice;
  TestUser bob;
  TestUser carol;

  @BeforeEach
  void threeMembersJoin() throws Exception {
    server =
        new ChatServer(
                new ServerConfig(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    Duration.ofSeconds(15),
                    Duration.ofSeconds(1)),
                Clock.systemUTC())
            .start();
    address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.address().getPort());
    alice = TestUser.joined(address, "alice");
    bob = TestUser.joined(address, "bob");
    carol = TestUser.joined(address, "carol");
    alice.await(notice("carol joined (3 online)"));
  }

  @AfterEach
  void closeEverything() throws Exception {
    for (TestUser user : new TestUser[] {alice, bob, carol}) {
      if (user != null) {
        user.close();
      }
    }
    server.close();
  }

  @Test
  void aMessageReachesEveryOtherMemberWithTheSendersName() {
    alice.type("hello, room!");
    bob.await(message("alice", "hello, room!"));
    carol.await(message("alice", "hello, room!"));
    Event own = alice.await(message("alice", "hello, room!"));
    assertThat(own.own()).isTrue();
    assertThat(alice.events()).filteredOn(e -> e.kind() == Event.Kind.MESSAGE).hasSize(1);
  }

  @Test
  void anActionIsShownAsSuch() {
    bob.type("/me waves");
    Event action = carol.await(e -> e.kind() == Event.Kind.ACTION);
    assertThat(action.from()).isEqualTo("bob");
    assertThat(action.text()).isEqualTo("waves");
  }

  @Test
  void whoListsEveryMember() {
    bob.type("/who");
    bob.await(notice("members (3): alice, bob, carol"));
  }

  @Test
  void aPrivateMessageReachesOnlyItsTarget() {
    alice.type("/msg bob the cake is in the fridge");
    Event received = bob.await(e -> e.kind() == Event.Kind.PRIVATE);
    assertThat(received.from()).isEqualTo("alice");
    assertThat(received.text()).isEqualTo("the cake is in the fridge");
    assertThat(received.own()).isFalse();
    Event confirmed = alice.await(e -> e.kind() == Event.Kind.PRIVATE);
    assertThat(confirmed.own()).isTrue();
    assertThat(confirmed.to()).isEqualTo("bob");

    // The server sends in order, so once carol has alice's next message she has all before it.
    alice.type("marker");
    carol.await(message("alice", "marker"));
    assertThat(carol.events()).noneMatch(e -> e.kind() == Event.Kind.PRIVATE);
  }

  @Test
  void aPrivateMessageToNobodyIsRefusedClearly() {
    alice.type("/msg zed hello?");
    alice.await(failed("there is no member named zed"));
  }

  @Test
  void quitRemovesTheMemberAtOnceAndTellsTheOthers() throws Exception {
    assertThat(carol.quit()).isZero();
    alice.await(notice("carol left (2 online)"));
    bob.await(notice("carol left (2 online)"));
    assertThat(server.members()).containsExactly("alice", "bob");
  }

  @Test
  void aTakenNameIsRefusedAndTheUserCanPickAnother() throws Exception {
    try (TestUser impostor = TestUser.started(address, "ALICE", null)) {
      impostor.await(error("the name alice is taken in this room"));
      impostor.type("/nick dave");
      impostor.await(notice("joined "));
      impostor.type("hi, I am dave");
      bob.await(message("dave", "hi, I am dave"));
    }
  }

  @Test
  void nickRenamesForEveryone() {
    carol.type("/nick Caroline");
    carol.await(notice("you are now known as Caroline"));
    alice.await(notice("carol is now known as Caroline"));
    carol.type("still me");
    bob.await(message("Caroline", "still me"));
  }

  @Test
  void aLineTooLongForOneMessageArrivesAsSeveralCutBetweenWordsInOrder() {
    String line = "word ".repeat(300).strip(); // 1499 bytes: two messages
    alice.type(line);
    alice.await(notice("a long line: sent as 2 messages"));
    bob.await(message("alice", "word " + "word ".repeat(158) + "word"));
    bob.await(message("alice", "word ".repeat(139) + "word"));
    List<String> arrived =
        bob.events().stream()
            .filter(e -> e.kind() == Event.Kind.MESSAGE && e.text().startsWith("word"))
            .map(Event::text)
            .toList();
    assertThat(String.join(" ", arrived)).isEqualTo(line);
    alice.type("after");
    bob.await(message("alice", "after"));
  }

  @Test
  void anExclamationMarkAndUnicodeArriveAsTyped() {
    String text = "!! wow !$ 你好 👋 e\u0301 — ok";
    alice.type(text);
    bob.await(message("alice", text));
  }

  @Test
  void theServerShuttingDownIsAnnounced() throws Exception {
    server.close();
    alice.await(notice("the server is shutting down"));
    await().until(() -> bob.events().stream().anyMatch(notice("shutting down")));
  }

  @Test
  void aLateJoinerIsShownTheBacklogMarkedAsHistory() throws Exception {
    alice.type("said before dave came");
    bob.type("/me nods");
    carol.await(e -> e.kind() == Event.Kind.ACTION && e.from().equals("bob"));
    try (TestUser dave = TestUser.joined(address, "dave")) {
      Event said = dave.await(message("alice", "said before dave came"));
      assertThat(said.old()).isTrue();
      Event nod = dave.await(e -> e.kind() == Event.Kind.ACTION && e.text().equals("nods"));
      assertThat(nod.old()).isTrue();
      assertThat(dave.events()).filteredOn(e -> e.kind() == Event.Kind.MESSAGE).hasSize(1);

      alice.type("and after");
      Event live = dave.await(message("alice", "and after"));
      assertThat(live.old()).isFalse();
    }
  }

  @Test
  void historyShowsTheLastEventsOfTheRoomInOrder() {
    for (int i = 1; i <= 5; i++) {
      alice.type("line " + i);
    }
    bob.await(message("alice", "line 5"));
    bob.type("/history 3");
    bob.await(e -> e.old() && e.kind() == Event.Kind.MESSAGE && e.text().equals("line 5"));
    assertThat(bob.events()).anyMatch(notice("history: the last 3 event(s)"));
    List<String> recalled =
        bob.events().stream()
            .filter(e -> e.old() && e.kind() == Event.Kind.MESSAGE)
            .map(Event::text)
            .toList();
    assertThat(recalled).containsExactly("line 3", "line 4", "line 5");
  }
}
