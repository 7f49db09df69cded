package com.example.inventory.model;

/** Where an item is shelved; decides handling and labels. */
public enum Category {
  FRESH,
  FROZEN,
  DRY,
  HAZARDOUS;

  public String shelfLabel() {
    return switch (this) {
      case FRESH -> "chilled";
      case FROZEN -> "freezer";
      case DRY -> "ambient";
      case HAZARDOUS -> "locked cage";
    };
  }
}
