package com.credentialcatalog.graphql;

import com.credentialcatalog.domain.AudienceRole;
import com.credentialcatalog.domain.Competency;
import com.credentialcatalog.domain.CredentialType;
import com.credentialcatalog.domain.DeliveryMode;
import com.credentialcatalog.domain.Level;
import com.credentialcatalog.domain.ProgramStatus;
import com.credentialcatalog.service.read.RequestProgramLoader.ProgramCore;
import com.credentialcatalog.view.IntRange;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/**
 * A program as the GraphQL {@code Program} type: its own facts here, every child (provider, prices,
 * exams…) resolved in batches by {@link ProgramFields}.
 */
@Type("Program")
@Description(
    "A credential. Its provider, prices, exams, renewal, eligibility, aliases, outcomes and sources are"
        + " loaded for all programs of a page at once: asking for them costs the same whatever the page size.")
public class ProgramNode {

  @Ignore private final ProgramCore core;
  @Ignore private final ProgramGroup group;

  ProgramNode(ProgramCore core, ProgramGroup group) {
    this.core = core;
    this.group = group;
  }

  /** Nodes for programs fetched together, sharing one {@link ProgramGroup}. */
  static List<ProgramNode> of(Collection<ProgramCore> cores) {
    ProgramGroup group = new ProgramGroup(cores.stream().map(ProgramCore::id).toList());
    return cores.stream().map(c -> new ProgramNode(c, group)).toList();
  }

  static ProgramNode of(ProgramCore core) {
    return of(List.of(core)).get(0);
  }

  @Ignore
  long id() {
    return core.id();
  }

  @Ignore
  ProgramGroup group() {
    return group;
  }

  @Ignore
  ProgramCore core() {
    return core;
  }

  @NonNull
  @Description("Identifier (kebab-case)")
  public String getSlug() {
    return core.slug();
  }

  @NonNull
  @Description("Name")
  public String getName() {
    return core.name();
  }

  @Description("Acronym")
  public String getAcronym() {
    return core.acronym();
  }

  @NonNull
  @Description("What the program awards")
  public CredentialType getCredentialType() {
    return core.credentialType();
  }

  @Description("Career stage")
  public Level getLevel() {
    return core.level();
  }

  @NonNull
  @Description("Roles the program is meant for")
  public List<@NonNull AudienceRole> getAudienceRoles() {
    return core.audienceRoles();
  }

  @NonNull
  @Description("Competencies from the controlled vocabulary")
  public List<@NonNull Competency> getCompetencies() {
    return core.competencies();
  }

  @NonNull
  @Description("How training is delivered")
  public List<@NonNull DeliveryMode> getDeliveryModes() {
    return core.deliveryModes();
  }

  @NonNull
  @Description("Languages (BCP 47)")
  public List<@NonNull String> getLanguages() {
    return core.languages();
  }

  @Description("Total study hours")
  public IntRange getStudyHours() {
    return core.studyHours();
  }

  @Description("Duration in weeks")
  public IntRange getDurationWeeks() {
    return core.durationWeeks();
  }

  @Description("Year the program was launched")
  public Integer getLaunchYear() {
    return core.launchYear();
  }

  @NonNull
  @Description("Whether the program can still be earned")
  public ProgramStatus getStatus() {
    return core.status();
  }

  @Description("Website")
  public String getWebsite() {
    return core.website();
  }

  public String getDescription() {
    return core.description();
  }

  @Description("When a person last checked these facts against the issuer")
  public LocalDate getLastVerifiedAt() {
    return core.lastVerifiedAt();
  }

  @Description("Source slug of the program's own facts")
  public String getSource() {
    return core.source();
  }

  @Description("Last change of the program or anything in it")
  public OffsetDateTime getUpdatedAt() {
    return core.updatedAt();
  }

  @Description(
      "Version for optimistic concurrency: pass it as expectedVersion to change the program or its aliases")
  public int getVersion() {
    return Versions.toInt(core.version());
  }
}
