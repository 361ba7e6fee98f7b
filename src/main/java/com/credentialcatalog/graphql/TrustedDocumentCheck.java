package com.credentialcatalog.graphql;

import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.service.TrustedDocumentService;
import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a document must pass before an administrator may trust it: every bound a request's document
 * passes ({@link DocumentGuard}: tokens, parse time, depth, aliases, complexity, expanded size),
 * then graphql-java's validation against the schema the server runs. A document trusted without
 * these would be refused at every run; refused here, the administrator hears why at once, as a 400
 * naming {@code document}.
 */
@ApplicationScoped
class TrustedDocumentCheck implements TrustedDocumentService.DocumentCheck {

  private static final int MAX_REPORTED = 5;

  private final DocumentGuard guard;
  private final GraphqlEngine engine;
  private final Instance<GraphQLSchema> builtSchema;

  TrustedDocumentCheck(
      DocumentGuard guard, GraphqlEngine engine, Instance<GraphQLSchema> builtSchema) {
    this.guard = guard;
    this.engine = engine;
    this.builtSchema = builtSchema;
  }

  @Override
  public void check(String document) {
    if (document.indexOf('\0') >= 0) {
      throw new InvalidInputException(
          "document", "contains a NUL character (U+0000), which GraphQL documents may not hold");
    }
    try {
      guard.analyse(document);
    } catch (DocumentGuard.Refused refused) {
      throw new InvalidInputException("document", refused.error.message());
    }
    // The guard parsed it within its bounds: parsing it once more unbounded is safe.
    Document parsed = Parser.parse(document);
    List<ValidationError> errors = ParseAndValidate.validate(schema(), parsed, Locale.ENGLISH);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(
          "document",
          "does not validate against the schema: "
              + errors.stream()
                  .limit(MAX_REPORTED)
                  .map(ValidationError::getMessage)
                  .collect(Collectors.joining("; ")));
    }
  }

  /** The engine's schema; before SmallRye built its engine (no request yet), the one it built. */
  private GraphQLSchema schema() {
    GraphQLSchema schema = engine.schema();
    return schema != null ? schema : builtSchema.get();
  }
}
