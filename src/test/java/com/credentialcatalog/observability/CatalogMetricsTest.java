package com.credentialcatalog.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** What each recording method of {@link CatalogMetrics} does to the registry. */
class CatalogMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CatalogMetrics metrics = new CatalogMetrics(registry);

  @Test
  void shouldTimeQueriesBySurfaceAndOperation() {
    metrics.recordQuery(CatalogMetrics.GRAPHQL, "programs", metrics.start());
    metrics.recordQuery(CatalogMetrics.GRAPHQL, "programs", metrics.start());
    metrics.recordQuery(CatalogMetrics.REST, "ProgramResource.get", metrics.start());

    assertThat(
            registry
                .get("catalog.query.latency")
                .tags("surface", "graphql", "operation", "programs")
                .timer()
                .count())
        .isEqualTo(2);
    assertThat(
            registry
                .get("catalog.query.latency")
                .tags("surface", "rest", "operation", "ProgramResource.get")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void shouldCountCacheHitsAndMissesPerCache() {
    metrics.cacheHit("program-detail");
    metrics.cacheHit("program-detail");
    metrics.cacheMiss("program-detail");
    metrics.cacheMiss("facets");

    assertThat(cache("program-detail", "hit")).isEqualTo(2);
    assertThat(cache("program-detail", "miss")).isEqualTo(1);
    assertThat(cache("facets", "miss")).isEqualTo(1);
  }

  @Test
  void shouldDeriveTheLookupMatchRatio() {
    assertThat(ratio()).isNaN();

    metrics.lookup(4, 3);
    metrics.lookup(6, 2);

    assertThat(registry.get("catalog.lookup.names").counter().count()).isEqualTo(10);
    assertThat(registry.get("catalog.lookup.matched").counter().count()).isEqualTo(5);
    assertThat(ratio()).isEqualTo(0.5);
  }

  @Test
  void shouldRejectMoreMatchesThanNames() {
    assertThatThrownBy(() -> metrics.lookup(1, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldCountIngestedItemsByResult() {
    assertThat(ingest("rejected")).isZero();

    metrics.ingest("created", 12);
    metrics.ingest("unchanged", 3);
    metrics.ingest("created", 1);

    assertThat(ingest("created")).isEqualTo(13);
    assertThat(ingest("unchanged")).isEqualTo(3);
    assertThat(ingest("updated")).isZero();
    assertThatThrownBy(() -> metrics.ingest("deleted", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private double cache(String cache, String result) {
    return registry
        .get("catalog.cache.requests")
        .tags("cache", cache, "result", result)
        .counter()
        .count();
  }

  private double ingest(String result) {
    return registry.get("catalog.ingest.items").tags("result", result).counter().count();
  }

  private double ratio() {
    return registry.get("catalog.lookup.match.ratio").gauge().value();
  }
}
