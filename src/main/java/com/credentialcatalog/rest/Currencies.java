package com.credentialcatalog.rest;

import com.credentialcatalog.query.InvalidQueryException;
import java.util.regex.Pattern;

/** Checks currency parameters at the boundary. */
final class Currencies {

  private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

  private Currencies() {}

  static String checked(String currency) {
    if (currency != null && !ISO_4217.matcher(currency).matches()) {
      throw new InvalidQueryException("currency", "currency must be an ISO 4217 code such as USD");
    }
    return currency;
  }
}
