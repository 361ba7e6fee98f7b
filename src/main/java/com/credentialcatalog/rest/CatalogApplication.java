package com.credentialcatalog.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The JAX-RS application. It only carries API-wide OpenAPI declarations: the bearer scheme that
 * write operations name with {@code @SecurityRequirement(name = "jwt")}.
 */
@SecurityScheme(
    securitySchemeName = "jwt",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "A JWT signed by the organisation's identity provider (RS256). Roles in the `groups` claim:"
            + " `catalog-admin` writes everything; `provider-editor` writes the providers named in the"
            + " `providers` claim (a JSON array of provider slugs) and their programs. Reads need no token."
            + " In dev mode, mint one with `scripts/dev-token.sh <role> [provider-slug...]`.")
public class CatalogApplication extends Application {}
