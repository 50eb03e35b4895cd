package udpchat.bench.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the target of a run as a child process: the chat server, with the options every bench run
 * needs, or the raw {@link Reflector} with the members' addresses.
 */
public final class Targets {

  private final List<String> serverArgs;
  private final Path scratch;

  /**
   * @param serverArgs more options for every server started (for example a new tuning flag)
   * @param scratch a folder for the servers' journals and the reflector's address lists
   */
  public Targets(List<String> serverArgs, Path scratch) {
    this.serverArgs = serverArgs;
    this.scratch = scratch;
  }

  /**
   * A chat server on a port of its choosing, with a fresh data folder, room for {@code members}
   * from the one address, the {@code --timeout} {@code serverTimeout}, and a share {@code loss} of
   * datagrams dropped at its socket ({@code --simulate-loss}); its heap is {@code run.sh}'s for
   * those options ({@link ServerHeap}).
   */
  public ChildProcess server(int members, Duration serverTimeout, double loss) throws IOException {
    Path data = Files.createTempDirectory(scratch, "server-");
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--data",
            data.toString(),
            "--no-discovery",
            "--timeout",
            serverTimeout.toMillis() + "ms",
            // The members all send from 127.0.0.1: the per-address flood limit would hold them
            // to one client's share; and the room must hold them all, from the one address.
            "--rate-limit",
            "0",
            "--max-members",
            String.valueOf(Math.max(members, 1)),
            "--max-per-address",
            String.valueOf(Math.max(members, 1))));
    if (loss > 0) {
      args.addAll(List.of("--simulate-loss", String.valueOf(loss), "--simulate-seed", "5"));
    }
    args.addAll(serverArgs);
    return ChildProcess.start(
        "server", List.of(ServerHeap.option(args)), "udpchat.server.ChatServerCommand", args);
  }

  /** A reflector that sends what it receives to the members at {@code memberPorts}. */
  public ChildProcess reflector(List<Integer> memberPorts) throws IOException {
    Path targets = Files.createTempFile(scratch, "reflector-", ".txt");
    List<String> lines = new ArrayList<>();
    memberPorts.forEach(port -> lines.add("127.0.0.1:" + port));
    Files.write(targets, lines);
    return ChildProcess.start(
        "reflector", List.of(), Reflector.class.getName(), List.of(targets.toString()));
  }
}
