package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpchat.server.ChatServerCommand;

/**
 * Servers as an operator starts them, with the default data folder: one room's folder has one
 * server at a time, and two rooms run side by side.
 */
@Timeout(90)
public class DataFolderProcessTest {

  static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path folder;

  JavaProcess server(String... args) throws Exception {
    List<String> jvm =
        List.of(JavaProcess.consoleLogging(folder), "-Dudpchat.home=" + folder.resolve("home"));
    String[] all = new String[args.length + 5];
    System.arraycopy(
        new String[] {"--bind", "127.0.0.1", "--port", "0", "--no-discovery"}, 0, all, 0, 5);
    System.arraycopy(args, 0, all, 5, args.length);
    return JavaProcess.start(jvm, ChatServerCommand.class, all);
  }

  static int port(JavaProcess server) {
    Matcher listening = LISTENING.matcher(server.awaitOutput("listening on"));
    assertThat(listening.find()).isTrue();
    return Integer.parseInt(listening.group(1));
  }

  @Test
  void aSecondServerOfOneRoomRefusesInOneLineAndAnotherRoomRunsBesideIt() throws Exception {
    try (JavaProcess first = server()) {
      int port = port(first);
      Path data = folder.resolve("home/server/udpchat");

      try (JavaProcess second = server()) {
        assertThat(second.awaitExit()).isEqualTo(1);
        List<String> said =
            second.output.stream().filter(line -> line.startsWith("chat-server:")).toList();
        assertThat(said)
            .containsExactly(
                "chat-server: the data folder "
                    + data
                    + " is in use by another server (pid "
                    + first.pid()
                    + ", UDP 127.0.0.1:"
                    + port
                    + "): give each server its own --data folder, or stop that one first");
        assertThat(second.output).noneMatch(line -> line.contains("\tat "));
      }

      try (JavaProcess dev = server("--room", "dev")) {
        port(dev); // started: its own folder
        assertThat(folder.resolve("home/server/dev/room.log")).exists();
      }
      assertThat(Files.readString(data.resolve("lock"))).contains("pid " + first.pid());
    }
  }

  @Test
  void aKilledServersFolderIsFreeForTheNext() throws Exception {
    JavaProcess first = server();
    port(first);
    first.signal("KILL"); // the operating system lets the lock go with the process
    first.awaitExit();
    try (JavaProcess next = server()) {
      port(next);
    }
  }
}
