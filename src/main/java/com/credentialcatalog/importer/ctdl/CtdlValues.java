package com.credentialcatalog.importer.ctdl;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Values as CTDL records write them, read the one way the catalog stores them: language maps
 * ({@code {"en": …}}, {@code {"en-US": …}}) and the 2017 form's plain strings, currency names where
 * ISO 4217 codes are meant, language names where BCP 47 tags are meant, ISO 8601 durations.
 */
final class CtdlValues {

  /**
   * Currency names → ISO 4217 codes, from the JDK's own English display names ("US Dollar" → USD,
   * "Euro" → EUR): a table of what each code is called, not a guess from similar text.
   */
  private static final Map<String, String> CURRENCY_NAMES = new HashMap<>();

  /** Language names → ISO 639 codes, from the JDK ("English" → en), for the 2017 form. */
  private static final Map<String, String> LANGUAGE_NAMES = new HashMap<>();

  static {
    for (Currency c : Currency.getAvailableCurrencies()) {
      CURRENCY_NAMES.put(fold(c.getDisplayName(Locale.ENGLISH)), c.getCurrencyCode());
      CURRENCY_NAMES.put(fold(c.getCurrencyCode()), c.getCurrencyCode());
    }
    for (String code : Locale.getISOLanguages()) {
      LANGUAGE_NAMES.put(
          fold(Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH)), code);
    }
  }

  private CtdlValues() {}

  /**
   * The text of a plain string or a language map: English first ({@code en-US}, {@code en}, any
   * {@code en-*}), else the first language; for a list, its first entry. Null when there is none.
   */
  static String text(JsonNode value) {
    List<String> all = texts(value);
    return all.isEmpty() ? null : all.get(0);
  }

  /** Every text of a plain string, a list of strings, or a language map (preferred language). */
  static List<String> texts(JsonNode value) {
    List<String> out = new ArrayList<>();
    if (value == null || value.isNull()) {
      return out;
    }
    if (value.isTextual()) {
      addText(out, value.asText());
    } else if (value.isArray()) {
      value.forEach(v -> out.addAll(texts(v)));
    } else if (value.isObject()) {
      JsonNode chosen = preferredLanguage(value);
      if (chosen != null) {
        out.addAll(texts(chosen));
      }
    }
    return out;
  }

  private static JsonNode preferredLanguage(JsonNode map) {
    for (String tag : List.of("en-US", "en-us", "en")) {
      if (map.has(tag)) {
        return map.get(tag);
      }
    }
    JsonNode first = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().toLowerCase(Locale.ROOT).startsWith("en")) {
        return e.getValue();
      }
      if (first == null && !e.getKey().startsWith("@")) {
        first = e.getValue();
      }
    }
    return first;
  }

  private static void addText(List<String> out, String text) {
    String s = text.strip();
    if (!s.isEmpty()) {
      out.add(s);
    }
  }

  /** The references a property holds: URL strings, or objects with an {@code @id}. */
  static List<String> references(JsonNode value) {
    List<String> out = new ArrayList<>();
    if (value == null || value.isNull()) {
      return out;
    }
    if (value.isTextual()) {
      addText(out, value.asText());
    } else if (value.isArray()) {
      value.forEach(v -> out.addAll(references(v)));
    } else if (value.isObject() && value.path("@id").isTextual()) {
      out.add(value.get("@id").asText());
    }
    return out;
  }

  /** The objects a property holds (embedded profiles), whether one or a list. */
  static List<JsonNode> objects(JsonNode value) {
    List<JsonNode> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    if (value.isObject()) {
      out.add(value);
    } else if (value.isArray()) {
      value.forEach(v -> out.addAll(objects(v)));
    }
    return out;
  }

  /** A number written as a JSON number or as text ("65.00"); empty when it is neither. */
  static Optional<BigDecimal> number(JsonNode value) {
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isNumber()) {
      return Optional.of(value.decimalValue());
    }
    try {
      return Optional.of(new BigDecimal(value.asText().strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The ISO 4217 code a record's currency names ("USD", "usd", "US Dollar"), or empty. */
  static Optional<String> currency(String written) {
    return written == null
        ? Optional.empty()
        : Optional.ofNullable(CURRENCY_NAMES.get(fold(written)));
  }

  /** The BCP 47 tag a record's language names ("en", "en-US", "English"), or empty. */
  static Optional<String> language(String written) {
    if (written == null) {
      return Optional.empty();
    }
    String s = written.strip();
    if (s.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
      int dash = s.indexOf('-');
      return Optional.of(
          dash < 0
              ? s.toLowerCase(Locale.ROOT)
              : s.substring(0, dash).toLowerCase(Locale.ROOT) + s.substring(dash));
    }
    return Optional.ofNullable(LANGUAGE_NAMES.get(fold(s)));
  }

  /**
   * Whole minutes of an ISO 8601 duration with a time part ("PT2H" → 120, "PT180M" → 180), or empty
   * for a duration in days or more, or text that is not one.
   */
  static Optional<Integer> minutes(String iso) {
    if (iso == null) {
      return Optional.empty();
    }
    try {
      Duration d = Duration.parse(iso.strip());
      return d.toSecondsPart() == 0 && d.toMinutes() > 0 && d.toMinutes() <= Integer.MAX_VALUE
          ? Optional.of((int) d.toMinutes())
          : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Whole years of an ISO 8601 period ("P3Y" → 3, "P36M" → 3), or empty. */
  static Optional<Integer> years(String iso) {
    if (iso == null) {
      return Optional.empty();
    }
    try {
      Period p = Period.parse(iso.strip());
      long months = p.toTotalMonths();
      return p.getDays() == 0 && months > 0 && months % 12 == 0
          ? Optional.of((int) (months / 12))
          : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String fold(String s) {
    return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
