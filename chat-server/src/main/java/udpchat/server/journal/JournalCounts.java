package udpchat.server.journal;

/**
 * What the journal has done so far. With group commit the writes are far fewer than the events
 * under load: one write carries every event of a duty cycle of the room.
 *
 * @param events the events written to the file
 * @param writes the writes (system calls) that wrote them, one for each batch
 * @param forces the times the file was forced to the disk (at most once a sync interval)
 */
public record JournalCounts(long events, long writes, long forces) {

  /** No journal: nothing kept on disk. */
  public static final JournalCounts NONE = new JournalCounts(0, 0, 0);
}
