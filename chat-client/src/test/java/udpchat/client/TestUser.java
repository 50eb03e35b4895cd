package udpchat.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import udpchat.client.room.Roster;
import udpchat.client.session.SessionSnapshot;
import udpchat.client.view.Event;
import udpchat.client.view.StatusSink;
import udpchat.net.FaultCounts;
import udpchat.protocol.Drops;

/** A real client on a real socket, driven by typed lines, with what it showed kept for asserts. */
public final class TestUser implements AutoCloseable {

  static final Duration PATIENCE = Duration.ofSeconds(20);

  final String name;
  final ScriptedView view;
  private final ChatClient client;
  private final Thread input;
  private volatile int exitCode = -1;

  /** With a roster: the member list, presence notices and the status line's facts. */
  final Roster roster = new Roster();

  private TestUser(ClientConfig config, boolean withRoster) throws IOException {
    this(config, withRoster, new ScriptedView());
  }

  private TestUser(ClientConfig config, boolean withRoster, ScriptedView view) throws IOException {
    this.name = config.name();
    this.view = view;
    this.client =
        withRoster
            ? new ChatClient(config, view, Clock.systemUTC(), roster, StatusSink.NONE)
            : new ChatClient(config, view, Clock.systemUTC());
    this.input = new Thread(() -> exitCode = client.run(), "input-" + name);
  }

  /** As the command line makes it: timers on {@code timers}, shown times from {@code wall}. */
  private TestUser(ClientConfig config, Clock timers, Clock wall) throws IOException {
    this.name = config.name();
    this.view = new ScriptedView();
    this.client = new ChatClient(config, view, timers, wall, roster, StatusSink.NONE);
    this.input = new Thread(() -> exitCode = client.run(), "input-" + name);
  }

  /** A client whose timers and shown times read two clocks, in the room. */
  static TestUser joined(ClientConfig config, Clock timers, Clock wall) throws IOException {
    TestUser user = new TestUser(config, timers, wall);
    user.input.start();
    user.await(notice("joined "));
    return user;
  }

  /** A client whose terminal takes {@code drawTime} to draw each line, in the room. */
  static TestUser joinedWithSlowView(ClientConfig config, Duration drawTime) throws IOException {
    TestUser user = new TestUser(config, false, new ScriptedView(drawTime));
    user.input.start();
    user.await(notice("joined "));
    return user;
  }

  /** The lines its view dropped because the terminal fell too far behind. */
  long linesNotShown() {
    return client.linesNotShown();
  }

  /** Starts a client and waits until it is in the room. */
  static TestUser joined(InetSocketAddress server, String name) throws IOException {
    return joined(server, name, null);
  }

  static TestUser joined(InetSocketAddress server, String name, Duration heartbeat)
      throws IOException {
    TestUser user = started(server, name, heartbeat);
    user.await(notice("joined "));
    return user;
  }

  /** A client as the command line makes it: it keeps a roster and shows presence changes. */
  static TestUser joinedWithRoster(InetSocketAddress server, String name, Duration heartbeat)
      throws IOException {
    TestUser user = new TestUser(new ClientConfig(server, name, heartbeat), true);
    user.input.start();
    user.await(notice("joined "));
    return user;
  }

  static TestUser started(InetSocketAddress server, String name, Duration heartbeat)
      throws IOException {
    return started(new ClientConfig(server, name, heartbeat));
  }

  /** Starts a client as configured (with simulated faults, say) and waits until it is in. */
  static TestUser joined(ClientConfig config) throws IOException {
    TestUser user = started(config);
    user.await(notice("joined "));
    return user;
  }

  static TestUser started(ClientConfig config) throws IOException {
    TestUser user = new TestUser(config, false);
    user.input.start();
    return user;
  }

  void type(String line) {
    view.type(line);
  }

  /** Waits for an event that matches, and returns the first one. */
  Event await(Predicate<Event> matching) {
    return Awaitility.await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> view.events.stream().filter(matching).findFirst().orElse(null),
            event -> event != null);
  }

  /** The datagrams this client dropped, by reason. */
  Drops drops() {
    return client.drops();
  }

  /** What this client's simulated faults did. */
  FaultCounts faultCounts() {
    return client.faultCounts();
  }

  /** The client's session, for its counters. */
  SessionSnapshot session() {
    return client.session();
  }

  List<Event> events() {
    return List.copyOf(view.events);
  }

  /** Types quit and waits for the client's input loop to end; its exit status. */
  int quit() throws InterruptedException {
    type("quit");
    input.join(PATIENCE.toMillis());
    return exitCode;
  }

  @Override
  public void close() throws Exception {
    view.end();
    input.join(PATIENCE.toMillis());
    client.close();
  }

  static Predicate<Event> notice(String containing) {
    return e -> e.kind() == Event.Kind.NOTICE && e.text().contains(containing);
  }

  static Predicate<Event> error(String containing) {
    return e -> e.kind() == Event.Kind.ERROR && e.text().contains(containing);
  }

  /** A message of the user's that was not delivered, for a reason containing {@code reason}. */
  static Predicate<Event> failed(String reason) {
    return e -> e.kind() == Event.Kind.FAILED && e.text().contains(reason);
  }

  static Predicate<Event> message(String from, String text) {
    return e -> e.kind() == Event.Kind.MESSAGE && e.from().equals(from) && e.text().equals(text);
  }
}
