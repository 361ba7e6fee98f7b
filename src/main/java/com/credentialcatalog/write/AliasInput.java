package com.credentialcatalog.write;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new alias of a program. */
@Schema(
    name = "AliasInput",
    description =
        "A name the program goes by in job ads. Stored as given and in normalized form (case, punctuation, ®/™ and a trailing \"certification\" ignored); two aliases of one program may not normalize alike.")
public record AliasInput(
    @Schema(
            description = "The alias as it appears in job ads",
            examples = "CCXP®",
            maxLength = WriteConstraints.NAME_MAX)
        @NotBlank
        @Size(max = WriteConstraints.NAME_MAX)
        String alias) {}
