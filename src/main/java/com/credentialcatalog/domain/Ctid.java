package com.credentialcatalog.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A CTDL identifier: {@code ce-} and a UUID, the key the Credential Registry gives every node. The
 * catalog keeps one per provider, program and exam format, lower-case (the Registry prints the same
 * CTID upper-case under {@code /graph/} and lower-case under {@code /resources/}).
 */
public final class Ctid {

  private static final Pattern FORM =
      Pattern.compile(
          "ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
          Pattern.CASE_INSENSITIVE);

  private Ctid() {}

  /** A new CTID for a row that has none yet. */
  public static String random() {
    return "ce-" + UUID.randomUUID();
  }

  /**
   * The stored form of a CTID as a record writes it (any case, surrounding blanks ignored), or
   * empty when the text is not a CTID.
   */
  public static Optional<String> canonical(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    return FORM.matcher(trimmed).matches()
        ? Optional.of(trimmed.toLowerCase(Locale.ROOT))
        : Optional.empty();
  }
}
