package com.example.shop.auth;

import java.util.List;

/** A session token and the scopes it grants. */
public record Token(String value, List<String> scopes) {
  public boolean allows(String scope) {
    return scopes.contains(scope);
  }
}
