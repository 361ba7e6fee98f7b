package com.credentialcatalog.service.write;

import com.credentialcatalog.domain.Program;
import com.credentialcatalog.domain.RenewalPolicy;
import com.credentialcatalog.repository.ProgramRepository;
import com.credentialcatalog.service.failure.ChildNotFoundException;
import com.credentialcatalog.service.failure.MissingVersionException;
import com.credentialcatalog.service.failure.NotFoundException;
import com.credentialcatalog.service.failure.StaleVersionException;
import com.credentialcatalog.service.read.ProgramAssembler;
import com.credentialcatalog.service.write.AggregateWriter.Target;
import com.credentialcatalog.view.RenewalPolicyView;
import com.credentialcatalog.view.write.Versioned;
import com.credentialcatalog.write.RenewalPolicyInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The renewal policy of a program (at most one). PUT creates it when absent; otherwise it has its
 * own version for If-Match. Every write also bumps the program's version.
 */
@ApplicationScoped
public class RenewalPolicyService {

  static final String ENTITY = "renewal-policy";

  private final ProgramRepository programs;
  private final WriteGuard guard;
  private final AggregateWriter writer;
  private final RenewalPolicyMapper mapper;
  private final ProgramAssembler assembler;

  public RenewalPolicyService(
      ProgramRepository programs,
      WriteGuard guard,
      AggregateWriter writer,
      RenewalPolicyMapper mapper,
      ProgramAssembler assembler) {
    this.programs = programs;
    this.guard = guard;
    this.writer = writer;
    this.mapper = mapper;
    this.assembler = assembler;
  }

  /** The outcome of a PUT: the policy as written, and whether the PUT created it. */
  public record Put(Versioned<RenewalPolicyView> policy, boolean created) {}

  /**
   * The renewal policy of a program.
   *
   * @throws NotFoundException when the program does not exist or has no renewal policy
   */
  @Transactional
  public Versioned<RenewalPolicyView> get(String programSlug) {
    Program program =
        programs
            .findBySlug(programSlug)
            .orElseThrow(() -> new NotFoundException("program", programSlug));
    require(program);
    return versioned(program);
  }

  /**
   * Creates the policy when the program has none (then {@code expectedVersion} must be null),
   * replaces it otherwise (then it must name the current version).
   *
   * @throws MissingVersionException when a policy exists and no version was given
   * @throws StaleVersionException when the version is not the current one, or a version was given
   *     for a policy that does not exist
   */
  @Transactional
  public Put put(String programSlug, Long expectedVersion, RenewalPolicyInput input) {
    Program program = guard.lockProgram(programSlug);
    RenewalPolicy policy = programs.renewal(program).orElse(null);
    if (policy == null) {
      if (expectedVersion != null) {
        throw new StaleVersionException(
            "Program '"
                + programSlug
                + "' has no renewal policy for If-Match to"
                + " match; send the PUT without If-Match to create one");
      }
      policy = new RenewalPolicy();
      policy.program = program;
      writer.create(target(programSlug), policy, input, mapper, program);
      return new Put(versioned(program), true);
    }
    if (expectedVersion == null) {
      throw new MissingVersionException("the renewal policy of program '" + programSlug + "'");
    }
    writer.replace(
        target(programSlug),
        policy,
        expectedVersion,
        mapper,
        current -> input,
        checked -> {},
        program);
    return new Put(versioned(program), false);
  }

  /**
   * Changes the existing policy with what {@code change} makes of it (a merge patch).
   *
   * @throws NotFoundException when the program has no renewal policy
   * @throws StaleVersionException when {@code expectedVersion} is not the current version
   */
  @Transactional
  public Versioned<RenewalPolicyView> patch(
      String programSlug, long expectedVersion, UnaryOperator<RenewalPolicyInput> change) {
    Program program = guard.lockProgram(programSlug);
    writer.replace(
        target(programSlug),
        require(program),
        expectedVersion,
        mapper,
        change,
        checked -> {},
        program);
    return versioned(program);
  }

  /** Deletes the policy (renewal prices stay: they are prices of the program). */
  @Transactional
  public void delete(String programSlug, long expectedVersion) {
    Program program = guard.lockProgram(programSlug);
    writer.delete(target(programSlug), require(program), expectedVersion, policy -> {}, program);
  }

  private static Target target(String programSlug) {
    return new Target(ENTITY, programSlug, "The renewal policy of '" + programSlug + "'");
  }

  private RenewalPolicy require(Program program) {
    return programs
        .renewal(program)
        .orElseThrow(() -> new ChildNotFoundException("renewal policy", program.slug, null));
  }

  private Versioned<RenewalPolicyView> versioned(Program program) {
    RenewalPolicyView view = assembler.details(List.of(program)).get(0).renewal();
    return new Versioned<>(view, view.version());
  }
}
