package com.credentialcatalog.rest.problem;

import com.credentialcatalog.service.failure.ConstraintMeanings;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Database refusals that slipped past validation still reach the client as 4xx problems: a lost
 * race on a version (412), a unique or foreign key (409), a check (400 naming the JSON field).
 * {@link ConstraintMeanings} says what each constraint means, in the words GraphQL errors use too.
 */
public class PersistenceProblemMappers {

  @ServerExceptionMapper
  public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
    return stale(uri);
  }

  @ServerExceptionMapper
  public Response staleState(StaleStateException e, UriInfo uri) {
    return stale(uri);
  }

  @ServerExceptionMapper
  public Response constraint(ConstraintViolationException e, UriInfo uri) {
    ConstraintMeanings.Meaning meaning =
        ConstraintMeanings.of(e.getConstraintName(), e.getSQLState());
    if (meaning.conflict()) {
      return ProblemMappers.problem(409, "conflict", "Conflict", meaning.detail(), uri, null);
    }
    List<Problem.FieldError> errors =
        meaning.field() == null
            ? null
            : List.of(new Problem.FieldError(meaning.field(), meaning.message()));
    return ProblemMappers.problem(
        400, "validation", "Invalid Request", meaning.detail(), uri, errors);
  }

  /** Anything else from the persistence layer: look for one of the above among the causes. */
  @ServerExceptionMapper
  public Response persistence(PersistenceException e, UriInfo uri) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
        return stale(uri);
      }
      if (t instanceof ConstraintViolationException c) {
        return constraint(c, uri);
      }
    }
    return new ProblemMappers().internal(e, uri);
  }

  private static Response stale(UriInfo uri) {
    return ProblemMappers.problem(
        412,
        "precondition-failed",
        "Precondition Failed",
        "Someone changed this resource at the same time; read it again and retry with its new ETag in If-Match",
        uri,
        null);
  }
}
