package udpchat.server.room;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import udpchat.protocol.Chat;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Lost;
import udpchat.protocol.Notice;
import udpchat.protocol.Posted;
import udpchat.protocol.Private;
import udpchat.protocol.ServerMessage;
import udpchat.server.net.Outbox;

/** An outbox that keeps what the room sends, so room tests need no socket. */
public final class RecordingOutbox implements Outbox {

  record Sent(ServerMessage message, InetSocketAddress to) {}

  /** One call of {@link #broadcast}: one message, encoded once, for all of {@code to}. */
  record Broadcast(ServerMessage message, List<InetSocketAddress> to) {}

  final List<Sent> sent = new ArrayList<>();
  final List<Broadcast> broadcasts = new ArrayList<>();

  /** What {@link #backlogged} answers: a test plays an outbox that is behind. */
  boolean backlogged;

  @Override
  public boolean backlogged() {
    return backlogged;
  }

  @Override
  public void broadcast(ServerMessage message, Collection<InetSocketAddress> to) {
    broadcasts.add(new Broadcast(message, List.copyOf(to)));
    to.forEach(address -> sent.add(new Sent(message, address)));
  }

  /** What {@code to} was sent, in order. */
  public List<ServerMessage> to(InetSocketAddress to) {
    return sent.stream().filter(s -> s.to().equals(to)).map(Sent::message).toList();
  }

  /** What {@code to} was sent, in order, each as a short line (see {@link #line}). */
  List<String> lines(InetSocketAddress to) {
    return to(to).stream().map(RecordingOutbox::line).toList();
  }

  public <T extends ServerMessage> T last(InetSocketAddress to, Class<T> type) {
    List<ServerMessage> messages = to(to);
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (type.isInstance(messages.get(i))) {
        return type.cast(messages.get(i));
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " was sent to " + to);
  }

  /** Forgets that {@code message} was sent (the same instance), as if it never had been. */
  void forget(ServerMessage message) {
    sent.removeIf(s -> s.message() == message);
    broadcasts.removeIf(b -> b.message() == message);
  }

  public void clear() {
    sent.clear();
    broadcasts.clear();
  }

  /**
   * A message as one line that shows what delivery tests check: a stream event's number and {@code
   * prev} ("chat 5 after 4 alice: hi"), an acknowledgement ("posted 2 as 5"), a gap ("lost ..5
   * after 2, 3 events"). The time of an event is left out; tests that care compare records.
   */
  static String line(ServerMessage message) {
    if (message instanceof Chat c) {
      return "chat " + c.seq() + after(c.prev()) + " " + c.from() + ": " + c.text();
    }
    if (message instanceof Private p) {
      return "private "
          + p.seq()
          + after(p.prev())
          + " "
          + p.from()
          + ">"
          + p.to()
          + ": "
          + p.text();
    }
    if (message instanceof Notice n && n.numbered()) {
      return n.event()
          + " "
          + n.seq()
          + after(n.prev())
          + " "
          + n.name()
          + (n.newName() == null ? "" : ">" + n.newName());
    }
    if (message instanceof Posted p) {
      return "posted " + p.n() + " as " + p.seq();
    }
    if (message instanceof Lost l) {
      return "lost .." + l.seq() + " after " + l.prev() + ", " + l.count() + " events";
    }
    if (message instanceof ErrorReply e && e.n() != null) {
      return "refused " + e.n() + ": " + e.code();
    }
    return message.toString();
  }

  private static String after(Long prev) {
    return prev == null ? "" : " after " + prev;
  }
}
