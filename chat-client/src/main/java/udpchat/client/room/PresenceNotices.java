package udpchat.client.room;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import udpchat.client.session.SessionListener;
import udpchat.client.view.View;
import udpchat.client.view.narrator.RoomNarrator;
import udpchat.protocol.Batch;
import udpchat.protocol.Chat;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Lost;
import udpchat.protocol.Members;
import udpchat.protocol.Notice;
import udpchat.protocol.Pong;
import udpchat.protocol.Posted;
import udpchat.protocol.Presence;
import udpchat.protocol.Private;
import udpchat.protocol.Retry;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.text.Names;
import udpchat.time.WallStamps;

/**
 * Shows presence as notices: what people say of themselves ({@code bob is away: lunch}, {@code bob
 * is back}) when it happens, and who is suspect ({@code dave has been silent for 8s (suspect)}) in
 * the answer to {@code /who}. Suspicion is not announced when it happens: on a lossy network one
 * lost heartbeat makes a member suspect and the next one clears it, and a line for each would bury
 * the conversation; the roster (completion, {@code /who}) shows it all the same. An away is said
 * once, however often the server repeats it (it follows every member list), and a return only after
 * an away that was said.
 */
public final class PresenceNotices implements SessionListener {

  /**
   * Presence that follows a member list this soon is part of a {@code /who} answer: the server
   * sends it right behind the list, and a datagram is lost, not late, on a LAN.
   */
  static final long WHO_ANSWER_MS = 500;

  /** What the user is told: every sentence is the {@link RoomNarrator}'s. */
  private final RoomNarrator say;

  private final Roster roster;
  private long whoAnsweredMs = Long.MIN_VALUE / 2;

  /**
   * The reason (empty for none) of each member last said to be away, by name key: the server says
   * the presence again behind every member list (each join asks for one), which is not news.
   */
  private final Map<String, String> saidAway = new HashMap<>();

  /** Whether the user typed /who, whose answer says again who is away... */
  private boolean whoAsked;

  /** ...and whether the member list that came last answers it (not the one each join asks for). */
  private boolean answersAskedWho;

  /** Shows on {@code view}; {@code stamps}: the wall time of a time of the timers' clock. */
  public PresenceNotices(View view, Roster roster, WallStamps stamps) {
    this.say = new RoomNarrator(view, stamps);
    this.roster = roster;
  }

  @Override
  public void onMessage(ServerMessage message, long nowMs) {
    message.dispatch(new Heard(nowMs));
  }

  /** Member lists, departures and presence matter here; the rest passes by. */
  private final class Heard implements ServerMessage.Handler {
    private final long nowMs;

    Heard(long nowMs) {
      this.nowMs = nowMs;
    }

    @Override
    public void onMembers(Members members) {
      whoAnsweredMs = nowMs;
      answersAskedWho = whoAsked;
      whoAsked = false;
    }

    @Override
    public void onNotice(Notice notice) {
      if (notice.kind() == Notice.Kind.LEFT || notice.kind() == Notice.Kind.EXPIRED) {
        notice.members().forEach(gone -> saidAway.remove(Names.key(gone))); // back afresh
      }
    }

    @Override
    public void onPresence(Presence presence) {
      tell(presence, nowMs - whoAnsweredMs <= WHO_ANSWER_MS, nowMs);
    }

    @Override
    public void onWelcome(Welcome welcome) {}

    @Override
    public void onPong(Pong pong) {}

    @Override
    public void onChat(Chat chat) {}

    @Override
    public void onPrivate(Private whisper) {}

    @Override
    public void onErrorReply(ErrorReply error) {}

    @Override
    public void onPosted(Posted posted) {}

    @Override
    public void onLost(Lost lost) {}

    @Override
    public void onRetry(Retry retry) {}

    @Override
    public void onBatch(Batch batch) {}
  }

  /** The user typed /who: the away members are said again in its answer. */
  public void onWhoAsked() {
    whoAsked = true;
  }

  /** Says what {@code presence} means, when it is worth a line. */
  private void tell(Presence presence, boolean inWhoAnswer, long nowMs) {
    String me = roster.me();
    boolean mine = me != null && Names.key(me).equals(Names.key(presence.name()));
    switch (presence.state()) {
      case Presence.AWAY:
        String reason = Objects.requireNonNullElse(presence.reason(), "");
        boolean again = reason.equals(saidAway.put(Names.key(presence.name()), reason));
        if (!again || (inWhoAnswer && answersAskedWho)) {
          say.away(nowMs, presence.name(), mine, presence.reason());
        }
        break;
      case Presence.SUSPECT:
        if (inWhoAnswer) {
          long seconds = presence.silentMs() == null ? 0 : presence.silentMs() / 1000;
          say.suspect(nowMs, presence.name(), mine, seconds);
        }
        break;
      case Presence.ACTIVE:
        // Back from away, not from a silence (nobody was told of that).
        if (saidAway.remove(Names.key(presence.name())) != null) {
          say.back(nowMs, presence.name(), mine);
        }
        break;
      default:
        say.presence(nowMs, presence.name(), presence.state());
    }
  }
}
