package com.credentialcatalog.repository;

import com.credentialcatalog.domain.EligibilityRoute;
import com.credentialcatalog.domain.ExamFormat;
import com.credentialcatalog.domain.OutcomeClaim;
import com.credentialcatalog.domain.Price;
import com.credentialcatalog.domain.Program;
import com.credentialcatalog.domain.ProgramAlias;
import com.credentialcatalog.domain.RenewalPolicy;
import com.credentialcatalog.domain.Source;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Programs and their children. Children are loaded for many programs at once (one statement per
 * kind of child), so a page of programs costs the same few statements whatever its size.
 */
@ApplicationScoped
public class ProgramRepository implements PanacheRepositoryBase<Program, Long> {

  /** A program with what every view of it shows (provider, source, successor): one statement. */
  public static final String WITH_REFERENCES =
      "from Program p left join fetch p.provider"
          + " left join fetch p.source left join fetch p.supersededBy";

  public Optional<Program> findBySlug(String slug) {
    return find(WITH_REFERENCES + " where p.slug = ?1", slug).firstResultOptional();
  }

  /**
   * The program, row-locked until the transaction ends: writes to one aggregate run one after the
   * other, so the version a write compares is the one it changes.
   */
  public Optional<Program> lockBySlug(String slug) {
    return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
  }

  public boolean existsBySlug(String slug) {
    return count("slug", slug) > 0;
  }

  /** Slugs of the programs that name {@code program} as their successor, sorted. */
  public List<String> slugsSupersededBy(Program program) {
    return getEntityManager()
        .createQuery(
            "select p.slug from Program p where p.supersededBy = :program order by p.slug",
            String.class)
        .setParameter("program", program)
        .getResultList();
  }

  /** One price row of the program with this slug, with its source. */
  public Optional<Price> price(String programSlug, long id) {
    return getEntityManager()
        .createQuery(
            "from Price p left join fetch p.source where p.id = :id and p.program.slug = :slug",
            Price.class)
        .setParameter("id", id)
        .setParameter("slug", programSlug)
        .getResultStream()
        .findFirst();
  }

  /** One exam format of the program with this slug. */
  public Optional<ExamFormat> exam(String programSlug, long id) {
    return getEntityManager()
        .createQuery(
            "from ExamFormat e join fetch e.program p where e.id = :id and p.slug = :slug",
            ExamFormat.class)
        .setParameter("id", id)
        .setParameter("slug", programSlug)
        .getResultStream()
        .findFirst();
  }

  /** The program's renewal policy, if it has one (at most one). */
  public Optional<RenewalPolicy> renewal(Program program) {
    return getEntityManager()
        .createQuery("from RenewalPolicy r where r.program = :program", RenewalPolicy.class)
        .setParameter("program", program)
        .getResultStream()
        .findFirst();
  }

  /** The program's aliases, oldest first. */
  public List<ProgramAlias> aliases(Program program) {
    return getEntityManager()
        .createQuery(
            "from ProgramAlias a where a.program = :program order by a.id", ProgramAlias.class)
        .setParameter("program", program)
        .getResultList();
  }

  /** Programs by id with their references, in the order of {@code ids}; unknown ids are skipped. */
  public List<Program> findByIdsInOrder(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, Program> byId =
        getEntityManager()
            .createQuery(WITH_REFERENCES + " where p.id in :ids", Program.class)
            .setParameter("ids", ids)
            .getResultList()
            .stream()
            .collect(Collectors.toMap(p -> p.id, Function.identity()));
    return ids.stream().map(byId::get).filter(p -> p != null).toList();
  }

  /** Programs by slug with their references; slugs that name nothing are absent from the map. */
  public Map<String, Program> findBySlugs(Collection<String> slugs) {
    if (slugs.isEmpty()) {
      return Map.of();
    }
    return getEntityManager()
        .createQuery(WITH_REFERENCES + " where p.slug in :slugs", Program.class)
        .setParameter("slugs", slugs)
        .getResultList()
        .stream()
        .collect(Collectors.toMap(p -> p.slug, Function.identity()));
  }

  public Map<Long, List<ProgramAlias>> aliasesOf(Collection<Long> programIds) {
    return byProgram(
        programIds,
        "from ProgramAlias a where a.program.id in :ids order by a.id",
        ProgramAlias.class,
        a -> a.program.id);
  }

  public Map<Long, List<Price>> pricesOf(Collection<Long> programIds) {
    return byProgram(
        programIds,
        "from Price p where p.program.id in :ids"
            + " order by p.feeType, p.audience, p.validFrom nulls first, p.id",
        Price.class,
        p -> p.program.id);
  }

  public Map<Long, List<ExamFormat>> examsOf(Collection<Long> programIds) {
    return byProgram(
        programIds,
        "select distinct e from ExamFormat e left join fetch e.testVendors"
            + " where e.program.id in :ids order by e.id",
        ExamFormat.class,
        e -> e.program.id);
  }

  public Map<Long, List<RenewalPolicy>> renewalsOf(Collection<Long> programIds) {
    return byProgram(
        programIds,
        "from RenewalPolicy r where r.program.id in :ids",
        RenewalPolicy.class,
        r -> r.program.id);
  }

  public Map<Long, List<EligibilityRoute>> routesOf(Collection<Long> programIds) {
    return byProgram(
        programIds,
        "select distinct r from EligibilityRoute r left join fetch r.conditions"
            + " where r.program.id in :ids order by r.position",
        EligibilityRoute.class,
        r -> r.program.id);
  }

  public Map<Long, List<OutcomeClaim>> outcomesOf(Collection<Long> programIds) {
    return byProgram(
        programIds,
        "from OutcomeClaim o where o.program.id in :ids order by o.id",
        OutcomeClaim.class,
        o -> o.program.id);
  }

  public Map<Long, Source> sourcesById(Collection<Long> sourceIds) {
    if (sourceIds.isEmpty()) {
      return Map.of();
    }
    return getEntityManager()
        .createQuery("from Source s where s.id in :ids", Source.class)
        .setParameter("ids", sourceIds)
        .getResultStream()
        .collect(Collectors.toMap(s -> s.id, Function.identity()));
  }

  private <T> Map<Long, List<T>> byProgram(
      Collection<Long> programIds, String jpql, Class<T> type, Function<T, Long> programId) {
    if (programIds.isEmpty()) {
      return Map.of();
    }
    // getResultList, not getResultStream: with a join fetch the stream yields one row per child,
    // i.e. the same parent repeatedly with a half-initialized collection.
    return getEntityManager()
        .createQuery(jpql, type)
        .setParameter("ids", programIds)
        .getResultList()
        .stream()
        .collect(Collectors.groupingBy(programId, LinkedHashMap::new, Collectors.toList()));
  }
}
