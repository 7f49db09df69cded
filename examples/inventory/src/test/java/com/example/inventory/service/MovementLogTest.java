package com.example.inventory.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.inventory.model.Movement;
import com.example.inventory.model.Receipt;
import com.example.inventory.model.Shipment;
import com.example.inventory.model.Sku;
import java.util.List;
import org.junit.jupiter.api.Test;

class MovementLogTest {
  private final Sku rice = Sku.parse("RCE-0002");
  private final MovementLog log = new MovementLog();

  @Test
  void describesEachKind() {
    assertEquals("in 5 from Millers", log.describe(new Receipt(rice, 5, "Millers")));
    assertEquals("out 2 for B-9", log.describe(new Shipment(rice, 2, "B-9")));
    assertEquals(" | ", log.separator());
  }

  @Test
  void findsTheLargestShipment() {
    List<Movement> all =
        List.of(new Shipment(rice, 2, "B-9"), new Shipment(rice, 7, "B-10"), new Receipt(rice, 9, "M"));
    assertEquals("B-10", ((Shipment) log.largestShipment(all).orElseThrow()).orderId());
  }
}
