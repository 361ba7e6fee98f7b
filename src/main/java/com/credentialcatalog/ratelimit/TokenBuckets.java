package com.credentialcatalog.ratelimit;

import com.credentialcatalog.config.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client key, held in memory by each replica and shared by every surface (REST
 * and GraphQL draw on the same bucket). A bucket holds up to requestsPerMinute tokens and refills
 * at requestsPerMinute per minute; a request takes one, a GraphQL document as many as its size
 * warrants ({@link RateLimiter}).
 */
@ApplicationScoped
public class TokenBuckets {

  /**
   * The outcome of taking tokens: whether allowed, what is left, seconds until full/enough again.
   */
  public record Decision(
      boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {}

  private static final class Bucket {
    double tokens;
    long updatedNanos;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updatedNanos = now;
    }
  }

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final CatalogConfig config;
  private final LongSupplier nanoTime;

  @Inject
  public TokenBuckets(CatalogConfig config) {
    this(config, System::nanoTime);
  }

  TokenBuckets(CatalogConfig config, LongSupplier nanoTime) {
    this.config = config;
    this.nanoTime = nanoTime;
  }

  /** Takes a token for {@code key} if one is available. */
  public Decision take(String key) {
    return take(key, 1);
  }

  /**
   * Takes {@code cost} tokens for {@code key} if that many are available, else none. A cost above
   * the bucket's size is taken as a full bucket, so that every request can run at some point.
   */
  public Decision take(String key, long cost) {
    int limit = config.rateLimit().requestsPerMinute();
    double wanted = Math.max(1, Math.min(cost, limit));
    double perNano = limit / 60e9;
    long now = nanoTime.getAsLong();
    if (buckets.size() > config.rateLimit().maxClients()) {
      // Idle clients' buckets are full again anyway: forgetting them changes nothing for them.
      buckets.entrySet().removeIf(e -> now - e.getValue().updatedNanos > 60_000_000_000L);
    }
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit, now));
    synchronized (bucket) {
      bucket.tokens = Math.min(limit, bucket.tokens + (now - bucket.updatedNanos) * perNano);
      bucket.updatedNanos = now;
      boolean allowed = bucket.tokens >= wanted;
      if (allowed) {
        bucket.tokens -= wanted;
      }
      long reset = (long) Math.ceil((limit - bucket.tokens) / perNano / 1e9);
      long retryAfter = allowed ? 0 : (long) Math.ceil((wanted - bucket.tokens) / perNano / 1e9);
      return new Decision(
          allowed, limit, (long) Math.floor(bucket.tokens), reset, Math.max(1, retryAfter));
    }
  }
}
