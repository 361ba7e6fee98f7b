package com.credentialcatalog.request;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Credential names as found in job ads. */
@Schema(description = "Up to 500 credential names as scraped from job ads.")
public record LookupRequest(
    @Schema(
            description = "The names, in any spelling",
            examples = "[\"CCXP\", \"HDI-SCA certified\", \"CCSP\"]")
        @NotNull
        @Size(min = 1, max = 500)
        List<@NotNull @Size(max = 200) String> names) {}
