package com.credentialcatalog.graphql;

import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.query.Bounds;
import com.credentialcatalog.query.Facet;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.query.ProgramFilter;
import com.credentialcatalog.query.ProviderFilter;
import com.credentialcatalog.query.SortOrder;
import com.credentialcatalog.query.Vocabulary;
import com.credentialcatalog.request.EligibilityProfile;
import com.credentialcatalog.service.read.ProgramQueryService;
import com.credentialcatalog.service.read.ProgramService;
import com.credentialcatalog.service.read.ProviderService;
import com.credentialcatalog.service.read.RequestProgramLoader;
import com.credentialcatalog.view.Comparison;
import com.credentialcatalog.view.CostOfOwnership;
import com.credentialcatalog.view.ProgramEligibility;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import io.smallrye.graphql.api.Context;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * The read operations of the GraphQL adapter: the same services, filters and bounds as the REST
 * resources, shaped for front-ends (Relay connections, nested data in one round trip).
 */
@GraphQLApi
public class CatalogQueries {

  static final int DEFAULT_FIRST = Bounds.DEFAULT_PAGE_SIZE;

  /** How a page's arguments name the core's paging and ordering fields. */
  private static final Map<String, String> PAGING =
      Map.of(
          "limit", "first",
          "cursor", "after",
          "nextCursor", "endCursor",
          "sort", "orderBy",
          "horizonYears", "orderBy.horizonYears");

  /** The names of {@code programs} and {@code eligibility}: filter fields under {@code filter}. */
  static final Vocabulary PROGRAMS = Vocabulary.nested("filter.", ProgramFilter.class).with(PAGING);

  /** The names of {@code providers}. */
  static final Vocabulary PROVIDERS =
      Vocabulary.nested("filter.", ProviderFilter.class).with(PAGING);

  private final RequestProgramLoader children;
  private final ProgramQueryService query;
  private final ProgramService programs;
  private final ProviderService providers;
  private final Validator validator;
  private final Context context;

  public CatalogQueries(
      RequestProgramLoader children,
      ProgramQueryService query,
      ProgramService programs,
      ProviderService providers,
      Validator validator,
      Context context) {
    this.children = children;
    this.query = query;
    this.programs = programs;
    this.providers = providers;
    this.validator = validator;
    this.context = context;
  }

  @Query("program")
  @Description("One program by slug; NOT_FOUND when no program has it.")
  public ProgramNode program(@NonNull @Name("slug") String slug) {
    return ProgramNode.of(children.core(slug));
  }

  @Query("programs")
  @Description(
      "Find programs: filter, search, order and page through them (keyset pages: follow"
          + " pageInfo.endCursor). The filter and order mean exactly what GET /api/v1/programs's parameters mean."
          + " totalCount and facets cost one extra statement, only when selected.")
  public ProgramConnection programs(
      @Name("filter") ProgramFilterInput filter,
      @Name("orderBy") ProgramOrderInput orderBy,
      @Name("first") @DefaultValue("20") @Description("Page size, 1–100") Integer first,
      @Name("after") @Description("endCursor (or an edge's cursor) of the previous page")
          String after) {
    DataFetchingFieldSelectionSet selection = selection();
    return programs(
        filter,
        orderBy,
        first,
        after,
        requestedFacets(selection),
        selection != null && selection.contains("totalCount"));
  }

  /**
   * A page of programs, with the total and the facet counts only when the selection asks for them;
   * what {@code programs} answers, for {@link DirectReads} too.
   */
  ProgramConnection programs(
      ProgramFilterInput filter,
      ProgramOrderInput orderBy,
      Integer first,
      String after,
      Set<Facet> facets,
      boolean withTotal) {
    return PROGRAMS.bind(
        () -> {
          ProgramFilter f = ProgramFilterInput.toFilter(filter);
          SortOrder order = ProgramOrderInput.toOrder(orderBy, f.q() != null);
          return connection(
              children.findCores(f, order, after, Bounds.pageSize(first), facets, withTotal),
              after);
        });
  }

  private static ProgramConnection connection(RequestProgramLoader.CorePage page, String after) {
    List<ProgramNode> nodes = ProgramNode.of(page.items());
    List<ProgramConnection.ProgramEdge> edges = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      edges.add(new ProgramConnection.ProgramEdge(page.cursors(), i, nodes.get(i)));
    }
    return new ProgramConnection(
        edges,
        PageInfo.of(page.cursors(), page.nextCursor(), after),
        page.totalCount() < 0 ? null : Math.toIntExact(page.totalCount()),
        page.facets());
  }

  @Query("provider")
  @Description("One provider by slug; NOT_FOUND when no provider has it.")
  public ProviderNode provider(@NonNull @Name("slug") String slug) {
    return ProviderNode.of(providers.get(slug));
  }

  @Query("providers")
  @Description("Providers with their program counts, in keyset pages (follow pageInfo.endCursor).")
  public ProviderConnection providers(
      @Name("filter") ProviderFilterInput filter,
      @Name("orderBy") ProviderOrderInput orderBy,
      @Name("first") @DefaultValue("20") @Description("Page size, 1–100") Integer first,
      @Name("after") @Description("endCursor (or an edge's cursor) of the previous page")
          String after) {
    ProviderService.CursorPage page =
        PROVIDERS.bind(
            () ->
                providers.findWithCursors(
                    ProviderFilterInput.toFilter(filter),
                    ProviderOrderInput.toSort(orderBy),
                    Bounds.pageSize(first),
                    after));
    List<ProviderConnection.ProviderEdge> edges = new ArrayList<>();
    for (int i = 0; i < page.items().size(); i++) {
      edges.add(
          new ProviderConnection.ProviderEdge(
              page.cursors().get(i), ProviderNode.of(page.items().get(i))));
    }
    return new ProviderConnection(edges, PageInfo.of(page.cursors(), page.nextCursor(), after));
  }

  @Query("compare")
  @Description(
      "2–10 programs side by side: a row per attribute, a column per program, findings and each"
          + " program's difference to the best, as GET /api/v1/compare.")
  public Comparison compare(
      @NonNull @Name("programs") @Description("2–10 program slugs") List<String> slugs,
      @Name("horizonYears") @DefaultValue("3") @Description("Years of ownership, 1–50")
          Integer horizonYears,
      @Name("audience") @Description("MEMBER or NON_MEMBER; default: every audience")
          PriceAudience audience,
      @Name("currency") @Description("ISO 4217 currency to count in (default USD)")
          String currency) {
    return programs.compare(
        slugs, Bounds.horizonYears(horizonYears), audience, Bounds.currency("currency", currency));
  }

  @Query("costOfOwnership")
  @Description("Cost of ownership of one program, as GET /api/v1/programs/{slug}/cost.")
  public CostOfOwnership costOfOwnership(
      @NonNull @Name("program") @Description("Program slug") String slug,
      @Name("horizonYears") @DefaultValue("3") @Description("Years of ownership, 1–50")
          Integer horizonYears,
      @Name("audience")
          @Description("MEMBER or NON_MEMBER; default: every audience (the range spans them)")
          PriceAudience audience,
      @Name("currency") @Description("ISO 4217 currency; default: the program's only currency")
          String currency,
      @Name("asOf") @Description("Date whose prices are used; default today") LocalDate asOf) {
    return programs.cost(
        slug,
        Bounds.horizonYears(horizonYears),
        audience,
        Bounds.currency("currency", currency),
        asOf);
  }

  @Query("eligibility")
  @Description(
      "Which programs a candidate can sit now, and exactly what is missing for the others, as POST"
          + " /api/v1/eligibility. The programs are chosen, ordered and paged like `programs`.")
  public EligibilityConnection eligibility(
      @NonNull @Name("profile") EligibilityProfile profile,
      @Name("filter") ProgramFilterInput filter,
      @Name("orderBy") ProgramOrderInput orderBy,
      @Name("first") @DefaultValue("20") @Description("Page size, 1–100") Integer first,
      @Name("after") @Description("endCursor (or an edge's cursor) of the previous page")
          String after) {
    InvalidInputException.check(profile, validator);
    DataFetchingFieldSelectionSet selection = selection();
    boolean withTotal = selection != null && selection.contains("totalCount");
    ProgramQueryService.DetailPage page =
        PROGRAMS.bind(
            () -> {
              ProgramFilter f = ProgramFilterInput.toFilter(filter);
              SortOrder order = ProgramOrderInput.toOrder(orderBy, f.q() != null);
              return query.findDetails(
                  f, order, after, Bounds.pageSize(first), Set.of(), withTotal);
            });
    List<ProgramEligibility> results = programs.eligibility(page.items(), profile);
    List<EligibilityConnection.EligibilityEdge> edges = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      edges.add(new EligibilityConnection.EligibilityEdge(page.cursors().get(i), results.get(i)));
    }
    return new EligibilityConnection(
        edges,
        PageInfo.of(page.cursors(), page.nextCursor(), after),
        page.totalCount() < 0 ? null : Math.toIntExact(page.totalCount()));
  }

  /**
   * What the client selected under the current field, to compute totals and facets only when asked.
   */
  private DataFetchingFieldSelectionSet selection() {
    DataFetchingEnvironment env = context.unwrap(DataFetchingEnvironment.class);
    return env == null ? null : env.getSelectionSet();
  }

  /** The union of the fields every {@code facets(fields: …)} selection asks for. */
  private static Set<Facet> requestedFacets(DataFetchingFieldSelectionSet selection) {
    Set<Facet> facets = EnumSet.noneOf(Facet.class);
    if (selection == null) {
      return facets;
    }
    for (SelectedField field : selection.getImmediateFields()) {
      if (!field.getName().equals("facets")) {
        continue;
      }
      Object fields = field.getArguments().get("fields");
      if (fields instanceof List<?> values) {
        for (Object v : values) {
          Facet facet = v instanceof Facet f ? f : Facet.fromParameter(String.valueOf(v));
          if (facet != null) {
            facets.add(facet);
          }
        }
      }
    }
    return facets;
  }
}
