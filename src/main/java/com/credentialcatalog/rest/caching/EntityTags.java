package com.credentialcatalog.rest.caching;

import jakarta.ws.rs.core.EntityTag;

/**
 * The one encoding of entity versions as HTTP entity tags. Single resources carry a strong tag of
 * their version ({@code "7"}); writes compare {@code If-Match} against it. Lists and computed
 * answers carry weak tags of the catalog revision (see {@link ConditionalGetFilter}).
 */
public final class EntityTags {

  private EntityTags() {}

  public static EntityTag of(long version) {
    return new EntityTag(Long.toString(version));
  }

  /**
   * The version an {@code If-Match} header names, or -1 when it names none we issued ("*" or a
   * foreign tag): the caller answers 412 for those, never a blind overwrite.
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
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
