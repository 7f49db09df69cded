package dev.selfheal.deliver;

import dev.selfheal.config.SelfhealConfig;
import dev.selfheal.github.PullRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether selfheal may propose a fix for these failures at all, decided before any work: respect a
 * person's "no" (a PR closed unmerged), stop after {@code max_attempts_per_fingerprint} heals, and
 * wait out {@code cooldown_minutes} after the last one.
 */
public final class ProposalGate {
  private ProposalGate() {}

  public sealed interface Decision {}

  /** Go ahead; {@code existing} is the open PR that already proposes a fix for them. */
  public record Proceed(Optional<PullRequest> existing) implements Decision {}

  public record Stop(String reason) implements Decision {}

  /**
   * @param prs selfheal's PRs, open and closed (their report blocks say which failures they fix)
   * @param ledger earlier attempts recorded on this machine, per fingerprint
   */
  public static Decision decide(
      Set<String> fingerprints,
      List<PullRequest> prs,
      Map<String, List<Instant>> ledger,
      SelfhealConfig.Delivery config,
      Instant now) {
    Optional<PullRequest> open = Optional.empty();
    int attempts = 0;
    Instant last = null;
    for (PullRequest pr : prs) {
      Set<String> covered = ReportBlock.fingerprints(pr.body());
      if (!intersects(covered, fingerprints)) {
        continue;
      }
      if (pr.closedUnmerged()) {
        return new Stop(
            "a person closed #"
                + pr.number()
                + " ("
                + pr.htmlUrl()
                + ") unmerged, which proposed a fix for the same failure; selfheal does not"
                + " propose it again");
      }
      if (pr.open() && open.isEmpty()) {
        open = Optional.of(pr);
      }
      Optional<ReportBlock.Attempts> a = ReportBlock.attempts(pr.body());
      if (a.isPresent() && pr.open()) {
        attempts = Math.max(attempts, a.get().count());
        last = later(last, a.get().last());
      }
    }
    for (String fp : fingerprints) {
      List<Instant> seen = ledger.getOrDefault(fp, List.of());
      attempts = Math.max(attempts, seen.size());
      for (Instant t : seen) {
        last = later(last, t);
      }
    }
    if (attempts >= config.maxAttemptsPerFingerprint()) {
      return new Stop(
          "this failure was healed "
              + attempts
              + " time(s) already (delivery.max_attempts_per_fingerprint: "
              + config.maxAttemptsPerFingerprint()
              + "); a person must look");
    }
    if (last != null) {
      Instant until = last.plus(Duration.ofMinutes(config.cooldownMinutes()));
      if (now.isBefore(until)) {
        return new Stop(
            "the last heal of this failure was at "
                + last
                + "; waiting out delivery.cooldown_minutes ("
                + config.cooldownMinutes()
                + ") until "
                + until);
      }
    }
    return new Proceed(open);
  }

  private static boolean intersects(Collection<String> a, Collection<String> b) {
    return a.stream().anyMatch(b::contains);
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }
}
