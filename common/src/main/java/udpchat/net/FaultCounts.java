package udpchat.net;

/** What a {@link FaultInjector} has done so far, for the datagrams going out and coming in. */
public record FaultCounts(Path outgoing, Path incoming) {

  /**
   * The counts for one direction. {@code seen} counts every datagram given to the injector; {@code
   * failed}, the later sends that threw (the datagram is lost, as UDP allows).
   */
  public record Path(
      long seen, long dropped, long duplicated, long reordered, long delayed, long failed) {

    @Override
    public String toString() {
      return String.format(
          "%d seen, %d dropped, %d duplicated, %d reordered, %d delayed, %d failed",
          seen, dropped, duplicated, reordered, delayed, failed);
    }
  }

  @Override
  public String toString() {
    return "out: " + outgoing + "; in: " + incoming;
  }
}
