package com.credentialcatalog.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses (401) signed tokens whose claims do not have the shape this API documents, which the
 * MP-JWT verifier lets through: {@code groups} as a single string instead of an array (SmallRye
 * reads it as one role), {@code providers} that is not an array of slugs (it was read leniently as
 * one slug), and an {@code iat} in the future, which a correct issuer never mints and which would
 * make a stolen token's lifetime look shorter than it is.
 */
@ApplicationScoped
public class TokenClaimsCheck implements SecurityIdentityAugmentor {

  /** How far ahead of our clock an issuer's clock may be (the verifier's default skew for exp). */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  private final ObjectMapper mapper = new ObjectMapper();
  // Wall-clock time, as the verifier uses for exp: not the catalog's "today" clock, which tests
  // may move to check prices in force on another date.
  private final Clock clock = Clock.systemUTC();

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
      return Uni.createFrom().item(identity);
    }
    String problem = problem(jwt.getRawToken());
    if (problem != null) {
      return Uni.createFrom().failure(new AuthenticationFailedException(problem));
    }
    return Uni.createFrom().item(identity);
  }

  /** What is wrong with the (already verified) token's claims, or null. */
  String problem(String rawToken) {
    JsonNode claims;
    try {
      String[] parts = rawToken.split("\\.");
      claims = mapper.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (Exception e) {
      return "the token's claims cannot be read";
    }
    JsonNode groups = claims.get("groups");
    if (groups != null && !(groups.isArray() && allText(groups))) {
      return "the groups claim must be an array of role names";
    }
    JsonNode providers = claims.get(Roles.PROVIDERS_CLAIM);
    if (providers != null && !providers.isNull() && !(providers.isArray() && allText(providers))) {
      return "the providers claim must be an array of provider slugs";
    }
    JsonNode iat = claims.get("iat");
    if (iat != null) {
      if (!iat.isIntegralNumber()) {
        return "the iat claim must be a number of seconds";
      }
      if (iat.asLong() > clock.instant().plus(CLOCK_SKEW).getEpochSecond()) {
        return "the token is issued in the future";
      }
    }
    return null;
  }

  private static boolean allText(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isTextual()) {
        return false;
      }
    }
    return true;
  }
}
