package dev.selfheal.detect;

import java.util.List;

/**
 * A cap on what one parser keeps. A log can repeat a failure without end (a retry loop, a flapping
 * test); memory stays bounded by this cap, never by the log.
 */
public final class Findings {
  public static final int MAX_PER_PARSER = 2_000;

  private Findings() {}

  /** True when the parser should not even assemble another finding. */
  public static boolean full(List<?> list) {
    return list.size() >= MAX_PER_PARSER;
  }

  public static <T> void add(List<T> list, T item) {
    if (list.size() < MAX_PER_PARSER) {
      list.add(item);
    }
  }
}
