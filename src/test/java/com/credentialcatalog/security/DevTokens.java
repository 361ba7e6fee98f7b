package com.credentialcatalog.security;

import io.smallrye.jwt.build.Jwt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Bearer tokens signed with the committed dev-only key (src/main/resources/dev-keys/), as {@code
 * scripts/dev-token.sh} mints them: issuer, subject, role in {@code groups}, provider slugs in
 * {@code providers}.
 */
public final class DevTokens {

  public static final String ISSUER = "https://credential-catalog.example/issuer";

  private static final Path PRIVATE_KEY = Path.of("src/main/resources/dev-keys/privateKey.pem");
  private static PrivateKey key;

  private DevTokens() {}

  public static String admin() {
    return token(Roles.CATALOG_ADMIN, List.of());
  }

  public static String editorOf(String... providerSlugs) {
    return token(Roles.PROVIDER_EDITOR, List.of(providerSlugs));
  }

  public static String recognitionWriter() {
    return token(Roles.RECOGNITION_WRITER, List.of());
  }

  /** A token for {@code role}; the subject is {@code dev-<role>}. */
  public static String token(String role, List<String> providers) {
    return Jwt.issuer(ISSUER)
        .subject("dev-" + role)
        .upn("dev-" + role)
        .groups(role)
        .claim(Roles.PROVIDERS_CLAIM, providers)
        .issuedAt(Instant.now())
        .expiresIn(Duration.ofHours(1))
        .sign(privateKey());
  }

  /**
   * A token with exactly these claims (a JSON object), signed RS256 with the dev key: for claims of
   * the wrong type, which the token builder would normalize.
   */
  public static String signedClaims(String claimsJson) {
    try {
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      String header =
          b64.encodeToString(
              "{\"alg\":\"RS256\",\"typ\":\"JWT\"}"
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String payload =
          b64.encodeToString(claimsJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
      rsa.initSign(privateKey());
      rsa.update((header + "." + payload).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return header + "." + payload + "." + b64.encodeToString(rsa.sign());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signed by a key the service does not trust. */
  public static String foreignlySigned(String role) throws Exception {
    var generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return Jwt.issuer(ISSUER)
        .subject("intruder")
        .groups(role)
        .expiresIn(Duration.ofHours(1))
        .sign(generator.generateKeyPair().getPrivate());
  }

  private static synchronized PrivateKey privateKey() {
    if (key == null) {
      try {
        String pem =
            Files.readString(PRIVATE_KEY)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        key =
            KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
      } catch (Exception e) {
        throw new IllegalStateException(
            "Cannot read the dev signing key " + PRIVATE_KEY.toAbsolutePath(), e);
      }
    }
    return key;
  }
}
