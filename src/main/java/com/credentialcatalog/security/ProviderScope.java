package com.credentialcatalog.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What the caller of this request may write. Resources let only {@link Roles#CATALOG_ADMIN} and
 * {@link Roles#PROVIDER_EDITOR} in ({@code @RolesAllowed}); services then ask this bean about the
 * provider that owns the data they are about to change, which only they know.
 */
@RequestScoped
public class ProviderScope {

  private final SecurityIdentity identity;
  private final JsonWebToken jwt;

  public ProviderScope(SecurityIdentity identity, JsonWebToken jwt) {
    this.identity = identity;
    this.jwt = jwt;
  }

  public boolean isAdmin() {
    return identity.hasRole(Roles.CATALOG_ADMIN);
  }

  /** The provider slugs of the token's {@code providers} claim; empty when it has none. */
  public Set<String> providers() {
    Object claim = jwt.getClaim(Roles.PROVIDERS_CLAIM);
    Set<String> slugs = new LinkedHashSet<>();
    if (claim instanceof JsonArray array) {
      for (JsonValue v : array) {
        if (v instanceof JsonString s) {
          slugs.add(s.getString());
        }
      }
    } else if (claim instanceof Collection<?> values) {
      values.forEach(v -> slugs.add(String.valueOf(v).replace("\"", "")));
    } else if (claim instanceof JsonString s) {
      slugs.add(s.getString());
    } else if (claim instanceof String s) {
      slugs.add(s);
    }
    return slugs;
  }

  /**
   * Lets an admin through, and a provider editor whose token names this provider.
   *
   * @param providerSlug the provider that owns (or will own) the data; null for a program without
   *     provider, which only an admin may write
   * @param action what the caller tries, for the 403 detail ("edit programs of")
   * @throws ForbiddenException otherwise
   */
  public void requireProvider(String providerSlug, String action) {
    if (isAdmin()) {
      return;
    }
    if (!identity.hasRole(Roles.PROVIDER_EDITOR)) {
      throw new ForbiddenException(
          "Your token has neither role " + Roles.CATALOG_ADMIN + " nor " + Roles.PROVIDER_EDITOR);
    }
    if (providerSlug == null) {
      throw new ForbiddenException(
          "Only " + Roles.CATALOG_ADMIN + " may write programs that have no provider");
    }
    if (!providers().contains(providerSlug)) {
      throw new ForbiddenException(
          "Your token may not "
              + action
              + " provider '"
              + providerSlug
              + "': it is not in the token's '"
              + Roles.PROVIDERS_CLAIM
              + "' claim");
    }
  }

  /**
   * Lets only an admin through.
   *
   * @throws ForbiddenException otherwise
   */
  public void requireAdmin(String action) {
    if (!isAdmin()) {
      throw new ForbiddenException("Only " + Roles.CATALOG_ADMIN + " may " + action);
    }
  }

  /**
   * Who the change feed names for this request: the token's principal name (MP-JWT: {@code upn},
   * else {@code preferred_username}, else {@code sub}).
   */
  public String actor() {
    String name = jwt.getName();
    if (name == null || name.isBlank()) {
      name = jwt.getSubject();
    }
    if (name == null || name.isBlank()) {
      name = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
    return name;
  }
}
