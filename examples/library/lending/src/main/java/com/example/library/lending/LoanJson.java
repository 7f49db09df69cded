package com.example.library.lending;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Loans as JSON for the library's other systems. */
public final class LoanJson {
  private final ObjectMapper mapper = new ObjectMapper();

  public String toJson(Loan loan) {
    ObjectNode node = mapper.createObjectNode();
    node.put("title", loan.holding().book().title());
    node.put("card", loan.member().cardNumber());
    node.put("due", loan.due().toString());
    return node.toString();
  }
}
