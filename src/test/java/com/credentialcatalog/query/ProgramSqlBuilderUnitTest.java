package com.credentialcatalog.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.PriceAudience;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The SQL of a filter and a sort: conditions per field, every value bound, never spliced in. */
class ProgramSqlBuilderUnitTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  @Test
  void shouldSelectEverythingWithoutParametersForNoFilter() {
    ProgramSqlBuilder.Sql sql =
        new ProgramSqlBuilder(ProgramFilter.none(), TODAY).fromWhere(SortOrder.byName(), false);

    assertThat(sql.text.toString()).isEqualTo(" FROM program_read r WHERE true");
    assertThat(sql.params).isEmpty();
  }

  @Test
  void shouldBindListsAsArraysAndScalarsInOrder() {
    ProgramFilter filter =
        new ProgramFilter(
            List.of("cxpa", "hdi"),
            List.of(CredentialType.CERTIFICATION),
            List.of(Level.EXECUTIVE, Level.ENTRY),
            null,
            null,
            List.of(DeliveryMode.LIVE_ONLINE),
            null,
            List.of("de"),
            null,
            null,
            null,
            null,
            null,
            null,
            120,
            24,
            2,
            60,
            "DE",
            3);

    ProgramSqlBuilder.Sql sql =
        new ProgramSqlBuilder(filter, TODAY).fromWhere(SortOrder.byName(), false);

    assertThat(sql.text.toString())
        .isEqualTo(
            " FROM program_read r WHERE true"
                + " AND r.provider_slug = ANY(?) AND r.credential_type = ANY(?) AND r.level = ANY(?)"
                + " AND r.delivery_modes && ? AND r.languages && ?"
                + " AND r.exam_minutes <= ? AND r.experience_months <= ?"
                + " AND coalesce(r.renewal_cycle_max, r.renewal_cycle_min) >= ? AND r.renewal_credits_min <= ?"
                + " AND r.recognition_regions @> ARRAY[?]::text[] AND r.recognition_signals >= ?");
    assertThat(sql.params)
        .containsExactly(
            new String[] {"cxpa", "hdi"},
            new String[] {"CERTIFICATION"},
            new String[] {"EXECUTIVE", "ENTRY"},
            new String[] {"LIVE_ONLINE"},
            new String[] {"de"},
            120,
            24,
            2,
            60,
            "DE",
            3L);
  }

  @Test
  void shouldSearchTextOnlyThroughParameters() {
    String hostile = "x'); DROP TABLE program; --";
    ProgramFilter filter = filter(hostile, null, null, null, null);

    ProgramSqlBuilder.Sql where =
        new ProgramSqlBuilder(filter, TODAY).fromWhere(SortOrder.byName(), false);
    ProgramSqlBuilder.Sql rank =
        new ProgramSqlBuilder(filter, TODAY).sortKey(new SortOrder(ProgramSort.RELEVANCE, true, 3));

    assertThat(where.text.toString())
        .contains("websearch_to_tsquery('simple', ?)")
        .doesNotContain("DROP");
    assertThat(where.params).containsExactly(hostile, hostile);
    assertThat(rank.params).containsExactly(hostile, hostile);
  }

  @Test
  void shouldRefuseARelevanceSortWithoutSearchText() {
    assertThatThrownBy(
            () ->
                new ProgramSqlBuilder(ProgramFilter.none(), TODAY)
                    .sortKey(new SortOrder(ProgramSort.RELEVANCE, true, 3)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("sort"));
  }

  @Test
  void shouldJoinTheCostWindowOnlyForCostSortsOrCostColumns() {
    ProgramSqlBuilder builder = new ProgramSqlBuilder(ProgramFilter.none(), TODAY);

    assertThat(builder.fromWhere(SortOrder.byName(), false).text.toString())
        .doesNotContain("program_cost");
    assertThat(
            builder
                .fromWhere(new SortOrder(ProgramSort.EXAM_MINUTES, false, 3), false)
                .text
                .toString())
        .doesNotContain("program_cost");
    assertThat(builder.fromWhere(SortOrder.byName(), true).text.toString())
        .contains("LEFT JOIN LATERAL");
    for (ProgramSort cost :
        new ProgramSort[] {ProgramSort.INITIAL_COST, ProgramSort.COST_OF_OWNERSHIP}) {
      ProgramSqlBuilder.Sql sql = builder.fromWhere(new SortOrder(cost, false, 3), false);
      assertThat(sql.text.toString()).as(cost.name()).contains("LEFT JOIN LATERAL");
      assertThat(sql.params)
          .as(cost.name())
          .containsExactly("USD", TODAY, TODAY, "USD", TODAY, TODAY);
    }
  }

  @Test
  void shouldReadTheAudiencesColumnsAndTheFiltersCurrency() {
    ProgramFilter members = filter(null, null, null, "EUR", PriceAudience.MEMBER);

    ProgramSqlBuilder.Sql columns = new ProgramSqlBuilder(members, TODAY).costColumns();

    assertThat(columns.text.toString())
        .contains("r.member_initial_min_cents", "c.member_renewal_max")
        .doesNotContain("any_", "non_member_");
    assertThat(columns.params).hasSize(12).containsOnly("EUR", TODAY);
    assertThat(
            new ProgramSqlBuilder(filter(null, null, null, null, PriceAudience.NON_MEMBER), TODAY)
                .costColumns()
                .text
                .toString())
        .contains("r.non_member_initial_min_cents");
    assertThat(new ProgramSqlBuilder(ProgramFilter.none(), TODAY).costColumns().text.toString())
        .contains("r.any_initial_min_cents");
  }

  @Test
  void shouldBindTheHorizonOfACostOfOwnershipSort() {
    ProgramSqlBuilder.Sql key =
        new ProgramSqlBuilder(ProgramFilter.none(), TODAY)
            .sortKey(new SortOrder(ProgramSort.COST_OF_OWNERSHIP, false, 7));

    assertThat(key.text.toString()).contains("floor(?::numeric");
    assertThat(key.params).containsExactly("USD", TODAY, TODAY, 7, "USD", TODAY, TODAY);
  }

  @Test
  void shouldCompareCentsExactlyAtPriceBounds() {
    ProgramFilter bounded =
        filter(null, new BigDecimal("10.001"), new BigDecimal("99.999"), null, null);

    ProgramSqlBuilder.Sql sql =
        new ProgramSqlBuilder(bounded, TODAY).fromWhere(SortOrder.byName(), false);

    // The cost range must reach the lower bound (ceiling) and start at or below the upper (floor).
    assertThat(sql.text.toString())
        .contains(
            "r.any_initial_max_cents >= ?",
            "r.any_initial_min_cents <= ?",
            "w.any_initial_max >= ?",
            "w.any_initial_min <= ?");
    assertThat(sql.params)
        .startsWith(1001L, 9999L)
        .contains(new BigDecimal("10.001"), new BigDecimal("99.999"));
    assertThat(ProgramSqlBuilder.cents(new BigDecimal("1e30"), RoundingMode.FLOOR))
        .isEqualTo(Long.MAX_VALUE);
    assertThat(ProgramSqlBuilder.cents(new BigDecimal("-1e30"), RoundingMode.CEILING))
        .isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void shouldFingerprintDifferentQueriesDifferently() {
    String byName = ProgramSqlBuilder.fingerprint(ProgramFilter.none(), SortOrder.byName());

    assertThat(ProgramSqlBuilder.fingerprint(ProgramFilter.none(), SortOrder.byName()))
        .isEqualTo(byName);
    assertThat(
            ProgramSqlBuilder.fingerprint(
                ProgramFilter.none(), new SortOrder(ProgramSort.NAME, true, 3)))
        .isNotEqualTo(byName);
    assertThat(
            ProgramSqlBuilder.fingerprint(filter("cx", null, null, null, null), SortOrder.byName()))
        .isNotEqualTo(byName);
  }

  /** For any filter and sort: one bound value per placeholder, and no client text in the SQL. */
  @Property(tries = 500)
  void shouldBindOneValuePerPlaceholder(
      @ForAll("filters") ProgramFilter filter,
      @ForAll("orders") SortOrder order,
      @ForAll boolean withCost) {
    net.jqwik.api.Assume.that(order.sort() != ProgramSort.RELEVANCE || filter.q() != null);
    ProgramSqlBuilder builder = new ProgramSqlBuilder(filter, TODAY);

    for (ProgramSqlBuilder.Sql sql :
        List.of(
            builder.fromWhere(order, withCost), builder.sortKey(order), builder.costColumns())) {
      String text = sql.text.toString();
      assertThat(text.chars().filter(c -> c == '?').count()).as(text).isEqualTo(sql.params.size());
      if (filter.q() != null) {
        assertThat(text).doesNotContain(filter.q());
      }
      for (String provider : filter.providers()) {
        assertThat(text).doesNotContain(provider);
      }
    }
  }

  @Provide
  Arbitrary<ProgramFilter> filters() {
    Arbitrary<String> text =
        Arbitraries.strings()
            .withChars("abcxyz'\";-?")
            .ofMinLength(3)
            .ofMaxLength(12)
            .map(s -> "Q" + s)
            .injectNull(0.5);
    Arbitrary<List<String>> providers =
        Arbitraries.strings()
            .withChars("'?;PQ")
            .ofMinLength(2)
            .ofMaxLength(8)
            .map(s -> "P" + s)
            .list()
            .ofMaxSize(3);
    Arbitrary<BigDecimal> amount =
        Arbitraries.bigDecimals()
            .between(BigDecimal.ZERO, new BigDecimal("1e12"))
            .ofScale(3)
            .injectNull(0.5);
    Arbitrary<Integer> bound = Arbitraries.integers().between(0, 1000).injectNull(0.5);
    Arbitrary<PriceAudience> audience = Arbitraries.of(PriceAudience.class).injectNull(0.3);
    Arbitrary<List<Level>> levels = Arbitraries.of(Level.class).list().ofMaxSize(3);
    return Combinators.combine(providers, text, amount, amount, audience, bound, bound, levels)
        .as(
            (p, q, min, max, aud, minutes, credits, lv) ->
                new ProgramFilter(
                    p, null, lv, null, null, null, null, null, null, q, min, max, null, aud,
                    minutes, null, null, credits, null, null));
  }

  @Provide
  Arbitrary<SortOrder> orders() {
    return Combinators.combine(
            Arbitraries.of(ProgramSort.class),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(1, 50))
        .as(SortOrder::new);
  }

  private static ProgramFilter filter(
      String q, BigDecimal priceMin, BigDecimal priceMax, String currency, PriceAudience audience) {
    return new ProgramFilter(
        null, null, null, null, null, null, null, null, null, q, priceMin, priceMax, currency,
        audience, null, null, null, null, null, null);
  }
}
