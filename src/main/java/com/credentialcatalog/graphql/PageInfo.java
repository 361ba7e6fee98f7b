package com.credentialcatalog.graphql;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

/** Relay page information. Pages go forward only (first/after): keyset pagination. */
@Type("PageInfo")
@Description(
    "Where this page sits. Pages go forward only: pass endCursor as `after` to get the next page.")
public record PageInfo(
    @Description("Whether another page follows") boolean hasNextPage,
    @Description("Whether this page was asked for after a cursor (pages before it exist)")
        boolean hasPreviousPage,
    @Description("Cursor of the first edge") String startCursor,
    @Description("Cursor of the last edge; pass it as `after` for the next page")
        String endCursor) {

  static PageInfo of(List<String> cursors, String nextCursor, String after) {
    return new PageInfo(
        nextCursor != null,
        after != null && !after.isBlank(),
        cursors.isEmpty() ? null : cursors.get(0),
        cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
  }
}
