package com.example.inventory.service;

import com.example.inventory.model.Adjustment;
import com.example.inventory.model.Movement;
import com.example.inventory.model.Receipt;
import com.example.inventory.model.Shipment;
import java.util.List;
import java.util.Optional;

/** Describes movements for the audit trail. */
public final class MovementLog {
  public String describe(Movement movement) {
    if (movement instanceof Receipt r) {
      return "in " + r.quantity() + " from " + r.supplier();
    } else if (movement instanceof Shipment s) {
      return "out " + s.quantity() + " for " + s.orderId();
    } else if (movement instanceof Adjustment a) {
      return "adjusted " + a.delta() + ": " + a.reason();
    }
    throw new IllegalArgumentException("unknown movement " + movement);
  }

  public Optional<Movement> largestShipment(List<Movement> movements) {
    return movements.stream()
        .filter(m -> m instanceof Shipment)
        .min((a, b) -> Integer.compare(a.delta(), b.delta()));
  }

  public String separator() {
    return " | ";
  }
}
