package udpchat.server.room;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.protocol.Ack;
import udpchat.protocol.Addresses;
import udpchat.protocol.Away;
import udpchat.protocol.Chat;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.Codec;
import udpchat.protocol.Drops;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.History;
import udpchat.protocol.Join;
import udpchat.protocol.Leave;
import udpchat.protocol.Limits;
import udpchat.protocol.Members;
import udpchat.protocol.Names;
import udpchat.protocol.Nick;
import udpchat.protocol.Notice;
import udpchat.protocol.Ping;
import udpchat.protocol.Pong;
import udpchat.protocol.Posted;
import udpchat.protocol.Private;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.Say;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.SessionMessage;
import udpchat.protocol.Tell;
import udpchat.protocol.Welcome;
import udpchat.protocol.Who;
import udpchat.server.delivery.Delivery;
import udpchat.server.delivery.Stream;
import udpchat.server.door.Admission;
import udpchat.server.door.SessionTokens;
import udpchat.server.journal.JournalFailures;
import udpchat.server.journal.RoomEvent;
import udpchat.server.journal.RoomLog;
import udpchat.server.net.Inbound;
import udpchat.server.net.Outbox;
import udpchat.text.Sanitizer;

/**
 * The chat room: its members by address and by name, and what each request does to them.
 *
 * <p>A member is identified by its source address and proves each request with the session token it
 * was given on join; a request whose token does not match its address is dropped, so a forged
 * source address cannot speak for anyone. Every authenticated datagram counts as a heartbeat, and
 * nothing else does. An address becomes a member only by a join that proves, with the cookie the
 * {@link Admission} gave it, that it receives there; until then nothing is kept about it. {@link
 * #expire} removes members whose last datagram is older than the timeout and tells the room.
 *
 * <p>Everything that happens in the room (messages, private messages, joins, leaves, expiries,
 * renames) becomes a numbered event in the {@link RoomLog}, and {@link Delivery} gets it to each
 * member in that order. Joins, leaves and expiries in a burst share one event ({@link
 * MembershipNotices}). A client's messages are numbered by the client; each number is posted once
 * and in order, and acknowledged with {@link Posted}, again for every copy that arrives.
 *
 * <p>Time is an argument ({@code nowMs}), never read here, so tests decide expiry exactly. Not
 * thread-safe, and needs no lock: in the server only the {@link RoomAgent}'s thread calls in, and
 * tests call in from theirs. Nothing here waits for the network: replies go to the {@link Outbox},
 * which sends them on its own thread.
 */
public final class Room implements Inbound {

  private static final Logger log = LoggerFactory.getLogger(Room.class);

  private final CycleOutbox outbox;
  private boolean inCycle;
  private final Codec codec;
  private final Drops drops;
  private final RoomLog events;
  private final Delivery delivery;
  private final Duration timeout;
  private final Duration heartbeat;
  private final int backlog;
  private final long epoch;
  private final SessionTokens tokens = new SessionTokens();
  private final Map<InetSocketAddress, Member> byAddress = new HashMap<>();

  /** Every member's stream, in the order of {@link #byAddress}: what an event is published to. */
  private final Iterable<Stream> streams =
      () -> byAddress.values().stream().map(Member::stream).iterator();

  private final NameRegister nameRegister = new NameRegister();
  private final SeenOrder bySeen = new SeenOrder();
  private boolean closed;
  private final PresenceBoard presence;
  private final Admission admission;
  private final MembershipNotices membership;
  private final LongUnaryOperator stampOf;
  private final JournalFailures journalFailures = new JournalFailures();

  /**
   * @param events the room's numbered events (and its journal)
   * @param backlog how many recent messages a newcomer is shown
   * @param epoch this server process's id, told to every client in its welcome
   * @param maxMembers how many members the room holds; a join beyond is refused ({@code room-full})
   * @param maxPerAddress how many of them one IP address may have; a join beyond is refused too
   * @param stampOf the wall time (ms since the epoch, shown to members as {@code at}) of a {@code
   *     nowMs} of the timers' clock; the identity where both are one clock (tests)
   * @param noticeHoldMs how long after a membership notice the next waits for company; 0 tells each
   *     change alone, at once (tests that count events one per change)
   */
  public Room(
      Outbox outbox,
      Codec codec,
      Drops drops,
      RoomLog events,
      Duration timeout,
      Duration heartbeat,
      int backlog,
      long epoch,
      int maxMembers,
      int maxPerAddress,
      long noticeHoldMs,
      LongUnaryOperator stampOf) {
    this.stampOf = stampOf;
    this.outbox = new CycleOutbox(outbox);
    this.admission = new Admission(this.outbox, codec, drops, maxMembers, maxPerAddress);
    this.codec = codec;
    this.drops = drops;
    this.events = events;
    this.delivery = new Delivery(this.outbox, events);
    this.timeout = timeout;
    this.heartbeat = heartbeat;
    this.backlog = backlog;
    this.epoch = epoch;
    this.presence = new PresenceBoard(timeout.toMillis() / 2);
    this.membership = new MembershipNotices(noticeHoldMs, codec::textBytes);
  }

  /**
   * Handles {@code request} as if it came in the datagram the Java codec makes of it (so a join is
   * padded); for tests, which build requests, not datagrams.
   */
  public void onRequest(InetSocketAddress from, ClientMessage request, long nowMs) {
    onRequest(from, request, codec.encode(request).length, nowMs);
  }

  /**
   * Handles one decoded request that arrived from {@code from} at {@code nowMs} in a datagram of
   * {@code bytes} bytes: no reply to an address that is not a member is larger than that.
   */
  @Override
  public void onRequest(InetSocketAddress from, ClientMessage request, int bytes, long nowMs) {
    try {
      handle(from, request, bytes, nowMs);
    } finally {
      done();
    }
  }

  private void handle(InetSocketAddress from, ClientMessage request, int bytes, long nowMs) {
    if (closed) {
      return;
    }
    if (request instanceof Join join) {
      if (bytes < Limits.MIN_JOIN_BYTES) {
        drops.count(Drops.SHORT_JOIN, from, "a join of " + bytes + " bytes");
        return;
      }
      join(from, join, bytes, nowMs);
      return;
    }
    SessionMessage inSession = (SessionMessage) request;
    Member member = byAddress.get(from);
    if (member == null) {
      drops.count(Drops.NOT_JOINED, from, Codec.typeName(request.getClass()));
      if (!(request instanceof Leave)) {
        // The session is unknown at this address (the server expired it or restarted, or the
        // address changed): the retry tells the client to join again, and lets it in.
        admission.retry(from, bytes, nowMs);
      }
      return;
    }
    if (!member.session().equals(inSession.session())) {
      drops.count(Drops.FORGED_SESSION, from, Codec.typeName(request.getClass()));
      return;
    }
    member.seen(nowMs);
    bySeen.heard(member);
    presence.heard(member).ifPresent(this::broadcast);
    if (request instanceof Ping ping) {
      outbox.send(new Pong(ping.id()), from);
    } else if (request instanceof Ack ack) {
      delivery.onAck(member.stream(), ack.seq(), ack.missingTo(), nowMs);
    } else if (request instanceof Say say) {
      inTurn(member, say.n(), say, nowMs);
    } else if (request instanceof Tell tell) {
      inTurn(member, tell.n(), tell, nowMs);
    } else if (request instanceof Who) {
      who(member);
    } else if (request instanceof History history) {
      history(member, history);
    } else if (request instanceof Nick nick) {
      nick(member, nick, nowMs);
    } else if (request instanceof Leave) {
      remove(member);
      log.info("{} left ({} online)", member.name(), byAddress.size());
      membershipChanged(Notice.LEFT, member.name(), byAddress.size(), nowMs);
      announceDue(nowMs);
    } else if (request instanceof Away away) {
      away(member, away);
    }
    if (request instanceof Who) {
      presence.report(byAddress.values(), nowMs).forEach(p -> outbox.send(p, member.address()));
    }
  }

  /**
   * A datagram from {@code from} that was not valid protocol. A member is told (at most once a
   * second) so its client can show the problem; anyone else gets nothing back.
   */
  @Override
  public void onMalformed(InetSocketAddress from, ProtocolException problem, long nowMs) {
    try {
      tellMalformed(from, problem, nowMs);
    } finally {
      done();
    }
  }

  private void tellMalformed(InetSocketAddress from, ProtocolException problem, long nowMs) {
    Member member = byAddress.get(from);
    if (member != null && !closed && member.mayReplyError(nowMs)) {
      outbox.send(
          new ErrorReply(
              ErrorReply.MALFORMED,
              "the server dropped a datagram: "
                  + problem.reason().code()
                  + ": "
                  + problem.getMessage(),
              0),
          from);
    }
  }

  /** Removes every member silent for longer than the timeout at {@code nowMs}; their names. */
  public List<String> expire(long nowMs) {
    try {
      return expireSilent(nowMs);
    } finally {
      done();
    }
  }

  private List<String> expireSilent(long nowMs) {
    List<Member> expired = new ArrayList<>();
    for (Iterator<Member> it = bySeen.iterator(); it.hasNext(); ) {
      Member member = it.next();
      if (!member.expired(nowMs, timeout.toMillis())) {
        break; // everyone after it was heard from later
      }
      it.remove();
      byAddress.remove(member.address());
      admission.departed(member.address().getAddress());
      nameRegister.remove(member);
      presence.forget(member);
      delivery.forget(member.stream());
      expired.add(member);
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < expired.size(); i++) {
      Member member = expired.get(i);
      names.add(member.name());
      log.info(
          "{} expired: silent for {} ms ({} online)",
          member.name(),
          nowMs - member.lastSeenMs(),
          byAddress.size());
      // The members left after this one was removed: those expired after it were still there.
      int online = byAddress.size() + expired.size() - 1 - i;
      membershipChanged(Notice.EXPIRED, member.name(), online, nowMs);
      // The expired member is told too, outside the room's order (it is no longer in it): if it
      // is still there, its client rejoins at once and catches up from its last event.
      outbox.send(
          Notice.unnumbered(Notice.EXPIRED, member.name(), byAddress.size()), member.address());
    }
    announceDue(nowMs); // the sweep's expiries, together
    presence.sweep(bySeen, byAddress.size(), nowMs).forEach(this::broadcast);
    return names;
  }

  /** Announces the joins, leaves and expiries that waited for company, when their wait is over. */
  public void announceDue(long nowMs) {
    if (!closed) {
      membership.due(nowMs).ifPresent(announcement -> announce(announcement, nowMs));
    }
    done();
  }

  /**
   * Sends again what members have not acknowledged in time, unless the outbox has not yet sent what
   * it was given: the timeouts wait until it has (a gap an ack names is still sent at once).
   */
  public void resendDue(long nowMs) {
    if (!closed && !outbox.backlogged()) {
      delivery.resendDue(nowMs);
    }
    done();
  }

  /** Tells every member the server is going away; from now on requests are ignored. */
  public void shutdown() {
    if (closed) {
      return;
    }
    // What waited is told: it happened, and the clients that rejoin the next server catch up on it.
    membership.flush(0).ifPresent(announcement -> announce(announcement, 0));
    closed = true;
    broadcast(Notice.unnumbered(Notice.SHUTDOWN, null, 0));
    done();
  }

  /**
   * From now until {@link #endCycle}, what the room does is one duty cycle of its thread: its
   * events are written to the journal together, in one write, and what it sends waits for that
   * write. Outside a cycle (tests, which call in directly) each call is a cycle of its own.
   */
  void beginCycle() {
    inCycle = true;
  }

  /**
   * Ends the duty cycle: writes its events to the journal in one write, then sends what it said, in
   * order; when the write fails, undoes what the events did and refuses them instead.
   */
  void endCycle() {
    inCycle = false;
    commit();
  }

  private void done() {
    if (!inCycle) {
      commit();
    }
  }

  private void commit() {
    UncheckedIOException failure = null;
    try {
      events.commit();
    } catch (UncheckedIOException e) {
      failure = e; // the events are taken back; each step below is told
    }
    outbox.release(failure);
  }

  /** The names of the members, in the order {@code /who} lists them. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    byAddress.values().forEach(member -> names.add(member.name()));
    names.sort(Comparator.comparing(Names::key).thenComparing(Comparator.naturalOrder()));
    return names;
  }

  int size() {
    return byAddress.size();
  }

  /** What the room looks like now, for other threads (they read no room state themselves). */
  RoomSnapshot snapshot() {
    return new RoomSnapshot(
        names(), events.durableHead(), admission.repliesSent(), admission.replyBytesSent());
  }

  /** The door: cookies, the member cap, and the replies to addresses that are not members. */
  public Admission admission() {
    return admission;
  }

  /** The number of the room's last event. */
  public long head() {
    return events.durableHead();
  }

  private void join(InetSocketAddress from, Join join, int bytes, long nowMs) {
    Member existing = byAddress.get(from);
    if (existing == null && !admission.validated(join, from, nowMs)) {
      // Nothing is kept, and nothing checked, until the address proves it receives: a forged
      // source address never learns its cookie, so a forged join adds nobody.
      admission.retry(from, bytes, nowMs);
      return;
    }
    Optional<String> problem = Names.problem(join.name());
    if (problem.isPresent()) {
      if (existing != null) {
        outbox.send(new ErrorReply(ErrorReply.NAME_INVALID, problem.get(), 0), from);
      } else {
        admission.refuse(ErrorReply.NAME_INVALID, problem.get(), from, bytes, nowMs);
      }
      return;
    }
    String key = Names.key(join.name());
    if (existing != null) {
      if (existing.key().equals(key) && existing.client().equals(join.client())) {
        // A retransmitted join whose welcome was lost: the same answer again. It goes only to the
        // member's own address, so a forged copy reveals nothing, and it does not count as a
        // heartbeat, so a forged copy cannot keep a silent member alive; nor does its next
        // change the member's numbering (a forged one could make the room skip messages).
        outbox.send(welcome(existing), from);
      } else {
        outbox.send(
            new ErrorReply(
                ErrorReply.ALREADY_JOINED,
                "this address is still in the room as "
                    + existing.name()
                    + " until that session leaves or expires",
                0),
            from);
      }
      return;
    }
    String noPlace = admission.noPlace(byAddress.size(), from.getAddress());
    if (noPlace != null) {
      admission.refuse(ErrorReply.ROOM_FULL, noPlace, from, bytes, nowMs);
      return;
    }
    Member holder = nameRegister.clash(join.name(), null);
    if (holder != null) {
      admission.refuse(ErrorReply.NAME_TAKEN, taken(join.name(), holder), from, bytes, nowMs);
      return;
    }
    // A message of this client's that the room posted before (its acknowledgement was lost) is
    // never posted again: numbering starts after the last one the room knows of.
    long nextN = Math.max(join.next(), events.lastPosted(join.client()) + 1);
    Member member = new Member(from, tokens.next(), join.client(), join.name(), nextN, nowMs);
    byAddress.put(from, member);
    admission.admitted(from.getAddress());
    nameRegister.add(member);
    bySeen.heard(member);
    log.info(
        "{} joined from {} ({} online)", member.name(), Addresses.format(from), byAddress.size());
    delivery.begin(member.stream(), streamStart(join.since()));
    outbox.send(welcome(member), from);
    delivery.catchUp(
        member.stream(), nowMs); // after the welcome, which says where the stream starts
    membershipChanged(Notice.JOINED, member.name(), byAddress.size(), nowMs);
    announceDue(nowMs);
  }

  /**
   * Where a new member's stream starts: after the event a rejoining client saw last (so it misses
   * nothing), or far enough back that a newcomer sees the backlog.
   */
  private long streamStart(Long since) {
    if (since == null) {
      return events.backlogStart(backlog);
    }
    // A client that saw more than this room numbered has seen another room, or events this
    // server lost with its data folder: it starts from now.
    return since > events.durableHead() ? events.durableHead() : since;
  }

  private Welcome welcome(Member member) {
    long start = member.stream().start();
    return new Welcome(
        member.session(),
        member.name(),
        heartbeat.toMillis(),
        timeout.toMillis(),
        byAddress.size(),
        epoch,
        start,
        Math.max(start, member.stream().lastSent()));
  }

  /** Posts the client's message {@code n} in its turn, once; acknowledges every copy. */
  private void inTurn(Member member, long n, SessionMessage message, long nowMs) {
    if (n < member.nextN()) {
      ErrorReply refusal = member.refusal(n);
      long seq = refusal != null ? 0 : events.postedAs(member.client(), n);
      if (seq > events.durableHead()) {
        // A copy of a message this cycle posted: its answer waits for the cycle's write.
        outbox.whenStored(
            () -> outbox.send(new Posted(n, seq), member.address()),
            CycleOutbox.NOTHING_TO_UNDO,
            failure -> outbox.send(member.refusal(n), member.address()));
      } else {
        outbox.send(refusal != null ? refusal : new Posted(n, seq), member.address());
      }
      return;
    }
    if (n > member.nextN()) {
      if (!member.hold(n, message)) {
        drops.count(Drops.TOO_FAR_AHEAD, member.address(), "message " + n);
      }
      return; // an earlier one was lost: this one waits for it, unacknowledged
    }
    postInTurn(member, message, nowMs);
  }

  /** Posts {@code first}, whose turn it is, and the held messages that follow it. */
  private void postInTurn(Member member, SessionMessage first, long nowMs) {
    for (SessionMessage next = first; next != null; next = member.takeHeldTurn()) {
      if (next instanceof Say say) {
        say(member, say, nowMs);
      } else {
        tell(member, (Tell) next, nowMs);
      }
      member.advanceN();
    }
  }

  private void say(Member member, Say say, long nowMs) {
    Optional<String> text = cleanText(member, say.text(), say.n());
    if (text.isEmpty()) {
      return;
    }
    announceHeld(nowMs);
    RoomEvent event =
        events.stage(
            seq ->
                Chat.posted(
                    seq, stampOf.applyAsLong(nowMs), member.name(), text.get(), say.action()),
            RoomEvent.Audience.EVERYONE,
            member.client(),
            say.n());
    outbox.whenStored(
        () -> {
          outbox.send(new Posted(say.n(), event.seq()), member.address());
          delivery.publish(event, streams, nowMs);
        },
        CycleOutbox.NOTHING_TO_UNDO,
        failure -> refuse(member, say.n(), ErrorReply.NOT_STORED, journalFailures.failed(failure)));
  }

  private void tell(Member member, Tell tell, long nowMs) {
    Optional<String> text = cleanText(member, tell.text(), tell.n());
    if (text.isEmpty()) {
      return;
    }
    Member target = Names.isWellFormed(tell.to()) ? nameRegister.holder(tell.to()) : null;
    if (target == null) {
      // Only a valid name is echoed: anything else could be as long as a whole datagram.
      String who = Names.isWellFormed(tell.to()) ? "named " + tell.to() : "with that name";
      refuse(member, tell.n(), ErrorReply.NO_SUCH_MEMBER, "there is no member " + who);
      return;
    }
    announceHeld(nowMs);
    RoomEvent event =
        events.stage(
            seq ->
                new Private(
                    seq,
                    null,
                    stampOf.applyAsLong(nowMs),
                    member.name(),
                    target.name(),
                    text.get()),
            RoomEvent.Audience.pair(member.client(), target.client()),
            member.client(),
            tell.n());
    outbox.whenStored(
        () -> {
          outbox.send(new Posted(tell.n(), event.seq()), member.address());
          // The sender's copy is its place in its own stream: the confirmation that it was
          // delivered. Either may have left in this cycle: nothing more is sent to it then.
          List<Stream> to = new ArrayList<>(2);
          if (present(target)) {
            to.add(target.stream());
          }
          if (target != member && present(member)) {
            to.add(member.stream());
          }
          delivery.publish(event, to, nowMs);
        },
        CycleOutbox.NOTHING_TO_UNDO,
        failure ->
            refuse(member, tell.n(), ErrorReply.NOT_STORED, journalFailures.failed(failure)));
  }

  /** Whether {@code member} is still in the room (not left or expired since it was looked up). */
  private boolean present(Member member) {
    return byAddress.get(member.address()) == member;
  }

  /** The list, split over as many datagrams as it needs (a name takes up to 128 bytes). */
  private void who(Member member) {
    List<String> names = names();
    int budget = Limits.MAX_DATAGRAM_BYTES - 64; // room for {"v":1,"type":"members",...}
    List<String> part = new ArrayList<>();
    int used = 0;
    for (String name : names) {
      int cost = codec.textBytes(name) + 3; // quotes and comma
      if (used + cost > budget) {
        outbox.send(new Members(names.size(), part), member.address());
        part = new ArrayList<>();
        used = 0;
      }
      part.add(name);
      used += cost;
    }
    outbox.send(new Members(names.size(), part), member.address());
  }

  /** The last events everyone saw, each marked as this request's answer. */
  private void history(Member member, History history) {
    List<RoomEvent> recalled = events.recallable(history.count());
    for (RoomEvent event : recalled) {
      outbox.send(event.recalled(history.id(), recalled.size()), member.address());
    }
  }

  private void nick(Member member, Nick nick, long nowMs) {
    Optional<String> problem = Names.problem(nick.name());
    if (problem.isPresent()) {
      outbox.send(
          new ErrorReply(ErrorReply.NAME_INVALID, problem.get(), nick.id()), member.address());
      return;
    }
    Member holder = nameRegister.clash(nick.name(), member);
    if (holder != null) {
      outbox.send(
          new ErrorReply(ErrorReply.NAME_TAKEN, taken(nick.name(), holder), nick.id()),
          member.address());
      return;
    }
    String oldName = member.name();
    nameRegister.remove(member);
    member.rename(nick.name());
    nameRegister.add(member);
    announceHeld(nowMs); // under the old name: said before the rename
    String newName = member.name();
    RoomEvent event =
        events.stage(
            seq ->
                new Notice(
                    Notice.RENAMED,
                    oldName,
                    newName,
                    byAddress.size(),
                    seq,
                    null,
                    stampOf.applyAsLong(nowMs),
                    null,
                    null),
            RoomEvent.Audience.EVERYONE,
            null,
            0);
    outbox.whenStored(
        () -> {
          log.info("{} is now known as {}", oldName, newName);
          delivery.publish(event, streams, nowMs);
        },
        () -> {
          // Not durable, so not done: the member keeps its old name.
          nameRegister.remove(member);
          member.rename(oldName);
          nameRegister.add(member);
        },
        failure ->
            outbox.send(
                new ErrorReply(ErrorReply.NOT_STORED, journalFailures.failed(failure), nick.id()),
                member.address()));
  }

  /** Why {@code name} may not be claimed while {@code holder} is in the room. */
  private static String taken(String name, Member holder) {
    return holder.key().equals(Names.key(name))
        ? "the name " + holder.name() + " is taken in this room; choose another"
        : "the name "
            + name
            + " looks too much like "
            + holder.name()
            + ", a member of this room;"
            + " choose another";
  }

  /** The text to forward, made safe to print, or empty after telling the sender it is too long. */
  private Optional<String> cleanText(Member sender, String text, long n) {
    String clean = Sanitizer.clean(text);
    int bytes = codec.textBytes(clean);
    if (bytes > Limits.MAX_TEXT_BYTES) {
      refuse(
          sender,
          n,
          ErrorReply.TOO_LONG,
          "message of " + bytes + " bytes refused: the limit is " + Limits.MAX_TEXT_BYTES);
      return Optional.empty();
    }
    return Optional.of(clean);
  }

  private void refuse(Member member, long n, String code, String message) {
    ErrorReply refusal = ErrorReply.refusing(n, code, message);
    member.rememberRefusal(n, refusal);
    outbox.send(refusal, member.address());
  }

  /**
   * {@code name} joined, left or expired, leaving {@code online} members: it is told with the next
   * membership notice ({@link #announceDue}), and what waited is told now if it cannot join it.
   */
  private void membershipChanged(String event, String name, int online, long nowMs) {
    membership
        .add(event, name, online, nowMs)
        .forEach(announcement -> announce(announcement, nowMs));
  }

  /** Tells what membership changes wait, before an event that must come after them. */
  private void announceHeld(long nowMs) {
    membership.flush(nowMs).ifPresent(announcement -> announce(announcement, nowMs));
  }

  /** Numbers a notice about the members of {@code announcement} and sends it to every member. */
  private void announce(MembershipNotices.Announcement announcement, long nowMs) {
    RoomEvent posted =
        events.stage(
            seq ->
                Notice.posted(
                    seq,
                    stampOf.applyAsLong(announcement.atMs()), // when the last of them happened
                    announcement.event(),
                    announcement.names(),
                    announcement.online()),
            RoomEvent.Audience.EVERYONE,
            null,
            0);
    outbox.whenStored(
        () -> delivery.publish(posted, streams, nowMs),
        CycleOutbox.NOTHING_TO_UNDO,
        // A notice not durable is not told: the members see the change in the next one's count.
        journalFailures::failed);
  }

  private void remove(Member member) {
    byAddress.remove(member.address());
    admission.departed(member.address().getAddress());
    nameRegister.remove(member);
    bySeen.forget(member);
    presence.forget(member);
    delivery.forget(member.stream());
  }

  /** {@code /away}: the reason is made safe and measured like a text; every member is told. */
  private void away(Member member, Away away) {
    String reason = away.reason() == null ? null : Sanitizer.clean(away.reason());
    if (reason != null && codec.textBytes(reason) > Away.MAX_REASON_BYTES) {
      outbox.send(
          new ErrorReply(
              ErrorReply.TOO_LONG,
              "away reason refused: the limit is " + Away.MAX_REASON_BYTES + " bytes",
              away.id()),
          member.address());
      return;
    }
    broadcast(presence.away(member, away.away(), reason));
  }

  /**
   * Sends {@code message} to every member outside the room's order: soft state that the next report
   * replaces (presence) and the goodbye, which need no retransmission.
   */
  private void broadcast(ServerMessage message) {
    List<InetSocketAddress> addresses = new ArrayList<>(byAddress.size());
    byAddress.values().forEach(member -> addresses.add(member.address()));
    outbox.broadcast(message, addresses);
  }
}
