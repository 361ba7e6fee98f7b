package com.credentialcatalog.caching;

import com.credentialcatalog.config.CatalogConfig;
import com.credentialcatalog.observability.CatalogMetrics;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import io.micrometer.core.instrument.Counter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;

/**
 * Answers to popular reads, kept in memory under their revision tag (catalog revision + normalized
 * request, {@link ConditionalReads}). A write moves the revision, so a stale entry is never served;
 * the first answer kept under a newer revision drops the older ones at once, so they do not crowd
 * out the new revision's answers. Bounded ({@code catalog.cache.max-entries}, 0 = off) and per
 * replica.
 *
 * <p>Caffeine rather than a synchronized map: a hit is a lock-free read, and hits, misses and
 * evictions reach {@code catalog.cache.requests} / {@code catalog.cache.evictions} through its
 * statistics hook, with counters registered once.
 */
@ApplicationScoped
public class ResponseCache {

  /**
   * A cached answer: the body, its media type, its Link header (may be null) and, for a single
   * resource, its own strong ETag (null: the answer carries the revision tag it is kept under).
   */
  public record Entry(Object entity, MediaType mediaType, String link, EntityTag etag) {}

  /** Null when the cache is off. */
  private final Cache<String, Entry> entries;

  /** The newest revision an answer was kept under; only the miss path writes it. */
  private volatile long revision = -1;

  public ResponseCache(CatalogConfig config, CatalogMetrics metrics) {
    int maxEntries = config.cache().maxEntries();
    if (maxEntries <= 0) {
      this.entries = null;
      return;
    }
    MetricsStats stats = new MetricsStats(metrics);
    this.entries = Caffeine.newBuilder().maximumSize(maxEntries).recordStats(() -> stats).build();
    metrics.cacheSize(CatalogMetrics.RESPONSE_CACHE, entries, Cache::estimatedSize);
  }

  public boolean enabled() {
    return entries != null;
  }

  /** The answer kept under a revision tag, or null; counted as a hit or a miss when enabled. */
  public Entry get(String tag) {
    return entries == null ? null : entries.getIfPresent(tag);
  }

  /** Keeps an answer under its revision tag; does nothing when the cache is off. */
  public void put(String tag, Entry entry) {
    if (entries == null) {
      return;
    }
    long of = revisionOf(tag);
    if (of > revision) {
      revision = of;
      // Keys of older revisions can never be asked for again; without this they would only leave
      // by eviction, and a frequency-based policy keeps often-hit old answers the longest.
      entries.asMap().keySet().removeIf(key -> revisionOf(key) < of);
    }
    entries.put(tag, entry);
  }

  /**
   * The revision in a tag of the form {@code r<revision>-<hash>} ({@link ConditionalReads}); -1 for
   * any other key, which is then never dropped for a newer revision.
   */
  static long revisionOf(String tag) {
    int dash = tag.indexOf('-');
    if (!tag.startsWith("r") || dash < 2) {
      return -1;
    }
    try {
      return Long.parseLong(tag, 1, dash, 10);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Caffeine's statistics, counted straight into the catalog's metrics (registered once). */
  private static final class MetricsStats implements StatsCounter {
    private final Counter hits;
    private final Counter misses;
    private final Counter evictions;

    MetricsStats(CatalogMetrics metrics) {
      this.hits = metrics.cacheRequests(CatalogMetrics.RESPONSE_CACHE, "hit");
      this.misses = metrics.cacheRequests(CatalogMetrics.RESPONSE_CACHE, "miss");
      this.evictions = metrics.cacheEvictions(CatalogMetrics.RESPONSE_CACHE);
    }

    @Override
    public void recordHits(int count) {
      hits.increment(count);
    }

    @Override
    public void recordMisses(int count) {
      misses.increment(count);
    }

    @Override
    public void recordLoadSuccess(long loadTime) {
      // Never loads: answers are put by the response filter.
    }

    @Override
    public void recordLoadFailure(long loadTime) {
      // Never loads: answers are put by the response filter.
    }

    @Override
    public void recordEviction(int weight, RemovalCause cause) {
      evictions.increment();
    }

    @Override
    public CacheStats snapshot() {
      return CacheStats.of(
          (long) hits.count(),
          (long) misses.count(),
          0,
          0,
          0,
          (long) evictions.count(),
          (long) evictions.count());
    }
  }
}
