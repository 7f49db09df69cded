package com.example.inventory.model;

/** A correction after a count: positive or negative. */
public record Adjustment(Sku sku, int delta, String reason) implements Movement {}
