package com.credentialcatalog.service;

import com.credentialcatalog.domain.ChangeOperation;
import com.credentialcatalog.domain.Program;
import com.credentialcatalog.domain.RenewalPolicy;
import com.credentialcatalog.domain.RenewalRoute;
import com.credentialcatalog.security.ProviderScope;
import com.credentialcatalog.view.RenewalPolicyView;
import com.credentialcatalog.view.write.RenewalPolicyInput;
import com.credentialcatalog.view.write.Versioned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

  private final EntityManager em;
  private final WriteGuard guard;
  private final ProviderScope scope;
  private final ChangeLog changeLog;
  private final ProgramAssembler assembler;

  public RenewalPolicyService(EntityManager em, WriteGuard guard, ProviderScope scope, ChangeLog changeLog,
      ProgramAssembler assembler) {
    this.em = em;
    this.guard = guard;
    this.scope = scope;
    this.changeLog = changeLog;
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
    Program program = em.createQuery("from Program p where p.slug = :slug", Program.class)
        .setParameter("slug", programSlug)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("program", programSlug));
    if (find(program) == null) {
      throw new ChildNotFoundException("renewal policy", programSlug, null);
    }
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
    RenewalPolicy policy = find(program);
    boolean created = policy == null;
    if (created) {
      if (expectedVersion != null) {
        throw new StaleVersionException("Program '" + programSlug + "' has no renewal policy for If-Match to"
            + " match; send the PUT without If-Match to create one");
      }
      policy = new RenewalPolicy();
      policy.program = program;
      apply(policy, input);
      em.persist(policy);
    } else {
      if (expectedVersion == null) {
        throw new MissingVersionException("the renewal policy of program '" + programSlug + "'");
      }
      WriteGuard.requireVersion("The renewal policy of '" + programSlug + "'", policy.version, expectedVersion);
      apply(policy, input);
      WriteGuard.touch(policy);
    }
    WriteGuard.touch(program);
    em.flush();
    changeLog.record(ENTITY, programSlug, created ? ChangeOperation.CREATE : ChangeOperation.UPDATE, scope.actor());
    return new Put(versioned(program), created);
  }

  /**
   * Changes the existing policy with what {@code change} makes of it (a merge patch).
   *
   * @throws NotFoundException when the program has no renewal policy
   * @throws StaleVersionException when {@code expectedVersion} is not the current version
   */
  @Transactional
  public Versioned<RenewalPolicyView> patch(String programSlug, long expectedVersion,
      UnaryOperator<RenewalPolicyInput> change) {
    Program program = guard.lockProgram(programSlug);
    RenewalPolicy policy = require(program);
    WriteGuard.requireVersion("The renewal policy of '" + programSlug + "'", policy.version, expectedVersion);
    apply(policy, change.apply(input(policy)));
    WriteGuard.touch(policy);
    WriteGuard.touch(program);
    em.flush();
    changeLog.record(ENTITY, programSlug, ChangeOperation.UPDATE, scope.actor());
    return versioned(program);
  }

  /** Deletes the policy (renewal prices stay: they are prices of the program). */
  @Transactional
  public void delete(String programSlug, long expectedVersion) {
    Program program = guard.lockProgram(programSlug);
    RenewalPolicy policy = require(program);
    WriteGuard.requireVersion("The renewal policy of '" + programSlug + "'", policy.version, expectedVersion);
    em.remove(policy);
    WriteGuard.touch(program);
    em.flush();
    changeLog.record(ENTITY, programSlug, ChangeOperation.DELETE, scope.actor());
  }

  static RenewalPolicyInput input(RenewalPolicy r) {
    return new RenewalPolicyInput(r.cycleYearsMin, r.cycleYearsMax, r.creditsMin, r.creditsMax, r.creditUnit,
        ProgramAssembler.enums(r.acceptedRoutes, RenewalRoute.class), r.proofRetentionYears, r.note,
        r.source == null ? null : r.source.slug);
  }

  private void apply(RenewalPolicy policy, RenewalPolicyInput input) {
    policy.cycleYearsMin = input.cycleYearsMin();
    policy.cycleYearsMax = input.cycleYearsMax();
    policy.creditsMin = input.creditsMin();
    policy.creditsMax = input.creditsMax();
    policy.creditUnit = input.creditUnit();
    policy.acceptedRoutes = ProgramWriteService.names(input.acceptedRoutes());
    policy.proofRetentionYears = input.proofRetentionYears();
    policy.note = input.note();
    policy.source = guard.source(input.source(), "source");
  }

  private RenewalPolicy find(Program program) {
    return em.createQuery("from RenewalPolicy r where r.program = :program", RenewalPolicy.class)
        .setParameter("program", program)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private RenewalPolicy require(Program program) {
    RenewalPolicy policy = find(program);
    if (policy == null) {
      throw new ChildNotFoundException("renewal policy", program.slug, null);
    }
    return policy;
  }

  private Versioned<RenewalPolicyView> versioned(Program program) {
    RenewalPolicyView view = assembler.details(List.of(program)).get(0).renewal();
    return new Versioned<>(view, view.version());
  }
}
