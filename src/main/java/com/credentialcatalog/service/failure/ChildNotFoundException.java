package com.credentialcatalog.service.failure;

/** A price, exam format, renewal policy or alias that the named program does not have. 404. */
public class ChildNotFoundException extends NotFoundException {

  private final String message;

  public ChildNotFoundException(String resource, String programSlug, String key) {
    super(resource, programSlug);
    this.message =
        "Program '" + programSlug + "' has no " + resource + (key == null ? "" : " '" + key + "'");
  }

  @Override
  public String getMessage() {
    return message;
  }
}
