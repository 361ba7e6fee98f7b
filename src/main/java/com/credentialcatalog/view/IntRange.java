package com.credentialcatalog.view;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An integer range; a guide's single figure has min = max, an open end is null. */
@Schema(
    description = "An integer range. A single stated figure has min = max; an unknown end is null.")
public record IntRange(
    @Schema(description = "Lower bound", examples = "90") Integer min,
    @Schema(description = "Upper bound", examples = "120") Integer max) {

  /** Null when both ends are unknown, so "unknown" reads as null rather than an empty object. */
  public static IntRange of(Integer min, Integer max) {
    return min == null && max == null ? null : new IntRange(min, max);
  }
}
