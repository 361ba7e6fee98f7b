package com.credentialcatalog.rest.problem;

import com.credentialcatalog.query.InvalidInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Input the core refuses becomes a 400 problem naming each field: a query that cannot be honoured
 * (bad limit, unknown sort, foreign cursor…) as {@code invalid-query}, data that breaks a rule of
 * the catalog (Bean Validation, an unknown provider slug) as {@code validation}.
 */
public class QueryProblemMappers {

  @ServerExceptionMapper
  public Response invalidInput(InvalidInputException e, UriInfo uri) {
    return problem(e, uri);
  }

  @ServerExceptionMapper
  public Response invalid(jakarta.validation.ConstraintViolationException e, UriInfo uri) {
    return problem(InvalidInputException.of(e.getConstraintViolations()), uri);
  }

  static Response problem(InvalidInputException e, UriInfo uri) {
    var errors =
        e.errors().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList();
    if (e.kind() == InvalidInputException.Kind.DATA_RULE) {
      return ProblemMappers.problem(400, "validation", "Invalid Request", e.detail(), uri, errors);
    }
    return ProblemMappers.problem(
        400, "invalid-query", "Invalid Query", e.field() + ": " + e.getMessage(), uri, errors);
  }
}
