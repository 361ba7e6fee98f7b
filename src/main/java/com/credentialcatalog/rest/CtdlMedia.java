package com.credentialcatalog.rest;

import com.credentialcatalog.service.ctdl.CtdlTerms;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;

/**
 * Which JSON-LD a client asks for: CTDL when an accepted {@code application/ld+json} names the CTDL
 * profile ({@code profile="https://credreg.net/ctdl/schema/"}), else whatever that resource served
 * before (schema.org for programs), so clients that send plain {@code application/ld+json} see no
 * change.
 */
final class CtdlMedia {

  /** The CTDL media type, as the answers' Content-Type. */
  static final MediaType CTDL = MediaType.valueOf(CtdlTerms.MEDIA_TYPE);

  static final String JSON_LD = "application/ld+json";

  private CtdlMedia() {}

  /** Whether the Accept header asks for JSON-LD in the CTDL profile. */
  static boolean wantsCtdl(String accept) {
    if (accept == null) {
      return false;
    }
    for (String part : accept.split(",")) {
      MediaType type;
      try {
        type = MediaType.valueOf(part.strip());
      } catch (IllegalArgumentException e) {
        continue; // an unreadable entry asks for nothing; the others still count
      }
      String profile = type.getParameters().get("profile");
      if ("application".equalsIgnoreCase(type.getType())
          && "ld+json".equalsIgnoreCase(type.getSubtype())
          && profile != null
          && Arrays.stream(profile.strip().split("\\s+")).anyMatch(CtdlMedia::isCtdlProfile)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The media type of a plain CTDL URL's answer: CTDL, or JSON to a client that takes only JSON.
   */
  static MediaType plainUrlAnswer(String accept) {
    if (accept == null || accept.isBlank()) {
      return CTDL;
    }
    for (String part : accept.split(",")) {
      String type = part.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
      if (type.equals(JSON_LD) || type.equals("*/*") || type.equals("application/*")) {
        return CTDL;
      }
    }
    return MediaType.APPLICATION_JSON_TYPE;
  }

  private static boolean isCtdlProfile(String uri) {
    String u = uri.replaceFirst("^http://", "https://");
    return u.equals(CtdlTerms.PROFILE) || u.equals(CtdlTerms.PROFILE.replaceAll("/$", ""));
  }
}
