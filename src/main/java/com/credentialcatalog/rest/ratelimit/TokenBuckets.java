package com.credentialcatalog.rest.ratelimit;

import com.credentialcatalog.config.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client key, held in memory by each replica. A bucket holds up to
 * requestsPerMinute tokens and refills at requestsPerMinute per minute; a request takes one.
 */
@ApplicationScoped
public class TokenBuckets {

  /** The outcome of taking a token: whether allowed, what is left, seconds until full/next token. */
  public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {}

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
    int limit = config.rateLimit().requestsPerMinute();
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
      boolean allowed = bucket.tokens >= 1;
      if (allowed) {
        bucket.tokens -= 1;
      }
      long reset = (long) Math.ceil((limit - bucket.tokens) / perNano / 1e9);
      long retryAfter = allowed ? 0 : (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9);
      return new Decision(allowed, limit, (long) Math.floor(bucket.tokens), reset, Math.max(1, retryAfter));
    }
  }
}
