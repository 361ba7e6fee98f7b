package com.credentialcatalog.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * The catalog's own metrics, scraped with everything else at {@code /q/metrics}. Names are given
 * in Micrometer form; the Prometheus exposition turns {@code catalog.query.latency} into
 * {@code catalog_query_latency_seconds_*} and counters into {@code *_total}.
 *
 * <ul>
 *   <li>{@code catalog.query.latency} (timer; tags {@code surface} = rest|graphql, {@code
 *       operation}) — how long a read took. REST requests are timed by {@link RestQueryTimer};
 *       GraphQL resolvers call {@link #start()} and {@link #recordQuery}.
 *   <li>{@code catalog.cache.requests} (counter; tags {@code cache}, {@code result} = hit|miss).
 *   <li>{@code catalog.lookup.names} / {@code catalog.lookup.matched} (counters) — names asked
 *       for in recognition lookups and how many matched a program; {@code
 *       catalog.lookup.match.ratio} (gauge) is matched / names since start. For a windowed ratio,
 *       use {@code rate(catalog_lookup_matched_total[5m]) / rate(catalog_lookup_names_total[5m])}.
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

  /** The results an import reports per item. */
  public static final List<String> INGEST_RESULTS =
      List.of("created", "updated", "unchanged", "rejected");

  private final MeterRegistry registry;
  private final Counter lookupNames;
  private final Counter lookupMatched;

  public CatalogMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.lookupNames = Counter.builder("catalog.lookup.names")
        .description("Credential names asked for in recognition lookups")
        .register(registry);
    this.lookupMatched = Counter.builder("catalog.lookup.matched")
        .description("Credential names in recognition lookups that matched a program")
        .register(registry);
    Gauge.builder("catalog.lookup.match.ratio", this, CatalogMetrics::matchRatio)
        .strongReference(true)
        .description("Share of looked-up names that matched a program since start (NaN before the first lookup)")
        .register(registry);
    // Registered up front so dashboards and alerts see zeros instead of missing series.
    for (String result : INGEST_RESULTS) {
      ingestCounter(result);
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
    sample.stop(Timer.builder("catalog.query.latency")
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
    cacheCounter(cache, "hit").increment();
  }

  /** Counts a cache lookup that did not find its entry. */
  public void cacheMiss(String cache) {
    cacheCounter(cache, "miss").increment();
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

  private Counter cacheCounter(String cache, String result) {
    return Counter.builder("catalog.cache.requests")
        .description("Cache lookups by cache and result")
        .tag("cache", cache)
        .tag("result", result)
        .register(registry);
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
