package com.credentialcatalog.graphql;

import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.security.Roles;
import com.credentialcatalog.service.failure.ConflictException;
import com.credentialcatalog.service.failure.ConstraintMeanings;
import com.credentialcatalog.service.failure.DatabaseFailures;
import com.credentialcatalog.service.failure.MissingVersionException;
import com.credentialcatalog.service.failure.NotFoundException;
import com.credentialcatalog.service.failure.StaleVersionException;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

/**
 * The one place that turns failures into GraphQL errors, as {@code rest/problem} does for REST:
 * every error gets an {@code extensions.code}; client mistakes say what to fix; server faults say
 * only that they happened, with an id to find the log entry. No class name, no stack trace.
 *
 * <p>Codes: {@value #BAD_USER_INPUT}, {@value #NOT_FOUND}, {@value #UNAUTHENTICATED}, {@value
 * #FORBIDDEN}, {@value #CONFLICT}, {@value #QUERY_TOO_COMPLEX} (depth, complexity, tokens,
 * aliases), {@value #GRAPHQL_PARSE_FAILED}, {@value #GRAPHQL_VALIDATION_FAILED} (the document does
 * not fit the schema; a value of the wrong type for an argument is BAD_USER_INPUT), {@value
 * #SERVICE_UNAVAILABLE} (the database is unavailable, or no key to verify tokens: retry later),
 * {@value #RATE_LIMITED} (set by the rate limiter, with HTTP 429), {@value #INTERNAL_SERVER_ERROR},
 * {@value #PERSISTED_QUERY_NOT_FOUND} (a hash not registered: send the document with it, Apollo's
 * APQ protocol), {@value #PERSISTED_QUERY_NOT_IN_LIST} (trusted-documents mode: the document is not
 * one of the trusted ones).
 */
final class ErrorCodes {

  static final String BAD_USER_INPUT = "BAD_USER_INPUT";
  static final String NOT_FOUND = "NOT_FOUND";
  static final String UNAUTHENTICATED = "UNAUTHENTICATED";
  static final String FORBIDDEN = "FORBIDDEN";
  static final String CONFLICT = "CONFLICT";
  static final String QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX";
  static final String GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED";
  static final String GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";
  static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";
  static final String RATE_LIMITED = "RATE_LIMITED";
  static final String INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR";
  static final String PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";
  static final String PERSISTED_QUERY_NOT_IN_LIST = "PERSISTED_QUERY_NOT_IN_LIST";

  private static final Logger LOG = Logger.getLogger(ErrorCodes.class);

  private static final Pattern DEPTH =
      Pattern.compile("maximum query depth exceeded (\\d+) > (\\d+)");
  private static final Pattern COMPLEXITY =
      Pattern.compile("maximum query complexity exceeded (\\d+) > (\\d+)");
  private static final Pattern TOKENS =
      Pattern.compile("More than ([\\d,.\\u00a0\\u202f]+) '(\\w+)' tokens");
  private static final Pattern WRONG_TYPE =
      Pattern.compile("argument '([^']+)' with value .* is not a valid '([^']+)'");
  private static final Pattern ALIASES = Pattern.compile("more than (\\d+) aliases");

  /** A fully qualified Java class name, which a client must never see. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Z][\\w$]*");

  private ErrorCodes() {}

  /** The catalog's version of any error graphql-java or a resolver produced. */
  static GraphQLError map(GraphQLError error) {
    if (error instanceof CatalogError) {
      return error;
    }
    if (error instanceof ExceptionWhileDataFetching fetching) {
      return fromException(fetching.getException(), fetching.getLocations(), fetching.getPath());
    }
    ErrorClassification type = error.getErrorType();
    String message = clean(error.getMessage());
    List<SourceLocation> locations = error.getLocations();
    if (error instanceof ValidationError validation) {
      if (validation.getValidationErrorType() == ValidationErrorType.WrongType) {
        // A value of the wrong type for an argument, as a literal or through a variable.
        Matcher argument = WRONG_TYPE.matcher(message);
        return argument.find()
            ? new CatalogError(
                "The value of argument '"
                    + argument.group(1)
                    + "' is not a valid "
                    + argument.group(2),
                locations,
                null,
                BAD_USER_INPUT,
                field(argument.group(1)))
            : new CatalogError(message, locations, null, BAD_USER_INPUT, null);
      }
      return new CatalogError(message, locations, null, GRAPHQL_VALIDATION_FAILED, null);
    }
    if (type == ErrorType.InvalidSyntax) {
      Matcher tokens = TOKENS.matcher(message);
      if (tokens.find()) {
        int max = Integer.parseInt(tokens.group(1).replaceAll("\\D", ""));
        return new CatalogError(
            "The query has too many tokens: at most "
                + max
                + " "
                + tokens.group(2)
                + " tokens are accepted. Ask for less, or split it into several requests.",
            locations,
            null,
            QUERY_TOO_COMPLEX,
            Map.of("limit", "tokens", "maximum", max));
      }
      if (message.contains("parsing has been cancelled")) {
        return new CatalogError(message, locations, null, QUERY_TOO_COMPLEX, null);
      }
      return new CatalogError(message, locations, null, GRAPHQL_PARSE_FAILED, null);
    }
    if (type == ErrorType.ExecutionAborted) {
      Matcher depth = DEPTH.matcher(message);
      if (depth.find()) {
        return tooComplex(
            "The query is "
                + depth.group(1)
                + " levels deep; at most "
                + depth.group(2)
                + " are allowed.",
            locations,
            "depth",
            depth.group(2));
      }
      Matcher complexity = COMPLEXITY.matcher(message);
      if (complexity.find()) {
        return tooComplex(
            "The query asks for "
                + complexity.group(1)
                + " fields; at most "
                + complexity.group(2)
                + " are allowed. Ask for less, or split it into several requests.",
            locations,
            "complexity",
            complexity.group(2));
      }
      Matcher aliases = ALIASES.matcher(message);
      if (aliases.find()) {
        return tooComplex(message, locations, "aliases", aliases.group(1));
      }
      return new CatalogError(message, locations, null, QUERY_TOO_COMPLEX, null);
    }
    if (type != null && "BadFaithIntrospection".equals(type.toString())) {
      // graphql-java refuses introspection asked for several times over (aliased __schema, deep
      // __type).
      return new CatalogError(
          "Introspection may be asked for once per request: " + message,
          locations,
          null,
          QUERY_TOO_COMPLEX,
          Map.of("limit", "introspection"));
    }
    if (type == ErrorType.ValidationError || type == ErrorType.OperationNotSupported) {
      // Variables that do not fit their declared types, an unknown operation name.
      return new CatalogError(message, locations, null, BAD_USER_INPUT, null);
    }
    return internal(null, message, locations, error.getPath());
  }

  private static CatalogError tooComplex(
      String message, List<SourceLocation> locations, String limit, String max) {
    return new CatalogError(
        message,
        locations,
        null,
        QUERY_TOO_COMPLEX,
        Map.of("limit", limit, "maximum", Integer.parseInt(max)));
  }

  /** The error for an exception a resolver threw, found anywhere in its chain of causes. */
  static CatalogError fromException(
      Throwable thrown, List<SourceLocation> locations, List<Object> path) {
    if (DatabaseFailures.isUnavailable(thrown)) {
      LOG.warnf(
          "GraphQL field at %s failed: the database is unavailable (%s)", path, rootCause(thrown));
      return new CatalogError(
          "The catalog's database is unavailable right now; retry in a few seconds",
          locations,
          path,
          SERVICE_UNAVAILABLE,
          null);
    }
    for (Throwable e = thrown; e != null; e = e.getCause() == e ? null : e.getCause()) {
      CatalogError known = known(e, locations, path);
      if (known != null) {
        return known;
      }
    }
    return internal(thrown, null, locations, path);
  }

  private static String rootCause(Throwable thrown) {
    Throwable root = thrown;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  private static CatalogError known(
      Throwable e, List<SourceLocation> locations, List<Object> path) {
    if (e instanceof CoercingParseLiteralException || e instanceof CoercingParseValueException) {
      // SmallRye converts arguments again after graphql-java accepted them: 3.5 for an Int
      // variable.
      String why =
          e.getMessage() == null
              ? ""
              : ": " + clean(e.getMessage().replaceFirst("^SRGQL\\d+: ", ""));
      return new CatalogError(
          "An argument has a value of the wrong type" + why, locations, path, BAD_USER_INPUT, null);
    }
    if (e instanceof CatalogInstrumentation.ExecutionTimeout) {
      return new CatalogError(
          e.getMessage(), locations, path, QUERY_TOO_COMPLEX, Map.of("limit", "time"));
    }
    if (e instanceof NotFoundException) {
      return new CatalogError(e.getMessage(), locations, path, NOT_FOUND, null);
    }
    if (e instanceof InvalidInputException invalid) {
      return invalidInput(invalid, locations, path);
    }
    if (e instanceof ConstraintViolationException v) {
      return invalidInput(InvalidInputException.of(v.getConstraintViolations()), locations, path);
    }
    if (e instanceof org.hibernate.exception.ConstraintViolationException c) {
      return constraint(
          ConstraintMeanings.of(c.getConstraintName(), c.getSQLState()), locations, path);
    }
    if (e instanceof MissingVersionException) {
      return new CatalogError(
          "This change requires expectedVersion: the version you read, so that no concurrent"
              + " change is lost",
          locations,
          path,
          BAD_USER_INPUT,
          field("expectedVersion"));
    }
    if (e instanceof StaleVersionException || e instanceof ConflictException) {
      return new CatalogError(inGraphqlTerms(e.getMessage()), locations, path, CONFLICT, null);
    }
    if (e instanceof OptimisticLockException || e instanceof StaleStateException) {
      return new CatalogError(
          "The data changed while this request ran; read it again and retry",
          locations,
          path,
          CONFLICT,
          null);
    }
    if (e instanceof SQLException sql
        && sql.getSQLState() != null
        && sql.getSQLState().startsWith("23")) {
      // A database constraint the checks before it missed, without Hibernate's name for it.
      return constraint(ConstraintMeanings.of(null, sql.getSQLState()), locations, path);
    }
    if (e instanceof DeploymentException
        && e.getMessage() != null
        && e.getMessage().startsWith("SRJWT")) {
      LOG.errorf(
          "Cannot verify bearer tokens: %s (set MP_JWT_VERIFY_PUBLICKEY_LOCATION)", e.getMessage());
      return new CatalogError(
          "Writes are unavailable: this server cannot verify bearer tokens yet. Reads work.",
          locations,
          path,
          SERVICE_UNAVAILABLE,
          null);
    }
    if (e instanceof UnauthorizedException) {
      return new CatalogError(
          "This operation needs a bearer token (JWT) with role "
              + Roles.CATALOG_ADMIN
              + " or "
              + Roles.PROVIDER_EDITOR,
          locations,
          path,
          UNAUTHENTICATED,
          null);
    }
    if (e instanceof AuthenticationFailedException) {
      return new CatalogError(
          "The bearer token is invalid, expired or not from the expected issuer",
          locations,
          path,
          UNAUTHENTICATED,
          null);
    }
    if (e instanceof ForbiddenException) {
      String message =
          e.getMessage() != null && !e.getMessage().isBlank()
              ? e.getMessage()
              : "Your token's roles do not allow this operation (it needs "
                  + Roles.CATALOG_ADMIN
                  + " or, for the"
                  + " providers in its '"
                  + Roles.PROVIDERS_CLAIM
                  + "' claim, "
                  + Roles.PROVIDER_EDITOR
                  + ")";
      return new CatalogError(message, locations, path, FORBIDDEN, null);
    }
    return null;
  }

  /** The words of a REST 400 problem's detail, the fields of its {@code errors}. */
  private static CatalogError invalidInput(
      InvalidInputException e, List<SourceLocation> locations, List<Object> path) {
    Map<String, Object> details =
        e.fromBeanValidation()
            ? Map.of(
                "fields",
                e.errors().stream()
                    .map(f -> Map.of("field", f.field(), "message", f.message()))
                    .toList())
            : field(e.field());
    return new CatalogError(e.detail(), locations, path, BAD_USER_INPUT, details);
  }

  /** A database constraint, in the words of the REST problem for it (409 or 400). */
  private static CatalogError constraint(
      ConstraintMeanings.Meaning meaning, List<SourceLocation> locations, List<Object> path) {
    return new CatalogError(
        meaning.detail(),
        locations,
        path,
        meaning.conflict() ? CONFLICT : BAD_USER_INPUT,
        meaning.conflict() ? null : field(meaning.field()));
  }

  private static CatalogError internal(
      Throwable e, String message, List<SourceLocation> locations, List<Object> path) {
    String id = UUID.randomUUID().toString();
    if (e != null) {
      LOG.errorf(e, "Unhandled GraphQL error %s at %s", id, path);
    } else {
      LOG.errorf("Unhandled GraphQL error %s at %s: %s", id, path, message);
    }
    return new CatalogError(
        "Server Error: an unexpected error occurred; it was logged with id " + id,
        locations,
        path,
        INTERNAL_SERVER_ERROR,
        null);
  }

  private static Map<String, Object> field(String field) {
    return field == null ? null : Map.of("field", field);
  }

  /** The write services speak HTTP (If-Match, PUT); GraphQL clients pass expectedVersion. */
  static String inGraphqlTerms(String message) {
    return message == null
        ? null
        : message
            .replaceAll("If-Match: \"(\\d+)\"", "expectedVersion: $1")
            .replace(
                "send the PUT without If-Match", "call setRenewalPolicy without expectedVersion")
            .replace("the one If-Match names", "the expected one")
            .replace("If-Match", "expectedVersion");
  }

  /** Removes what would reveal the implementation from a message meant for a client. */
  static String clean(String message) {
    if (message == null) {
      return "";
    }
    return CLASS_NAME.matcher(message).replaceAll("value");
  }
}
