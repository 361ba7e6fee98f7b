package com.credentialcatalog.caching;

import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.config.CatalogConfig;
import com.credentialcatalog.observability.CatalogMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * The response cache over Caffeine: bounded, off at 0, older revisions dropped, metrics counted.
 */
class ResponseCacheUnitTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CatalogMetrics metrics = new CatalogMetrics(registry);

  @Test
  void shouldServeWhatWasPutAndCountHitsAndMisses() {
    ResponseCache cache = new ResponseCache(config(10), metrics);
    ResponseCache.Entry entry = entry("a");

    assertThat(cache.get("r1-aaaa")).isNull();
    cache.put("r1-aaaa", entry);

    assertThat(cache.get("r1-aaaa")).isSameAs(entry);
    assertThat(requests("hit")).isEqualTo(1);
    assertThat(requests("miss")).isEqualTo(1);
  }

  @Test
  void shouldDropTheAnswersOfOlderRevisionsWhenANewerOneIsKept() {
    ResponseCache cache = new ResponseCache(config(10), metrics);
    cache.put("r1-aaaa", entry("old"));
    cache.put("r1-bbbb", entry("old"));

    cache.put("r2-aaaa", entry("new"));

    assertThat(cache.get("r1-aaaa")).isNull();
    assertThat(cache.get("r1-bbbb")).isNull();
    assertThat(cache.get("r2-aaaa").entity()).isEqualTo("new");
    assertThat(gauge()).isEqualTo(1);
  }

  @Test
  void shouldStayWithinItsBound() throws InterruptedException {
    ResponseCache cache = new ResponseCache(config(5), metrics);
    for (int i = 0; i < 50; i++) {
      cache.put("r1-" + i, entry("e" + i));
    }

    // Caffeine evicts in its maintenance task, off the caller's thread: wait for it.
    for (int i = 0; i < 100 && gauge() > 5; i++) {
      Thread.sleep(20);
    }
    assertThat(gauge()).isLessThanOrEqualTo(5);
    assertThat(registry.get("catalog.cache.evictions").tag("cache", "response").counter().count())
        .isGreaterThanOrEqualTo(45);
  }

  @Test
  void shouldKeepNothingAndCountNothingWhenOff() {
    ResponseCache cache = new ResponseCache(config(0), metrics);
    cache.put("r1-aaaa", entry("a"));

    assertThat(cache.enabled()).isFalse();
    assertThat(cache.get("r1-aaaa")).isNull();
    assertThat(requests("hit") + requests("miss")).isZero();
  }

  @Test
  void shouldReadTheRevisionOfATag() {
    assertThat(ResponseCache.revisionOf("r42-0123abcd")).isEqualTo(42);
    assertThat(ResponseCache.revisionOf("r-1")).isEqualTo(-1);
    assertThat(ResponseCache.revisionOf("rx-1")).isEqualTo(-1);
    assertThat(ResponseCache.revisionOf("other")).isEqualTo(-1);
  }

  private double requests(String result) {
    return registry
        .get("catalog.cache.requests")
        .tags("cache", "response", "result", result)
        .counter()
        .count();
  }

  private double gauge() {
    return registry.get("catalog.cache.size").tag("cache", "response").gauge().value();
  }

  private static ResponseCache.Entry entry(String body) {
    return new ResponseCache.Entry(body, MediaType.APPLICATION_JSON_TYPE, null, null);
  }

  private static CatalogConfig config(int maxEntries) {
    CatalogConfig.Cache cache = () -> maxEntries;
    return (CatalogConfig)
        Proxy.newProxyInstance(
            ResponseCacheUnitTest.class.getClassLoader(),
            new Class<?>[] {CatalogConfig.class},
            (proxy, method, args) -> {
              if (method.getName().equals("cache")) {
                return cache;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
