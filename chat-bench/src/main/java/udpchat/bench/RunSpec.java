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
    Duration serverTimeout) {

  static final String SERVER = "server";
  static final String REFLECTOR = "reflector";
  static final String ATTACKED_SERVER = "attacked"; // fits the tables' target column

  boolean reflector() {
    return REFLECTOR.equals(target);
  }

  boolean httpAttacked() {
    return ATTACKED_SERVER.equals(target);
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
        serverTimeout);
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
        serverTimeout);
  }

  String load() {
    return ratePerS > 0
        ? String.format("%.0f msg/s", ratePerS)
        : "closed loop, " + window + "/sender";
  }
}
