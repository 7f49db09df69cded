package dev.selfheal.breakage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A reproducible sample of breakages: for each kind, up to {@code perKind}, taken in turn from each
 * source (project) after a seeded shuffle, so every project is represented and the same seed gives
 * the same sample.
 */
public final class Sampler {
  private Sampler() {}

  public static List<Breakage> sample(List<List<Breakage>> sources, int perKind, long seed) {
    if (perKind < 1) {
      throw new IllegalArgumentException("perKind must be at least 1, was " + perKind);
    }
    Map<Operator.Kind, List<List<Breakage>>> byKind = new EnumMap<>(Operator.Kind.class);
    for (List<Breakage> source : sources) {
      Map<Operator.Kind, List<Breakage>> mine = new EnumMap<>(Operator.Kind.class);
      for (Breakage b : source) {
        mine.computeIfAbsent(b.kind(), k -> new ArrayList<>()).add(b);
      }
      mine.forEach(
          (kind, list) -> {
            List<Breakage> shuffled = new ArrayList<>(list);
            Collections.shuffle(shuffled, new Random(seed ^ kind.ordinal()));
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(shuffled);
          });
    }
    List<Breakage> out = new ArrayList<>();
    byKind.forEach(
        (kind, lists) -> {
          int taken = 0;
          for (int round = 0; taken < perKind; round++) {
            boolean any = false;
            for (List<Breakage> l : lists) {
              if (round < l.size() && taken < perKind) {
                out.add(l.get(round));
                taken++;
                any = true;
              }
            }
            if (!any) {
              break;
            }
          }
        });
    return out;
  }
}
