package dev.selfheal.cli;

import dev.selfheal.model.SelfhealVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code selfheal --version}: the version Maven wrote into the jar. */
public final class Version implements IVersionProvider {
  public static String current() {
    return SelfhealVersion.current();
  }

  @Override
  public String[] getVersion() {
    return new String[] {"selfheal " + current()};
  }
}
