package com.credentialcatalog.rest;

import jakarta.ws.rs.core.UriInfo;

/** The one way list responses point at their next page ({@code Link: <…>; rel="next"}). */
public final class PageLinks {

  private PageLinks() {}

  /** The header value for the next page, or null on the last page. */
  public static String next(UriInfo uri, String nextCursor) {
    return next(uri, "cursor", nextCursor);
  }

  /**
   * The header value for the next page of a list that resumes at a query parameter other than
   * {@code cursor} (the webhook list's {@code after}), or null on the last page.
   */
  public static String next(UriInfo uri, String parameter, Object value) {
    if (value == null) {
      return null;
    }
    return "<"
        + uri.getRequestUriBuilder().replaceQueryParam(parameter, value).build()
        + ">; rel=\"next\"";
  }
}
