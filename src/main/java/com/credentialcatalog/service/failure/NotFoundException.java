package com.credentialcatalog.service.failure;

/** A slug that names nothing in the catalog; the adapters turn it into 404 / NOT_FOUND. */
public class NotFoundException extends RuntimeException {

  private final String resource;
  private final String slug;

  public NotFoundException(String resource, String slug) {
    super("No " + resource + " with slug '" + slug + "'");
    this.resource = resource;
    this.slug = slug;
  }

  public String resource() {
    return resource;
  }

  public String slug() {
    return slug;
  }
}
