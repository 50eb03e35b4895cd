package udpchat.server;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import udpchat.protocol.ServerMessage;

/** An outbox that keeps what the room sends, so room tests need no socket. */
final class RecordingOutbox implements Outbox {

  record Sent(ServerMessage message, InetSocketAddress to) {}

  final List<Sent> sent = new ArrayList<>();

  @Override
  public void broadcast(ServerMessage message, Collection<InetSocketAddress> to) {
    to.forEach(address -> sent.add(new Sent(message, address)));
  }

  /** What {@code to} was sent, in order. */
  List<ServerMessage> to(InetSocketAddress to) {
    return sent.stream().filter(s -> s.to().equals(to)).map(Sent::message).toList();
  }

  <T extends ServerMessage> T last(InetSocketAddress to, Class<T> type) {
    List<ServerMessage> messages = to(to);
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (type.isInstance(messages.get(i))) {
        return type.cast(messages.get(i));
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " was sent to " + to);
  }

  void clear() {
    sent.clear();
  }
}
