package com.credentialcatalog.importer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Facts as the two guides state them, read back through the public API. Each row is one fact:
 * program slug, a path into GET /api/v1/programs/{slug}, and the value the guide gives.
 */
@QuarkusTest
class SeedFactsTest {

  private static final Map<String, JsonPath> PROGRAMS = new ConcurrentHashMap<>();

  @ParameterizedTest(name = "{0} {1} = {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # Guide 1: "CCXP ... Launched in 2014 by the CXPA ... 120 minutes ... $450–$650 (as of 2024)"
      ccxp | name | Certified Customer Experience Professional
      ccxp | provider.slug | cxpa
      ccxp | launchYear | 2014
      ccxp | exams[0].durationMinutes.min | 120
      ccxp | exams[0].durationMinutes.max | 120
      ccxp | prices.find { it.feeType == 'EXAM' }.amount.min | 450.0
      ccxp | prices.find { it.feeType == 'EXAM' }.amount.max | 650.0
      ccxp | prices.find { it.feeType == 'EXAM' }.validFrom | 2024-01-01
      ccxp | eligibility[0].conditions[0].value.min | 36
      ccxp | website | https://cxpa.org
      # Guide 1: HDI "$300–$1,200 depending on delivery and bundle", thinkhdi.com
      hdi-support-center-analyst | prices.find { it.feeType == 'COURSE' }.amount.min | 300.0
      hdi-support-center-analyst | prices.find { it.feeType == 'COURSE' }.amount.max | 1200.0
      hdi-support-center-analyst | website | https://thinkhdi.com
      hdi-support-center-analyst | prices.find { it.feeType == 'TRAVEL_ESTIMATE' }.amount.max | 2000.0
      hdi-support-center-team-lead | provider.slug | hdi
      hdi-support-center-team-lead | prices.find { it.feeType == 'COURSE' }.amount.max | 1200.0
      hdi-customer-service-representative | acronym | HDI-CSR
      # Guide 1: ICMI "$400–$1,500 per certification", icmi.com
      icmi-frontline-certificate | prices.find { it.feeType == 'COURSE' }.amount.min | 400.0
      icmi-management-certificate | prices.find { it.feeType == 'COURSE' }.amount.max | 1500.0
      icmi-management-certificate | website | https://icmi.com
      icmi-ai-in-the-contact-center | name | Artificial Intelligence in the Contact Center
      icmi-ai-in-the-contact-center | provider.slug | icmi
      # Guide 1: eCornell "typically 8–12 weeks, priced $2,500–$4,500"
      ecornell-customer-service-certificate | durationWeeks.min | 8
      ecornell-customer-service-certificate | durationWeeks.max | 12
      ecornell-cx-strategy-certificate | prices[0].amount.min | 2500.0
      ecornell-cx-strategy-certificate | prices[0].amount.max | 4500.0
      # Guide 1: COPC "costs are program-specific" (no amount)
      copc-certification | credentialType | ORGANIZATIONAL_CERTIFICATION
      copc-certification | prices.size() | 0
      # Guide 2: the Certified Customer Service Professional
      certified-customer-service-professional | acronym | CCSP
      certified-customer-service-professional | provider | null
      certified-customer-service-professional | prices.find { it.feeType == 'EXAM' }.amount.min | 150.0
      certified-customer-service-professional | prices.find { it.feeType == 'EXAM' }.amount.max | 375.0
      certified-customer-service-professional | prices.find { it.feeType == 'SELF_STUDY_BUNDLE' }.amount.min | 149.0
      certified-customer-service-professional | prices.find { it.feeType == 'SELF_STUDY_BUNDLE' }.amount.max | 299.0
      certified-customer-service-professional | prices.find { it.feeType == 'COURSE' }.amount.min | 399.0
      certified-customer-service-professional | prices.find { it.feeType == 'COURSE' }.amount.max | 1200.0
      certified-customer-service-professional | prices.find { it.feeType == 'RENEWAL' }.amount.min | 99.0
      certified-customer-service-professional | prices.find { it.feeType == 'RENEWAL' }.amount.max | 199.0
      certified-customer-service-professional | prices.find { it.feeType == 'HANDBOOK' }.amount.max | 50.0
      certified-customer-service-professional | prices.find { it.feeType == 'PRACTICE_EXAM' }.amount.min | 20.0
      certified-customer-service-professional | prices.find { it.feeType == 'BOOTCAMP' }.amount.max | 900.0
      certified-customer-service-professional | exams[0].durationMinutes.min | 90
      certified-customer-service-professional | exams[0].durationMinutes.max | 120
      certified-customer-service-professional | exams[0].questionCount.min | 60
      certified-customer-service-professional | exams[0].questionCount.max | 120
      certified-customer-service-professional | exams[0].itemMix.multipleChoice.min | 60
      certified-customer-service-professional | exams[0].itemMix.multipleChoice.max | 75
      certified-customer-service-professional | exams[0].itemMix.scenario.min | 20
      certified-customer-service-professional | exams[0].itemMix.scenario.max | 30
      certified-customer-service-professional | exams[0].passingScore.min | 70.0
      certified-customer-service-professional | exams[0].passingScore.max | 75.0
      certified-customer-service-professional | exams[0].passingScore.scale | PERCENT
      certified-customer-service-professional | exams[0].passingScores[0].scale | PERCENT
      certified-customer-service-professional | exams[0].passingScores[0].max | 75.0
      certified-customer-service-professional | exams[0].passingScores[1].scale | SCALED
      certified-customer-service-professional | exams[0].passingScores[1].min | 700.0
      certified-customer-service-professional | exams[0].passingScores[1].max | 700.0
      certified-customer-service-professional | exams[0].passingScores[1].scaleMax | 1000
      certified-customer-service-professional | exams[0].retake.attempts | 3
      certified-customer-service-professional | exams[0].retake.windowMonths | 12
      certified-customer-service-professional | exams[0].retake.waitDays | 14
      certified-customer-service-professional | exams[0].accommodationExtraMinutes | 30
      certified-customer-service-professional | exams[0].proctoring | [REMOTE, TEST_CENTER]
      certified-customer-service-professional | renewal.cycleYears.min | 2
      certified-customer-service-professional | renewal.cycleYears.max | 3
      certified-customer-service-professional | renewal.credits.min | 12
      certified-customer-service-professional | renewal.credits.max | 24
      certified-customer-service-professional | renewal.creditUnit | CEU
      certified-customer-service-professional | renewal.proofRetentionYears | 3
      certified-customer-service-professional | studyHours.min | 40
      certified-customer-service-professional | studyHours.max | 80
      certified-customer-service-professional | durationWeeks.min | 6
      certified-customer-service-professional | eligibility.find { it.name == 'Customer-facing experience' }.conditions.find { it.kind == 'MIN_AGE' }.value.min | 18
      certified-customer-service-professional | eligibility.find { it.name == 'Customer-facing experience' }.conditions.find { it.kind == 'EXPERIENCE_MONTHS' }.value.max | 12
      certified-customer-service-professional | eligibility.find { it.name == 'Foundational course' }.conditions.find { it.kind == 'COURSE_HOURS' }.value.min | 40
      certified-customer-service-professional | eligibility.find { it.name == 'Professional track' }.conditions.find { it.kind == 'EXPERIENCE_MONTHS' }.value.min | 12
      certified-customer-service-professional | outcomes.find { it.metric == 'CSAT' }.value.max | 12.0
      certified-customer-service-professional | outcomes.find { it.metric == 'SALARY_INCREASE' }.value.min | 8.0
      # The homonym: (ISC)²'s CCSP
      certified-cloud-security-professional | acronym | CCSP
      certified-cloud-security-professional | provider.slug | isc2
      certified-cloud-security-professional | renewal.acceptedRoutes | [ANNUAL_FEE]
      customer-service-leadership-certification | provider | null
      """)
  void seedStatesTheGuidesFact(String slug, String path, String expected) {
    JsonPath program =
        PROGRAMS.computeIfAbsent(
            slug,
            s -> given().get("/api/v1/programs/" + s).then().statusCode(200).extract().jsonPath());
    assertThat(String.valueOf((Object) program.get(path))).isEqualTo(expected);
  }
}
