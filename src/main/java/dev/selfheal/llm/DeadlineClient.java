package dev.selfheal.llm;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * An overall deadline on every model call, the body included (the JDK client's own timeout ends
 * when the headers arrive, so a provider that sends them and then stalls would hold a heal for
 * good), and a time budget for all the calls of one heal. A call past its deadline is abandoned on
 * a daemon thread, which the stalled connection ends or the JVM's exit does.
 */
final class DeadlineClient implements ChatClient {
  private final ChatClient inner;
  private final Duration perCall;
  private final long budgetEndNanos;
  private final Duration budget;
  private final LongSupplier nanos;

  DeadlineClient(ChatClient inner, Duration perCall, Duration budget, LongSupplier nanos) {
    this.inner = inner;
    this.perCall = perCall;
    this.budget = budget;
    this.nanos = nanos;
    this.budgetEndNanos = nanos.getAsLong() + budget.toNanos();
  }

  static DeadlineClient of(ChatClient inner, Duration perCall, Duration budget) {
    return new DeadlineClient(inner, perCall, budget, System::nanoTime);
  }

  @Override
  public Reply complete(Request r) throws LlmException {
    long left = budgetEndNanos - nanos.getAsLong();
    if (left <= 0) {
      throw new LlmException(
          "the LLM time budget of this heal ("
              + budget.toSeconds()
              + " s, llm.max_seconds_per_heal) is spent; no further model calls",
          false);
    }
    long limit = Math.min(perCall.toNanos(), left);
    CompletableFuture<Reply> call = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                call.complete(inner.complete(r));
              } catch (Throwable e) {
                call.completeExceptionally(e);
              }
            },
            "selfheal-llm-call");
    t.setDaemon(true);
    t.start();
    try {
      return call.get(limit, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      t.interrupt();
      boolean budgetBound = limit < perCall.toNanos();
      throw new LlmException(
          budgetBound
              ? "the LLM time budget of this heal ("
                  + budget.toSeconds()
                  + " s, llm.max_seconds_per_heal) ran out during a model call"
              : "the model provider did not finish its answer within "
                  + perCall.toSeconds()
                  + " s (llm.call_timeout_seconds)",
          !budgetBound,
          e);
    } catch (InterruptedException e) {
      t.interrupt();
      Thread.currentThread().interrupt();
      throw new LlmException("interrupted while the model answered", false, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof LlmException le) {
        throw le;
      }
      if (cause instanceof RuntimeException re) {
        throw LangChainClient.classify(re);
      }
      throw new LlmException("the model call failed: " + cause, false, cause);
    }
  }

  @Override
  public String model() {
    return inner.model();
  }

  @Override
  public String provider() {
    return inner.provider();
  }
}
