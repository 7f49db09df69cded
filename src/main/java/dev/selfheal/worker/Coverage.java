package dev.selfheal.worker;

import java.lang.reflect.Method;

/**
 * The JaCoCo agent attached to the worker, reached by reflection (its runtime is on the class path
 * only when selfheal asked for coverage): reset before a test, its execution data taken after.
 */
final class Coverage {
  private static Object agent;
  private static Method reset;
  private static Method data;

  private Coverage() {}

  static void reset(boolean wanted) throws ReflectiveOperationException {
    if (!wanted) {
      return;
    }
    if (agent == null) {
      Class<?> rt = Class.forName("org.jacoco.agent.rt.RT");
      agent = rt.getMethod("getAgent").invoke(null);
      Class<?> api = Class.forName("org.jacoco.agent.rt.IAgent");
      reset = api.getMethod("reset");
      data = api.getMethod("getExecutionData", boolean.class);
    }
    reset.invoke(agent);
  }

  static byte[] take() throws ReflectiveOperationException {
    return (byte[]) data.invoke(agent, true);
  }
}
