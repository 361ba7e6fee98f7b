package com.credentialcatalog.view.write;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An alias of a program. */
@Schema(
    name = "Alias",
    description = "A name the program goes by, as given and as lookups compare it.")
public record AliasView(
    @Schema(description = "The alias as given", examples = "C.C.X.P. Certification") String alias,
    @Schema(description = "Normalized form lookups match against", examples = "ccxp")
        String normalized) {}
