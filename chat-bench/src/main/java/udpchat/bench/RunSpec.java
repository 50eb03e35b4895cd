package udpchat.bench;

import java.time.Duration;

/**
 * One run of a scenario: who the members talk to, how many, and the load.
 *
 * @param scenario the scenario's name, for the report
 * @param target {@code server}, {@code reflector}, or {@code attacked} (a server whose HTTP port a
 *     hostile client attacks meanwhile: {@code --http-attack})
 * @param members how many members
 * @param senders how many of them send
 * @param ratePerS messages per second offered by all senders together, 0 for the closed loop
 * @param window the closed loop's messages in flight per sender
 * @param size the bytes of a message's text
 * @param warmup sending before the measured window (the JIT's time; not counted)
 * @param duration the measured window (for presence: how long the members stay, pinging)
 * @param loss the share of datagrams the server drops at its socket ({@code --simulate-loss})
 * @param serverTimeout the server's {@code --timeout}; it asks for heartbeats every third of it
 * @param garbage garbage datagrams flooded at the server in the measured window ({@code garbage}
 *     target only): the window then starts with the flood and lasts until it is sent, {@code
 *     duration} at the least
 */
record RunSpec(
    String scenario,
    String target,
    int members,
    int senders,
    double ratePerS,
    int window,
    int size,
    Duration warmup,
    Duration duration,
    double loss,
    Duration serverTimeout,
    long garbage) {

  static final String SERVER = "server";
  static final String REFLECTOR = "reflector";
  static final String ATTACKED_SERVER = "attacked"; // fits the tables' target column
  static final String GARBAGE_SERVER = "garbage";

  boolean reflector() {
    return REFLECTOR.equals(target);
  }

  boolean httpAttacked() {
    return ATTACKED_SERVER.equals(target);
  }

  /** The same run against a server flooded with {@code count} garbage datagrams meanwhile. */
  RunSpec withGarbage(long count, Duration leastWindow) {
    return new RunSpec(
        scenario,
        GARBAGE_SERVER,
        members,
        senders,
        ratePerS,
        window,
        size,
        warmup,
        leastWindow,
        loss,
        serverTimeout,
        count);
  }

  RunSpec withTarget(String newTarget) {
    return new RunSpec(
        scenario,
        newTarget,
        members,
        senders,
        ratePerS,
        window,
        size,
        warmup,
        duration,
        loss,
        serverTimeout,
        garbage);
  }

  RunSpec withRate(double newRate) {
    return new RunSpec(
        scenario,
        target,
        members,
        senders,
        newRate,
        window,
        size,
        warmup,
        duration,
        loss,
        serverTimeout,
        garbage);
  }

  String load() {
    return ratePerS > 0
        ? String.format("%.0f msg/s", ratePerS)
        : "closed loop, " + window + "/sender";
  }
}
