package com.credentialcatalog.rest;

/**
 * Text the catalog can store. PostgreSQL refuses U+0000 in {@code text} (SQLState 22021), which
 * turned any NUL in a slug, filter or body into a 500; an unpaired UTF-16 surrogate cannot be
 * encoded as UTF-8 and would be stored as '?'. Both are refused at the edge, naming the field.
 */
public final class StoredText {

  private StoredText() {}

  /** Why {@code value} cannot be stored, or null when it can. */
  public static String problem(String value) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\u0000') {
        return "must not contain the NUL character (U+0000)";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        return "must be valid Unicode text (it contains an unpaired surrogate)";
      }
      if (Character.isLowSurrogate(c)) {
        return "must be valid Unicode text (it contains an unpaired surrogate)";
      }
    }
    return null;
  }
}
