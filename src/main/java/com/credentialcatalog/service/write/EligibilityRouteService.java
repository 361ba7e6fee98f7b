package com.credentialcatalog.service.write;

import com.credentialcatalog.domain.ChangeOperation;
import com.credentialcatalog.domain.EligibilityCondition;
import com.credentialcatalog.domain.EligibilityRoute;
import com.credentialcatalog.domain.Program;
import com.credentialcatalog.repository.ProgramRepository;
import com.credentialcatalog.service.write.AggregateWriter.Target;
import com.credentialcatalog.write.EligibilityRouteInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The eligibility routes of a program. Routes have no version of their own: they are part of the
 * program aggregate, so every route write bumps the program's version and appends an {@code
 * eligibility-route} change event.
 */
@ApplicationScoped
public class EligibilityRouteService {

  static final String ENTITY = "eligibility-route";

  private final EntityManager em;
  private final ProgramRepository programs;
  private final WriteGuard guard;
  private final AggregateWriter writer;

  public EligibilityRouteService(
      EntityManager em, ProgramRepository programs, WriteGuard guard, AggregateWriter writer) {
    this.em = em;
    this.programs = programs;
    this.guard = guard;
    this.writer = writer;
  }

  /**
   * The routes of a program as inputs, in their order.
   *
   * @throws com.credentialcatalog.service.failure.NotFoundException when no program has the slug
   */
  @Transactional
  public List<EligibilityRouteInput> list(String programSlug) {
    Program program = guard.lockProgram(programSlug);
    return programs.routesOf(List.of(program.id)).getOrDefault(program.id, List.of()).stream()
        .map(EligibilityRouteService::input)
        .toList();
  }

  /**
   * Appends a route after the program's last one.
   *
   * @throws com.credentialcatalog.query.InvalidInputException when the source slug is unknown
   */
  @Transactional
  public void add(String programSlug, EligibilityRouteInput input) {
    Program program = guard.lockProgram(programSlug);
    List<EligibilityRoute> existing =
        programs.routesOf(List.of(program.id)).getOrDefault(program.id, List.of());
    EligibilityRoute route = new EligibilityRoute();
    route.program = program;
    route.position = existing.stream().mapToInt(r -> r.position).max().orElse(0) + 1;
    route.name = input.name().strip();
    route.description = input.description();
    route.source = guard.source(input.source(), "source");
    int position = 0;
    for (EligibilityRouteInput.Condition c : input.conditions()) {
      EligibilityCondition condition = new EligibilityCondition();
      condition.route = route;
      condition.position = ++position;
      condition.kind = c.kind();
      condition.valueMin = c.valueMin();
      condition.valueMax = c.valueMax();
      condition.credential = c.credential();
      condition.description = c.description();
      route.conditions.add(condition);
    }
    em.persist(route);
    writer.finish(
        new Target(ENTITY, programSlug, "Program '" + programSlug + "'"),
        ChangeOperation.CREATE,
        program);
  }

  private static EligibilityRouteInput input(EligibilityRoute r) {
    return new EligibilityRouteInput(
        r.name,
        r.description,
        r.conditions.stream()
            .map(
                c ->
                    new EligibilityRouteInput.Condition(
                        c.kind, c.valueMin, c.valueMax, c.credential, c.description))
            .toList(),
        ColumnValues.slug(r.source));
  }
}
