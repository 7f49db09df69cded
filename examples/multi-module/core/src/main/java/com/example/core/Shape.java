package com.example.core;

/** A closed set of shapes: records behind a sealed interface. */
public sealed interface Shape permits Shape.Circle, Shape.Square {
  record Circle(double radius) implements Shape {}

  record Square(double side) implements Shape {}

  static double area(Shape s) {
    if (s instanceof Circle c) {
      return Math.PI * c.radius() * c.radius();
    }
    Square q = (Square) s;
    return q.side() * q.side();
  }
}
