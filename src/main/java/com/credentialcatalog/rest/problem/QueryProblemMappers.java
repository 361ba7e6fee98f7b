package com.credentialcatalog.rest.problem;

import com.credentialcatalog.query.InvalidQueryException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Query inputs the core refuses (bad limit, unknown sort, foreign cursor…) become 400 problems. */
public class QueryProblemMappers {

  @ServerExceptionMapper
  public Response invalidQuery(InvalidQueryException e, UriInfo uri) {
    return ProblemMappers.problem(400, "invalid-query", "Invalid Query", e.field() + ": " + e.getMessage(),
        uri, List.of(new Problem.FieldError(e.field(), e.getMessage())));
  }
}
