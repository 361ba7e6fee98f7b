package com.credentialcatalog.caching;

import com.credentialcatalog.service.CatalogRevision;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The one rule of conditional reads, for REST (rest/caching/ConditionalGetFilter) and GraphQL
 * (graphql/DocumentGuard): an answer that depends only on the catalog, the request and today's date
 * carries a weak tag of the catalog revision and a digest of the normalized request. While nothing
 * in the catalog changes, the same request has the same answer, so {@code If-None-Match} is
 * answered 304 before anything runs, and the same tag keys the answer in {@link ResponseCache}.
 */
@ApplicationScoped
public class ConditionalReads {

  /** Every client revalidates (cheaply, with If-None-Match) before reusing a stored answer. */
  public static final String CACHE_CONTROL = "public, no-cache";

  private final CatalogRevision revision;
  private final Clock clock;

  public ConditionalReads(CatalogRevision revision, Clock clock) {
    this.revision = revision;
    this.clock = clock;
  }

  /**
   * A revision tag: its opaque value ({@code r<revision>-<digest>}, sent weak) and the time of the
   * change that made the revision, to seconds (null for a catalog never changed).
   */
  public record Tag(String value, Instant lastModified) {
    /** The ETag header value. */
    public String header() {
      return "W/\"" + value + "\"";
    }

    /** The Last-Modified header value, or null. */
    public String lastModifiedHeader() {
      return lastModified == null
          ? null
          : DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atZone(ZoneOffset.UTC));
    }

    /**
     * Whether the client's copy is current: {@code If-None-Match} when sent (RFC 9110 §13.2.2 lets
     * it override {@code If-Modified-Since}), else {@code If-Modified-Since}.
     */
    public boolean notModified(String ifNoneMatch, String ifModifiedSince) {
      return ifNoneMatch != null
          ? matches(ifNoneMatch, value)
          : notModifiedSince(ifModifiedSince, lastModified);
    }
  }

  /**
   * The tag of the answer to a request, read from the current catalog revision (one index-only
   * lookup in the database, so every replica gives the same tag).
   *
   * @param request the normalized request: everything the answer depends on besides the catalog and
   *     the date (method, path and parameters, document and variables, the Accept header)
   */
  public Tag tag(String request) {
    CatalogRevision.Revision current = revision.read();
    // Prices in force today are part of answers: the date is part of the tag.
    String key = request + " " + LocalDate.now(clock);
    // Seconds precision: that is all an HTTP date carries.
    Instant lastModified =
        current.changedAt() == null ? null : current.changedAt().truncatedTo(ChronoUnit.SECONDS);
    return new Tag("r" + current.seq() + "-" + sha256(key).substring(0, 16), lastModified);
  }

  /**
   * Weak comparison (RFC 9110 §13.1.2) of an If-None-Match header with an opaque tag value: opaque
   * tags equal, W/ ignored; "*" matches anything.
   */
  public static boolean matches(String ifNoneMatch, String tag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.equals("*")) {
        return true;
      }
      if (c.startsWith("W/")) {
        c = c.substring(2);
      }
      if (c.equals("\"" + tag + "\"")) {
        return true;
      }
    }
    return false;
  }

  /** True when the catalog has not changed since the client's copy (If-Modified-Since). */
  public static boolean notModifiedSince(String ifModifiedSince, Instant lastModified) {
    if (ifModifiedSince == null || lastModified == null) {
      return false;
    }
    try {
      Instant since =
          ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return !lastModified.isAfter(since);
    } catch (DateTimeParseException e) {
      return false; // an unreadable date is ignored, as RFC 9110 asks
    }
  }

  /** Lower-case hex SHA-256 of a text's UTF-8 bytes. */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
