package dev.selfheal.breakage;

import java.io.IOException;
import java.util.List;

/**
 * Breaks a working project the way one kind of real commit does, at every place it can, and knows
 * the fix it expects. Built once and used by the recipe corpus, the eval's golden set and drill.
 */
public interface Operator {
  /** The kinds of breakage, as the corpus and the eval slice them. */
  enum Kind {
    DROP_IMPORT("drop-import"),
    RENAME_METHOD("rename-method"),
    MOVE_TYPE("move-type"),
    REMOVE_PARAMETER("remove-parameter"),
    REORDER_PARAMETERS("reorder-parameters"),
    ADD_PARAMETER("add-parameter"),
    CHANGE_OUTPUT("change-output"),
    REGRESS_OUTPUT("regress-output"),
    LINT_VIOLATION("lint-violation"),
    REMOVE_DEPENDENCY("remove-dependency"),
    LOGIC_REGRESSION("logic-regression");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  Kind kind();

  /** Every breakage this operator can make of the project, in a stable order. */
  List<Breakage> breakages(SourceTree project) throws IOException;
}
