package com.credentialcatalog.graphql;

import com.credentialcatalog.domain.FeeType;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.query.Bounds;
import com.credentialcatalog.query.Facet;
import com.credentialcatalog.service.compute.CostOfOwnershipCalculator;
import com.credentialcatalog.service.read.ProviderService;
import com.credentialcatalog.service.read.RequestProgramLoader;
import com.credentialcatalog.service.read.RequestProgramLoader.ProgramCore;
import com.credentialcatalog.view.CostOfOwnership;
import com.credentialcatalog.view.ProviderView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

/**
 * The fields of {@code Program} that are not its own facts, and the facets of a program connection.
 * Each child kind is a batch resolver: one call, and a fixed number of statements, for every
 * program of the page, whatever the page size. Fields with arguments ({@code prices}, {@code
 * costOfOwnership}) and {@code sources} are computed per program, without blocking, from data its
 * {@link ProgramGroup} loads once for the whole page (see there why).
 */
@GraphQLApi
public class ProgramFields {

  private final RequestProgramLoader children;
  private final ProviderService providers;
  private final Clock clock;
  private final ManagedExecutor executor;

  public ProgramFields(
      RequestProgramLoader children,
      ProviderService providers,
      Clock clock,
      ManagedExecutor executor) {
    this.children = children;
    this.providers = providers;
    this.clock = clock;
    this.executor = executor;
  }

  @Description("The provider that owns the program; null when the sources name none")
  public List<ProviderNode> provider(@Source List<ProgramNode> programs) {
    Set<String> slugs = new LinkedHashSet<>();
    programs.forEach(
        p -> {
          if (p.core().provider() != null) {
            slugs.add(p.core().provider());
          }
        });
    Map<String, ProviderView> found = providers.viewsOf(slugs);
    return programs.stream()
        .map(
            p ->
                p.core().provider() == null
                    ? null
                    : ProviderNode.of(found.get(p.core().provider())))
        .toList();
  }

  @Description("The program that replaces this one")
  public List<ProgramNode> supersededBy(@Source List<ProgramNode> programs) {
    Set<String> slugs = new LinkedHashSet<>();
    programs.forEach(
        p -> {
          if (p.core().supersededBy() != null) {
            slugs.add(p.core().supersededBy());
          }
        });
    Map<String, ProgramCore> found = children.coresBySlug(slugs);
    Map<String, ProgramNode> nodes = new HashMap<>();
    ProgramNode.of(found.values()).forEach(n -> nodes.put(n.getSlug(), n));
    return programs.stream()
        .map(p -> p.core().supersededBy() == null ? null : nodes.get(p.core().supersededBy()))
        .toList();
  }

  @NonNull
  @Description("Names the program goes by in job ads, oldest first")
  public List<@NonNull List<@NonNull String>> aliases(@Source List<ProgramNode> programs) {
    return perProgram(programs, children::aliases, Function.identity());
  }

  @NonNull
  @Description("Exam formats")
  public List<@NonNull List<@NonNull ExamFormatType>> exams(@Source List<ProgramNode> programs) {
    return perProgram(programs, children::exams, ExamFormatType::of);
  }

  @Description("How the credential is kept current; null when unknown")
  public List<RenewalPolicyType> renewal(@Source List<ProgramNode> programs) {
    Map<Long, RequestProgramLoader.Renewal> found = children.renewals(ids(programs));
    return programs.stream()
        .map(p -> found.get(p.id()))
        .map(r -> r == null ? null : RenewalPolicyType.of(r))
        .toList();
  }

  @NonNull
  @Description(
      "Ways to qualify: a candidate is eligible when every condition of any one route holds")
  public List<@NonNull List<@NonNull EligibilityRouteType>> eligibility(
      @Source List<ProgramNode> programs) {
    return perProgram(programs, children::eligibility, EligibilityRouteType::of);
  }

  @NonNull
  @Description("Outcome figures the sources state")
  public List<@NonNull List<@NonNull OutcomeClaimType>> outcomes(
      @Source List<ProgramNode> programs) {
    return perProgram(programs, children::outcomes, OutcomeClaimType::of);
  }

  @NonNull
  @Description(
      "Price rows, ordered by fee type, audience and validFrom. Without asOf every row, history"
          + " included (as GET /api/v1/programs/{slug}); with asOf the rows in force that day.")
  public CompletionStage<List<@NonNull PriceType>> prices(
      @Source ProgramNode program,
      @Name("feeType") @Description("Only these fee types") List<FeeType> feeType,
      @Name("asOf") @Description("Only the rows in force on this day") LocalDate asOf) {
    return program
        .group()
        .prices(program.id(), children, executor)
        .thenApply(
            rows ->
                rows.stream()
                    .filter(
                        p ->
                            feeType == null
                                || feeType.isEmpty()
                                || feeType.contains(p.body().feeType()))
                    .filter(p -> asOf == null || CostOfOwnershipCalculator.inForce(p.body(), asOf))
                    .map(PriceType::of)
                    .toList());
  }

  @Description(
      "Cost of ownership over a horizon: required initial fees plus renewals (⌊horizon / cycle⌋ ×"
          + " renewal fee), as GET /api/v1/programs/{slug}/cost computes it")
  public CompletionStage<CostOfOwnership> costOfOwnership(
      @Source ProgramNode program,
      @Name("horizonYears") @DefaultValue("3") @Description("Years of ownership, 1–50")
          Integer horizonYearsOrNull,
      @Name("audience")
          @Description("MEMBER or NON_MEMBER; default: every audience (the range spans them)")
          PriceAudience audience,
      @Name("currency") @Description("ISO 4217 currency; default: the program's only currency")
          String currency,
      @Name("asOf") @Description("Date whose prices are used; default today") LocalDate asOf) {
    int horizonYears = Bounds.horizonYears(horizonYearsOrNull);
    Bounds.currency("currency", currency);
    LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
    return program
        .group()
        .detail(program.id(), children, executor)
        .thenApply(
            detail ->
                CostOfOwnershipCalculator.compute(detail, horizonYears, audience, currency, date));
  }

  @NonNull
  @Description("Every source the program's facts refer to")
  public CompletionStage<List<@NonNull SourceType>> sources(@Source ProgramNode program) {
    return program
        .group()
        .detail(program.id(), children, executor)
        .thenApply(
            detail ->
                detail == null
                    ? List.of()
                    : detail.sources().stream()
                        .map(SourceType::of)
                        .filter(Objects::nonNull)
                        .toList());
  }

  @NonNull
  @Description(
      "Per field, how many programs of the whole filtered set have each value, most frequent first")
  public List<@NonNull FacetCounts> facets(
      @Source ProgramConnection connection,
      @NonNull @Name("fields") @Description("The fields to count") List<@NonNull Facet> fields) {
    return fields.stream()
        .distinct()
        .map(
            f -> {
              Map<String, Long> counts = connection.counts().getOrDefault(f, Map.of());
              return new FacetCounts(
                  f,
                  counts.entrySet().stream()
                      .map(
                          e ->
                              new FacetCounts.FacetCount(e.getKey(), Math.toIntExact(e.getValue())))
                      .toList());
            })
        .toList();
  }

  private static List<Long> ids(List<ProgramNode> programs) {
    return programs.stream().map(ProgramNode::id).distinct().toList();
  }

  private <V, T> List<List<T>> perProgram(
      List<ProgramNode> programs,
      Function<List<Long>, Map<Long, List<V>>> load,
      Function<V, T> map) {
    Map<Long, List<V>> found = load.apply(ids(programs));
    return programs.stream()
        .map(p -> found.getOrDefault(p.id(), List.of()).stream().map(map).toList())
        .toList();
  }
}
