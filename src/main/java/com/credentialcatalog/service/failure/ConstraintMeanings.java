package com.credentialcatalog.service.failure;

import java.util.Locale;
import java.util.Map;

/**
 * What a database constraint of the catalog's schema means to a client: the field to fix and why,
 * in the words both REST problems and GraphQL errors use. Refusals that slipped past validation (a
 * lost race on a unique slug, a check the records do not repeat) thus read like validation
 * failures; no SQL, table or constraint name is ever sent.
 */
public final class ConstraintMeanings {

  /**
   * A constraint as a client understands it.
   *
   * @param field the JSON field (GraphQL input field) to fix; null when no single field is at fault
   * @param conflict whether the data conflicts with other data (unique or foreign key: REST 409,
   *     GraphQL CONFLICT) rather than breaking a rule of its own (400, BAD_USER_INPUT)
   */
  public record Meaning(String field, String message, boolean conflict) {
    Meaning(String field, String message) {
      this(field, message, false);
    }

    /** The sentence both surfaces answer with. */
    public String detail() {
      return conflict
          ? "Conflict: " + message
          : "Invalid input: " + (field == null ? "" : field + " ") + message;
    }
  }

  private static final Map<String, Meaning> CONSTRAINTS =
      Map.ofEntries(
          // unique and foreign keys: 409
          Map.entry(
              "provider_slug_unique",
              new Meaning("slug", "a provider with this slug already exists")),
          Map.entry(
              "program_slug_unique",
              new Meaning("slug", "a program with this slug already exists")),
          Map.entry(
              "source_slug_unique", new Meaning("slug", "a source with this slug already exists")),
          Map.entry(
              "program_alias_unique",
              new Meaning("alias", "the program already has an alias that normalizes alike")),
          Map.entry(
              "renewal_policy_one_per_program",
              new Meaning(null, "the program already has a renewal policy")),
          Map.entry(
              "program_provider_id_fkey", new Meaning(null, "the provider still owns programs")),
          Map.entry(
              "program_superseded_by_id_fkey",
              new Meaning(null, "another program names this one as supersededBy")),
          Map.entry(
              "exam_format_test_vendor_provider_id_fkey",
              new Meaning(null, "the provider is the test vendor of an exam format")),
          // checks: 400
          Map.entry("provider_slug_kebab", new Meaning("slug", "must be kebab-case")),
          Map.entry("provider_kind_valid", new Meaning("kind", "is not a known kind of provider")),
          Map.entry(
              "provider_country_iso", new Meaning("country", "must be an ISO 3166-1 alpha-2 code")),
          Map.entry(
              "provider_website_http",
              new Meaning("website", "must be an http:// or https:// URL")),
          Map.entry("provider_name_not_blank", new Meaning("name", "must not be blank")),
          Map.entry("program_slug_kebab", new Meaning("slug", "must be kebab-case")),
          Map.entry("program_name_not_blank", new Meaning("name", "must not be blank")),
          Map.entry(
              "program_type_valid",
              new Meaning("credentialType", "is not a known credential type")),
          Map.entry("program_level_valid", new Meaning("level", "is not a known level")),
          Map.entry("program_status_valid", new Meaning("status", "is not a known status")),
          Map.entry(
              "program_competencies_valid",
              new Meaning("competencies", "contains an unknown competency")),
          Map.entry(
              "program_delivery_valid",
              new Meaning("deliveryModes", "contains an unknown delivery mode")),
          Map.entry(
              "program_audience_valid",
              new Meaning("audienceRoles", "contains an unknown audience role")),
          Map.entry(
              "program_study_hours_range",
              new Meaning(
                  "studyHoursMax",
                  "must be greater than or equal to studyHoursMin, both non-negative")),
          Map.entry(
              "program_duration_weeks_range",
              new Meaning(
                  "durationWeeksMax",
                  "must be greater than or equal to durationWeeksMin, both non-negative")),
          Map.entry(
              "program_launch_year_range",
              new Meaning("launchYear", "must be between 1900 and 2200")),
          Map.entry(
              "program_not_superseded_by_itself",
              new Meaning("supersededBy", "a program cannot supersede itself")),
          Map.entry(
              "program_website_http", new Meaning("website", "must be an http:// or https:// URL")),
          Map.entry(
              "program_alias_not_blank", new Meaning("alias", "must contain a letter or digit")),
          Map.entry("price_fee_type_valid", new Meaning("feeType", "is not a known fee type")),
          Map.entry(
              "price_amounts_non_negative",
              new Meaning("amountMin", "amounts must not be negative")),
          Map.entry(
              "price_amount_range",
              new Meaning("amountMax", "must be greater than or equal to amountMin")),
          Map.entry(
              "price_currency_iso4217",
              new Meaning("currency", "must be an ISO 4217 code such as USD")),
          Map.entry("price_audience_valid", new Meaning("audience", "is not a known audience")),
          Map.entry(
              "price_delivery_valid", new Meaning("deliveryMode", "is not a known delivery mode")),
          Map.entry("price_validity_order", new Meaning("validTo", "must be after validFrom")),
          Map.entry(
              "exam_duration_range",
              new Meaning(
                  "durationMinutesMax",
                  "must be greater than or equal to durationMinutesMin, both positive")),
          Map.entry(
              "exam_question_range",
              new Meaning(
                  "questionCountMax",
                  "must be greater than or equal to questionCountMin, both positive")),
          Map.entry(
              "exam_pct_bounds",
              new Meaning("multipleChoicePctMin", "item shares must be between 0 and 100")),
          Map.entry(
              "exam_pct_ranges",
              new Meaning(
                  "multipleChoicePctMax",
                  "each item share's max must be greater than or equal to its min")),
          Map.entry(
              "exam_item_mix_at_most_100",
              new Meaning(
                  "multipleChoicePctMin", "the smallest item shares must add up to at most 100")),
          Map.entry(
              "exam_passing_scale_valid", new Meaning("passingScoreScale", "is not a known scale")),
          Map.entry(
              "exam_passing_score_range",
              new Meaning(
                  "passingScoreMax",
                  "must be greater than or equal to passingScoreMin, both non-negative")),
          Map.entry(
              "exam_passing_percent_bounds",
              new Meaning("passingScoreMin", "must be at most 100 on the PERCENT scale")),
          Map.entry(
              "exam_passing_scaled_bounds",
              new Meaning(
                  "passingScoreScaleMax", "must be positive and at least the passing score")),
          Map.entry(
              "exam_proctoring_valid",
              new Meaning("proctoring", "contains an unknown proctoring kind")),
          Map.entry(
              "exam_retake_values",
              new Meaning(
                  "retakeAttempts",
                  "retake attempts and window must be positive, wait days non-negative")),
          Map.entry(
              "exam_accommodation_non_negative",
              new Meaning("accommodationExtraMinutes", "must not be negative")),
          Map.entry(
              "renewal_cycle_range",
              new Meaning(
                  "cycleYearsMax",
                  "must be greater than or equal to cycleYearsMin, both positive")),
          Map.entry(
              "renewal_credits_range",
              new Meaning(
                  "creditsMax", "must be greater than or equal to creditsMin, both non-negative")),
          Map.entry(
              "renewal_credit_unit_valid", new Meaning("creditUnit", "is not a known credit unit")),
          Map.entry(
              "renewal_routes_valid",
              new Meaning("acceptedRoutes", "contains an unknown renewal route")),
          Map.entry(
              "renewal_retention_non_negative",
              new Meaning("proofRetentionYears", "must not be negative")));

  private ConstraintMeanings() {}

  /**
   * The meaning of a refusal by its constraint name ({@code V1__catalog_schema.sql}) and SQLSTATE;
   * a constraint not in the table is described by its class (unique, foreign key, not null, check).
   */
  public static Meaning of(String constraintName, String sqlState) {
    String name = constraintName == null ? "" : constraintName.toLowerCase(Locale.ROOT);
    String state = sqlState == null ? "" : sqlState;
    boolean conflict =
        state.equals("23505")
            || state.equals("23503")
            || name.endsWith("_unique")
            || name.endsWith("_fkey")
            || name.equals("renewal_policy_one_per_program");
    Meaning meaning = CONSTRAINTS.get(name);
    if (meaning == null) {
      meaning =
          switch (state) {
            case "23505" -> new Meaning(null, "conflicts with data the catalog already has");
            case "23503" -> new Meaning(null, "other data still refers to it");
            case "23502" -> new Meaning(null, "a required field is missing");
            default -> new Meaning(null, "a value is out of range or inconsistent with another");
          };
    }
    return new Meaning(meaning.field(), meaning.message(), conflict);
  }

  /**
   * Whether a constraint of this name is in the table (for the test that every schema constraint
   * is).
   */
  public static boolean known(String constraintName) {
    return CONSTRAINTS.containsKey(constraintName);
  }
}
