package dev.selfheal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar. */
public final class Version implements IVersionProvider {
  public static String current() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/dev/selfheal/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {"selfheal " + current()};
  }
}
