package com.credentialcatalog.graphql;

import com.credentialcatalog.domain.ConditionKind;
import com.credentialcatalog.view.EligibilityRouteView;
import com.credentialcatalog.view.IntRange;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One way to qualify for a program. */
@Type("EligibilityRoute")
@Description(
    "An eligibility route: a candidate qualifies when every condition of any one route holds.")
public record EligibilityRouteType(
    @Description("Route name") String name,
    @Description("Route description") String description,
    @NonNull @Description("Conditions, all required") List<@NonNull Condition> conditions,
    @Description("Source slug") String source) {

  /** A condition of a route. */
  @Type("EligibilityCondition")
  @Description(
      "A condition. value is a threshold (years of age, months, hours); a range where the source gives one.")
  public record Condition(
      @NonNull ConditionKind kind,
      IntRange value,
      @Description("Prerequisite credential, for PREREQUISITE_CREDENTIAL") String credential,
      String description) {}

  static EligibilityRouteType of(EligibilityRouteView r) {
    return new EligibilityRouteType(
        r.name(),
        r.description(),
        r.conditions().stream()
            .map(c -> new Condition(c.kind(), c.value(), c.credential(), c.description()))
            .toList(),
        r.source());
  }
}
