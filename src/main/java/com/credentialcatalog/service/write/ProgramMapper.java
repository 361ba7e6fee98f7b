package com.credentialcatalog.service.write;

import com.credentialcatalog.domain.AudienceRole;
import com.credentialcatalog.domain.Competency;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.Program;
import com.credentialcatalog.domain.ProgramStatus;
import com.credentialcatalog.service.read.ProgramAssembler;
import com.credentialcatalog.write.ProgramInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A program's own fields ↔ {@link ProgramInput}; children have their own mappers. */
@ApplicationScoped
public class ProgramMapper implements EntityMapper<Program, ProgramInput> {

  private final WriteGuard guard;

  public ProgramMapper(WriteGuard guard) {
    this.guard = guard;
  }

  @Override
  public ProgramInput input(Program p) {
    return new ProgramInput(
        p.slug,
        p.name,
        p.acronym,
        WriteGuard.providerSlug(p),
        p.credentialType,
        p.level,
        ProgramAssembler.enums(p.audienceRoles, AudienceRole.class),
        ProgramAssembler.enums(p.competencies, Competency.class),
        ProgramAssembler.enums(p.deliveryModes, DeliveryMode.class),
        List.copyOf(p.languages),
        p.studyHoursMin,
        p.studyHoursMax,
        p.durationWeeksMin,
        p.durationWeeksMax,
        p.launchYear,
        p.status,
        p.supersededBy == null ? null : p.supersededBy.slug,
        p.website,
        p.description,
        p.lastVerifiedAt,
        ColumnValues.slug(p.source));
  }

  @Override
  public void apply(Program program, ProgramInput input) {
    program.provider = guard.provider(input.provider(), "provider");
    program.name = input.name().strip();
    program.acronym = input.acronym();
    program.credentialType = input.credentialType();
    program.level = input.level();
    program.audienceRoles = ColumnValues.names(input.audienceRoles());
    program.competencies = ColumnValues.names(input.competencies());
    program.deliveryModes = ColumnValues.names(input.deliveryModes());
    program.languages = ColumnValues.distinct(input.languages());
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
}
