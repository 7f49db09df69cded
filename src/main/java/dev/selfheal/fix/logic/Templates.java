package dev.selfheal.fix.logic;

import java.util.List;

/** Every repair template, the strongest first. */
public final class Templates {
  private Templates() {}

  public static List<RepairTemplate> all() {
    return List.of(
        new PartialRevert(),
        new RelationalOperator(),
        new OffByOne(),
        new ArithmeticOperator(),
        new NegateCondition(),
        new NullGuard(),
        new SwapArguments(),
        new MinMaxSwap(),
        new RemoveCondition(),
        new ReplaceVariable(),
        new ReplaceReturn());
  }
}
