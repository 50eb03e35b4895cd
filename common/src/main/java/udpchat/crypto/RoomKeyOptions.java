package udpchat.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The room key options both programs share, as a picocli {@code @Mixin}: where the passphrase of a
 * private room comes from. A key file or the environment keeps it out of {@code ps} and the shell's
 * history; {@code --room-key} on the command line is for trying things out.
 */
public final class RoomKeyOptions {

  /** The environment variable read when neither option is given. */
  public static final String ENVIRONMENT = "UDPCHAT_ROOM_KEY";

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--room-key-file",
      paramLabel = "FILE",
      description =
          "Private room: the passphrase is the first line of FILE. Every datagram is then"
              + " encrypted and authenticated (AES-256-GCM, key from PBKDF2); only programs with"
              + " the same passphrase can join, read or speak. Also from the environment variable "
              + ENVIRONMENT
              + ".")
  Path file;

  @Option(
      names = "--room-key",
      paramLabel = "PASSPHRASE",
      description =
          "Private room, the passphrase given here. Warning: any user of this machine can read it"
              + " in the process list (ps); prefer --room-key-file or "
              + ENVIRONMENT
              + ".")
  String passphrase;

  /**
   * The key of the room, or null for an open room: from {@code --room-key-file}, {@code
   * --room-key}, or else the environment variable. Deriving it takes a fraction of a second.
   *
   * @throws ParameterException when both options are given, or the file cannot be read or is empty
   */
  public RoomKey roomKey() {
    return roomKey(System.getenv(ENVIRONMENT));
  }

  /** As {@link #roomKey()}, with the environment variable's value given (tests). */
  RoomKey roomKey(String environment) {
    if (file != null && passphrase != null) {
      throw refuse("give --room-key-file or --room-key, not both");
    }
    String secret;
    if (file != null) {
      secret = firstLine(file);
    } else if (passphrase != null) {
      secret = passphrase;
    } else if (environment != null && !environment.isEmpty()) {
      secret = environment;
    } else {
      return null;
    }
    if (secret.isEmpty()) {
      throw refuse(
          "the room key is empty" + (file != null ? " (the first line of " + file + ")" : ""));
    }
    return RoomKey.derive(secret.toCharArray());
  }

  private String firstLine(Path path) {
    try {
      warnIfOthersCanRead(path);
      List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
      return lines.isEmpty() ? "" : lines.get(0);
    } catch (IOException e) {
      throw refuse("cannot read --room-key-file " + path + ": " + e);
    }
  }

  /** A key file others can read is a shared secret shared too widely: say so (as ssh does). */
  private void warnIfOthersCanRead(Path path) throws IOException {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(path);
    } catch (UnsupportedOperationException e) {
      return; // not a POSIX file system: nothing to check
    }
    if (permissions.contains(PosixFilePermission.GROUP_READ)
        || permissions.contains(PosixFilePermission.OTHERS_READ)) {
      mixee
          .commandLine()
          .getErr()
          .println(
              "warning: other users can read the room key file "
                  + path
                  + " (chmod 600 "
                  + path
                  + ")");
    }
  }

  private ParameterException refuse(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }
}
