package com.credentialcatalog.service.write;

import com.credentialcatalog.domain.Program;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.repository.ProgramRepository;
import com.credentialcatalog.security.ProviderScope;
import com.credentialcatalog.service.failure.ConflictException;
import com.credentialcatalog.service.read.ProgramAssembler;
import com.credentialcatalog.service.write.AggregateWriter.Target;
import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.write.ProgramInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Creates, replaces and deletes programs. A provider editor writes only programs of the providers
 * its token names, may not move a program to another provider, and may not write a program that has
 * no provider. Every write appends a change event and returns the full {@link ProgramDetail}.
 */
@ApplicationScoped
public class ProgramWriteService {

  static final String ENTITY = "program";

  private final ProgramRepository programs;
  private final WriteGuard guard;
  private final ProviderScope scope;
  private final AggregateWriter writer;
  private final ProgramMapper mapper;
  private final ProgramAssembler assembler;

  public ProgramWriteService(
      ProgramRepository programs,
      WriteGuard guard,
      ProviderScope scope,
      AggregateWriter writer,
      ProgramMapper mapper,
      ProgramAssembler assembler) {
    this.programs = programs;
    this.guard = guard;
    this.scope = scope;
    this.writer = writer;
    this.mapper = mapper;
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
    return create(input, null);
  }

  /**
   * Creates a program that keeps the CTID its Credential Registry record carries.
   *
   * @param ctid the record's CTID in stored form ({@link com.credentialcatalog.domain.Ctid}), or
   *     null for a fresh one
   * @throws ConflictException when the slug is taken
   */
  @Transactional
  public ProgramDetail create(ProgramInput input, String ctid) {
    scope.requireProvider(input.provider(), "create programs for");
    if (input.slug() == null) {
      throw new InvalidInputException("slug", "must not be null");
    }
    if (programs.existsBySlug(input.slug())) {
      throw new ConflictException("A program with slug '" + input.slug() + "' already exists");
    }
    Program program = new Program();
    program.slug = input.slug();
    program.ctid = ctid;
    writer.create(target(program.slug), program, input, mapper);
    return assembler.details(List.of(program)).get(0);
  }

  /**
   * Replaces the program's own fields with what {@code change} makes of the current ones (PUT: the
   * body; PATCH: the current fields with the patch merged in). Children stay as they are.
   *
   * @param expectedVersion the version the client's If-Match names
   * @throws StaleVersionException when it is not the current version
   */
  @Transactional
  public ProgramDetail replace(
      String slug, long expectedVersion, UnaryOperator<ProgramInput> change) {
    Program program = guard.lockProgram(slug);
    writer.replace(
        target(slug),
        program,
        expectedVersion,
        mapper,
        change,
        input -> {
          if (input.slug() != null && !input.slug().equals(slug)) {
            throw new InvalidInputException(
                "slug", "cannot change (it is '" + slug + "'); slugs are permanent identifiers");
          }
          if (!Objects.equals(input.provider(), WriteGuard.providerSlug(program))) {
            scope.requireProvider(input.provider(), "move programs to");
          }
          if (slug.equals(input.supersededBy())) {
            throw new InvalidInputException("supersededBy", "a program cannot supersede itself");
          }
        });
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
    writer.delete(
        target(slug),
        program,
        expectedVersion,
        p -> {
          List<String> successorOf = programs.slugsSupersededBy(p);
          if (!successorOf.isEmpty()) {
            throw new ConflictException(
                "Program '"
                    + slug
                    + "' is named as supersededBy of "
                    + successorOf
                    + "; change those programs first");
          }
        });
  }

  private static Target target(String slug) {
    return new Target(ENTITY, slug, "Program '" + slug + "'");
  }
}
