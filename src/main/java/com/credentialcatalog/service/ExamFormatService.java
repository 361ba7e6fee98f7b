package com.credentialcatalog.service;

import com.credentialcatalog.domain.ChangeOperation;
import com.credentialcatalog.domain.ExamFormat;
import com.credentialcatalog.domain.Proctoring;
import com.credentialcatalog.domain.Program;
import com.credentialcatalog.domain.Provider;
import com.credentialcatalog.security.ProviderScope;
import com.credentialcatalog.view.ExamFormatView;
import com.credentialcatalog.view.write.ExamFormatInput;
import com.credentialcatalog.view.write.Versioned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A program's exam formats. Each has its own version (If-Match of its resource); every write also
 * bumps the program's version. Views are built by {@link ProgramAssembler}, so a written exam
 * reads exactly as it does inside the program.
 */
@ApplicationScoped
public class ExamFormatService {

  static final String ENTITY = "exam-format";

  private final EntityManager em;
  private final WriteGuard guard;
  private final ProviderScope scope;
  private final ChangeLog changeLog;
  private final ProgramAssembler assembler;

  public ExamFormatService(EntityManager em, WriteGuard guard, ProviderScope scope, ChangeLog changeLog,
      ProgramAssembler assembler) {
    this.em = em;
    this.guard = guard;
    this.scope = scope;
    this.changeLog = changeLog;
    this.assembler = assembler;
  }

  /**
   * One exam format of a program.
   *
   * @throws NotFoundException when the program or the exam format does not exist
   */
  @Transactional
  public Versioned<ExamFormatView> get(String programSlug, long id) {
    ExamFormat exam = find(programSlug, id);
    return versioned(exam);
  }

  /** Adds an exam format to a program. */
  @Transactional
  public Versioned<ExamFormatView> create(String programSlug, ExamFormatInput input) {
    Program program = guard.lockProgram(programSlug);
    ExamFormat exam = new ExamFormat();
    exam.program = program;
    apply(exam, input);
    em.persist(exam);
    WriteGuard.touch(program);
    em.flush();
    changeLog.record(ENTITY, programSlug, ChangeOperation.CREATE, scope.actor());
    return versioned(exam);
  }

  /**
   * Replaces an exam format with what {@code change} makes of it (PUT: the body; PATCH: merged).
   *
   * @throws StaleVersionException when {@code expectedVersion} is not the exam format's version
   */
  @Transactional
  public Versioned<ExamFormatView> replace(String programSlug, long id, long expectedVersion,
      UnaryOperator<ExamFormatInput> change) {
    Program program = guard.lockProgram(programSlug);
    ExamFormat exam = find(programSlug, id);
    WriteGuard.requireVersion("Exam format " + id, exam.version, expectedVersion);
    apply(exam, change.apply(input(exam)));
    WriteGuard.touch(exam);
    WriteGuard.touch(program);
    em.flush();
    changeLog.record(ENTITY, programSlug, ChangeOperation.UPDATE, scope.actor());
    return versioned(exam);
  }

  /** Deletes an exam format. */
  @Transactional
  public void delete(String programSlug, long id, long expectedVersion) {
    Program program = guard.lockProgram(programSlug);
    ExamFormat exam = find(programSlug, id);
    WriteGuard.requireVersion("Exam format " + id, exam.version, expectedVersion);
    em.remove(exam);
    WriteGuard.touch(program);
    em.flush();
    changeLog.record(ENTITY, programSlug, ChangeOperation.DELETE, scope.actor());
  }

  static ExamFormatInput input(ExamFormat e) {
    return new ExamFormatInput(e.name, e.durationMinutesMin, e.durationMinutesMax, e.questionCountMin,
        e.questionCountMax, e.multipleChoicePctMin, e.multipleChoicePctMax, e.scenarioPctMin,
        e.scenarioPctMax, e.practicalPctMin, e.practicalPctMax, e.passingScoreMin, e.passingScoreMax,
        e.passingScoreScale, e.passingScoreScaleMax, ProgramAssembler.enums(e.proctoring, Proctoring.class),
        e.testVendors.stream().map(p -> p.slug).sorted().toList(), e.retakeAttempts, e.retakeWindowMonths,
        e.retakeWaitDays, List.copyOf(e.languages), e.accommodationExtraMinutes, e.note,
        e.source == null ? null : e.source.slug);
  }

  private void apply(ExamFormat exam, ExamFormatInput input) {
    List<String> vendorSlugs = ProgramWriteService.distinct(input.testVendors());
    List<Provider> vendors = List.copyOf(guard.providers(vendorSlugs, "testVendors").values());
    exam.name = input.name();
    exam.durationMinutesMin = input.durationMinutesMin();
    exam.durationMinutesMax = input.durationMinutesMax();
    exam.questionCountMin = input.questionCountMin();
    exam.questionCountMax = input.questionCountMax();
    exam.multipleChoicePctMin = input.multipleChoicePctMin();
    exam.multipleChoicePctMax = input.multipleChoicePctMax();
    exam.scenarioPctMin = input.scenarioPctMin();
    exam.scenarioPctMax = input.scenarioPctMax();
    exam.practicalPctMin = input.practicalPctMin();
    exam.practicalPctMax = input.practicalPctMax();
    exam.passingScoreMin = PriceService.money(input.passingScoreMin());
    exam.passingScoreMax = PriceService.money(input.passingScoreMax());
    exam.passingScoreScale = input.passingScoreScale();
    exam.passingScoreScaleMax = input.passingScoreScaleMax();
    exam.proctoring = ProgramWriteService.names(input.proctoring());
    exam.testVendors.clear();
    exam.testVendors.addAll(new LinkedHashSet<>(vendors));
    exam.retakeAttempts = input.retakeAttempts();
    exam.retakeWindowMonths = input.retakeWindowMonths();
    exam.retakeWaitDays = input.retakeWaitDays();
    exam.languages = ProgramWriteService.distinct(input.languages());
    exam.accommodationExtraMinutes = input.accommodationExtraMinutes();
    exam.note = input.note();
    exam.source = guard.source(input.source(), "source");
  }

  private Versioned<ExamFormatView> versioned(ExamFormat exam) {
    ExamFormatView view = assembler.details(List.of(exam.program)).get(0).exams().stream()
        .filter(e -> e.id() == exam.id)
        .findFirst()
        .orElseThrow();
    return new Versioned<>(view, exam.version);
  }

  private ExamFormat find(String programSlug, long id) {
    return em.createQuery("from ExamFormat e join fetch e.program p where e.id = :id and p.slug = :slug", ExamFormat.class)
        .setParameter("id", id)
        .setParameter("slug", programSlug)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> {
          if (em.createQuery("select p.id from Program p where p.slug = :slug", Long.class)
              .setParameter("slug", programSlug).getResultList().isEmpty()) {
            return new NotFoundException("program", programSlug);
          }
          return new ChildNotFoundException("exam format", programSlug, Long.toString(id));
        });
  }
}
