package com.credentialcatalog.graphql;

import org.eclipse.microprofile.graphql.Enum;

/** Ascending or descending. */
@Enum("SortDirection")
public enum SortDirection {
  ASC,
  DESC
}
