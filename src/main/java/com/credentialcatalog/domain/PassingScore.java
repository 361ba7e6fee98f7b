package com.credentialcatalog.domain;

import java.math.BigDecimal;

/**
 * A passing score on one scale: {@code min}–{@code max} of {@code scaleMax} (70–75 of 100 on the
 * PERCENT scale, 700 of 1,000 on a SCALED one). An exam format keeps one per scale its source
 * states; a value object stored with the exam format, not an entity.
 */
public record PassingScore(PassingScale scale, BigDecimal min, BigDecimal max, Integer scaleMax) {}
