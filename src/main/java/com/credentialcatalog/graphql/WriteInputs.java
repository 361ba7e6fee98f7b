package com.credentialcatalog.graphql;

import com.credentialcatalog.domain.AudienceRole;
import com.credentialcatalog.domain.Competency;
import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.domain.CreditUnit;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.FeeType;
import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.PassingScale;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.domain.Proctoring;
import com.credentialcatalog.domain.ProgramStatus;
import com.credentialcatalog.domain.ProviderKind;
import com.credentialcatalog.domain.RenewalRoute;
import com.credentialcatalog.write.PassingScoreInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/**
 * The update inputs of the mutations. Creates take the core's input records ({@code write.*Input})
 * themselves; an update names the same fields, every one optional, and is applied as a JSON Merge
 * Patch (RFC 7396) through {@link com.credentialcatalog.write.JsonMergePatch}, the implementation
 * REST PATCH uses: a field left out keeps its value, a field set to null clears it, any other value
 * replaces it. The result is validated like a create input. {@code WriteInputsTest} holds each
 * update input to the fields of its core record, so a field added there but not here fails the
 * build's tests.
 */
public final class WriteInputs {

  private WriteInputs() {}

  @Input("ProviderUpdateInput")
  @Description("Changes to a provider: fields left out stay, null clears, a value replaces.")
  public record ProviderUpdateInput(
      String name,
      String acronym,
      ProviderKind kind,
      String website,
      String country,
      String description,
      @Description("Slug of an existing source") String source) {}

  @Input("ProgramUpdateInput")
  @Description(
      "Changes to a program's own fields: fields left out stay, null clears (lists: empty), a value"
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
  @Description(
      "Changes to a price row: fields left out stay, null clears, a value replaces. To record a new"
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
      @Description("The passing score on every scale, primary first")
          List<PassingScoreInput> passingScores,
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
