package udpchat.server.journal;

import udpchat.protocol.Chat;
import udpchat.protocol.Notice;
import udpchat.protocol.Private;
import udpchat.protocol.RoomMessage;

/**
 * One numbered event of the room as the server keeps it: the message (a {@link Chat}, {@link
 * Private} or numbered {@link Notice}, without {@code prev}), who may see it, and which message of
 * which client it was, so a retransmission is recognised.
 *
 * @param seq the event's place in the room's order, from 1
 * @param audience who may see it
 * @param client the id of the client that sent it ({@code null} for notices)
 * @param n that client's message number (0 for notices)
 */
public record RoomEvent(long seq, RoomMessage message, Audience audience, String client, long n) {

  /**
   * Who an event is for: everyone in the room, or the two clients of a private message. Clients,
   * not sessions: a client that rejoins (after an expiry, or a server restart) still gets a private
   * message sent to it before.
   */
  public record Audience(String first, String second) {

    /** Every member whose stream began before the event. */
    public static final Audience EVERYONE = new Audience(null, null);

    public static Audience pair(String fromClient, String toClient) {
      return new Audience(fromClient, toClient);
    }

    public boolean everyone() {
      return first == null;
    }

    public boolean includes(String client) {
      return everyone() || first.equals(client) || second.equals(client);
    }
  }

  /** The event as a member receives it in its stream, after its event {@code prev}. */
  public RoomMessage inStream(long prev) {
    return message.inStream(prev);
  }

  /** The event as recalled by a history request {@code ref} whose answer has {@code of} events. */
  public RoomMessage recalled(long ref, int of) {
    return message.recalled(ref, of); // only what is recallable() is asked
  }

  /** Whether a history request may show it: what everyone saw. */
  boolean recallable() {
    // A single type asked about, not a dispatch: what is not private, everyone saw.
    return audience.everyone() && !(message instanceof Private);
  }

  boolean isChat() {
    return message instanceof Chat;
  }
}
