package com.credentialcatalog.query;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one cursor codec. A cursor holds the last row's sort value and id, plus a fingerprint of the
 * query it belongs to: a cursor replayed against another filter or sort is refused instead of
 * silently skipping rows. Opaque to clients (base64url) and sealed with an HMAC-SHA256 under {@code
 * catalog.cursor.secret}: a cursor with one character changed would otherwise decode to another
 * position and silently return a different page.
 *
 * @param value the last row's sort key as text, or null when that key was null
 */
public record Cursor(String queryFingerprint, String value, long id) {

  /** The configuration key of the secret; every replica of a deployment must share it. */
  public static final String SECRET_KEY = "catalog.cursor.secret";

  // 128 bits of HMAC-SHA256 are plenty against forgery of a page position and keep cursors short.
  private static final int TAG_BYTES = 16;
  private static final byte[] GENERATED = generated();
  private static volatile Key key;

  public String encode() {
    String raw = queryFingerprint + "\n" + id + "\n" + (value == null ? "\u0000" : value);
    byte[] body = raw.getBytes(StandardCharsets.UTF_8);
    byte[] tag = tag(body);
    byte[] sealed = Arrays.copyOf(body, body.length + TAG_BYTES);
    System.arraycopy(tag, 0, sealed, body.length, TAG_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
  }

  /**
   * Decodes and checks a cursor.
   *
   * @throws InvalidInputException when it is malformed, was altered, was sealed by a deployment
   *     with another secret, or belongs to another query
   */
  public static Cursor decode(String encoded, String expectedFingerprint) {
    String raw;
    try {
      byte[] sealed = Base64.getUrlDecoder().decode(encoded);
      if (sealed.length <= TAG_BYTES) {
        throw new IllegalArgumentException();
      }
      byte[] body = Arrays.copyOf(sealed, sealed.length - TAG_BYTES);
      byte[] tag = Arrays.copyOfRange(sealed, sealed.length - TAG_BYTES, sealed.length);
      if (!MessageDigest.isEqual(tag, tag(body))) {
        throw InvalidInputException.of(
            "cursor",
            InvalidInputException.Kind.MALFORMED,
            "The cursor was altered or comes from another deployment; use the {nextCursor} of a previous page");
      }
      raw = new String(body, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
    String[] parts = raw.split("\n", 3);
    if (parts.length != 3) {
      throw malformed();
    }
    if (!parts[0].equals(expectedFingerprint)) {
      throw InvalidInputException.of(
          "cursor",
          InvalidInputException.Kind.INCONSISTENT,
          "The cursor belongs to a different filter or sort; start again without a cursor");
    }
    String value = parts[2].equals("\u0000") ? null : parts[2];
    try {
      return new Cursor(parts[0], value, Long.parseLong(parts[1]));
    } catch (NumberFormatException e) {
      throw malformed();
    }
  }

  private static InvalidInputException malformed() {
    return InvalidInputException.of(
        "cursor",
        InvalidInputException.Kind.MALFORMED,
        "Malformed cursor; use the {nextCursor} of a previous page");
  }

  private static byte[] tag(byte[] body) {
    Key current = currentKey();
    // A Mac per thread, kept while the key holds: looking up the provider and keying a Mac cost
    // more than the HMAC of a short cursor. doFinal leaves it ready for the next use.
    KeyedMac keyed = MACS.get();
    try {
      if (keyed == null || keyed.key() != current) {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(current.spec());
        keyed = new KeyedMac(current, mac);
        MACS.set(keyed);
      }
      return Arrays.copyOf(keyed.mac().doFinal(body), TAG_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private record KeyedMac(Key key, Mac mac) {}

  private static final ThreadLocal<KeyedMac> MACS = new ThreadLocal<>();

  /**
   * The configured secret, read on each use (a test profile or a dev-mode reload may change it) and
   * turned into a key only when it changed. Without one, a random secret of this JVM: cursors then
   * work on this replica until it restarts, which is why production should configure it.
   */
  private static SecretKeySpec specOf(String secret) {
    byte[] bytes = secret == null ? GENERATED : secret.getBytes(StandardCharsets.UTF_8);
    return new SecretKeySpec(bytes, "HmacSHA256");
  }

  private static Key currentKey() {
    String secret;
    try {
      secret =
          ConfigProvider.getConfig()
              .getOptionalValue(SECRET_KEY, String.class)
              .filter(s -> !s.isBlank())
              .orElse(null);
    } catch (IllegalStateException e) {
      secret = null; // no configuration outside a running application (plain unit tests)
    }
    Key current = key;
    if (current == null || !java.util.Objects.equals(current.secret(), secret)) {
      current = new Key(secret, specOf(secret));
      key = current;
    }
    return current;
  }

  private record Key(String secret, SecretKeySpec spec) {}

  private static byte[] generated() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
