package udpchat.server.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.files.PrivateFiles;
import udpchat.files.UdpchatHome;

/**
 * Where a server keeps its room when {@code --data} is not given: a folder per room under the
 * udpchat home, {@code ~/.udpchat/server/ROOM/}, so two rooms run side by side with the defaults
 * (and two servers of one room are kept apart by the {@link DataFolder} lock).
 *
 * <p>Before 1.0 every room's default was {@code ~/.udpchat/server/} itself. A journal found there
 * is adopted once by the default room ({@value #DEFAULT_ROOM}), moved into its folder; a server of
 * another room says how to move it, as only its owner knows which room it was.
 */
public final class DefaultDataFolder {

  private static final Logger log = LoggerFactory.getLogger(DefaultDataFolder.class);

  static final String DEFAULT_ROOM = "udpchat";

  private DefaultDataFolder() {}

  /** The udpchat home: {@code -Dudpchat.home}, else {@code ~/.udpchat} of the user's $HOME. */
  public static Path home() {
    return UdpchatHome.folder();
  }

  /** The default data folder of {@code room} under {@code home}, an older journal moved into it. */
  public static Path of(Path home, String room) throws IOException {
    Path server = home.resolve("server");
    Path folder = server.resolve(fileName(room));
    Path legacy = server.resolve(Journal.FILE_NAME);
    if (Files.isRegularFile(legacy)) {
      Path target = folder.resolve(Journal.FILE_NAME);
      if (room.equals(DEFAULT_ROOM) && !Files.exists(target)) {
        PrivateFiles.createFolders(folder);
        Files.move(legacy, target, StandardCopyOption.ATOMIC_MOVE);
        log.info("moved the journal of an older version from {} to {}", legacy, target);
      } else {
        log.warn(
            "{} is an older version's journal, now unused: each room has a folder of its own; if"
                + " it is this room's, stop the server and move it: mv {} {}",
            legacy,
            legacy,
            target);
      }
    }
    return folder;
  }

  /**
   * {@code room} as a folder name: letters, digits, '-' and '_' as they are, every other byte of
   * its UTF-8 as %XX, so no two rooms share a folder and no name can climb out of it ("..", "/").
   */
  static String fileName(String room) {
    StringBuilder name = new StringBuilder();
    for (byte b : room.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_') {
        name.append(c);
      } else {
        name.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return name.toString();
  }
}
