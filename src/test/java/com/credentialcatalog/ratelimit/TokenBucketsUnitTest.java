package com.credentialcatalog.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.config.CatalogConfig;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Token buckets on a hand-driven clock: refill, costs, retry hints and forgetting idle clients. */
class TokenBucketsUnitTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(1_000 * SECOND);

  @Test
  void shouldAllowABurstOfTheLimitThenRefuseWithARetryHint() {
    TokenBuckets buckets = new TokenBuckets(config(60, 1000), now::get);

    for (int i = 0; i < 60; i++) {
      assertThat(buckets.take("a").allowed()).as("request %d", i).isTrue();
    }
    TokenBuckets.Decision refused = buckets.take("a");

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.remaining()).isZero();
    assertThat(refused.retryAfterSeconds()).isEqualTo(1); // 60 a minute: one token a second
    assertThat(refused.resetSeconds()).isEqualTo(60);
    assertThat(buckets.take("b").allowed()).as("another client has its own bucket").isTrue();
  }

  @Test
  void shouldRefillAtTheLimitPerMinuteButNeverAboveTheLimit() {
    TokenBuckets buckets = new TokenBuckets(config(60, 1000), now::get);
    for (int i = 0; i < 60; i++) {
      buckets.take("a");
    }

    now.addAndGet(10 * SECOND);
    assertThat(buckets.take("a").remaining()).isEqualTo(9);
    now.addAndGet(3600 * SECOND);
    assertThat(buckets.take("a").remaining()).isEqualTo(59);
  }

  @Test
  void shouldTakeACostAtOnceOrNotAtAllAndCapItAtAFullBucket() {
    TokenBuckets buckets = new TokenBuckets(config(10, 1000), now::get);

    assertThat(buckets.take("a", 7).remaining()).isEqualTo(3);
    TokenBuckets.Decision tooDear = buckets.take("a", 5);
    assertThat(tooDear.allowed()).isFalse();
    assertThat(tooDear.remaining()).as("a refused request takes nothing").isEqualTo(3);
    assertThat(tooDear.retryAfterSeconds()).isEqualTo(12); // 2 tokens at 10 a minute

    now.addAndGet(60 * SECOND);
    assertThat(buckets.take("a", 1_000).allowed())
        .as("a cost above the size takes a full bucket")
        .isTrue();
    assertThat(buckets.take("a").allowed()).isFalse();
  }

  @Test
  void shouldForgetIdleClientsWhenThereAreTooManyWithoutChangingTheirAllowance() {
    TokenBuckets buckets = new TokenBuckets(config(5, 2), now::get);
    for (String client : new String[] {"a", "b", "c"}) {
      for (int i = 0; i < 5; i++) {
        buckets.take(client);
      }
    }
    now.addAndGet(61 * SECOND);

    assertThat(buckets.take("d").remaining()).isEqualTo(4);
    assertThat(buckets.take("a").remaining())
        .as("forgotten or refilled, a is full again")
        .isEqualTo(4);
  }

  /**
   * However requests arrive, no more are allowed than the burst plus what the elapsed time
   * refilled.
   */
  @Property(tries = 200)
  void shouldNeverAllowMoreThanBurstPlusRefill(
      @ForAll @IntRange(min = 1, max = 120) int limit,
      @ForAll @IntRange(min = 1, max = 300) int requests,
      @ForAll @IntRange(max = 2_000) int millisApart) {
    TokenBuckets buckets = new TokenBuckets(config(limit, 1000), now::get);
    long start = now.get();
    int allowed = 0;
    for (int i = 0; i < requests; i++) {
      if (buckets.take("k").allowed()) {
        allowed++;
      }
      now.addAndGet(millisApart * 1_000_000L);
    }
    double elapsedMinutes = (now.get() - start) / 60e9;

    assertThat(allowed).isLessThanOrEqualTo(limit + (int) Math.ceil(elapsedMinutes * limit));
    assertThat(allowed).isGreaterThanOrEqualTo(Math.min(requests, limit));
  }

  /** Just the two rate-limit settings; every other method of the mapping is out of scope here. */
  static CatalogConfig config(int requestsPerMinute, int maxClients) {
    CatalogConfig.RateLimit rateLimit =
        (CatalogConfig.RateLimit)
            Proxy.newProxyInstance(
                TokenBucketsUnitTest.class.getClassLoader(),
                new Class<?>[] {CatalogConfig.RateLimit.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "requestsPerMinute" -> requestsPerMinute;
                      case "maxClients" -> maxClients;
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    return (CatalogConfig)
        Proxy.newProxyInstance(
            TokenBucketsUnitTest.class.getClassLoader(),
            new Class<?>[] {CatalogConfig.class},
            (proxy, method, args) -> {
              if (method.getName().equals("rateLimit")) {
                return rateLimit;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
