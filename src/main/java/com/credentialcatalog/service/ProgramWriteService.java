package com.credentialcatalog.service;

import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.domain.AudienceRole;
import com.credentialcatalog.domain.ChangeOperation;
import com.credentialcatalog.domain.Competency;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.Program;
import com.credentialcatalog.domain.ProgramStatus;
import com.credentialcatalog.domain.Provider;
import com.credentialcatalog.security.ProviderScope;
import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.view.write.ProgramInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Creates, replaces and deletes programs. A provider editor writes only programs of the providers
 * its token names, may not move a program to another provider, and may not write a program that
 * has no provider. Every write appends a change event and returns the full {@link ProgramDetail}.
 */
@ApplicationScoped
public class ProgramWriteService {

  static final String ENTITY = "program";

  private final EntityManager em;
  private final WriteGuard guard;
  private final ProviderScope scope;
  private final ChangeLog changeLog;
  private final ProgramAssembler assembler;

  public ProgramWriteService(EntityManager em, WriteGuard guard, ProviderScope scope, ChangeLog changeLog,
      ProgramAssembler assembler) {
    this.em = em;
    this.guard = guard;
    this.scope = scope;
    this.changeLog = changeLog;
    this.assembler = assembler;
  }

  /**
   * Creates a program.
   *
   * @throws ConflictException when the slug is taken
   * @throws InvalidInputException when the slug is missing or a referenced slug unknown
   */
  @Transactional
  public ProgramDetail create(ProgramInput input) {
    scope.requireProvider(input.provider(), "create programs for");
    if (input.slug() == null) {
      throw new InvalidInputException("slug", "must not be null");
    }
    if (exists(input.slug())) {
      throw new ConflictException("A program with slug '" + input.slug() + "' already exists");
    }
    Program program = new Program();
    program.slug = input.slug();
    apply(program, input);
    em.persist(program);
    em.flush();
    changeLog.record(ENTITY, program.slug, ChangeOperation.CREATE, scope.actor());
    return assembler.details(List.of(program)).get(0);
  }

  /** The program's own fields as a client writes them: the base of a merge patch. */
  static ProgramInput input(Program p) {
    return new ProgramInput(p.slug, p.name, p.acronym, WriteGuard.providerSlug(p), p.credentialType, p.level,
        ProgramAssembler.enums(p.audienceRoles, AudienceRole.class),
        ProgramAssembler.enums(p.competencies, Competency.class),
        ProgramAssembler.enums(p.deliveryModes, DeliveryMode.class),
        List.copyOf(p.languages), p.studyHoursMin, p.studyHoursMax, p.durationWeeksMin, p.durationWeeksMax,
        p.launchYear, p.status, p.supersededBy == null ? null : p.supersededBy.slug, p.website,
        p.description, p.lastVerifiedAt, p.source == null ? null : p.source.slug);
  }

  /**
   * Replaces the program's own fields with what {@code change} makes of the current ones (PUT: the
   * body; PATCH: the current fields with the patch merged in). Children stay as they are.
   *
   * @param expectedVersion the version the client's If-Match names
   * @throws StaleVersionException when it is not the current version
   */
  @Transactional
  public ProgramDetail replace(String slug, long expectedVersion, UnaryOperator<ProgramInput> change) {
    Program program = guard.lockProgram(slug);
    WriteGuard.requireVersion("Program '" + slug + "'", program.version, expectedVersion);
    ProgramInput input = change.apply(input(program));
    if (input.slug() != null && !input.slug().equals(slug)) {
      throw new InvalidInputException("slug", "cannot change (it is '" + slug + "'); slugs are permanent identifiers");
    }
    if (!Objects.equals(input.provider(), WriteGuard.providerSlug(program))) {
      scope.requireProvider(input.provider(), "move programs to");
    }
    if (slug.equals(input.supersededBy())) {
      throw new InvalidInputException("supersededBy", "a program cannot supersede itself");
    }
    apply(program, input);
    WriteGuard.touch(program);
    em.flush();
    changeLog.record(ENTITY, slug, ChangeOperation.UPDATE, scope.actor());
    return assembler.details(List.of(program)).get(0);
  }

  /**
   * Deletes a program with its prices, exams, renewal policy, eligibility, aliases, outcomes and
   * recognition signals (the foreign keys cascade).
   *
   * @throws ConflictException when another program names it as supersededBy: clearing that
   *     reference silently would lose a fact, so the client must change the other program first
   */
  @Transactional
  public void delete(String slug, long expectedVersion) {
    Program program = guard.lockProgram(slug);
    WriteGuard.requireVersion("Program '" + slug + "'", program.version, expectedVersion);
    List<String> successorOf = em.createQuery(
            "select p.slug from Program p where p.supersededBy = :program order by p.slug", String.class)
        .setParameter("program", program).getResultList();
    if (!successorOf.isEmpty()) {
      throw new ConflictException("Program '" + slug + "' is named as supersededBy of " + successorOf
          + "; change those programs first");
    }
    em.remove(program);
    em.flush();
    changeLog.record(ENTITY, slug, ChangeOperation.DELETE, scope.actor());
  }

  private void apply(Program program, ProgramInput input) {
    Provider provider = guard.provider(input.provider(), "provider");
    program.name = input.name().strip();
    program.acronym = input.acronym();
    program.provider = provider;
    program.credentialType = input.credentialType();
    program.level = input.level();
    program.audienceRoles = names(input.audienceRoles());
    program.competencies = names(input.competencies());
    program.deliveryModes = names(input.deliveryModes());
    program.languages = distinct(input.languages());
    program.studyHoursMin = input.studyHoursMin();
    program.studyHoursMax = input.studyHoursMax();
    program.durationWeeksMin = input.durationWeeksMin();
    program.durationWeeksMax = input.durationWeeksMax();
    program.launchYear = input.launchYear();
    program.status = input.status() == null ? ProgramStatus.ACTIVE : input.status();
    program.supersededBy = guard.program(input.supersededBy(), "supersededBy");
    program.website = input.website();
    program.description = input.description();
    program.lastVerifiedAt = input.lastVerifiedAt();
    program.source = guard.source(input.source(), "source");
  }

  private boolean exists(String slug) {
    return !em.createQuery("select p.id from Program p where p.slug = :slug", Long.class)
        .setParameter("slug", slug).setMaxResults(1).getResultList().isEmpty();
  }

  static List<String> names(Collection<? extends Enum<?>> values) {
    if (values == null) {
      return new ArrayList<>();
    }
    LinkedHashSet<String> names = new LinkedHashSet<>();
    values.forEach(v -> names.add(v.name()));
    return new ArrayList<>(names);
  }

  static List<String> distinct(Collection<String> values) {
    return values == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(values));
  }
}
