package com.credentialcatalog.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WebhookSignatureUnitTest {

  @Test
  void shouldSignLikeTheStandardWebhooksReferenceVector() {
    // The example of the Standard Webhooks specification and its reference libraries.
    String signature =
        WebhookSignature.sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330L,
            "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void shouldMakeDistinctSecretsOf32Bytes() {
    String a = WebhookSignature.newSecret();
    assertThat(a).startsWith("whsec_").isNotEqualTo(WebhookSignature.newSecret());
    assertThat(java.util.Base64.getDecoder().decode(a.substring(6))).hasSize(32);
  }

  @Test
  void shouldBackOffExponentiallyWithinTheCapAndGiveUpAfterThePeriod() {
    RetrySchedule schedule =
        new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(25));
    Instant first = Instant.parse("2026-12-01T00:00:00Z");
    Random random = new Random(7);
    for (int attempt = 1; attempt <= 30; attempt++) {
      Instant now = first.plus(Duration.ofMinutes(attempt));
      RetrySchedule.Next next = schedule.after(attempt, first, now, random);
      long cap = Math.min(3_600_000L, 30_000L << Math.min(attempt - 1, 20));
      assertThat(next.giveUp()).isFalse();
      assertThat(Duration.between(now, next.at()).toMillis()).isBetween(0L, cap);
    }
    assertThat(schedule.after(40, first, first.plus(Duration.ofHours(25)), random).giveUp())
        .isTrue();
    assertThat(schedule.after(40, first, first.plus(Duration.ofHours(24)), random).giveUp())
        .isFalse();
  }
}
