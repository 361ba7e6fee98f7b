package com.credentialcatalog.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one normalization of credential names, shared by stored aliases and lookups, so that "CCXP®",
 * "ccxp" and "C.C.X.P. Certification" compare equal.
 */
public final class CredentialNames {

  private static final Pattern MARKS =
      Pattern.compile("[®™©℠]|\\((r|tm|c)\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern DOTTED_ACRONYM =
      Pattern.compile("\\b(\\p{L})\\.(?=\\p{L}\\b|\\p{L}\\.)");
  private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern SUFFIX =
      Pattern.compile(
          "( (certification|certificate|certified|cert|credential|designation|program))+$");

  private CredentialNames() {}

  /**
   * Lower-cases, folds compatibility characters (² → 2), drops ®/™, joins dotted acronyms, turns
   * punctuation into single spaces and strips a trailing "certification"-like word. Returns the
   * whole normalized name when stripping would leave nothing.
   */
  public static String normalize(String name) {
    if (name == null) {
      return "";
    }
    // Marks first: NFKC would turn ™ into "TM" and glue it to the name.
    String s = MARKS.matcher(name).replaceAll(" ");
    s = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = MARKS.matcher(s).replaceAll(" ");
    s = DOTTED_ACRONYM.matcher(s).replaceAll("$1");
    s = NON_ALNUM.matcher(s).replaceAll(" ").trim();
    String stripped = SUFFIX.matcher(s).replaceAll("").trim();
    return stripped.isEmpty() ? s : stripped;
  }
}
