package com.credentialcatalog.graphql;

import com.credentialcatalog.domain.AudienceRole;
import com.credentialcatalog.domain.Competency;
import com.credentialcatalog.domain.CreditUnit;
import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.FeeType;
import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.PassingScale;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.domain.ProgramStatus;
import com.credentialcatalog.domain.Proctoring;
import com.credentialcatalog.domain.ProviderKind;
import com.credentialcatalog.domain.RenewalRoute;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * The inputs of the mutations. Create inputs have the fields of the REST request bodies
 * ({@code view.write}), into which they are copied and then validated with the same constraints.
 * Update inputs have the same fields, every one optional: a field left out keeps its value, a
 * field set to null clears it, any other value replaces it — JSON Merge Patch, as the REST PATCH
 * operations do — and the result is validated like a create input.
 */
public final class WriteInputs {

  private WriteInputs() {}

  /**
   * The current input with the fields the client sent replaced.
   *
   * @param sent the names of the fields present in the request (null counts as present)
   */
  static <T extends Record> T merge(T current, Record changes, Set<String> sent) {
    Map<String, RecordComponent> changed = Arrays.stream(changes.getClass().getRecordComponents())
        .collect(Collectors.toMap(RecordComponent::getName, Function.identity()));
    RecordComponent[] components = current.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        RecordComponent c = components[i];
        types[i] = c.getType();
        RecordComponent change = changed.get(c.getName());
        values[i] = (change != null && sent.contains(c.getName()) ? change.getAccessor().invoke(changes)
            : c.getAccessor().invoke(current));
      }
      @SuppressWarnings("unchecked")
      Constructor<T> constructor = (Constructor<T>) current.getClass().getDeclaredConstructor(types);
      return constructor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot merge " + changes.getClass().getSimpleName(), e);
    }
  }

  /** The same-named fields of {@code input} as a {@code type}; fields it lacks are null. */
  static <T extends Record> T convert(Record input, Class<T> type) {
    return merge(empty(type), input, Arrays.stream(input.getClass().getRecordComponents())
        .map(RecordComponent::getName).collect(Collectors.toSet()));
  }

  private static <T extends Record> T empty(Class<T> type) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    Object[] values = Arrays.stream(types).map(t -> t == boolean.class ? (Object) false : null).toArray();
    try {
      return type.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot create " + type.getSimpleName(), e);
    }
  }

  @Input("ProviderInput")
  @Description("A provider to create. Unknown facts are left out (null).")
  public record NewProvider(
      @NonNull @Description("Identifier (kebab-case, at most 80 characters); slugs never change") String slug,
      @NonNull String name,
      String acronym,
      @NonNull ProviderKind kind,
      @Description("Website (http or https)") String website,
      @Description("ISO 3166-1 alpha-2 country") String country,
      String description,
      @Description("Slug of an existing source these facts come from") String source) {}

  @Input("ProgramInput")
  @Description("A program to create. Prices, exams, renewal and aliases are added with their own mutations."
      + " Unknown facts are left out (null).")
  public record NewProgram(
      @NonNull @Description("Identifier (kebab-case, at most 80 characters); slugs never change") String slug,
      @NonNull String name,
      String acronym,
      @Description("Slug of the owner provider; null = none (catalog-admin only)") String provider,
      @NonNull CredentialType credentialType,
      Level level,
      List<AudienceRole> audienceRoles,
      List<Competency> competencies,
      List<DeliveryMode> deliveryModes,
      @Description("BCP 47 language tags") List<String> languages,
      Integer studyHoursMin,
      Integer studyHoursMax,
      Integer durationWeeksMin,
      Integer durationWeeksMax,
      Integer launchYear,
      @Description("Default ACTIVE") ProgramStatus status,
      @Description("Slug of the program that replaces this one") String supersededBy,
      @Description("Website (http or https)") String website,
      String description,
      @Description("When a person last checked these facts against the issuer (not in the future)")
          LocalDate lastVerifiedAt,
      @Description("Slug of an existing source these facts come from") String source) {}

  @Input("PriceInput")
  @Description("An effective-dated price range. A single stated figure has amountMin = amountMax. To record a"
      + " price change, close the old row (validTo) and add a new one: history is kept.")
  public record NewPrice(
      @NonNull FeeType feeType,
      @NonNull @Description("Lower bound (≥ 0, two decimals)") BigDecimal amountMin,
      @NonNull @Description("Upper bound (≥ amountMin)") BigDecimal amountMax,
      @NonNull @Description("ISO 4217 currency") String currency,
      @Description("Default ANY") PriceAudience audience,
      @Description("Delivery mode the price is for; null = any") DeliveryMode deliveryMode,
      @Description("Default false") Boolean requiredForAward,
      @Description("First day in force (inclusive)") LocalDate validFrom,
      @Description("First day no longer in force (exclusive, after validFrom)") LocalDate validTo,
      String note,
      @Description("Slug of an existing source") String source) {}

  @Input("ExamFormatInput")
  @Description("How a program's exam runs. Each figure is a range (a single stated figure has min = max);"
      + " unknown figures are left out. The smallest item shares must fit in one exam (sum of the *PctMin ≤ 100).")
  public record NewExamFormat(
      String name,
      Integer durationMinutesMin,
      Integer durationMinutesMax,
      Integer questionCountMin,
      Integer questionCountMax,
      Integer multipleChoicePctMin,
      Integer multipleChoicePctMax,
      Integer scenarioPctMin,
      Integer scenarioPctMax,
      Integer practicalPctMin,
      Integer practicalPctMax,
      BigDecimal passingScoreMin,
      BigDecimal passingScoreMax,
      PassingScale passingScoreScale,
      Integer passingScoreScaleMax,
      List<Proctoring> proctoring,
      @Description("Slugs of the providers delivering the exam") List<String> testVendors,
      Integer retakeAttempts,
      Integer retakeWindowMonths,
      Integer retakeWaitDays,
      List<String> languages,
      Integer accommodationExtraMinutes,
      String note,
      @Description("Slug of an existing source") String source) {}

  @Input("RenewalPolicyInput")
  @Description("How a credential is kept current. The renewal fee is not here: add a price with feeType RENEWAL.")
  public record NewRenewalPolicy(
      Integer cycleYearsMin,
      Integer cycleYearsMax,
      Integer creditsMin,
      Integer creditsMax,
      CreditUnit creditUnit,
      List<RenewalRoute> acceptedRoutes,
      Integer proofRetentionYears,
      String note,
      @Description("Slug of an existing source") String source) {}

  @Input("ProviderUpdateInput")
  @Description("Changes to a provider: fields left out stay, null clears, a value replaces.")
  public record ProviderUpdateInput(
      String name, String acronym, ProviderKind kind, String website, String country, String description,
      @Description("Slug of an existing source") String source) {}

  @Input("ProgramUpdateInput")
  @Description("Changes to a program's own fields: fields left out stay, null clears (lists: empty), a value"
      + " replaces. Moving a program to another provider needs a token holding both.")
  public record ProgramUpdateInput(
      String name,
      String acronym,
      @Description("Slug of the owner provider") String provider,
      CredentialType credentialType,
      Level level,
      List<AudienceRole> audienceRoles,
      List<Competency> competencies,
      List<DeliveryMode> deliveryModes,
      List<String> languages,
      Integer studyHoursMin,
      Integer studyHoursMax,
      Integer durationWeeksMin,
      Integer durationWeeksMax,
      Integer launchYear,
      ProgramStatus status,
      @Description("Slug of the program that replaces this one") String supersededBy,
      String website,
      String description,
      LocalDate lastVerifiedAt,
      @Description("Slug of an existing source") String source) {}

  @Input("PriceUpdateInput")
  @Description("Changes to a price row: fields left out stay, null clears, a value replaces. To record a new"
      + " price but keep history, close this row with validTo and add a new one instead.")
  public record PriceUpdateInput(
      FeeType feeType,
      BigDecimal amountMin,
      BigDecimal amountMax,
      String currency,
      PriceAudience audience,
      DeliveryMode deliveryMode,
      Boolean requiredForAward,
      LocalDate validFrom,
      LocalDate validTo,
      String note,
      @Description("Slug of an existing source") String source) {}

  @Input("ExamFormatUpdateInput")
  @Description("Changes to an exam format: fields left out stay, null clears, a value replaces.")
  public record ExamFormatUpdateInput(
      String name,
      Integer durationMinutesMin,
      Integer durationMinutesMax,
      Integer questionCountMin,
      Integer questionCountMax,
      Integer multipleChoicePctMin,
      Integer multipleChoicePctMax,
      Integer scenarioPctMin,
      Integer scenarioPctMax,
      Integer practicalPctMin,
      Integer practicalPctMax,
      BigDecimal passingScoreMin,
      BigDecimal passingScoreMax,
      PassingScale passingScoreScale,
      Integer passingScoreScaleMax,
      List<Proctoring> proctoring,
      @Description("Slugs of the providers delivering the exam") List<String> testVendors,
      Integer retakeAttempts,
      Integer retakeWindowMonths,
      Integer retakeWaitDays,
      List<String> languages,
      Integer accommodationExtraMinutes,
      String note,
      @Description("Slug of an existing source") String source) {}

  @Input("RenewalPolicyUpdateInput")
  @Description("Changes to a renewal policy: fields left out stay, null clears, a value replaces.")
  public record RenewalPolicyUpdateInput(
      Integer cycleYearsMin,
      Integer cycleYearsMax,
      Integer creditsMin,
      Integer creditsMax,
      CreditUnit creditUnit,
      List<RenewalRoute> acceptedRoutes,
      Integer proofRetentionYears,
      String note,
      @Description("Slug of an existing source") String source) {}
}
