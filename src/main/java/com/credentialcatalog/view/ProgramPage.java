package com.credentialcatalog.view;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A keyset page of programs with the size of the filtered set and facet counts. */
@Schema(
    requiredProperties = {"totalCount"},
    description =
        "A page of programs. nextCursor (also in the Link rel=\"next\" header) fetches the next page; totalCount and facets describe the whole filtered set.")
public record ProgramPage(
    // Each item is a ProgramSummary, prebuilt by the read model (PrebuiltJson).
    @Schema(type = SchemaType.ARRAY, implementation = ProgramSummary.class)
        List<PrebuiltJson> items,
    @Schema(description = "Opaque cursor of the next page; null on the last page")
        String nextCursor,
    @Schema(description = "Number of programs matching the filter", examples = "13")
        long totalCount,
    @Schema(
            description =
                "Per requested facet, the count of programs per value within the filtered set",
            examples = "{\"level\": {\"PROFESSIONAL\": 2, \"MANAGER\": 2}}")
        Map<String, Map<String, Long>> facets) {}
