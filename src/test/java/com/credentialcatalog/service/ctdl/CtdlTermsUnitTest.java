package com.credentialcatalog.service.ctdl;

import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.domain.CreditUnit;
import com.credentialcatalog.domain.FeeType;
import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.domain.ProviderKind;
import com.credentialcatalog.domain.RecognitionKind;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CtdlTermsUnitTest {

  @Test
  void everyFeeTypeComesBackFromItsCostTypeAndLabel() {
    for (FeeType fee : FeeType.values()) {
      String concept = CtdlTerms.COST_TYPE.term(fee).orElseThrow().id();
      assertThat(CtdlTerms.feeType(concept, CtdlTerms.feeLabel(fee))).contains(fee);
    }
  }

  @Test
  void costTypeWithoutOurLabelReadsAsItsFirstFeeType() {
    assertThat(CtdlTerms.feeType("costType:Tuition", "Spring cohort")).contains(FeeType.COURSE);
    assertThat(CtdlTerms.feeType("costType:MixedFees", "Exam fee")).isEmpty();
    assertThat(CtdlTerms.feeType(null, "Renewal fee")).contains(FeeType.RENEWAL);
  }

  @Test
  void conceptsCompareByLocalNameInAnyCase() {
    assertThat(CtdlTerms.COST_TYPE.value("https://purl.org/ctdl/vocabs/costType/RenewalFee"))
        .contains(FeeType.RENEWAL);
    assertThat(CtdlTerms.PRICE_AUDIENCE.value("audience:nonmember"))
        .contains(PriceAudience.NON_MEMBER);
    assertThat(CtdlTerms.CREDENTIAL_CLASS.value("ceterms:OpenBadge"))
        .contains(CredentialType.MICRO_CREDENTIAL);
    assertThat(CtdlTerms.ORGANIZATION_TYPE.value("orgType:Vendor")).isEmpty();
  }

  @Test
  void valuesWithoutATermHaveNone() {
    assertThat(CtdlTerms.PRICE_AUDIENCE.term(PriceAudience.ANY)).isEmpty();
    assertThat(CtdlTerms.CREDIT_UNIT.term(CreditUnit.PDU)).isEmpty();
    assertThat(CtdlTerms.AUDIENCE_LEVEL.term(Level.ORGANIZATION)).isEmpty();
    assertThat(CtdlTerms.RECOGNITION_PROPERTY.term(RecognitionKind.JOB_POSTING_MENTIONS)).isEmpty();
    assertThat(CtdlTerms.ORGANIZATION_TYPE.term(ProviderKind.TEST_VENDOR).map(t -> t.id()))
        .contains("orgType:AssessmentBody");
  }

  @Test
  void creditUnitsWithoutAConceptTravelAsWords() {
    for (CreditUnit unit : CreditUnit.values()) {
      Optional<CreditUnit> back =
          CtdlTerms.CREDIT_UNIT
              .term(unit)
              .flatMap(t -> CtdlTerms.CREDIT_UNIT.value(t.id()))
              .or(() -> CtdlTerms.creditUnitOfLabel(CtdlTerms.creditUnitLabel(unit)));
      assertThat(back).as(unit.name()).contains(unit);
    }
  }

  @Test
  void ctidReadsFromResourceAndGraphUrlsInAnyCase() {
    String ctid = "ce-6a62b250-a1a2-4d31-a702-cdc2437efd31";
    assertThat(CtdlTerms.ctidOf(CtdlTerms.resourceUrl(ctid))).contains(ctid);
    assertThat(
            CtdlTerms.ctidOf(
                "https://credentialengineregistry.org/graph/ce-6A62B250-A1A2-4D31-A702-CDC2437EFD31"))
        .contains(ctid);
    assertThat(CtdlTerms.ctidOf("http://credentialengineregistry.org/resources/" + ctid))
        .contains(ctid);
    assertThat(CtdlTerms.ctidOf("CE-6A62B250-A1A2-4D31-A702-CDC2437EFD31")).contains(ctid);
    assertThat(CtdlTerms.ctidOf("_:7ce97f7f-0000-0000-0000-000000000000")).isEmpty();
    assertThat(CtdlTerms.ctidOf("https://example.org/resources/" + ctid)).isEmpty();
  }

  @Test
  void priceRangeSurvivesTheDescription() {
    String text =
        CtdlTerms.withNotes(
            "Early-bird price.",
            CtdlTerms.priceRangeText(new BigDecimal("100.00"), new BigDecimal("250"), "USD"));
    assertThat(CtdlTerms.priceRange(text))
        .contains(new CtdlTerms.PriceRange(new BigDecimal("100.00"), new BigDecimal("250"), "USD"));
    assertThat(CtdlTerms.withoutNotes(text)).isEqualTo("Early-bird price.");
    assertThat(CtdlTerms.priceRange("Price: 100 USD")).isEmpty();
  }

  @Test
  void notesWithoutADescriptionOfTheirOwnReadBackAsNoDescription() {
    String text = CtdlTerms.withNotes(null, "Launched in 2014.");
    assertThat(text).isEqualTo("Catalog notes: Launched in 2014.");
    assertThat(CtdlTerms.withoutNotes(text)).isNull();
    assertThat(CtdlTerms.notes(text)).contains("Launched in 2014.");
    assertThat(CtdlTerms.notes("Own words only.")).isEmpty();
    assertThat(CtdlTerms.withNotes(null, null)).isNull();
  }

  @Test
  void durationsAreIso8601() {
    assertThat(CtdlTerms.years(3)).isEqualTo("P3Y");
    assertThat(java.time.Duration.parse(CtdlTerms.minutes(90)).toMinutes()).isEqualTo(90);
    assertThat(java.time.Period.parse(CtdlTerms.weeks(12)).getDays()).isEqualTo(84);
  }
}
