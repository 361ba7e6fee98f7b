package com.credentialcatalog.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The one cursor codec. A cursor holds the last row's sort value and id, plus a fingerprint of the
 * query it belongs to: a cursor replayed against another filter or sort is refused instead of
 * silently skipping rows. Opaque to clients (base64url).
 *
 * @param value the last row's sort key as text, or null when that key was null
 */
public record Cursor(String queryFingerprint, String value, long id) {

  public String encode() {
    String raw = queryFingerprint + "\n" + id + "\n" + (value == null ? "\u0000" : value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes and checks a cursor.
   *
   * @throws InvalidQueryException when it is malformed or belongs to another query
   */
  public static Cursor decode(String encoded, String expectedFingerprint) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
      String[] parts = raw.split("\n", 3);
      if (parts.length != 3) {
        throw new IllegalArgumentException();
      }
      if (!parts[0].equals(expectedFingerprint)) {
        throw new InvalidQueryException("cursor",
            "The cursor belongs to a different filter or sort; start again without a cursor");
      }
      String value = parts[2].equals("\u0000") ? null : parts[2];
      return new Cursor(parts[0], value, Long.parseLong(parts[1]));
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException("cursor", "Malformed cursor; use the nextCursor of a previous page");
    }
  }
}
