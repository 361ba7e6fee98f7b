package com.credentialcatalog.service.write;

import com.credentialcatalog.domain.ExamFormat;
import com.credentialcatalog.repository.ProgramRepository;
import com.credentialcatalog.service.read.ProgramAssembler;
import com.credentialcatalog.view.ExamFormatView;
import com.credentialcatalog.write.ExamFormatInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A program's exam formats. Views are built by {@link ProgramAssembler}, so a written exam reads
 * exactly as it does inside the program.
 */
@ApplicationScoped
public class ExamFormatService
    extends ProgramChildService<ExamFormat, ExamFormatInput, ExamFormatView> {

  static final String ENTITY = "exam-format";

  private ProgramAssembler assembler;

  protected ExamFormatService() {}

  @Inject
  public ExamFormatService(
      ProgramRepository programs,
      WriteGuard guard,
      AggregateWriter writer,
      ExamFormatMapper mapper,
      ProgramAssembler assembler) {
    super(
        new ProgramChildRows<>(
            ENTITY,
            "exam format",
            programs::exam,
            programs::existsBySlug,
            program -> {
              ExamFormat exam = new ExamFormat();
              exam.program = program;
              return exam;
            },
            mapper,
            guard,
            writer));
    this.assembler = assembler;
  }

  @Override
  protected ExamFormatView view(ExamFormat exam) {
    return assembler.details(List.of(exam.program)).get(0).exams().stream()
        .filter(e -> e.id() == exam.id)
        .findFirst()
        .orElseThrow();
  }
}
