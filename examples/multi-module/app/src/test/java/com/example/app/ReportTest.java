package com.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.core.Shape;
import org.junit.jupiter.api.Test;

class ReportTest {
  @Test
  void sumsAreas() {
    assertEquals(13.0, new Report().add(new Shape.Square(2)).add(new Shape.Square(3)).totalArea(), 1e-9);
  }
}
