package com.credentialcatalog.write;

import com.credentialcatalog.query.Bounds;

/**
 * The shapes request fields must have; the database checks the same ones (V1__catalog_schema.sql).
 */
public final class WriteConstraints {

  /** Kebab-case slug, as the {@code *_slug_kebab} checks of the schema. */
  public static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";

  public static final String SLUG_MESSAGE =
      "must be kebab-case: lower-case letters and digits separated by single hyphens";

  public static final String URL = "^https?://\\S+$";

  public static final String URL_MESSAGE = "must be an http:// or https:// URL";

  public static final String COUNTRY = Bounds.COUNTRY_PATTERN;

  public static final String COUNTRY_MESSAGE = "must be an ISO 3166-1 alpha-2 code such as US";

  public static final String CURRENCY = Bounds.CURRENCY_PATTERN;

  public static final String CURRENCY_MESSAGE = "must be an ISO 4217 code such as USD";

  /** A BCP 47 language tag, loosely: "en", "pt-BR", "zh-Hant". */
  public static final String LANGUAGE = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";

  public static final String LANGUAGE_MESSAGE = "must be a BCP 47 language tag such as en or pt-BR";

  public static final int SLUG_MAX = 80;
  public static final int NAME_MAX = 200;
  public static final int ACRONYM_MAX = 50;
  public static final int URL_MAX = 2000;
  public static final int DESCRIPTION_MAX = 5000;
  public static final int NOTE_MAX = 2000;
  public static final int LIST_MAX = Bounds.MAX_VALUES;

  private WriteConstraints() {}
}
