package udpchat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What {@code -V} says: the program's name and the version in the pom, one for all three. */
public final class Version implements IVersionProvider {

  @Spec CommandSpec spec;

  /** The build's version, as the pom has it (Maven writes it into version.properties). */
  public static String number() {
    try (InputStream in = Version.class.getResourceAsStream("/udpchat/version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {(spec == null ? "udpchat" : spec.name()) + " " + number()};
  }
}
