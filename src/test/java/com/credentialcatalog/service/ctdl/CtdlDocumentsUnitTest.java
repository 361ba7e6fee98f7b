package com.credentialcatalog.service.ctdl;

import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.domain.PassingScale;
import com.credentialcatalog.domain.ProviderKind;
import com.credentialcatalog.domain.RecognitionKind;
import com.credentialcatalog.repository.CtdlReader.Organization;
import com.credentialcatalog.repository.CtdlReader.Recognizer;
import com.credentialcatalog.view.ExamFormatView;
import com.credentialcatalog.view.ProgramDetail;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CtdlDocumentsUnitTest {

  static final String PROGRAM_CTID = "ce-11111111-1111-4111-8111-111111111111";
  static final String EXAM_CTID = "ce-22222222-2222-4222-8222-222222222222";
  static final String OWNER_CTID = "ce-33333333-3333-4333-8333-333333333333";

  static final Organization OWNER =
      new Organization(
          "acme",
          OWNER_CTID,
          "Acme Institute",
          "AI",
          ProviderKind.STANDARDS_BODY,
          "https://acme.example",
          null,
          List.of(PROGRAM_CTID));

  /** A program as its stored detail document says it, fixture-sized. */
  static ProgramDetail program() throws Exception {
    String json =
        """
        {"slug": "acme-cert", "ctid": "%s", "name": "Acme Certified", "acronym": "ACX",
         "provider": {"slug": "acme", "name": "Acme Institute", "acronym": "AI", "kind": "STANDARDS_BODY"},
         "credentialType": "MICRO_CREDENTIAL", "level": "EXECUTIVE", "audienceRoles": [], "competencies": [],
         "deliveryModes": ["SELF_PACED_ONLINE", "LIVE_ONLINE"], "languages": ["en", "fr"],
         "durationWeeks": {"min": 4, "max": 4}, "status": "RETIRED", "description": "Short course.",
         "aliases": ["Acme Certified", "Acme Cert"],
         "prices": [
           {"id": 1, "feeType": "BOOTCAMP", "amount": {"min": 100.00, "max": 250.00}, "currency": "USD",
            "audience": "NON_MEMBER", "requiredForAward": false, "validFrom": "2024-01-01", "validTo": "2025-01-01",
            "source": "guide"},
           {"id": 2, "feeType": "RENEWAL", "amount": {"min": 50.00, "max": 50.00}, "currency": "USD",
            "audience": "ANY", "requiredForAward": true}],
         "exams": [{"id": 7, "ctid": "%s", "name": null, "durationMinutes": {"min": 60, "max": 60},
            "itemMix": {"multipleChoice": {"min": 80, "max": 80}, "practical": {"min": 20, "max": 20}},
            "passingScore": {"min": 700, "max": 700, "scale": "SCALED", "scaleMax": 1000},
            "passingScores": [{"min": 700, "max": 700, "scale": "SCALED", "scaleMax": 1000}],
            "proctoring": [], "testVendors": [], "languages": []}],
         "renewal": {"cycleYears": {"min": 3, "max": 3}, "credits": {"min": 60, "max": 60}, "creditUnit": "PDU",
            "acceptedRoutes": ["CREDITS"], "fees": [
              {"id": 2, "feeType": "RENEWAL", "amount": {"min": 50.00, "max": 50.00}, "currency": "USD",
               "audience": "ANY", "requiredForAward": true}], "version": 0},
         "eligibility": [{"name": "Experienced", "conditions": [
            {"kind": "EXPERIENCE_MONTHS", "value": {"min": 18, "max": 18}, "description": null}]}],
         "outcomes": [], "sources": [{"slug": "guide", "title": "The Guide", "url": "https://guide.example"}],
         "version": 3}
        """
            .formatted(PROGRAM_CTID, EXAM_CTID);
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .readValue(json, ProgramDetail.class);
  }

  @Test
  void shouldWriteACredentialOfTheClassOfItsType() throws Exception {
    Map<String, Object> c =
        credential(CtdlDocuments.program(program(), Map.of("acme", OWNER), List.of()));
    assertThat(c)
        .containsEntry("@id", "https://credentialengineregistry.org/resources/" + PROGRAM_CTID)
        .containsEntry("@type", "ceterms:MicroCredential")
        .containsEntry("ceterms:alternateName", Map.of("en", List.of("ACX", "Acme Cert")))
        .containsEntry("ceterms:inLanguage", List.of("en", "fr"))
        .containsEntry("ceterms:renewalFrequency", "P3Y")
        .containsEntry(
            "ceterms:ownedBy",
            List.of("https://credentialengineregistry.org/resources/" + OWNER_CTID));
    assertThat(targets(c.get("ceterms:learningDeliveryType")))
        .as("self-paced and live online are both online: one concept")
        .containsExactly("deliveryType:OnlineOnly");
    assertThat(targetNode(c.get("ceterms:credentialStatusType")))
        .isEqualTo("credentialStat:Deprecated");
    assertThat(text(c.get("ceterms:description")))
        .startsWith("Short course.\n\nCatalog notes: Career level: executive.")
        .contains("Training delivery: self paced online, live online.");
  }

  @Test
  void shouldWriteAPriceRangeAsItsLowestPriceAndTheRangeInWords() throws Exception {
    Map<String, Object> c = credential(CtdlDocuments.program(program(), Map.of(), List.of()));
    List<Map<String, Object>> costs = list(c.get("ceterms:estimatedCost"));
    assertThat(costs).hasSize(1);
    Map<String, Object> bootcamp = costs.get(0);
    assertThat(bootcamp)
        .containsEntry("ceterms:name", Map.of("en", "Bootcamp"))
        .containsEntry("ceterms:price", new BigDecimal("100.00"))
        .containsEntry("ceterms:startDate", "2024-01-01")
        .containsEntry("ceterms:endDate", "2024-12-31");
    String description = text(bootcamp.get("ceterms:description"));
    assertThat(CtdlTerms.priceRange(description))
        .contains(
            new CtdlTerms.PriceRange(new BigDecimal("100.00"), new BigDecimal("250.00"), "USD"));
    assertThat(CtdlTerms.withoutNotes(description)).isNull();
    assertThat(description)
        .contains("Optional: not required to earn the credential.")
        .contains("Source: The Guide (https://guide.example).");
    assertThat(CtdlTerms.feeType(targetNode(bootcamp.get("ceterms:directCostType")), "Bootcamp"))
        .contains(com.credentialcatalog.domain.FeeType.BOOTCAMP);
    assertThat(targets(bootcamp.get("ceterms:audienceType"))).containsExactly("audience:NonMember");
    assertThat(c).doesNotContainKey("ceterms:ownedBy");
  }

  @Test
  void shouldWriteUnitsWithoutAConceptAsWords() throws Exception {
    Map<String, Object> renewal =
        list(credential(CtdlDocuments.program(program(), Map.of(), List.of()))
                .get("ceterms:renewal"))
            .get(0);
    Map<String, Object> value = list(renewal.get("ceterms:creditValue")).get(0);
    assertThat(value).containsEntry("schema:value", 60).doesNotContainKey("ceterms:creditUnitType");
    assertThat(text(renewal.get("ceterms:creditUnitTypeDescription")))
        .isEqualTo("Professional Development Units (PDUs)");
    assertThat(list(renewal.get("ceterms:estimatedCost")).get(0))
        .containsEntry("ceterms:price", new BigDecimal("50.00"));
  }

  @Test
  void shouldWriteExperienceInYearsAndTheExamAsAnAssessment() throws Exception {
    List<Map<String, Object>> nodes = CtdlDocuments.program(program(), Map.of(), List.of());
    Map<String, Object> route =
        list(list(credential(nodes).get("ceterms:requires"))
                .get(0)
                .get("ceterms:alternativeCondition"))
            .get(0);
    assertThat(route).containsEntry("ceterms:yearsOfExperience", new BigDecimal("1.5"));
    assertThat(route.get("ceterms:condition"))
        .isEqualTo(Map.of("en", List.of("experience months 18")));
    Map<String, Object> exam =
        nodes.stream()
            .filter(n -> "ceterms:AssessmentProfile".equals(n.get("@type")))
            .findFirst()
            .orElseThrow();
    assertThat(exam)
        .containsEntry("ceterms:name", Map.of("en", "Acme Certified exam"))
        .doesNotContainKey("ceterms:isProctored");
    assertThat(targets(exam.get("ceterms:assessmentMethodType")))
        .containsExactly("assessMethod:Exam", "assessMethod:Performance");
    assertThat(list(exam.get("ceterms:estimatedDuration")).get(0))
        .containsEntry("ceterms:exactDuration", "PT60M");
  }

  @Test
  void shouldStatePassingScoresOnEveryScale() {
    assertThat(
            CtdlDocuments.passingScoreWords(
                List.of(
                    new ExamFormatView.PassingScore(
                        new BigDecimal("70.00"),
                        new BigDecimal("75.00"),
                        PassingScale.PERCENT,
                        100),
                    new ExamFormatView.PassingScore(
                        new BigDecimal("700"), new BigDecimal("700"), PassingScale.SCALED, 1000))))
        .isEqualTo("Passing score: 70 to 75 percent; or 700 of 1000 on a scaled score.");
  }

  @Test
  void shouldNameARecognizerByTheSameBlankNodeEveryTime() throws Exception {
    Recognizer accreditor =
        new Recognizer(RecognitionKind.ACCREDITATION, "Board", "https://b.example");
    Recognizer employer = new Recognizer(RecognitionKind.EMPLOYER_RECOGNITION, "Employer", null);
    Recognizer jobs = new Recognizer(RecognitionKind.JOB_POSTING_MENTIONS, "Jobs", null);
    List<Map<String, Object>> nodes =
        CtdlDocuments.program(program(), Map.of(), List.of(accreditor, employer, jobs));
    Map<String, Object> c = credential(nodes);
    assertThat(c.get("ceterms:accreditedBy"))
        .isEqualTo(List.of(CtdlDocuments.recognizerId(accreditor)));
    assertThat(c.get("ceterms:recognizedBy"))
        .isEqualTo(List.of(CtdlDocuments.recognizerId(employer)));
    assertThat(CtdlDocuments.recognizerId(accreditor))
        .startsWith("_:")
        .isEqualTo(
            CtdlDocuments.recognizerId(
                new Recognizer(RecognitionKind.ACCREDITATION, "Board", "https://b.example")));
    assertThat(nodes.stream().map(n -> n.get("@type")))
        .containsOnlyOnce("ceterms:QACredentialOrganization");
  }

  @Test
  void shouldWriteAnOrganizationThatOwnsItsPrograms() {
    Map<String, Object> org = CtdlDocuments.organization(OWNER, true);
    assertThat(org)
        .containsEntry("@type", "ceterms:CredentialOrganization")
        .containsEntry("ceterms:subjectWebpage", "https://acme.example")
        .containsEntry(
            "ceterms:owns",
            List.of("https://credentialengineregistry.org/resources/" + PROGRAM_CTID));
    assertThat(targets(org.get("ceterms:agentType"))).containsExactly("orgType:CertificationBody");
    assertThat(CtdlDocuments.organization(OWNER, false)).doesNotContainKey("ceterms:owns");
  }

  static Map<String, Object> credential(List<Map<String, Object>> nodes) {
    return nodes.get(0);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  static String text(Object languageMap) {
    return (String) ((Map<String, Object>) languageMap).get("en");
  }

  @SuppressWarnings("unchecked")
  static String targetNode(Object alignment) {
    return (String) ((Map<String, Object>) alignment).get("ceterms:targetNode");
  }

  static List<String> targets(Object alignments) {
    return list(alignments).stream().map(CtdlDocumentsUnitTest::targetNode).toList();
  }
}
