package com.credentialcatalog.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.credentialcatalog.client.api.ComparisonApi;
import com.credentialcatalog.client.api.EligibilityApi;
import com.credentialcatalog.client.api.PricesApi;
import com.credentialcatalog.client.api.ProgramsApi;
import com.credentialcatalog.client.api.RecognitionApi;
import com.credentialcatalog.client.api.SyncApi;
import com.credentialcatalog.client.model.ChangeFeed;
import com.credentialcatalog.client.model.Comparison;
import com.credentialcatalog.client.model.Competency;
import com.credentialcatalog.client.model.CostOfOwnership;
import com.credentialcatalog.client.model.CredentialType;
import com.credentialcatalog.client.model.EligibilityProfile;
import com.credentialcatalog.client.model.EligibilityResults;
import com.credentialcatalog.client.model.ExportLine;
import com.credentialcatalog.client.model.FeeType;
import com.credentialcatalog.client.model.LookupRequest;
import com.credentialcatalog.client.model.LookupResult;
import com.credentialcatalog.client.model.Match;
import com.credentialcatalog.client.model.MatchType;
import com.credentialcatalog.client.model.PriceAudience;
import com.credentialcatalog.client.model.PriceHistory;
import com.credentialcatalog.client.model.PriceInput;
import com.credentialcatalog.client.model.PricePatch;
import com.credentialcatalog.client.model.PriceView;
import com.credentialcatalog.client.model.ProgramDetail;
import com.credentialcatalog.client.model.ProgramInput;
import com.credentialcatalog.client.model.ProgramPage;
import com.credentialcatalog.client.model.ProgramPatch;
import com.credentialcatalog.client.model.ProgramSummary;
import com.credentialcatalog.client.model.Row;
import com.credentialcatalog.client.model.Status;
import com.credentialcatalog.security.DevTokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a partner sees who generates the Java client from the committed openapi/openapi.yaml
 * (openapi-generator, profile {@code client-it}) and calls the packaged app with it: methods named
 * by the operationIds, typed parameters and results, and read-then-write with the ETags the API
 * hands out. If one of these breaks, every generated client breaks the same way.
 */
@QuarkusIntegrationTest
@TestProfile(GeneratedJavaClientIT.WithDevVerificationKey.class)
class GeneratedJavaClientIT {

  /** The packaged app runs in prod, whose verification key is a mounted file: trust the dev key. */
  public static class WithDevVerificationKey implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "mp.jwt.verify.publickey.location",
          Path.of("src/main/resources/dev-keys/publicKey.pem").toAbsolutePath().toString());
    }
  }

  private static final String RUN =
      Long.toString(Math.floorMod(System.nanoTime(), 1_000_000_000L), 36);

  private static ApiClient anonymous() {
    ApiClient client = new ApiClient();
    client.updateBaseUri("http://localhost:" + RestAssured.port);
    return client;
  }

  private static ApiClient admin() {
    String token = DevTokens.admin();
    return anonymous()
        .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
  }

  private static String etag(ApiResponse<?> response) {
    return response.getHeaders().entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase("ETag"))
        .map(h -> h.getValue().get(0))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ETag in " + response.getHeaders()));
  }

  /** listPrograms with only the parameters these tests set; the generated method takes all 24. */
  private static ProgramPage listPrograms(
      List<String> providers, List<String> facets, Integer limit, String cursor)
      throws ApiException {
    return new ProgramsApi(anonymous())
        .listPrograms(
            null, null, null, null, cursor, null, null, null, facets, null, null, null, limit, null,
            null, null, null, providers, null, null, null, null, null, null, null);
  }

  @Test
  void shouldListWithFiltersAndFacets() throws Exception {
    ProgramPage page =
        listPrograms(List.of("hdi", "icmi"), List.of("level", "provider", "delivery"), null, null);

    assertThat(page.getItems())
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.getProvider().getSlug()).isIn("hdi", "icmi"));
    assertThat(page.getFacets().get("provider")).containsEntry("hdi", 3L).containsEntry("icmi", 3L);
    assertThat(page.getFacets().get("level")).containsEntry("MANAGER", 2L);
  }

  @Test
  void shouldPageByCursorWithoutRepeatingAProgram() throws Exception {
    ProgramPage first = listPrograms(null, null, 2, null);
    assertThat(first.getItems()).hasSize(2);
    assertThat(first.getNextCursor()).isNotBlank();

    ProgramPage second = listPrograms(null, null, 2, first.getNextCursor());

    assertThat(second.getItems()).hasSize(2);
    assertThat(second.getItems())
        .extracting(ProgramSummary::getSlug)
        .doesNotContainAnyElementsOf(
            first.getItems().stream().map(ProgramSummary::getSlug).toList());
  }

  @Test
  void shouldReturnTheDetailTypedAsProgramDetail() throws Exception {
    // The operation also offers JSON-LD; the generated method must still be typed by
    // application/json.
    ProgramDetail ccxp = new ProgramsApi(anonymous()).getProgram("ccxp");

    assertThat(ccxp.getSlug()).isEqualTo("ccxp");
    assertThat(ccxp.getAcronym()).isEqualTo("CCXP");
    assertThat(ccxp.getCredentialType()).isEqualTo(CredentialType.CERTIFICATION);
    assertThat(ccxp.getProvider().getSlug()).isEqualTo("cxpa");
  }

  @Test
  void shouldListThePricesInForceOnADate() throws Exception {
    LocalDate asOf = LocalDate.of(2025, 1, 1);

    PriceHistory prices = new ProgramsApi(anonymous()).listPrices("ccxp", asOf);

    assertThat(prices.getAsOf()).isEqualTo(asOf);
    assertThat(prices.getHistory()).isNotEmpty();
    assertThat(prices.getInForce())
        .isNotEmpty()
        .allSatisfy(
            p -> {
              assertThat(p.getValidFrom() == null || !p.getValidFrom().isAfter(asOf)).isTrue();
              assertThat(p.getValidTo() == null || p.getValidTo().isAfter(asOf)).isTrue();
            });
  }

  @Test
  void shouldComputeTheCostOfOwnership() throws Exception {
    CostOfOwnership cost =
        new ProgramsApi(anonymous())
            .getCostOfOwnership(
                "certified-customer-service-professional", null, PriceAudience.NON_MEMBER, null, 6);

    assertThat(cost.getCurrency()).isEqualTo("USD");
    assertThat(cost.getTotal().getMin()).isEqualByComparingTo("348");
    assertThat(cost.getTotal().getMax()).isEqualByComparingTo("972");
    assertThat(cost.getComplete()).isTrue();
  }

  @Test
  void shouldComparePrograms() throws Exception {
    Comparison comparison =
        new ComparisonApi(anonymous())
            .comparePrograms(
                PriceAudience.NON_MEMBER,
                null,
                6,
                List.of("ccxp", "certified-customer-service-professional"));

    assertThat(comparison.getPrograms())
        .containsExactly("ccxp", "certified-customer-service-professional");
    assertThat(comparison.getRows())
        .filteredOn(r -> "costOfOwnership".equals(r.getAttribute()))
        .singleElement()
        .extracting(Row::getValues)
        .asList()
        .containsExactly("450–650", "348–972");
  }

  @Test
  void shouldCheckEligibility() throws Exception {
    EligibilityProfile newcomer =
        new EligibilityProfile()
            .age(19)
            .experienceMonths(0)
            .courseHours(0)
            .supervisoryExperience(false);
    String q = "customer service professional";

    EligibilityResults results =
        new EligibilityApi(anonymous())
            .checkEligibility(
                newcomer, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, q, null, null, null, null, null, null);

    assertThat(results.getItems())
        .filteredOn(e -> "certified-customer-service-professional".equals(e.getProgram()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getStatus()).isEqualTo(Status.ELIGIBLE);
              assertThat(e.getEligibleVia()).isEqualTo("Associate track");
            });
  }

  @Test
  void shouldLookUpCredentialNamesFromJobAds() throws Exception {
    LookupResult result =
        new RecognitionApi(anonymous())
            .lookupCredentials(
                new LookupRequest().names(List.of("CCXP®", "no such credential at all")));

    assertThat(result.getResults())
        .extracting(Match::getInput)
        .containsExactly("CCXP®", "no such credential at all");
    assertThat(result.getResults().get(0).getCandidates().get(0).getProgram()).isEqualTo("ccxp");
    assertThat(result.getResults().get(0).getCandidates().get(0).getMatchType())
        .isEqualTo(MatchType.EXACT);
    assertThat(result.getResults().get(0).getCandidates().get(0).getConfidence())
        .isCloseTo(1.0, within(1e-9));
    assertThat(result.getResults().get(1).getCandidates()).isEmpty();
  }

  @Test
  void shouldExportTheCatalogAsLinesOfExportLine() throws Exception {
    ApiClient client = anonymous();

    File export = new SyncApi(client).exportCatalog();

    List<ExportLine> lines =
        Files.readAllLines(export.toPath()).stream()
            .filter(l -> !l.isBlank())
            .map(l -> read(client, l))
            .toList();
    assertThat(lines.get(0).getType()).isEqualTo(ExportLine.TypeEnum.EXPORT);
    assertThat(lines.get(lines.size() - 1).getType()).isEqualTo(ExportLine.TypeEnum.END);
    assertThat(lines)
        .filteredOn(l -> l.getType() == ExportLine.TypeEnum.PROGRAM)
        .anySatisfy(l -> assertThat(l.getData()).containsEntry("slug", "ccxp"));
  }

  private static ExportLine read(ApiClient client, String line) {
    try {
      return client.getObjectMapper().readValue(line, ExportLine.class);
    } catch (Exception e) {
      throw new AssertionError("not an ExportLine: " + line, e);
    }
  }

  @Test
  void shouldFollowTheChangeFeedToAProgramJustCreated() throws Exception {
    SyncApi sync = new SyncApi(anonymous());
    long before = sync.listChanges(null, 1).getLatestSeq();
    String slug = createProgram("feed");

    ChangeFeed feed = sync.listChanges(before, 100);

    assertThat(feed.getEvents())
        .anySatisfy(
            e -> {
              assertThat(e.getSlug()).isEqualTo(slug);
              assertThat(e.getSeq()).isGreaterThan(before);
            });
    assertThat(feed.getLastSeq()).isGreaterThan(before);
    deleteProgram(slug);
  }

  /**
   * GET → PATCH → DELETE with the ETag each answer carried, the way a generated client does it:
   * {@code description: null} clears the description, lists the patch did not set stay as they
   * were. Needs the strong version ETag on GET /programs/{slug} (issue "read-then-write").
   */
  @Test
  void shouldPatchAProgramWithTheEtagOfItsGetAndClearANullableFieldOnly() throws Exception {
    String slug = createProgram("round-trip");
    ProgramsApi programs = new ProgramsApi(admin());
    ApiResponse<ProgramDetail> got = programs.getProgramWithHttpInfo(slug);
    ProgramPatch clearDescription = new ProgramPatch().description(null);
    // What the generated client sends: the one member set, as null; no list it did not set.
    assertThat(admin().getObjectMapper().writeValueAsString(clearDescription))
        .isEqualTo("{\"description\":null}");

    ApiResponse<ProgramDetail> patched =
        programs.updateProgramWithHttpInfo(slug, etag(got), clearDescription);

    assertThat(patched.getStatusCode()).isEqualTo(200);
    assertThat(patched.getData().getDescription()).isNull();
    assertThat(patched.getData().getCompetencies())
        .isEqualTo(got.getData().getCompetencies())
        .isNotEmpty();
    assertThat(patched.getData().getLanguages())
        .isEqualTo(got.getData().getLanguages())
        .isNotEmpty();
    assertThat(programs.getProgram(slug).getDescription()).isNull();

    ApiResponse<Void> deleted = programs.deleteProgramWithHttpInfo(slug, etag(patched));

    assertThat(deleted.getStatusCode()).isEqualTo(204);
  }

  @Test
  void shouldPatchAPriceWithTheEtagOfItsGetAndClearItsNote() throws Exception {
    String slug = createProgram("price");
    PricesApi prices = new PricesApi(admin());
    PriceView created =
        prices.createPrice(
            slug,
            new PriceInput()
                .feeType(FeeType.EXAM)
                .amountMin(new BigDecimal("100.00"))
                .amountMax(new BigDecimal("150.00"))
                .currency("USD")
                .note("Early-bird discount until March."));
    ApiResponse<PriceView> got = prices.getPriceWithHttpInfo(created.getId(), slug);

    ApiResponse<PriceView> patched =
        prices.updatePriceWithHttpInfo(
            created.getId(), slug, etag(got), new PricePatch().note(null));

    assertThat(patched.getData().getNote()).isNull();
    assertThat(patched.getData().getAmount().getMin()).isEqualByComparingTo("100");
    assertThat(patched.getData().getAmount().getMax()).isEqualByComparingTo("150");
    prices.deletePrice(created.getId(), slug, etag(patched));
    assertThat(new ProgramsApi(anonymous()).getProgram(slug).getPrices()).isEmpty();
    deleteProgram(slug);
  }

  private static String createProgram(String purpose) throws ApiException {
    String slug = "client-it-" + purpose + "-" + RUN;
    new ProgramsApi(admin())
        .createProgram(
            new ProgramInput()
                .slug(slug)
                .name("Generated client " + purpose)
                .credentialType(CredentialType.CERTIFICATE)
                .competencies(List.of(Competency.CX_STRATEGY))
                .languages(List.of("en"))
                .description("Written by the generated Java client."));
    return slug;
  }

  private static void deleteProgram(String slug) throws ApiException {
    ProgramsApi programs = new ProgramsApi(admin());
    ProgramDetail current = programs.getProgram(slug);
    programs.deleteProgram(slug, "\"" + current.getVersion() + "\"");
  }
}
