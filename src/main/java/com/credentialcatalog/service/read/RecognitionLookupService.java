package com.credentialcatalog.service.read;

import com.credentialcatalog.domain.AudienceRole;
import com.credentialcatalog.domain.Competency;
import com.credentialcatalog.domain.CredentialNames;
import com.credentialcatalog.domain.Program;
import com.credentialcatalog.observability.CatalogMetrics;
import com.credentialcatalog.repository.AliasLookupRepository;
import com.credentialcatalog.repository.AliasLookupRepository.Hit;
import com.credentialcatalog.repository.ProgramRepository;
import com.credentialcatalog.view.LookupResult;
import com.credentialcatalog.view.LookupResult.Candidate;
import com.credentialcatalog.view.LookupResult.MatchType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maps names found in job ads to programs (README "For job-board scrapers"): exact alias match
 * first, then trigram similarity above {@value #SIMILARITY_THRESHOLD}. Homonyms come back together,
 * flagged ambiguous, each with what tells it apart.
 */
@ApplicationScoped
public class RecognitionLookupService {

  /** Below this pg_trgm similarity a name is not considered to mean a program. */
  public static final double SIMILARITY_THRESHOLD = 0.45;

  /** Fuzzy candidates this close to the best one are equally plausible: the input is ambiguous. */
  static final double AMBIGUITY_MARGIN = 0.05;

  private final AliasLookupRepository aliases;
  private final ProgramRepository programs;
  private final CatalogMetrics metrics;

  public RecognitionLookupService(
      AliasLookupRepository aliases, ProgramRepository programs, CatalogMetrics metrics) {
    this.aliases = aliases;
    this.programs = programs;
    this.metrics = metrics;
  }

  /** Looks up every name; a name that matches nothing gets no candidates, never an error. */
  @Transactional
  public LookupResult lookup(List<String> names) {
    List<String> normalized = names.stream().map(CredentialNames::normalize).toList();
    List<Hit> exact = aliases.exact(normalized);
    Set<Integer> matched = exact.stream().map(Hit::index).collect(Collectors.toSet());
    // Only names without an exact match are worth a fuzzy search; blanks match nothing.
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < normalized.size(); i++) {
      rest.add(matched.contains(i) ? "" : normalized.get(i));
    }
    List<Hit> fuzzy =
        rest.stream().allMatch(String::isEmpty)
            ? List.of()
            : aliases.similar(rest, SIMILARITY_THRESHOLD);

    Set<Long> ids = new HashSet<>();
    exact.forEach(h -> ids.add(h.programId()));
    fuzzy.forEach(h -> ids.add(h.programId()));
    Map<Long, Program> byId =
        ids.isEmpty()
            ? Map.of()
            : programs
                .getEntityManager()
                .createQuery(
                    "from Program p left join fetch p.provider where p.id in :ids", Program.class)
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));

    List<LookupResult.Match> results = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      int index = i;
      boolean isExact = matched.contains(i);
      List<Hit> hits = (isExact ? exact : fuzzy).stream().filter(h -> h.index() == index).toList();
      Map<Long, Hit> bestPerProgram = new LinkedHashMap<>();
      for (Hit h : hits) {
        bestPerProgram.merge(h.programId(), h, (a, b) -> a.similarity() >= b.similarity() ? a : b);
      }
      List<Candidate> candidates =
          bestPerProgram.values().stream()
              .sorted(
                  Comparator.comparingDouble(Hit::similarity)
                      .reversed()
                      .thenComparing(h -> byId.get(h.programId()).slug))
              .map(
                  h ->
                      candidate(
                          byId.get(h.programId()), h, isExact ? MatchType.EXACT : MatchType.FUZZY))
              .toList();
      boolean ambiguous =
          candidates.size() > 1
              && (isExact
                  || candidates.get(1).confidence()
                      >= candidates.get(0).confidence() - AMBIGUITY_MARGIN);
      results.add(new LookupResult.Match(names.get(i), normalized.get(i), ambiguous, candidates));
    }
    metrics.lookup(
        results.size(), (int) results.stream().filter(r -> !r.candidates().isEmpty()).count());
    return new LookupResult(results, SIMILARITY_THRESHOLD);
  }

  private static Candidate candidate(Program p, Hit hit, MatchType type) {
    double confidence =
        type == MatchType.EXACT ? 1.0 : Math.round(hit.similarity() * 1000) / 1000.0;
    return new Candidate(
        p.slug,
        p.name,
        p.acronym,
        ProgramAssembler.summary(p.provider),
        p.credentialType,
        ProgramAssembler.enums(p.competencies, Competency.class),
        ProgramAssembler.enums(p.audienceRoles, AudienceRole.class),
        confidence,
        hit.alias(),
        type,
        distinguishedBy(p));
  }

  /** A short, human description of what sets this program apart from same-named ones. */
  static String distinguishedBy(Program p) {
    List<String> parts = new ArrayList<>();
    parts.add(
        p.name + " (" + p.credentialType.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
    parts.add(
        p.provider == null
            ? "no single issuer named in the sources"
            : "issued by " + p.provider.name);
    if (!p.audienceRoles.isEmpty()) {
      parts.add("for " + words(p.audienceRoles));
    }
    if (!p.competencies.isEmpty()) {
      parts.add("covers " + words(p.competencies.subList(0, Math.min(3, p.competencies.size()))));
    }
    return String.join("; ", parts);
  }

  private static String words(List<String> values) {
    return values.stream()
        .map(v -> v.toLowerCase(Locale.ROOT).replace('_', ' '))
        .collect(Collectors.joining(", "));
  }
}
