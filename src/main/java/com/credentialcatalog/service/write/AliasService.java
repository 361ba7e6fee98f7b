package com.credentialcatalog.service.write;

import com.credentialcatalog.domain.ChangeOperation;
import com.credentialcatalog.domain.CredentialNames;
import com.credentialcatalog.domain.Program;
import com.credentialcatalog.domain.ProgramAlias;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.repository.ProgramRepository;
import com.credentialcatalog.service.failure.ChildNotFoundException;
import com.credentialcatalog.service.failure.ConflictException;
import com.credentialcatalog.service.failure.NotFoundException;
import com.credentialcatalog.service.write.AggregateWriter.Target;
import com.credentialcatalog.view.write.AliasView;
import com.credentialcatalog.view.write.Versioned;
import com.credentialcatalog.write.AliasInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The aliases of a program. They have no version of their own: they are part of the program
 * aggregate, so their ETag and If-Match are the program's version, which every alias write bumps.
 */
@ApplicationScoped
public class AliasService {

  static final String ENTITY = "alias";

  private final EntityManager em;
  private final ProgramRepository programs;
  private final WriteGuard guard;
  private final AggregateWriter writer;

  public AliasService(
      EntityManager em, ProgramRepository programs, WriteGuard guard, AggregateWriter writer) {
    this.em = em;
    this.programs = programs;
    this.guard = guard;
    this.writer = writer;
  }

  /**
   * Every alias of a program, oldest first, with the program's version.
   *
   * @throws NotFoundException when no program has this slug
   */
  @Transactional
  public Versioned<List<AliasView>> list(String programSlug) {
    Program program = program(programSlug);
    return new Versioned<>(
        aliases(program).stream().map(AliasService::view).toList(), program.version);
  }

  /**
   * One alias, matched by its normalized form ("ccxp" finds "CCXP®").
   *
   * @throws NotFoundException when the program does not exist or has no such alias
   */
  @Transactional
  public Versioned<AliasView> get(String programSlug, String alias) {
    Program program = program(programSlug);
    return new Versioned<>(view(find(program, alias)), program.version);
  }

  /**
   * Adds an alias.
   *
   * @param expectedVersion the program version the client's If-Match names, or null to add
   *     regardless of concurrent changes (adding is not a lost update)
   * @throws ConflictException when the program already has an alias that normalizes alike
   * @throws InvalidInputException when the alias normalizes to nothing ("®")
   */
  @Transactional
  public Versioned<AliasView> add(String programSlug, Long expectedVersion, AliasInput input) {
    Program program = guard.lockProgram(programSlug);
    if (expectedVersion != null) {
      WriteGuard.requireVersion("Program '" + programSlug + "'", program.version, expectedVersion);
    }
    String alias = input.alias().strip();
    String normalized = CredentialNames.normalize(alias);
    if (normalized.isEmpty()) {
      throw new InvalidInputException("alias", "must contain a letter or digit");
    }
    aliases(program).stream()
        .filter(a -> a.normalized.equals(normalized))
        .findFirst()
        .ifPresent(
            a -> {
              throw new ConflictException(
                  "Program '"
                      + programSlug
                      + "' already has alias '"
                      + a.alias
                      + "', which normalizes to the same '"
                      + normalized
                      + "'");
            });
    ProgramAlias created = new ProgramAlias();
    created.program = program;
    created.alias = alias;
    created.normalized = normalized;
    em.persist(created);
    writer.finish(target(programSlug), ChangeOperation.CREATE, program);
    return new Versioned<>(view(created), program.version);
  }

  /**
   * Removes the alias that normalizes like {@code alias}.
   *
   * @param expectedVersion the program version the client's If-Match names
   */
  @Transactional
  public void remove(String programSlug, String alias, long expectedVersion) {
    Program program = guard.lockProgram(programSlug);
    WriteGuard.requireVersion("Program '" + programSlug + "'", program.version, expectedVersion);
    em.remove(find(program, alias));
    writer.finish(target(programSlug), ChangeOperation.DELETE, program);
  }

  private Program program(String slug) {
    return programs.findBySlug(slug).orElseThrow(() -> new NotFoundException("program", slug));
  }

  private List<ProgramAlias> aliases(Program program) {
    return programs.aliases(program);
  }

  private static Target target(String programSlug) {
    return new Target(ENTITY, programSlug, "Program '" + programSlug + "'");
  }

  private ProgramAlias find(Program program, String alias) {
    String normalized = CredentialNames.normalize(alias);
    return aliases(program).stream()
        .filter(a -> a.normalized.equals(normalized))
        .findFirst()
        .orElseThrow(() -> new ChildNotFoundException("alias", program.slug, alias));
  }

  private static AliasView view(ProgramAlias a) {
    return new AliasView(a.alias, a.normalized);
  }
}
