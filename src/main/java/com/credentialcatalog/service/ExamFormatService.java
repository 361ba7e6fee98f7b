package com.credentialcatalog.service;

import com.credentialcatalog.domain.ExamFormat;
import com.credentialcatalog.repository.ProgramRepository;
import com.credentialcatalog.service.write.AggregateWriter;
import com.credentialcatalog.service.write.ExamFormatMapper;
import com.credentialcatalog.service.write.ProgramChildRows;
import com.credentialcatalog.view.ExamFormatView;
import com.credentialcatalog.view.write.Versioned;
import com.credentialcatalog.write.ExamFormatInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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

  private final ProgramChildRows<ExamFormat, ExamFormatInput> rows;
  private final ProgramAssembler assembler;

  public ExamFormatService(ProgramRepository programs, WriteGuard guard, AggregateWriter writer,
      ExamFormatMapper mapper, ProgramAssembler assembler) {
    this.rows = new ProgramChildRows<>(ENTITY, "exam format", programs::exam, programs::existsBySlug, program -> {
      ExamFormat exam = new ExamFormat();
      exam.program = program;
      return exam;
    }, mapper, guard, writer);
    this.assembler = assembler;
  }

  /**
   * One exam format of a program.
   *
   * @throws NotFoundException when the program or the exam format does not exist
   */
  @Transactional
  public Versioned<ExamFormatView> get(String programSlug, long id) {
    return versioned(rows.get(programSlug, id));
  }

  /** Adds an exam format to a program. */
  @Transactional
  public Versioned<ExamFormatView> create(String programSlug, ExamFormatInput input) {
    return versioned(rows.create(programSlug, input));
  }

  /**
   * Replaces an exam format with what {@code change} makes of it (PUT: the body; PATCH: merged).
   *
   * @throws StaleVersionException when {@code expectedVersion} is not the exam format's version
   */
  @Transactional
  public Versioned<ExamFormatView> replace(String programSlug, long id, long expectedVersion,
      UnaryOperator<ExamFormatInput> change) {
    return versioned(rows.replace(programSlug, id, expectedVersion, change));
  }

  /** Deletes an exam format. */
  @Transactional
  public void delete(String programSlug, long id, long expectedVersion) {
    rows.delete(programSlug, id, expectedVersion);
  }

  private Versioned<ExamFormatView> versioned(ExamFormat exam) {
    ExamFormatView view = assembler.details(List.of(exam.program)).get(0).exams().stream()
        .filter(e -> e.id() == exam.id)
        .findFirst()
        .orElseThrow();
    return new Versioned<>(view, exam.version);
  }
}
