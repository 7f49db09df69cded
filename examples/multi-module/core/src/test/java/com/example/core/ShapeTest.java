package com.example.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShapeTest {
  @Test
  void squareArea() {
    assertEquals(9.0, Shape.area(new Shape.Square(3)), 1e-9);
  }

  @Test
  void circleArea() {
    assertEquals(Math.PI, Shape.area(new Shape.Circle(1)), 1e-9);
  }
}
