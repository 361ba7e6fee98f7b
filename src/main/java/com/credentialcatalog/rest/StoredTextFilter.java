package com.credentialcatalog.rest;

import com.credentialcatalog.rest.problem.Problem;
import com.credentialcatalog.rest.problem.ProblemMappers;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path, query and header values the catalog cannot store (a NUL, an unpaired surrogate, a
 * percent-encoding that does not decode) are refused with 400 naming the parameter, before any of
 * them reaches PostgreSQL, which answered them with SQLState 22021 and thus a 500. Bodies are
 * checked by {@link StrictJson}.
 */
public class StoredTextFilter {

  // Before KnownQueryParametersFilter (10): a bad value is reported as such, whatever its name.
  @ServerRequestFilter(nonBlocking = true, priority = 5)
  public Response rejectUnstorable(ContainerRequestContext request) {
    List<Problem.FieldError> errors = new ArrayList<>();
    try {
      check(request.getUriInfo().getPathParameters(), "", errors);
      check(request.getUriInfo().getQueryParameters(), "", errors);
    } catch (IllegalArgumentException e) {
      // The JAX-RS decoder refuses malformed escapes such as "%zz" or a truncated "%e2%82".
      errors.add(new Problem.FieldError("uri", "contains a malformed percent-encoding"));
    }
    check(request.getHeaders(), "header ", errors);
    if (errors.isEmpty()) {
      return null;
    }
    String detail =
        "Invalid input: "
            + errors.stream()
                .map(e -> e.field() + " " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
    return Response.status(400)
        .type(Problem.MEDIA_TYPE)
        .entity(
            new Problem(
                "/problems/validation",
                "Invalid Request",
                400,
                detail,
                ProblemMappers.instance(request.getUriInfo()),
                errors))
        .build();
  }

  private static void check(
      MultivaluedMap<String, String> values, String prefix, List<Problem.FieldError> errors) {
    for (Map.Entry<String, List<String>> entry : values.entrySet()) {
      String nameProblem = StoredText.problem(entry.getKey());
      if (nameProblem != null) {
        errors.add(new Problem.FieldError(prefix + "name", nameProblem));
        continue;
      }
      for (String value : entry.getValue()) {
        String problem = StoredText.problem(value);
        if (problem != null) {
          errors.add(new Problem.FieldError(prefix + entry.getKey(), problem));
          break;
        }
      }
    }
  }
}
