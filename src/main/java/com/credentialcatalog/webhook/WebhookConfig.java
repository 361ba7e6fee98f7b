package com.credentialcatalog.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Webhook subscriptions and their dispatcher ({@code catalog.webhooks.*}, README "Webhooks"). */
@ConfigMapping(prefix = "catalog.webhooks")
public interface WebhookConfig {

  /**
   * Whether this replica runs a dispatcher. Subscriptions can be managed either way; with several
   * replicas any number of them may dispatch (leases in PostgreSQL keep each subscription on one
   * replica at a time).
   */
  @WithDefault("true")
  boolean dispatcherEnabled();

  /**
   * Accept target URLs that are plain {@code http} or resolve to loopback, link-local, private (RFC
   * 1918, ULA), multicast, CGNAT or unspecified addresses. Off in prod (SSRF); dev and tests turn
   * it on to reach a receiver on loopback.
   */
  @WithDefault("false")
  boolean allowPrivateTargets();

  /**
   * How often the dispatcher looks for subscriptions with events to send. This is the latency
   * between a write's commit and its first delivery attempt; each look is one indexed query.
   */
  @WithDefault("500ms")
  Duration pollInterval();

  /**
   * Subscriptions delivered to at the same time by one replica (threads). A slow receiver holds one
   * of them for at most {@link #batchTime()} plus one request; the others go on.
   */
  @WithDefault("8")
  int workers();

  /** Events sent to one subscription before its worker moves on to another subscription. */
  @WithDefault("200")
  int batchSize();

  /** Time one subscription may hold a worker before the worker moves on. */
  @WithDefault("5s")
  Duration batchTime();

  /**
   * How long a replica holds a subscription it is delivering to. A replica that dies mid-batch
   * leaves the subscription to the others after this; must exceed {@link #batchTime()} plus connect
   * and read timeouts.
   */
  @WithDefault("60s")
  Duration lease();

  /** Time to open a connection to a receiver. */
  @WithDefault("5s")
  Duration connectTimeout();

  /** Time a receiver has to answer a delivery, from the request being sent. */
  @WithDefault("10s")
  Duration readTimeout();

  /** Succeeded deliveries are kept in the log this long, then deleted. */
  @WithDefault("7d")
  Duration logRetention();

  /** The retry schedule of a failed delivery. */
  Retry retry();

  /**
   * Retries: attempt n waits a random time between 0 and min({@link #maxDelay()}, {@link
   * #initialDelay()} × 2^(n−1)) ("full jitter"), until {@link #giveUpAfter()} has passed since the
   * first attempt; then the subscription is disabled with the reason.
   */
  interface Retry {
    /** The backoff cap of the first retry, doubled after each failed attempt. */
    @WithDefault("30s")
    Duration initialDelay();

    /** The largest backoff cap. */
    @WithDefault("1h")
    Duration maxDelay();

    /** How long one event is retried before the subscription is disabled (at least 24 h). */
    @WithDefault("25h")
    Duration giveUpAfter();
  }
}
