package dev.selfheal.llm;

/** The small JUnit 5 Maven project's pom the LLM tests build, for tests in other packages. */
public final class LlmHealITAccess {
  public static final String POM = LlmHealIT.POM;

  private LlmHealITAccess() {}
}
