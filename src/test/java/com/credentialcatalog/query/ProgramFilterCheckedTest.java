package com.credentialcatalog.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.ProviderKind;
import com.credentialcatalog.query.InvalidInputException.Kind;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The validating factories of the filters and the naming of their failures per surface: the one
 * input boundary REST and GraphQL share, tested without a server.
 */
class ProgramFilterCheckedTest {

  private static final Vocabulary REST =
      Vocabulary.of(Map.of("levels", "level", "providers", "provider"));
  private static final Vocabulary GRAPHQL =
      Vocabulary.nested("filter.", ProgramFilter.class)
          .with(
              Map.of(
                  "limit",
                  "first",
                  "cursor",
                  "after",
                  "nextCursor",
                  "endCursor",
                  "horizonYears",
                  "orderBy.horizonYears"));

  private static ProgramFilter filter(
      List<String> providers,
      List<Level> levels,
      String q,
      BigDecimal priceMin,
      BigDecimal priceMax,
      String currency,
      Integer examMinutesMax,
      String recognizedIn) {
    return new ProgramFilter(
            providers,
            null,
            levels,
            null,
            null,
            null,
            null,
            null,
            null,
            q,
            priceMin,
            priceMax,
            currency,
            null,
            examMinutesMax,
            null,
            null,
            null,
            recognizedIn,
            null)
        .checked();
  }

  private static InvalidInputException refusal(Runnable call) {
    try {
      call.run();
    } catch (InvalidInputException e) {
      return e;
    }
    throw new AssertionError("accepted");
  }

  @Test
  void shouldBuildAFilterWithDefaultsFromValidInput() {
    ProgramFilter f =
        filter(
            List.of(" hdi ", "hdi", " "),
            List.of(Level.MANAGER),
            " cx ",
            BigDecimal.ONE,
            BigDecimal.TEN,
            null,
            90,
            "GLOBAL");
    assertThat(f.providers()).containsExactly("hdi");
    assertThat(f.levels()).containsExactly(Level.MANAGER);
    assertThat(f.q()).isEqualTo("cx");
    assertThat(f.currency()).isEqualTo(ProgramFilter.DEFAULT_CURRENCY);
    assertThat(f.recognizedIn()).isEqualTo("GLOBAL");
  }

  @Test
  void shouldRefusePriceMinAbovePriceMaxNamingBothInEachVocabulary() {
    InvalidInputException e =
        refusal(() -> filter(null, null, null, BigDecimal.TEN, BigDecimal.ONE, null, null, null));
    assertThat(e.kind()).isEqualTo(Kind.INCONSISTENT);
    assertThat(e.field()).isEqualTo("priceMin");
    assertThat(e.getMessage()).isEqualTo("priceMin must not exceed priceMax");
    assertThat(e.in(GRAPHQL).field()).isEqualTo("filter.priceMin");
    assertThat(e.in(GRAPHQL).getMessage()).isEqualTo("priceMin must not exceed priceMax");
  }

  @Test
  void shouldNameAListFieldAsEachSurfaceSpellsIt() {
    List<String> slugs = IntStream.rangeClosed(1, 51).mapToObj(i -> "p" + i).toList();
    InvalidInputException e =
        refusal(() -> filter(slugs, null, null, null, null, null, null, null));
    assertThat(e.in(REST).field()).isEqualTo("provider");
    assertThat(e.in(REST).getMessage()).isEqualTo("at most 50 values for provider");
    assertThat(e.in(GRAPHQL).field()).isEqualTo("filter.providers");
    assertThat(e.in(GRAPHQL).getMessage()).isEqualTo("at most 50 values for providers");
    // Repeats are one alternative: 51 times the same level is one level.
    assertThat(
            filter(null, Collections.nCopies(51, Level.ENTRY), null, null, null, null, null, null)
                .levels())
        .containsExactly(Level.ENTRY);
  }

  @Test
  void shouldRefuseANullAmongTheValues() {
    InvalidInputException e =
        refusal(
            () ->
                filter(null, Arrays.asList(Level.ENTRY, null), null, null, null, null, null, null));
    assertThat(e.in(GRAPHQL).getMessage()).isEqualTo("levels must not contain null");
  }

  @Test
  void shouldCheckEveryBoundOfTheFilter() {
    assertThat(
            refusal(() -> filter(null, null, "x".repeat(201), null, null, null, null, null))
                .getMessage())
        .isEqualTo("q must be at most 200 characters");
    assertThat(refusal(() -> filter(null, null, null, null, null, "usd", null, null)).field())
        .isEqualTo("currency");
    assertThat(refusal(() -> filter(null, null, null, null, null, null, -1, null)).getMessage())
        .isEqualTo("examMinutesMax must not be negative");
    assertThat(refusal(() -> filter(null, null, null, null, null, null, null, "EU1")).field())
        .isEqualTo("recognizedIn");
    assertThat(
            refusal(
                    () ->
                        filter(List.of("p".repeat(101)), null, null, null, null, null, null, null))
                .in(REST)
                .getMessage())
        .isEqualTo("provider values must be at most 100 characters");
  }

  @Test
  void shouldCheckTheProviderFilter() {
    assertThat(
            new ProviderFilter(
                    " a ", List.of(ProviderKind.TEST_VENDOR, ProviderKind.TEST_VENDOR), "US")
                .checked()
                .kinds())
        .containsExactly(ProviderKind.TEST_VENDOR);
    assertThat(refusal(() -> new ProviderFilter(null, null, "usa").checked()).getMessage())
        .isEqualTo("country must be an ISO 3166 alpha-2 code such as US");
    assertThat(
            refusal(
                    () ->
                        new ProviderFilter(null, Arrays.asList((ProviderKind) null), null)
                            .checked())
                .in(Vocabulary.nested("filter.", ProviderFilter.class))
                .field())
        .isEqualTo("filter.kinds");
  }

  @Test
  void shouldNamePagingFieldsInGraphqlTermsWithoutRewritingTheirWords() {
    assertThat(refusal(() -> Bounds.pageSize(0)).in(GRAPHQL).getMessage())
        .isEqualTo("first must be between 1 and 100");
    assertThat(refusal(() -> Bounds.horizonYears(0)).in(GRAPHQL).field())
        .isEqualTo("orderBy.horizonYears");
    InvalidInputException cursor = refusal(() -> Cursor.decode("not a cursor!", "f"));
    assertThat(cursor.getMessage())
        .isEqualTo("Malformed cursor; use the nextCursor of a previous page");
    assertThat(cursor.in(GRAPHQL).field()).isEqualTo("after");
    assertThat(cursor.in(GRAPHQL).getMessage())
        .isEqualTo("Malformed cursor; use the endCursor of a previous page");
  }

  @Test
  void shouldNeverReadAClientValueAsAFieldName() {
    InvalidInputException e =
        InvalidInputException.of("sort", Kind.UNKNOWN_VALUE, "Unknown sort '%s'", "{limit} 100%");
    assertThat(e.in(GRAPHQL).getMessage()).isEqualTo("Unknown sort '{limit} 100%'");
    assertThat(
            new InvalidInputException("slug", "no provider has slug '{limit}'")
                .in(GRAPHQL)
                .getMessage())
        .isEqualTo("no provider has slug '{limit}'");
  }

  @Test
  void shouldKeepTheNamesOfTheInnermostVocabulary() {
    InvalidInputException e = refusal(() -> Bounds.pageSize(0)).in(GRAPHQL);
    assertThat(e.in(REST)).isSameAs(e);
    assertThat(e.detail()).isEqualTo("first must be between 1 and 100");
    assertThat(new InvalidInputException("slug", "must not be null").detail())
        .isEqualTo("Invalid input: slug must not be null");
  }
}
