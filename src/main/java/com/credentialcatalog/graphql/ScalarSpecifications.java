package com.credentialcatalog.graphql;

import graphql.Scalars;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Makes the schema SmallRye builds a self-contained, truthful SDL. Gives the custom scalars whose
 * text format a public specification defines their {@code @specifiedBy(url:)}, so that a client
 * generating code from the SDL alone knows how to parse them. SmallRye builds its scalars without
 * one and offers no setting for it; its schema-builder event lets the built types be replaced
 * before the engine uses them. BigDecimal and BigInteger (JSON numbers, or strings for values a
 * double cannot hold) follow no published scalar specification and keep their description only.
 */
@ApplicationScoped
public class ScalarSpecifications {

  /** The specification of each scalar's text form, by scalar name. */
  static final Map<String, String> SPECIFIED_BY =
      Map.of(
          // OffsetDateTime, ISO_OFFSET_DATE_TIME: an RFC 3339 date-time (2025-01-31T09:30:00Z).
          "DateTime", "https://www.rfc-editor.org/rfc/rfc3339#section-5.6",
          // LocalDate, ISO_LOCAL_DATE: an RFC 3339 full-date (2025-01-31).
          "Date", "https://www.rfc-editor.org/rfc/rfc3339#section-5.6");

  /**
   * SmallRye prints {@code @RolesAllowed} as a directive naming the first role only ({@code
   * catalog-admin} where {@code provider-editor} may call too): a contract that misleads. The roles
   * are enforced on the Java methods, not through the directive, and the mutations' descriptions
   * and the README name them, so the SDL leaves it out.
   */
  static final String ROLES_ALLOWED = "rolesAllowed";

  void specify(@Observes GraphQLSchema.Builder builder) {
    GraphQLSchema draft = builder.build();
    GraphQLSchema specified =
        SchemaTransformer.transformSchema(
            draft,
            new GraphQLTypeVisitorStub() {
              @Override
              public TraversalControl visitGraphQLScalarType(
                  GraphQLScalarType scalar, TraverserContext<GraphQLSchemaElement> context) {
                String url = SPECIFIED_BY.get(scalar.getName());
                if (url == null || url.equals(scalar.getSpecifiedByUrl())) {
                  return TraversalControl.CONTINUE;
                }
                // The printer writes applied directives, not specifiedByUrl: set both
                // (introspection reads the latter).
                GraphQLAppliedDirective specifiedBy =
                    GraphQLAppliedDirective.newDirective()
                        .name("specifiedBy")
                        .argument(
                            GraphQLAppliedDirectiveArgument.newArgument()
                                .name("url")
                                .type(Scalars.GraphQLString)
                                .valueProgrammatic(url))
                        .build();
                return changeNode(
                    context,
                    scalar.transform(b -> b.specifiedByUrl(url).withAppliedDirective(specifiedBy)));
              }

              @Override
              public TraversalControl visitGraphQLFieldDefinition(
                  GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
                if (field.getAppliedDirective(ROLES_ALLOWED) == null
                    && field.getDirective(ROLES_ALLOWED) == null) {
                  return TraversalControl.CONTINUE;
                }
                return changeNode(
                    context,
                    field.transform(
                        b ->
                            b.replaceAppliedDirectives(
                                    field.getAppliedDirectives().stream()
                                        .filter(d -> !d.getName().equals(ROLES_ALLOWED))
                                        .toList())
                                .replaceDirectives(
                                    field.getDirectives().stream()
                                        .filter(d -> !d.getName().equals(ROLES_ALLOWED))
                                        .toList())));
              }
            });
    // The builder SmallRye goes on to build from now holds the transformed types.
    builder
        .query(specified.getQueryType())
        .mutation(specified.getMutationType())
        .subscription(specified.getSubscriptionType())
        .codeRegistry(specified.getCodeRegistry())
        .clearAdditionalTypes()
        .additionalTypes(specified.getAdditionalTypes())
        .clearDirectives()
        .additionalDirectives(
            specified.getDirectives().stream()
                .filter(d -> !d.getName().equals(ROLES_ALLOWED))
                .collect(Collectors.toCollection(LinkedHashSet::new)));
  }
}
