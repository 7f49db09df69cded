package com.example.library.catalog;

/** Who wrote a book. */
public record Author(String givenName, String familyName) {
  public String displayName() {
    return familyName + ", " + givenName;
  }

  public String initials() {
    return givenName.charAt(0) + "." + familyName.charAt(0) + ".";
  }
}
