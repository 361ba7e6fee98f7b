package com.credentialcatalog.view;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where facts come from. Facts name their source by slug. */
@Schema(
    requiredProperties = {"slug"},
    description = "A source of facts: a guide, a website, a submission.")
public record SourceView(
    @Schema(description = "Identifier facts refer to", examples = "guide-cx-certifications-cxpa")
        String slug,
    @Schema(
            description = "Title of the source",
            examples =
                "Customer Service Certifications: A Practical Guide for Professionals and Organizations")
        String title,
    @Schema(description = "Website the source names, if any", examples = "https://cxpa.org")
        String url,
    @Schema(description = "Publisher, if known") String publisher,
    @Schema(description = "The year the source says its figures are 'as of'", examples = "2024")
        Integer asOfYear,
    @Schema(description = "Publication date, if known") LocalDate publishedDate,
    @Schema(description = "When the source was retrieved, if known") LocalDate retrievedDate,
    @Schema(description = "What part of the source the facts come from") String note) {}
