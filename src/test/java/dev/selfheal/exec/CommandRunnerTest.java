package dev.selfheal.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {
  @TempDir Path dir;

  private CommandRunner runner;

  @org.junit.jupiter.api.BeforeEach
  void runner() {
    runner =
        new CommandRunner(
            Map.of(
                "PATH",
                System.getenv("PATH"),
                "HOME",
                dir.toString(),
                "GITHUB_TOKEN",
                "ghp_x",
                "OPENAI_API_KEY",
                "sk-y",
                "DB_PASSWORD",
                "hunter2",
                "SELFHEAL_DB_URL",
                "jdbc:x",
                "MY_SECRET_THING",
                "s",
                "KEEP_ME",
                "ok"),
            Clock.systemUTC());
  }

  @Test
  void outputGoesToTheFileAndTheExitCodeIsKept() throws Exception {
    CommandResult r =
        runner.run(
            CommandSpec.of(
                "echo hello; echo oops >&2; exit 4",
                dir,
                Duration.ofSeconds(10),
                dir.resolve("out.log")));
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.timedOut()).isFalse();
    assertThat(Files.readString(dir.resolve("out.log"))).isEqualTo("hello\noops\n");
  }

  @Test
  void secretsAreNotInTheChildsEnvironment() throws Exception {
    runner.run(CommandSpec.of("env", dir, Duration.ofSeconds(10), dir.resolve("env.log")));
    String env = Files.readString(dir.resolve("env.log"));
    assertThat(env)
        .contains("KEEP_ME=ok")
        .doesNotContain("GITHUB_TOKEN")
        .doesNotContain("OPENAI_API_KEY")
        .doesNotContain("DB_PASSWORD")
        .doesNotContain("SELFHEAL_DB_URL")
        .doesNotContain("MY_SECRET_THING");
  }

  @Test
  void aHangingCommandIsKilledWithItsWholeTree() throws Exception {
    Path pidFile = dir.resolve("grandchild.pid");
    CommandResult r =
        runner.run(
            CommandSpec.of(
                "sh -c 'sleep 300 & echo $! > " + pidFile + "; wait'",
                dir,
                Duration.ofMillis(1500),
                dir.resolve("o.log")));
    assertThat(r.timedOut()).isTrue();
    assertThat(r.passed()).isFalse();
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    Thread.sleep(200);
    assertThat(running(pid)).as("grandchild sleep killed").isFalse();
    assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void whatACommandLeftRunningIsKilledWhenItEnds() throws Exception {
    Path pids = dir.resolve("daemons.pid");
    CommandResult r =
        runner.run(
            CommandSpec.of(
                "setsid sh -c 'sleep 300' > /dev/null 2>&1 & echo $! >> "
                    + pids
                    + "; (sleep 301 > /dev/null 2>&1 & echo $! >> "
                    + pids
                    + "); echo done",
                dir,
                Duration.ofSeconds(20),
                dir.resolve("d.log")));
    assertThat(r.passed()).isTrue();
    assertThat(Files.readAllLines(pids)).hasSizeGreaterThanOrEqualTo(2);
    Thread.sleep(300);
    for (String pid : Files.readAllLines(pids)) {
      assertThat(running(Long.parseLong(pid.strip()))).as("left running: " + pid).isFalse();
    }
  }

  /**
   * Running, not merely present: in a container whose PID 1 does not reap, a killed child stays a
   * zombie.
   */
  private static boolean running(long pid) throws java.io.IOException {
    Path stat = Path.of("/proc/" + pid + "/stat");
    if (!Files.exists(stat)) {
      return false;
    }
    String s = Files.readString(stat);
    return s.charAt(s.lastIndexOf(')') + 2) != 'Z';
  }

  @Test
  void aFloodIsCappedOnDiskButCounted() throws Exception {
    CommandResult r =
        runner.run(
            CommandSpec.of(
                    "head -c 5000000 /dev/zero", dir, Duration.ofSeconds(20), dir.resolve("f.log"))
                .withMaxOutputBytes(100_000));
    assertThat(r.exitCode()).isZero();
    assertThat(r.outputBytes()).isEqualTo(5_000_000);
    assertThat(r.outputTruncated()).isTrue();
    assertThat(Files.size(dir.resolve("f.log"))).isEqualTo(100_000);
  }

  @Test
  void aMissingProgramIsAClearError() {
    assertThatThrownBy(
            () ->
                runner.run(
                    CommandSpec.of(
                        "mvnx -B verify", dir, Duration.ofSeconds(5), dir.resolve("x.log"))))
        .isInstanceOf(CommandNotFoundException.class)
        .hasMessageContaining("command not found: mvnx")
        .hasMessageContaining("--command");
    assertThatThrownBy(
            () ->
                runner.run(
                    CommandSpec.of(
                        "./gradlew check", dir, Duration.ofSeconds(5), dir.resolve("x.log"))))
        .isInstanceOf(CommandNotFoundException.class)
        .hasMessageContaining("./gradlew");
  }

  @Test
  void stdinIsEmptySoAPromptDoesNotHang() throws Exception {
    CommandResult r =
        runner.run(
            CommandSpec.of(
                "read x; echo got:$x", dir, Duration.ofSeconds(5), dir.resolve("r.log")));
    assertThat(r.timedOut()).isFalse();
    assertThat(Files.readString(dir.resolve("r.log"))).isEqualTo("got:\n");
  }
}
