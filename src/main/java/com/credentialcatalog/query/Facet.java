package com.credentialcatalog.query;

import java.util.Arrays;

/** Fields whose values can be counted over a filtered set of programs. */
public enum Facet {
  PROVIDER("provider"),
  TYPE("type"),
  LEVEL("level"),
  AUDIENCE("audience"),
  COMPETENCY("competency"),
  DELIVERY("delivery"),
  PROCTORING("proctoring"),
  LANGUAGE("language"),
  STATUS("status");

  private final String parameter;

  Facet(String parameter) {
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }

  public static Facet fromParameter(String value) {
    return Arrays.stream(values())
        .filter(f -> f.parameter.equalsIgnoreCase(value) || f.name().equalsIgnoreCase(value))
        .findFirst()
        .orElse(null);
  }
}
