package com.credentialcatalog.rest.write;

import com.credentialcatalog.rest.caching.EntityTags;
import com.credentialcatalog.view.write.Versioned;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/** Responses of single resources: the representation with the strong ETag of its version. */
final class WriteResponses {

  private WriteResponses() {}

  static <T> RestResponse<T> ok(T body, long version) {
    return ResponseBuilder.ok(body).tag(EntityTags.of(version)).build();
  }

  static <T> RestResponse<T> ok(Versioned<T> versioned) {
    return ok(versioned.body(), versioned.version());
  }

  static <T> RestResponse<T> created(URI location, T body, long version) {
    return ResponseBuilder.<T>created(location).entity(body).tag(EntityTags.of(version)).build();
  }

  static RestResponse<Void> noContent() {
    return ResponseBuilder.<Void>noContent().build();
  }
}
