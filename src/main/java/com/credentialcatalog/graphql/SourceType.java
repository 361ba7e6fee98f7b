package com.credentialcatalog.graphql;

import com.credentialcatalog.view.SourceView;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** Where facts come from; facts name their source by slug. */
@Type("Source")
@Description(
    "A source of facts: a guide, a website, a submission. Facts name their source by slug.")
public record SourceType(
    @NonNull @Description("Identifier facts refer to") String slug,
    @NonNull @Description("Title of the source") String title,
    @Description("Website the source names, if any") String url,
    @Description("Publisher, if known") String publisher,
    @Description("The year the source says its figures are 'as of'") Integer asOfYear,
    @Description("Publication date, if known") LocalDate publishedDate,
    @Description("When the source was retrieved, if known") LocalDate retrievedDate,
    @Description("What part of the source the facts come from") String note) {

  static SourceType of(SourceView s) {
    return s == null
        ? null
        : new SourceType(
            s.slug(),
            s.title(),
            s.url(),
            s.publisher(),
            s.asOfYear(),
            s.publishedDate(),
            s.retrievedDate(),
            s.note());
  }
}
