package com.credentialcatalog.write;

import static com.credentialcatalog.write.WriteConstraints.*;

import com.credentialcatalog.domain.ConditionKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One eligibility route of a program as a writer states it: a candidate qualifies when every
 * condition of any one route holds. Written today by the CTDL import (one route per {@code
 * alternativeCondition}); the seed writes routes from its own document.
 */
public record EligibilityRouteInput(
    @NotBlank @Size(max = NAME_MAX) String name,
    @Size(max = DESCRIPTION_MAX) String description,
    @NotNull @Size(max = LIST_MAX) List<@NotNull @Valid Condition> conditions,
    @Pattern(regexp = SLUG, message = SLUG_MESSAGE) @Size(max = SLUG_MAX) String source) {

  /** One condition; {@code valueMin}/{@code valueMax} are the threshold (years, months, hours). */
  public record Condition(
      @NotNull ConditionKind kind,
      @PositiveOrZero Integer valueMin,
      @PositiveOrZero Integer valueMax,
      @Size(max = NAME_MAX) String credential,
      @Size(max = DESCRIPTION_MAX) String description) {}

  /** The same route with another source slug (to compare routes by their facts alone). */
  public EligibilityRouteInput withSource(String otherSource) {
    return new EligibilityRouteInput(name, description, conditions, otherSource);
  }
}
