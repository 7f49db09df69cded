package dev.selfheal.fix.logic;

import java.util.List;

/**
 * One kind of one-line logic fix, tried at a suspicious line: it proposes every change of its kind
 * there, most likely first, and knows nothing of tests (the worker judges them). Deterministic: the
 * same site gives the same changes in the same order; none leaves the text as it was. Never asked
 * about a test file.
 */
public interface RepairTemplate {
  /** e.g. {@code relational-operator}; the fix's strategy is {@code java/logic-repair:<id>}. */
  String id();

  /** One sentence a reviewer reads. */
  String description();

  /**
   * How often a fix of this kind is the right one, relative to the others (0..1]: it orders the
   * candidates together with the line's suspiciousness and the patch's size.
   */
  double prior();

  List<Mutation> at(Site site);
}
