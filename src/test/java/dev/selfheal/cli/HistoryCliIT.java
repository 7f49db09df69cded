package dev.selfheal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selfheal.pipeline.Json;
import dev.selfheal.record.Attempt;
import dev.selfheal.record.History;
import dev.selfheal.redact.Redactor;
import dev.selfheal.testing.GitRepos;
import dev.selfheal.testing.Projects;
import dev.selfheal.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real heals (healed, refused, not healed) recorded, then `selfheal report`: on SQLite, on
 * PostgreSQL, and as an HTML page rendered by headless Chromium.
 */
class HistoryCliIT {
  @TempDir Path tmp;

  /** Three real heals of the demo shop: one healed, one refused by a guardrail, one not healed. */
  private void threeHeals(Map<String, String> env, Path state) throws Exception {
    Path healed = tmp.resolve("healed-" + System.nanoTime());
    Projects.copy("demo-shop", healed);
    GitRepos.commitAll(healed, "feat: cart");
    assertThat(CliRun.run(env, state, "heal", "--repo", healed.toString(), "--no-llm").exit())
        .isZero();

    Path refused = tmp.resolve("refused-" + System.nanoTime());
    Projects.copy("demo-shop", refused);
    GitRepos.commitAll(refused, "feat: cart");
    Path config = tmp.resolve("forbid.yml");
    Files.writeString(config, "safety:\n  forbidden_paths: [\"**/Cart.java\"]\n");
    CliRun r =
        CliRun.run(
            env,
            state,
            "heal",
            "--repo",
            refused.toString(),
            "--no-llm",
            "--config",
            config.toString());
    assertThat(r.err()).contains("status      rejected");

    Path notHealed = tmp.resolve("not-healed-" + System.nanoTime());
    Projects.copy("demo-shop", notHealed);
    Path cart = notHealed.resolve("src/main/java/com/example/shop/Cart.java");
    Files.writeString(
        cart,
        Files.readString(cart)
            .replace(
                "import java.util.ArrayList;",
                "import java.util.ArrayList;\nimport java.util.List;"));
    Path test = notHealed.resolve("src/test/java/com/example/shop/CartTest.java");
    Files.writeString(
        test, Files.readString(test).replace("assertEquals(270,", "assertEquals(280,"));
    GitRepos.commitAll(notHealed, "test: cart");
    CliRun n = CliRun.run(env, state, "heal", "--repo", notHealed.toString(), "--no-llm");
    assertThat(n.err()).contains("status      not_healed");
  }

  private static void assertCounts(JsonNode m) {
    assertThat(m.path("schema").asText()).isEqualTo("selfheal.metrics/v1");
    assertThat(m.path("attempts").asInt()).isEqualTo(3);
    assertThat(m.path("healed").asInt()).isEqualTo(1);
    assertThat(m.path("auto_fix_rate").asDouble())
        .isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(m.path("time_to_fix_ms").path("median").asLong()).isPositive();
    assertThat(m.path("time_to_pr_ms").path("median").isNull()).isTrue();
    assertThat(m.path("fix_accuracy").isNull()).isTrue();
    assertThat(m.path("false_positive_rate").isNull()).isTrue();
    JsonNode type = m.path("by_category").path("type_error");
    assertThat(type.path("attempts").asInt()).isEqualTo(2);
    assertThat(type.path("healed").asInt()).isEqualTo(1);
    assertThat(type.path("auto_fix_rate").asDouble()).isEqualTo(0.5);
    JsonNode tests = m.path("by_category").path("test_failure");
    assertThat(tests.path("attempts").asInt()).isEqualTo(1);
    assertThat(tests.path("auto_fix_rate").asDouble()).isZero();
  }

  @Test
  void reportGivesTheCountsAndRatesOfRealHealsOnSqliteAndTheHtmlShowsThem() throws Exception {
    Path state = tmp.resolve("state");
    threeHeals(Map.of(), state);
    CliRun json = CliRun.run(state, "report", "--json");
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode m = Json.mapper().readTree(json.out());
    assertCounts(m);
    CliRun table = CliRun.run(state, "report");
    assertThat(table.out()).contains("type_error").contains("33.3%");
    assertThat(CliRun.run(state, "report", "--until", "2000-01-01", "--json").out())
        .contains("\"attempts\" : 0");
    JsonNode dash = m;
    assertThat(dash.path("weeks")).hasSize(1);
    assertThat(dash.path("recent")).hasSize(3);
    assertThat(dash.path("by_repo").size()).isEqualTo(3);
    assertThat(CliRun.run(state, "report", "--since", "2999-01-01", "--json").out())
        .contains("\"attempts\" : 0");
    assertThat(CliRun.run(state, "report", "--since", "yesterday").exit()).isEqualTo(2);

    Path html = tmp.resolve("out/metrics.html");
    assertThat(CliRun.run(state, "report", "--html", html.toString()).exit()).isZero();
    renderedMatchesTheDatabase(html, state);
  }

  @Test
  void reportGivesTheSameOnPostgresql() throws Exception {
    Assumptions.assumeTrue(
        TestDatabases.postgresAvailable(), "no PostgreSQL (SELFHEAL_TEST_PG_URL)");
    Map<String, String> env = new HashMap<>(TestDatabases.freshPostgres().orElseThrow());
    Path state = tmp.resolve("state-pg");
    threeHeals(env, state);
    assertThat(Files.exists(state.resolve("selfheal/history.db"))).isFalse();
    CliRun json = CliRun.run(env, state, "report", "--json");
    assertThat(json.exit()).as(json.err()).isZero();
    assertCounts(Json.mapper().readTree(json.out()));
  }

  @Test
  void aHistoryThatCannotBeWrittenNeverCostsTheHeal() throws Exception {
    Path repo = tmp.resolve("shop");
    Projects.copy("demo-shop", repo);
    GitRepos.commitAll(repo, "feat: cart");
    Path report = tmp.resolve("report.json");
    CliRun r =
        CliRun.run(
            Map.of("SELFHEAL_DB_URL", "jdbc:postgresql://127.0.0.1:9/nowhere?connectTimeout=2"),
            tmp.resolve("state"),
            "heal",
            "--repo",
            repo.toString(),
            "--no-llm",
            "--report",
            report.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("not recorded in the history");
    JsonNode rep = Json.mapper().readTree(Files.readString(report));
    assertThat(rep.path("status").asText()).isEqualTo("healed");
    assertThat(rep.path("notices").toString()).contains("not recorded in the history");
  }

  /**
   * Opens the page in headless Chromium with JavaScript off and checks every drawn number against
   * the database; with JavaScript on, the page is the same (it has no script); a screenshot is
   * kept.
   */
  private void renderedMatchesTheDatabase(Path html, Path state) throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    Assumptions.assumeTrue(Files.isExecutable(chromium), "no Chromium at /usr/bin/chromium");
    List<String> flags =
        List.of(
            chromium.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + tmp.resolve("chromium-profile"));
    // The page blocks every script itself (its Content-Security-Policy: script-src 'none'), as
    // Jenkins' HTML Publisher and strict viewers do, and still shows every number.
    String page = Files.readString(html);
    assertThat(page)
        .contains("script-src 'none'")
        .doesNotContain("<script")
        .doesNotContain("onload");
    String dom = dump(flags, html, false);

    List<Attempt> recorded =
        History.open(
                Map.of("XDG_STATE_HOME", state.toString()),
                state.resolve("selfheal"),
                new Redactor(Map.of()))
            .attempts(null, null);
    // The auto-fix bars by category: one per category this week, healed / attempts as recorded.
    Map<String, int[]> expected = new HashMap<>();
    for (Attempt a : recorded) {
      int[] c = expected.computeIfAbsent(a.category().wire(), k -> new int[2]);
      c[0]++;
      c[1] += a.status() == dev.selfheal.model.Status.HEALED ? 1 : 0;
    }
    String byCategory = section(dom, "auto-fix-by-category");
    Matcher bar =
        Pattern.compile("data-series=\"([a-z_]+)\" data-label=\"[^\"]+\" data-value=\"([0-9.]+)\"")
            .matcher(byCategory);
    Map<String, Double> drawn = new HashMap<>();
    while (bar.find()) {
      drawn.put(bar.group(1), Double.parseDouble(bar.group(2)));
    }
    assertThat(drawn).hasSameSizeAs(expected);
    expected.forEach(
        (k, v) ->
            assertThat(drawn.get(k))
                .as(k)
                .isCloseTo((double) v[1] / v[0], org.assertj.core.data.Offset.offset(1e-3)));
    // Value labels: the numbers are on the bars themselves.
    assertThat(byCategory).contains(">50%<").contains(">0%<");
    // The time-to-fix histogram counts the one healed heal; the outcomes chart every status.
    Matcher ttf = Pattern.compile("data-value=\"([0-9.]+)\"").matcher(section(dom, "time-to-fix"));
    double total = 0;
    while (ttf.find()) {
      total += Double.parseDouble(ttf.group(1));
    }
    assertThat(total).isEqualTo(1.0);
    String outcomes = section(dom, "outcomes-by-strategy");
    assertThat(outcomes)
        .contains("data-series=\"rejected\"")
        .contains("data-series=\"not_healed\"");
    assertThat(dom)
        .containsPattern(
            "<tr data-row=\"all\"><th class=\"nw\">all</th><td class=\"nw\">3</td><td class=\"nw\">1</td><td class=\"nw\">33%</td>");
    assertThat(dom).contains("id=\"trend-auto-fix\"").contains("id=\"trend-regression\"");
    assertThat(section(dom, "recent").split("<tr><td", -1)).hasSize(4);
    assertThat(dom).contains("by selfheal " + dev.selfheal.model.SelfhealVersion.current());

    Path shot = Path.of("target", "report-screenshot.png");
    Path withScripts = tmp.resolve("report-with-scripts.png");
    Path allowed = tmp.resolve("scripts-allowed.html");
    Files.writeString(allowed, page.replace(dev.selfheal.record.HtmlReportAccess.CSP, ""));
    screenshot(flags, html, shot);
    screenshot(flags, allowed, withScripts);
    assertThat(Files.size(shot)).isGreaterThan(10_000);
    assertThat(Files.readAllBytes(withScripts))
        .as("looks the same with scripts on")
        .isEqualTo(Files.readAllBytes(shot));
  }

  private void screenshot(List<String> flags, Path html, Path png) throws Exception {
    Files.createDirectories(png.toAbsolutePath().getParent());
    List<String> cmd = new java.util.ArrayList<>(flags);
    cmd.addAll(
        List.of(
            "--screenshot=" + png.toAbsolutePath(),
            "--window-size=1200,2000",
            html.toUri().toString()));
    Process s = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    s.getInputStream().readAllBytes();
    assertThat(s.waitFor()).isZero();
  }

  private String dump(List<String> flags, Path html, boolean unused) throws Exception {
    List<String> dump = new java.util.ArrayList<>(flags);
    dump.addAll(List.of("--dump-dom", html.toUri().toString()));
    Process p = new ProcessBuilder(dump).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String dom = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).isZero();
    return dom;
  }

  /** The element with this id, from its opening tag to the end of its svg or table. */
  private static String section(String dom, String id) {
    int at = dom.indexOf("id=\"" + id + "\"");
    assertThat(at).as(id).isNotNegative();
    int svg = dom.indexOf("</svg>", at);
    int table = dom.indexOf("</table>", at);
    int end = svg < 0 ? table : table < 0 ? svg : Math.min(svg, table);
    return dom.substring(at, end);
  }
}
