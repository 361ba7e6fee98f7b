package com.credentialcatalog.graphql;

import com.credentialcatalog.domain.ProviderKind;
import com.credentialcatalog.view.ProviderView;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A provider with everything the catalog knows about it. */
@Type("Provider")
@Description("An issuing body, standards body, training vendor, university or test vendor.")
public record ProviderNode(
    @NonNull @Description("Identifier (kebab-case)") String slug,
    @NonNull @Description("Name") String name,
    @Description("Acronym") String acronym,
    @NonNull @Description("Kind of body") ProviderKind kind,
    @Description("Website") String website,
    @Description("ISO 3166-1 alpha-2 country, if known") String country,
    String description,
    @Description("Number of programs the provider owns") int programCount,
    @Description("Source of these facts") SourceType source,
    @Description("Last change") OffsetDateTime updatedAt,
    @Description(
            "Version for optimistic concurrency: pass it as expectedVersion to change the provider")
        int version) {

  static ProviderNode of(ProviderView p) {
    return p == null
        ? null
        : new ProviderNode(
            p.slug(),
            p.name(),
            p.acronym(),
            p.kind(),
            p.website(),
            p.country(),
            p.description(),
            Math.toIntExact(p.programCount()),
            SourceType.of(p.source()),
            p.updatedAt(),
            Versions.toInt(p.version()));
  }
}
