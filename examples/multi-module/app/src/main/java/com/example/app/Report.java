package com.example.app;

import com.example.core.Shape;
import java.util.ArrayList;
import java.util.List;

/** Sums the areas of the shapes it is given. */
public final class Report {
  private final List<Shape> shapes = new ArrayList<>();

  public Report add(Shape s) {
    shapes.add(s);
    return this;
  }

  public double totalArea() {
    return shapes.stream().mapToDouble(Shape::area).sum();
  }
}
