package com.credentialcatalog.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets and signatures of the Standard Webhooks convention (standardwebhooks.com): a secret is
 * {@code whsec_} + base64 of the key, and {@code webhook-signature} is {@code v1,} + base64 of
 * HMAC-SHA256 over {@code webhook-id.webhook-timestamp.body}.
 */
public final class WebhookSignature {

  /** The prefix every secret starts with. */
  public static final String SECRET_PREFIX = "whsec_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignature() {}

  /** A new secret holding 32 random bytes. */
  public static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /**
   * The {@code webhook-signature} header value for one message.
   *
   * @param secret a secret {@link #newSecret()} made
   * @param messageId the {@code webhook-id} header
   * @param timestamp the {@code webhook-timestamp} header (unix seconds)
   * @param body the exact bytes sent
   */
  public static String sign(String secret, String messageId, long timestamp, byte[] body) {
    return signer(secret).sign(messageId, timestamp, body);
  }

  /**
   * A signer keyed with one secret, for many messages: the key is decoded and the HMAC initialised
   * once, not per message. Not thread-safe; each thread takes its own.
   *
   * @param secret a secret {@link #newSecret()} made
   */
  public static Signer signer(String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
      return new Signer(mac);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Signs messages with one secret; {@link Mac#doFinal} leaves it ready for the next one. */
  public static final class Signer {
    private final Mac mac;

    private Signer(Mac mac) {
      this.mac = mac;
    }

    /** The {@code webhook-signature} header value, as {@link WebhookSignature#sign} makes it. */
    public String sign(String messageId, long timestamp, byte[] body) {
      mac.update((messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }
  }

  private static byte[] key(String secret) {
    String encoded =
        secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
    return Base64.getDecoder().decode(encoded);
  }
}
