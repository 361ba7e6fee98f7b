package com.credentialcatalog.rest.write;

import com.credentialcatalog.rest.caching.EntityTags;
import com.credentialcatalog.service.failure.MissingVersionException;

/** Reads the version a write is based on from its {@code If-Match} header. */
final class IfMatch {

  private IfMatch() {}

  /**
   * The version {@code If-Match} names; -1 for a tag this API never issued (the service then
   * answers 412, never a blind overwrite).
   *
   * @throws MissingVersionException (428) when the header is absent
   */
  static long required(String header, String what) {
    if (header == null || header.isBlank()) {
      throw new MissingVersionException(what);
    }
    return EntityTags.versionOf(header);
  }

  /** The version {@code If-Match} names, or null when there is no header. */
  static Long optional(String header) {
    return header == null || header.isBlank() ? null : EntityTags.versionOf(header);
  }
}
