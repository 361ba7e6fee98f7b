package com.credentialcatalog.graphql;

import com.credentialcatalog.view.ProgramEligibility;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** Eligibility per program for one profile, paged like {@code programs}. */
@Type("EligibilityConnection")
@Description("Eligibility per program for one profile, in the order and pages of `programs`.")
public record EligibilityConnection(
    @NonNull List<@NonNull EligibilityEdge> edges,
    @NonNull PageInfo pageInfo,
    @Description("Number of programs matching the filter") Integer totalCount) {

  /** One edge: a program's eligibility and the cursor that resumes right after it. */
  @Type("EligibilityEdge")
  public record EligibilityEdge(@NonNull String cursor, @NonNull ProgramEligibility node) {}
}
