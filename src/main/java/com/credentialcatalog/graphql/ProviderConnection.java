package com.credentialcatalog.graphql;

import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A Relay connection over providers. */
@Type("ProviderConnection")
public record ProviderConnection(
    @NonNull List<@NonNull ProviderEdge> edges, @NonNull PageInfo pageInfo) {

  /** One edge: a provider and the cursor that resumes right after it. */
  @Type("ProviderEdge")
  public record ProviderEdge(@NonNull String cursor, @NonNull ProviderNode node) {}
}
