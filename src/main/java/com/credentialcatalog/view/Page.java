package com.credentialcatalog.view;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list. The next page's address is also in the {@code Link: rel="next"} header. */
@Schema(description = "A page of results.")
public record Page<T>(
    @Schema(description = "The items of this page") List<T> items,
    @Schema(
            description = "Opaque cursor of the next page; null on the last page",
            examples = "ZDZhNTA4MzMxODUKNQo0MDAuMDA")
        String nextCursor) {}
