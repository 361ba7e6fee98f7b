package com.credentialcatalog.rest.caching;

import jakarta.ws.rs.core.EntityTag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one encoding of entity versions as HTTP entity tags. A single resource read with GET carries
 * a strong tag of its version and of the bytes sent ({@code "7-3f2a9c0d1e4b5a69"}); a write answers
 * with the bare version ({@code "7"}). {@code If-Match} accepts either: it compares the version,
 * the number before the dash. Lists and computed answers carry weak tags of the catalog revision
 * (see {@link ConditionalGetFilter}).
 */
public final class EntityTags {

  /** How the ETag of a single-resource GET is described to API readers. */
  public static final String GET_TAG_DESCRIPTION =
      "Strong entity tag: the version, a dash and a digest of the bytes sent."
          + " Send it back in If-Match to write (the version is compared) or in If-None-Match to revalidate (304 while unchanged).";

  private EntityTags() {}

  public static EntityTag of(long version) {
    return new EntityTag(Long.toString(version));
  }

  /**
   * The tag of a representation of {@code version}. The digest is there because a single resource
   * also shows rows it does not own (a program its provider's name, sources and recognition
   * evidence; an exam its test vendors' names): those change the bytes but not the version, and a
   * conditional GET must not keep the old bytes.
   */
  public static EntityTag ofRepresentation(String version, byte[] body) {
    return new EntityTag(version + "-" + sha256(body).substring(0, 16));
  }

  /**
   * The version an {@code If-Match} header names, or -1 when it names none we issued ("*" or a
   * foreign tag): the caller answers 412 for those, never a blind overwrite. The digest part of a
   * GET's tag is not compared: a write conflicts with writes to the same resource, not with changes
   * to what it merely shows.
   */
  public static long versionOf(String ifMatch) {
    if (ifMatch == null) {
      return -1;
    }
    String tag = ifMatch.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    int dash = tag.indexOf('-');
    if (dash > 0 && tag.substring(dash + 1).matches("[0-9a-f]{16}")) {
      tag = tag.substring(0, dash);
    }
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
