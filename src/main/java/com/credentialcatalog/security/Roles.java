package com.credentialcatalog.security;

/**
 * The roles a bearer token carries in its {@code groups} claim (README "Writing to the catalog"),
 * and the claim that scopes a provider editor.
 */
public final class Roles {

  /** May write everything. */
  public static final String CATALOG_ADMIN = "catalog-admin";

  /**
   * May write the providers named in the token's {@value #PROVIDERS_CLAIM} claim and their
   * programs.
   */
  public static final String PROVIDER_EDITOR = "provider-editor";

  /** May submit recognition observations; nothing else. */
  public static final String RECOGNITION_WRITER = "recognition-writer";

  /** Token claim: a JSON array of the provider slugs a {@value #PROVIDER_EDITOR} may write. */
  public static final String PROVIDERS_CLAIM = "providers";

  private Roles() {}
}
