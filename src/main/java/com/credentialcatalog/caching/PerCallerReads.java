package com.credentialcatalog.caching;

import java.util.List;

/**
 * The one rule of which reads belong to one caller rather than to the catalog: their answers change
 * without the catalog revision moving and must never be shared between callers. The
 * conditional-read rule ({@code rest/caching/ConditionalGetFilter}) therefore neither tags them
 * with the revision nor keeps them in {@link ResponseCache}, and they are sent with {@link
 * #CACHE_CONTROL} so that no shared cache (a CDN, a proxy) keeps them: webhook reads by {@code
 * rest/write/WebhookReadHeaders}, admin reads by their resources.
 */
public final class PerCallerReads {

  /** Webhook subscriptions and their delivery logs. */
  public static final String WEBHOOKS = "/api/v1/webhooks";

  /** Administration (trusted GraphQL documents, …): only catalog administrators may read it. */
  public static final String ADMIN = "/api/v1/admin";

  /** What per-caller reads are sent with: no shared cache keeps them, no cache stores them. */
  public static final String CACHE_CONTROL = "private, no-store";

  private static final List<String> PREFIXES = List.of(WEBHOOKS, ADMIN);

  private PerCallerReads() {}

  /** Whether a request path (raw, without query) is a per-caller read's. */
  public static boolean covers(String path) {
    if (path == null) {
      return false;
    }
    for (String prefix : PREFIXES) {
      if (path.equals(prefix) || path.startsWith(prefix + "/")) {
        return true;
      }
    }
    return false;
  }
}
