package com.credentialcatalog.service;

import com.credentialcatalog.repository.ProgramRepository;
import com.credentialcatalog.view.ProgramDetail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads programs for both adapters (REST and GraphQL). */
@ApplicationScoped
public class ProgramService {

  private final ProgramRepository programs;
  private final ProgramAssembler assembler;

  public ProgramService(ProgramRepository programs, ProgramAssembler assembler) {
    this.programs = programs;
    this.assembler = assembler;
  }

  /**
   * The full detail of one program: provider, prices (history included), exams, renewal,
   * eligibility, aliases, outcomes and every source they cite.
   *
   * @throws NotFoundException when no program has this slug
   */
  @Transactional
  public ProgramDetail detail(String slug) {
    var program = programs.findBySlug(slug).orElseThrow(() -> new NotFoundException("program", slug));
    return assembler.details(List.of(program)).get(0);
  }
}
