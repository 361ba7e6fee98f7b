package com.credentialcatalog.view;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A decimal range (amounts, scores, percentages); an unknown end is null. */
@Schema(description = "A decimal range; an unknown end is null.")
public record DecimalRange(
    @Schema(description = "Lower bound", examples = "450.00") BigDecimal min,
    @Schema(description = "Upper bound", examples = "650.00") BigDecimal max) {

  public static DecimalRange of(BigDecimal min, BigDecimal max) {
    return min == null && max == null ? null : new DecimalRange(min, max);
  }
}
