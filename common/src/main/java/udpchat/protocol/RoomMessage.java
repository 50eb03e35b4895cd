package udpchat.protocol;

/**
 * A message that is, or may be, one of the room's numbered events: a {@link Chat}, a {@link
 * Private} message or a {@link Notice}. The server keeps its events as these and asks them what it
 * needs (their number, their time, their copy in a member's stream) here, rather than by their
 * type.
 */
public sealed interface RoomMessage extends ServerMessage permits Chat, Private, Notice {

  /** The event's place in the room's order; {@code null} for a notice outside it. */
  Long number();

  /**
   * When the server posted it (ms since the epoch); {@code null} for a notice outside the order.
   */
  Long postedAt();

  /** The member's previous event, when it travels in a member's stream; otherwise {@code null}. */
  Long prev();

  /** The event as a member receives it in its stream, after its event {@code prev}. */
  RoomMessage inStream(long prev);

  /**
   * The event as recalled by a history request {@code ref} whose answer has {@code of} events.
   *
   * @throws IllegalStateException for a {@link Private} message, which is never recalled
   */
  RoomMessage recalled(long ref, int of);
}
