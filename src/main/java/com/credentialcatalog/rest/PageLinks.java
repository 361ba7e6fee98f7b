package com.credentialcatalog.rest;

import jakarta.ws.rs.core.UriInfo;

/** The one way list responses point at their next page ({@code Link: <…>; rel="next"}). */
public final class PageLinks {

  private PageLinks() {}

  /** The header value for the next page, or null on the last page. */
  public static String next(UriInfo uri, String nextCursor) {
    if (nextCursor == null) {
      return null;
    }
    return "<"
        + uri.getRequestUriBuilder().replaceQueryParam("cursor", nextCursor).build()
        + ">; rel=\"next\"";
  }
}
