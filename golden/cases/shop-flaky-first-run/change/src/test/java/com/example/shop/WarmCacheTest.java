package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WarmCacheTest {
  @Test
  void cacheIsWarm() throws Exception {
    Path marker = Path.of("target", "warm-cache-marker");
    boolean warm = Files.exists(marker);
    Files.createDirectories(marker.getParent());
    Files.writeString(marker, "warm");
    assertTrue(warm, "the cache was cold on this run");
  }
}
