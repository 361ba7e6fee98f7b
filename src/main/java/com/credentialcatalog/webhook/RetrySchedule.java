package com.credentialcatalog.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: exponential backoff with full jitter (a random wait
 * between 0 and the cap, the cap doubling per attempt up to a maximum), so that receivers coming
 * back after an outage are not hit by every subscription at once; and when to stop trying.
 */
record RetrySchedule(Duration initialDelay, Duration maxDelay, Duration giveUpAfter) {

  /** What follows a failed attempt: the next attempt's time, or giving up. */
  record Next(Instant at, boolean giveUp) {}

  static RetrySchedule of(WebhookConfig.Retry config) {
    return new RetrySchedule(config.initialDelay(), config.maxDelay(), config.giveUpAfter());
  }

  /**
   * @param attempts attempts made so far, the failed one included (≥ 1)
   * @param firstAttempt when the first of them was made
   */
  Next after(int attempts, Instant firstAttempt, Instant now, RandomGenerator random) {
    if (!now.isBefore(firstAttempt.plus(giveUpAfter))) {
      return new Next(null, true);
    }
    long cap = maxDelay.toMillis();
    long initial = Math.max(1, initialDelay.toMillis());
    int doublings = Math.min(attempts - 1, 40);
    if (initial <= cap >> doublings) {
      cap = initial << doublings;
    }
    return new Next(now.plusMillis(random.nextLong(cap + 1)), false);
  }
}
