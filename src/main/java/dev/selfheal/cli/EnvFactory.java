package dev.selfheal.cli;

import dev.selfheal.pipeline.Environment;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Builds commands with the run's {@link Environment} when they take one. */
final class EnvFactory implements CommandLine.IFactory {
  private final Environment env;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  EnvFactory(Environment env) {
    this.env = env;
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    try {
      Constructor<K> c = cls.getDeclaredConstructor(Environment.class);
      return c.newInstance(env);
    } catch (NoSuchMethodException e) {
      return fallback.create(cls);
    }
  }
}
