package com.credentialcatalog.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The catalog's own metrics, scraped with everything else at {@code /q/metrics}. Names are given in
 * Micrometer form; the Prometheus exposition turns {@code catalog.query.latency} into {@code
 * catalog_query_latency_seconds_*} and counters into {@code *_total}.
 *
 * <ul>
 *   <li>{@code catalog.query.latency} (timer; tags {@code surface} = rest|graphql, {@code
 *       operation}) — how long a read took. REST requests are timed by {@link RestQueryTimer};
 *       GraphQL resolvers call {@link #start()} and {@link #recordQuery}.
 *   <li>{@code catalog.cache.requests} (counter; tags {@code cache}, {@code result} = hit|miss).
 *       {@code cache} = {@value #RESPONSE_CACHE} counts the response cache's lookups (from its
 *       Caffeine statistics), {@value #CONDITIONAL_GET} the reads answered 304 from the revision.
 *   <li>{@code catalog.cache.evictions} (counter; tag {@code cache}) — entries a bounded cache
 *       dropped for room; {@code catalog.cache.size} (gauge; tag {@code cache}) — entries held.
 *   <li>{@code catalog.lookup.names} / {@code catalog.lookup.matched} (counters) — names asked for
 *       in recognition lookups and how many matched a program; {@code catalog.lookup.match.ratio}
 *       (gauge) is matched / names since start. For a windowed ratio, use {@code
 *       rate(catalog_lookup_matched_total[5m]) / rate(catalog_lookup_names_total[5m])}.
 *   <li>{@code catalog.ingest.items} (counter; tag {@code result} =
 *       created|updated|unchanged|rejected) — records seen by imports.
 * </ul>
 *
 * <p>Tag values must come from a small fixed set (an operation name, a cache name), never from
 * request data: every distinct value is a new time series.
 */
@Startup // so the fixed series below exist before the first query
@ApplicationScoped
public class CatalogMetrics {

  /** The {@code surface} of a query that came in over REST. */
  public static final String REST = "rest";

  /** The {@code surface} of a query that came in over GraphQL. */
  public static final String GRAPHQL = "graphql";

  /** The {@code cache} of the response cache's lookups. */
  public static final String RESPONSE_CACHE = "response";

  /** The {@code cache} of reads answered 304 Not Modified from the catalog revision alone. */
  public static final String CONDITIONAL_GET = "conditional-get";

  /** The results an import reports per item. */
  public static final List<String> INGEST_RESULTS =
      List.of("created", "updated", "unchanged", "rejected");

  private final MeterRegistry registry;
  private final Counter lookupNames;
  private final Counter lookupMatched;
  // Counters by cache name, registered once: the hit path of the caches is the catalog's hottest,
  // and building a meter id per lookup would allocate on it.
  private final Map<String, Counter> cacheHits = new ConcurrentHashMap<>();
  private final Map<String, Counter> cacheMisses = new ConcurrentHashMap<>();

  public CatalogMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.lookupNames =
        Counter.builder("catalog.lookup.names")
            .description("Credential names asked for in recognition lookups")
            .register(registry);
    this.lookupMatched =
        Counter.builder("catalog.lookup.matched")
            .description("Credential names in recognition lookups that matched a program")
            .register(registry);
    Gauge.builder("catalog.lookup.match.ratio", this, CatalogMetrics::matchRatio)
        .strongReference(true)
        .description(
            "Share of looked-up names that matched a program since start (NaN before the first lookup)")
        .register(registry);
    // Registered up front so dashboards and alerts see zeros instead of missing series.
    for (String result : INGEST_RESULTS) {
      ingestCounter(result);
    }
    for (String cache : List.of(RESPONSE_CACHE, CONDITIONAL_GET)) {
      cacheRequests(cache, "hit");
      cacheRequests(cache, "miss");
    }
  }

  /** Starts timing a query; pass the sample to {@link #recordQuery} when the answer is ready. */
  public Timer.Sample start() {
    return Timer.start(registry);
  }

  /**
   * Records the latency of one query.
   *
   * @param surface {@link #REST} or {@link #GRAPHQL}
   * @param operation a fixed name of what was asked, e.g. {@code ProgramResource.get} or the
   *     GraphQL field {@code programs}
   */
  public void recordQuery(String surface, String operation, Timer.Sample sample) {
    sample.stop(
        Timer.builder("catalog.query.latency")
            .description("Time to answer a catalog query, by surface and operation")
            .tag("surface", surface)
            .tag("operation", operation)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry));
  }

  /** Counts a cache lookup that found its entry. */
  public void cacheHit(String cache) {
    cacheRequests(cache, "hit").increment();
  }

  /** Counts a cache lookup that did not find its entry. */
  public void cacheMiss(String cache) {
    cacheRequests(cache, "miss").increment();
  }

  /**
   * The counter of one cache's lookups with one result, for a cache that counts by itself (the
   * response cache's statistics hold it). The same counter on every call.
   *
   * @param result {@code hit} or {@code miss}
   */
  public Counter cacheRequests(String cache, String result) {
    Map<String, Counter> counters =
        switch (result) {
          case "hit" -> cacheHits;
          case "miss" -> cacheMisses;
          default -> throw new IllegalArgumentException("result must be hit or miss: " + result);
        };
    Counter counter = counters.get(cache);
    return counter != null
        ? counter
        : counters.computeIfAbsent(
            cache,
            c ->
                Counter.builder("catalog.cache.requests")
                    .description("Cache lookups by cache and result")
                    .tag("cache", c)
                    .tag("result", result)
                    .register(registry));
  }

  /** The counter of entries a bounded cache dropped for room. */
  public Counter cacheEvictions(String cache) {
    return Counter.builder("catalog.cache.evictions")
        .description("Entries a bounded cache dropped for room, by cache")
        .tag("cache", cache)
        .register(registry);
  }

  /** Reports the number of entries a cache holds, read from it at each scrape. */
  public <T> void cacheSize(String cache, T source, ToDoubleFunction<T> size) {
    Gauge.builder("catalog.cache.size", source, size)
        .description("Entries held by a cache")
        .tag("cache", cache)
        .register(registry);
  }

  /**
   * Counts one recognition lookup.
   *
   * @param names how many credential names were asked for
   * @param matched how many of them matched a program
   */
  public void lookup(int names, int matched) {
    if (names < 0 || matched < 0 || matched > names) {
      throw new IllegalArgumentException("matched must be within 0.." + names + ": " + matched);
    }
    lookupNames.increment(names);
    lookupMatched.increment(matched);
  }

  /**
   * Counts records seen by an import.
   *
   * @param result one of {@link #INGEST_RESULTS}
   * @param count how many records had this result
   */
  public void ingest(String result, int count) {
    if (!INGEST_RESULTS.contains(result)) {
      throw new IllegalArgumentException("result must be one of " + INGEST_RESULTS + ": " + result);
    }
    if (count > 0) {
      ingestCounter(result).increment(count);
    }
  }

  private Counter ingestCounter(String result) {
    return Counter.builder("catalog.ingest.items")
        .description("Records seen by imports, by result")
        .tag("result", result)
        .register(registry);
  }

  private double matchRatio() {
    double names = lookupNames.count();
    return names == 0 ? Double.NaN : lookupMatched.count() / names;
  }
}
