package udpchat.client.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import udpchat.client.ScriptedView;
import udpchat.client.view.Event;
import udpchat.protocol.Away;
import udpchat.protocol.Chat;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Join;
import udpchat.protocol.Leave;
import udpchat.protocol.Notice;
import udpchat.protocol.Ping;
import udpchat.protocol.Pong;
import udpchat.protocol.Posted;
import udpchat.protocol.Retry;
import udpchat.protocol.Say;
import udpchat.protocol.Welcome;
import udpchat.protocol.Who;
import udpchat.protocol.json.Codec;

/** The client's timers and reactions, decided at exact instants: no socket, no sleeping. */
public class SessionTest {

  public static final String TOKEN = "AAAAAAAAAAAAAAAAAAAAAA";
  static final String NEW_TOKEN = "BBBBBBBBBBBBBBBBBBBBBB";
  public static final String CLIENT = "CCCCCCCCCCCCCCCCCCCCCC";
  static final long HEARTBEAT_MS = 5000;
  static final long EPOCH = 77;
  static final Join FIRST_JOIN = new Join("alice", CLIENT, 1, null);
  static final String COOKIE = "KKKKKKKKKKKKKKKKKKKKKK";
  static final String NEW_COOKIE = "LLLLLLLLLLLLLLLLLLLLLL";

  static Welcome welcome(String token, int online) {
    return new Welcome(token, "alice", HEARTBEAT_MS, 15_000, online, EPOCH, 0, 0);
  }

  /** Keeps what the session sends, with the time it was sent at. */
  static final class RecordingTransport implements Transport {
    final List<ClientMessage> sent = new ArrayList<>();

    @Override
    public void send(ClientMessage message) {
      sent.add(message);
    }

    @Override
    public InetSocketAddress server() {
      return new InetSocketAddress("127.0.0.1", 9999);
    }

    long count(Class<? extends ClientMessage> type) {
      return sent.stream().filter(type::isInstance).count();
    }
  }

  final RecordingTransport transport = new RecordingTransport();
  final ScriptedView view = new ScriptedView();
  final Session session = new Session(transport, view, new Codec(), "alice", null, CLIENT);

  void joinedAt(long nowMs) {
    session.start(nowMs);
    session.onMessage(welcome(TOKEN, 1), nowMs);
    transport.sent.clear();
  }

  /** Ticks every 50 ms from {@code fromMs} up to and including {@code toMs}. */
  void tick(long fromMs, long toMs) {
    for (long t = fromMs; t <= toMs; t += 50) {
      session.onTick(t);
    }
  }

  boolean shown(String text) {
    return view.events.stream().anyMatch(e -> e.text() != null && e.text().contains(text));
  }

  @Test
  void joinIsRetriedAfterOneTwoFourAndThenEveryFiveSeconds() {
    session.start(0);
    List<Long> joinTimes = new ArrayList<>();
    for (long t = 0; t <= 30_000; t += 50) {
      int before = transport.sent.size();
      session.onTick(t);
      if (transport.sent.size() > before) {
        joinTimes.add(t);
      }
    }
    assertThat(transport.sent).allMatch(m -> m.equals(FIRST_JOIN));
    assertThat(joinTimes).startsWith(1000L, 3000L, 7000L, 12000L, 17000L, 22000L, 27000L);
  }

  @Test
  void aPingGoesOutEveryHeartbeatIntervalOnceJoined() {
    joinedAt(0);
    tick(0, HEARTBEAT_MS - 50);
    assertThat(transport.sent).isEmpty();
    session.onTick(HEARTBEAT_MS);
    assertThat(transport.sent).hasSize(1).first().isInstanceOf(Ping.class);
    assertThat(((Ping) transport.sent.get(0)).session()).isEqualTo(TOKEN);
  }

  @Test
  void theUsersHeartbeatOverridesTheServers() {
    Session own = new Session(transport, view, new Codec(), "alice", Duration.ofSeconds(2), CLIENT);
    own.start(0);
    own.onMessage(welcome(TOKEN, 1), 0);
    transport.sent.clear();
    own.onTick(1950);
    assertThat(transport.sent).isEmpty();
    own.onTick(2000);
    assertThat(transport.count(Ping.class)).isEqualTo(1);
  }

  @Test
  void aSilentServerIsReportedAfterThreeIntervalsAndItsReturnToo() {
    joinedAt(0);
    tick(50, 3 * HEARTBEAT_MS - 50);
    assertThat(shown("no reply from the server")).isFalse();
    session.onTick(3 * HEARTBEAT_MS);
    assertThat(shown("no reply from the server for 15s; still trying")).isTrue();
    tick(3 * HEARTBEAT_MS + 50, 10 * HEARTBEAT_MS);
    assertThat(view.events).filteredOn(e -> e.text().contains("no reply")).hasSize(1);
    assertThat(transport.count(Ping.class)).isEqualTo(10); // it keeps trying

    session.onMessage(new Pong(3), 10 * HEARTBEAT_MS + 1);
    assertThat(shown("the server is answering again")).isTrue();
  }

  @Test
  void answeredPingsKeepTheServerAlive() {
    joinedAt(0);
    for (long t = 50; t <= 20 * HEARTBEAT_MS; t += 50) {
      session.onTick(t);
      if (t % HEARTBEAT_MS == 0) {
        session.onMessage(new Pong(1), t + 1);
      }
    }
    assertThat(shown("no reply")).isFalse();
  }

  @Test
  void aThawAfterAFreezeIsNotTakenForASilentServer() {
    joinedAt(0);
    session.onTick(HEARTBEAT_MS);
    session.onMessage(new Pong(1), HEARTBEAT_MS + 1);
    // Frozen (Ctrl-Z) for a minute: the first tick after fg finds a long silence, but no ping
    // has gone unanswered yet.
    session.onTick(60_000);
    assertThat(shown("no reply")).isFalse();
    assertThat(transport.count(Ping.class)).isEqualTo(2);
  }

  @Test
  void heartbeatsOffStopsPingsAndOnSendsOneAtOnce() {
    joinedAt(0);
    session.heartbeats(false, 10);
    tick(50, 60_000);
    assertThat(transport.sent).isEmpty();
    assertThat(shown("no reply")).isFalse();
    session.heartbeats(true, 60_010);
    assertThat(transport.sent).hasSize(1).first().isInstanceOf(Ping.class);
  }

  @Test
  void anUnknownSessionMeansRejoiningAndTheUnacknowledgedMessageIsSentAgain() {
    joinedAt(0);
    session.say("hello?", false, 100);
    Say refused = (Say) transport.sent.get(0);
    session.onMessage(new Retry(COOKIE), 110);
    assertThat(session.state()).isEqualTo(Session.State.JOINING);
    // The rejoin asks for everything after the last event shown (none yet: 0), says which of its
    // messages the server has not acknowledged (1), and carries the retry's cookie.
    assertThat(transport.sent.get(1)).isEqualTo(new Join("alice", CLIENT, 1, 0L, COOKIE));
    assertThat(shown("rejoining as alice")).isTrue();

    session.onMessage(welcome(NEW_TOKEN, 2), 120);
    assertThat(shown("rejoined as alice")).isTrue();
    Say again = (Say) transport.sent.get(2);
    assertThat(again.session()).isEqualTo(NEW_TOKEN);
    assertThat(again.n()).isEqualTo(refused.n());
    assertThat(again.text()).isEqualTo("hello?");
  }

  @Test
  void anAwayUserIsStillAwayAfterARejoin() {
    joinedAt(0);
    session.away(true, "lunch", 100);
    assertThat(transport.sent).containsExactly(new Away(TOKEN, 1, true, "lunch"));
    session.onMessage(new Retry(COOKIE), 200); // the server forgot us: a new session
    session.onMessage(welcome(NEW_TOKEN, 2), 210);
    assertThat(transport.sent).contains(new Away(NEW_TOKEN, 2, true, "lunch"));

    session.away(false, null, 300);
    session.onMessage(new Retry(NEW_COOKIE), 400);
    session.onMessage(welcome(TOKEN, 2), 410);
    assertThat(transport.sent.stream().filter(Away.class::isInstance)).hasSize(3); // back: no more
  }

  @Test
  void ourOwnExpiryNoticeMeansRejoiningAtOnce() {
    joinedAt(0);
    session.onMessage(Notice.unnumbered(Notice.Kind.EXPIRED.wire(), "ALICE", 1), 20_000);
    assertThat(transport.sent).containsExactly(new Join("alice", CLIENT, 1, 0L));
    assertThat(shown("the server expired you")).isTrue();
  }

  @Test
  void anotherMembersExpiryIsJustNews() {
    joinedAt(0);
    session.onMessage(
        new Notice(Notice.Kind.EXPIRED.wire(), "bob", null, 1, 1L, 0L, 20_000L, null, null),
        20_000);
    assertThat(transport.sent).isEmpty();
    assertThat(shown("bob expired")).isTrue();
  }

  @Test
  void aKindOfNoticeFromANewerServerIsShownAsItCameAndTheStreamGoesOn() {
    joinedAt(0);
    view.events.clear();
    session.onMessage(new Notice("kicked", "bob", null, 1, 1L, 0L, 10L, null, null), 10);
    session.onMessage(new Chat(2, 1L, 20, "carol", "still here", false, null, null), 20);
    assertThat(view.events).extracting(Event::text).containsExactly("kicked bob", "still here");
    assertThat(session.lastShown()).isEqualTo(2);
  }

  @Test
  void aBurstOfJoinsIsOneLineNamingTwoAndCountingTheRestWithoutUs() {
    joinedAt(0);
    List<String> names = new ArrayList<>(List.of("bob", "ALICE", "carol"));
    for (int i = 0; i < 23; i++) {
      names.add("m" + i);
    }
    view.events.clear();
    session.onMessage(
        new Notice(Notice.Kind.JOINED.wire(), null, null, 26, 1L, 0L, 10L, null, null, names), 10);
    assertThat(view.events).hasSize(1);
    assertThat(view.events.get(0).text()).isEqualTo("bob, carol and 23 others joined (26 online)");
  }

  @Test
  void aBurstOfJoinsNamingUsAndOneOtherShowsTheOtherAndABurstOfExpiriesIsOneLine() {
    joinedAt(0);
    view.events.clear();
    session.onMessage(
        new Notice(
            Notice.Kind.JOINED.wire(),
            null,
            null,
            3,
            1L,
            0L,
            10L,
            null,
            null,
            List.of("ALICE", "bob")),
        10);
    session.onMessage(
        new Notice(
            Notice.Kind.EXPIRED.wire(),
            null,
            null,
            1,
            2L,
            1L,
            20L,
            null,
            null,
            List.of("bob", "carol")),
        20);
    assertThat(transport.sent).noneMatch(Join.class::isInstance); // news, not about us
    assertThat(view.events)
        .extracting(Event::text)
        .containsExactly("bob joined (3 online)", "bob and carol expired (went silent) (1 online)");
  }

  @Test
  void withHeartbeatsOffAnExpiryWaitsForTheUser() {
    joinedAt(0);
    session.heartbeats(false, 10);
    session.onMessage(Notice.unnumbered(Notice.Kind.EXPIRED.wire(), "alice", 1), 16_000);
    assertThat(session.state()).isEqualTo(Session.State.EXPIRED);
    assertThat(transport.sent).isEmpty();
    session.heartbeats(true, 30_000);
    assertThat(transport.sent).containsExactly(new Join("alice", CLIENT, 1, 0L));
  }

  @Test
  void aRefusedNameWaitsForNickAndThenJoinsUnderTheNewName() {
    session.start(0);
    session.onMessage(new ErrorReply(ErrorReply.NAME_TAKEN, "the name alice is taken", 0), 10);
    assertThat(session.state()).isEqualTo(Session.State.NAME_REFUSED);
    tick(50, 20_000);
    assertThat(transport.count(Join.class)).isEqualTo(1); // no retries with a refused name
    session.nick("alicia", 20_010);
    assertThat(transport.sent.get(transport.sent.size() - 1))
        .isEqualTo(new Join("alicia", CLIENT, 1, null));
  }

  @Test
  void whatIsTypedBeforeTheWelcomeIsSentAfterIt() {
    session.start(0);
    session.say("early bird", false, 10);
    assertThat(transport.count(Say.class)).isZero();
    session.onMessage(welcome(TOKEN, 1), 20);
    assertThat(transport.sent).contains(new Say(TOKEN, 1, "early bird", false));
  }

  @Test
  void leaveTellsTheServerOnceAndThenNothingMoreIsSent() {
    joinedAt(0);
    session.leave();
    session.leave();
    tick(50, 60_000);
    session.say("too late", false, 60_001);
    assertThat(transport.sent).containsExactly(new Leave(TOKEN));
  }

  @Test
  void ownMessagesGoFromSendingToDeliveredAndAreShownOnceInTheRoomsOrder() {
    joinedAt(0);
    session.say("hi", false, 5);
    assertThat(view.events).last().extracting(Event::kind).isEqualTo(Event.Kind.SENDING);
    session.onMessage(new Posted(1, 1), 6);
    assertThat(view.events).last().extracting(Event::kind).isEqualTo(Event.Kind.DELIVERED);
    assertThat(view.events).noneMatch(e -> e.kind() == Event.Kind.MESSAGE);
    session.onMessage(new Chat(1, 0L, 6, "alice", "hi", false, null, null), 7);
    assertThat(view.events)
        .filteredOn(e -> e.kind() == Event.Kind.MESSAGE)
        .singleElement()
        .satisfies(e -> assertThat(e.own()).isTrue());
  }

  @Test
  void unacknowledgedMessagesAreSentAgainInTheirOrderAfterARejoin() {
    joinedAt(0);
    for (String text : new String[] {"one", "two", "three"}) {
      session.say(text, false, 100);
    }
    session.onMessage(new Retry(COOKIE), 110);
    transport.sent.clear();
    session.onMessage(welcome(NEW_TOKEN, 2), 120);
    assertThat(transport.sent)
        .extracting(m -> ((Say) m).text())
        .containsExactly("one", "two", "three");
  }

  @Test
  void aRejoinThatMeetsItsOwnOldSessionKeepsTryingUntilItExpires() {
    joinedAt(0);
    session.onMessage(new Retry(COOKIE), 100);
    for (long t = 200; t < 20_000; t += 1000) {
      session.onMessage(new ErrorReply(ErrorReply.NAME_TAKEN, "the name alice is taken", 0), t);
    }
    assertThat(session.state()).isEqualTo(Session.State.JOINING);
    assertThat(view.events)
        .filteredOn(e -> e.text().contains("until the old session expires"))
        .hasSize(1);
    transport.sent.clear();
    tick(100, 20_000);
    assertThat(transport.count(Join.class)).isGreaterThanOrEqualTo(4);
  }

  @Test
  void aRetryIsAnsweredAtOnceWithTheJoinCarryingItsCookieAndEveryLaterJoinCarriesItToo() {
    session.start(0);
    assertThat(transport.sent).containsExactly(FIRST_JOIN);
    session.onMessage(new Retry(COOKIE), 5);
    assertThat(transport.sent).containsExactly(FIRST_JOIN, FIRST_JOIN.withCookie(COOKIE));
    // The welcome was lost: the retransmitted join carries the cookie, and the server admits it.
    transport.sent.clear();
    tick(50, 1000);
    assertThat(transport.sent).containsExactly(FIRST_JOIN.withCookie(COOKIE));
    session.onMessage(welcome(TOKEN, 1), 1010);
    assertThat(session.state()).isEqualTo(Session.State.JOINED);
    assertThat(shown("no answer")).isFalse();
  }

  @Test
  void retriesMakeAtMostOneExtraJoinPerAttempt() {
    session.start(0);
    // A duplicate, and forged retries with other cookies: one join at once, not one each.
    session.onMessage(new Retry(COOKIE), 5);
    session.onMessage(new Retry(COOKIE), 6);
    session.onMessage(new Retry(NEW_COOKIE), 7);
    session.onMessage(new Retry("MMMMMMMMMMMMMMMMMMMMMM"), 8);
    assertThat(transport.count(Join.class)).isEqualTo(2);
    // The next attempt carries the latest cookie; an expired one is answered with a fresh retry.
    tick(50, 1000);
    assertThat(transport.sent).last().isEqualTo(FIRST_JOIN.withCookie("MMMMMMMMMMMMMMMMMMMMMM"));
    session.onMessage(new Retry(NEW_COOKIE), 1010);
    assertThat(transport.sent).last().isEqualTo(FIRST_JOIN.withCookie(NEW_COOKIE));
    assertThat(transport.count(Join.class)).isEqualTo(4);
  }

  @Test
  void forgedRetriesNeitherStallTheJoinNorMakeItAFlood() {
    session.start(0);
    for (long t = 50; t <= 10_000; t += 50) {
      if (t % 100 == 0) {
        session.onMessage(new Retry(String.format("%022d", t)), t); // a new cookie each time
      }
      session.onTick(t);
    }
    // A timed attempt every second (a retry means the server is there), and at most one join at
    // once for a retry per attempt: between 10 and 21 joins in 10 s, never one per retry (100).
    assertThat(transport.count(Join.class)).isBetween(10L, 21L);
  }

  @Test
  void aFullRoomIsShownOnceAndTheJoinKeepsTrying() {
    session.start(0);
    ErrorReply full =
        new ErrorReply(ErrorReply.ROOM_FULL, "the room is full: it holds at most 2 members", 0);
    session.onMessage(full, 10);
    assertThat(session.state()).isEqualTo(Session.State.JOINING);
    tick(50, 20_000);
    session.onMessage(full, 20_000);
    assertThat(view.events)
        .filteredOn(e -> e.kind() == Event.Kind.ERROR)
        .extracting(Event::text)
        .containsExactly("the room is full: it holds at most 2 members; still trying");
    assertThat(transport.count(Join.class)).isGreaterThanOrEqualTo(5); // 0, 1, 3, 7, 12, 17 s
    assertThat(shown("no answer")).isFalse(); // the server did answer
    session.onMessage(welcome(TOKEN, 2), 20_010);
    assertThat(session.state()).isEqualTo(Session.State.JOINED);
  }

  @Test
  void aFirstJoinWithATakenNameAsksTheUser() {
    session.start(0);
    session.onMessage(new ErrorReply(ErrorReply.NAME_TAKEN, "the name alice is taken", 0), 10);
    assertThat(session.state()).isEqualTo(Session.State.NAME_REFUSED);
    assertThat(shown("/nick NAME to pick another")).isTrue();
  }

  @Test
  void whoBeforeTheWelcomeIsAskedOnceJoined() {
    session.start(0);
    session.who(5);
    assertThat(transport.count(Who.class)).isZero();
    session.onMessage(welcome(TOKEN, 1), 20);
    assertThat(transport.count(Who.class)).isEqualTo(1);
  }
}
