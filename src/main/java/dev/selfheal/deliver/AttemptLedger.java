package dev.selfheal.deliver;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When each fingerprint was last proposed from this machine ({@code pr-attempts.json} in the state
 * directory), for {@code delivery.max_attempts_per_fingerprint} and {@code cooldown_minutes}.
 * Written under a file lock, whole or not at all; the PR's own attempts marker carries the same
 * across CI runners that do not keep their state.
 */
public final class AttemptLedger {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  public AttemptLedger(Path stateDir) {
    this.file = stateDir.resolve("pr-attempts.json");
  }

  public List<Instant> attempts(String fingerprint) throws IOException {
    return read().getOrDefault(fingerprint, List.of()).stream().map(Instant::parse).toList();
  }

  public void record(Collection<String> fingerprints, Instant when) throws IOException {
    Files.createDirectories(file.getParent());
    Path lockFile = file.resolveSibling("pr-attempts.lock");
    try (FileChannel ch =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      Map<String, List<String>> all = read();
      for (String fp : fingerprints) {
        all.computeIfAbsent(fp, k -> new ArrayList<>()).add(when.toString());
      }
      Path tmp = Files.createTempFile(file.getParent(), "pr-attempts", ".tmp");
      Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private Map<String, List<String>> read() throws IOException {
    if (!Files.exists(file)) {
      return new TreeMap<>();
    }
    try {
      return new TreeMap<>(
          JSON.readValue(file.toFile(), new TypeReference<Map<String, List<String>>>() {}));
    } catch (IOException e) {
      throw new IOException(
          file
              + " is not a selfheal attempts file ("
              + e.getMessage()
              + "); delete it to start over",
          e);
    }
  }
}
