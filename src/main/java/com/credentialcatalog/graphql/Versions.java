package com.credentialcatalog.graphql;

import com.credentialcatalog.query.InvalidInputException;

/** Versions and row ids as GraphQL carries them: versions as Int, row ids as ID strings. */
final class Versions {

  private Versions() {}

  /** A version for the schema's Int; versions start at 0 and grow by one per write. */
  static int toInt(long version) {
    return Math.toIntExact(version);
  }

  /**
   * The version a change is based on.
   *
   * @throws InvalidInputException when it is missing: an update without it could overwrite a change
   *     the client never saw
   */
  static long required(Integer expectedVersion, String what) {
    if (expectedVersion == null) {
      throw new InvalidInputException(
          "expectedVersion",
          "is required to change "
              + what
              + ": pass the version you read, so that no concurrent change is lost");
    }
    return expectedVersion;
  }

  /** A row id from an ID argument. */
  static long id(String id, String argument) {
    try {
      return Long.parseLong(id.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(argument, "must be the id of a row, such as \"12\"");
    }
  }
}
