package udpchat.server.room;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import udpchat.protocol.ServerMessage;
import udpchat.server.journal.RoomLog;
import udpchat.server.net.Outbox;

/**
 * Holds what the room sends during one duty cycle until the cycle's events are durable, then hands
 * it on in the order it was said: the room's half of group commit. What depends on an event being
 * stored (its acknowledgement, its delivery, a rename) is held as an {@link #whenStored} step that
 * the cycle's one journal write decides; the rest is held only so that nothing overtakes it.
 */
final class CycleOutbox implements Outbox {

  /** What a step does when its events were not stored: nothing to take back. */
  static final Runnable NOTHING_TO_UNDO = () -> {};

  private sealed interface Held permits Datagram, Step {}

  private record Datagram(ServerMessage message, Collection<InetSocketAddress> to)
      implements Held {}

  private record Step(Runnable stored, Runnable undo, Consumer<UncheckedIOException> refused)
      implements Held {}

  private final Outbox out;
  private final List<Held> held = new ArrayList<>();
  private boolean releasing;
  private boolean inCycle;

  CycleOutbox(Outbox out) {
    this.out = out;
  }

  /** Held until the cycle ends; the caller hands {@code to} over and does not change it. */
  @Override
  public void broadcast(ServerMessage message, Collection<InetSocketAddress> to) {
    if (releasing) {
      out.broadcast(message, to); // said by a step being released: its place is now
    } else {
      held.add(new Datagram(message, to));
    }
  }

  @Override
  public boolean backlogged() {
    return out.backlogged();
  }

  /**
   * At the end of the cycle, in its place among what was sent: {@code stored} if the cycle's events
   * are durable; otherwise {@code undo} (every step's, the last first, so state goes back as it
   * came), then {@code refused} with the failure (in order, as the replies would have been).
   */
  void whenStored(Runnable stored, Runnable undo, Consumer<UncheckedIOException> refused) {
    held.add(new Step(stored, undo, refused));
  }

  /** From now until {@link #endCycle}, calls into the room are one duty cycle of its thread. */
  void beginCycle() {
    inCycle = true;
  }

  /** Ends the duty cycle: {@code events} staged in it are written, then what was held goes on. */
  void endCycle(RoomLog events) {
    inCycle = false;
    commit(events);
  }

  /** The end of one call into the room: a cycle of its own, unless the room thread runs one. */
  void endCall(RoomLog events) {
    if (!inCycle) {
      commit(events);
    }
  }

  private void commit(RoomLog events) {
    UncheckedIOException failure = null;
    try {
      events.commit();
    } catch (UncheckedIOException e) {
      failure = e; // the events are taken back; each step is told
    }
    release(failure);
  }

  /**
   * Hands on what was held, with each step told how the journal write went: {@code failure} is
   * {@code null} when the cycle's events are durable.
   */
  private void release(UncheckedIOException failure) {
    releasing = true;
    try {
      if (failure != null) {
        for (int i = held.size() - 1; i >= 0; i--) {
          if (held.get(i) instanceof Step step) {
            step.undo().run();
          }
        }
      }
      for (Held next : held) {
        if (next instanceof Datagram datagram) {
          out.broadcast(datagram.message(), datagram.to());
        } else if (next instanceof Step step) {
          if (failure == null) {
            step.stored().run();
          } else {
            step.refused().accept(failure);
          }
        }
      }
    } finally {
      held.clear();
      releasing = false;
    }
  }
}
