package com.credentialcatalog.rest.problem;

import com.credentialcatalog.rest.write.MalformedPatchException;
import com.credentialcatalog.security.Roles;
import com.credentialcatalog.service.failure.ConflictException;
import com.credentialcatalog.service.failure.MissingVersionException;
import com.credentialcatalog.service.failure.StaleVersionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Problems of the write API: who may write (401, 403, 503 without a verification key), optimistic
 * concurrency (412, 428) and the catalog's own rules (409, 400). Part of the one RFC 9457 family of
 * {@link ProblemMappers}.
 */
public class WriteProblemMappers {

  private static final Logger LOG = Logger.getLogger(WriteProblemMappers.class);
  private static final String BEARER_CHALLENGE = "Bearer";

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e, UriInfo uri, ResourceInfo resource) {
    Response problem =
        ProblemMappers.problem(
            401,
            "unauthorized",
            "Unauthorized",
            "This operation needs a bearer token (JWT) with role "
                + String.join(" or ", rolesOf(resource)),
            uri,
            null);
    return Response.fromResponse(problem)
        .header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE)
        .build();
  }

  /**
   * The roles the called operation allows, from its {@code @RolesAllowed}: the problem names what
   * this operation needs (recognition-writer for observations), not what most writes need.
   */
  static List<String> rolesOf(ResourceInfo resource) {
    Method method = resource == null ? null : resource.getResourceMethod();
    RolesAllowed allowed = method == null ? null : method.getAnnotation(RolesAllowed.class);
    if (allowed == null && resource != null && resource.getResourceClass() != null) {
      allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
    return allowed == null || allowed.value().length == 0
        ? List.of(Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR)
        : List.of(allowed.value());
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
    Response problem =
        ProblemMappers.problem(
            401,
            "unauthorized",
            "Unauthorized",
            "The bearer token is invalid, expired or not from the expected issuer",
            uri,
            null);
    return Response.fromResponse(problem)
        .header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE + " error=\"invalid_token\"")
        .build();
  }

  /**
   * The verification key is missing or unreadable (a deployment without the mounted public key):
   * reads keep working, writes are unavailable until an operator supplies the key.
   */
  @ServerExceptionMapper
  public Response verificationUnavailable(DeploymentException e, UriInfo uri) {
    if (e.getMessage() == null || !e.getMessage().startsWith("SRJWT")) {
      return new ProblemMappers().internal(e, uri);
    }
    LOG.errorf(
        "Cannot verify bearer tokens on %s: %s (set MP_JWT_VERIFY_PUBLICKEY_LOCATION)",
        ProblemMappers.instance(uri), e.getMessage());
    return ProblemMappers.problem(
        503,
        "writes-unavailable",
        "Service Unavailable",
        "Writes are unavailable: this server cannot verify bearer tokens yet. Reads work.",
        uri,
        null);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri, ResourceInfo resource) {
    List<String> roles = rolesOf(resource);
    String detail =
        e.getMessage() != null && !e.getMessage().isBlank()
            ? e.getMessage()
            : !roles.contains(Roles.PROVIDER_EDITOR)
                ? "Your token's roles do not allow this operation (it needs "
                    + String.join(" or ", roles)
                    + ")"
                : "Your token's roles do not allow this operation (it needs "
                    + Roles.CATALOG_ADMIN
                    + " or, for"
                    + " the providers in its '"
                    + Roles.PROVIDERS_CLAIM
                    + "' claim, "
                    + Roles.PROVIDER_EDITOR
                    + ")";
    return ProblemMappers.problem(403, "forbidden", "Forbidden", detail, uri, null);
  }

  @ServerExceptionMapper
  public Response stale(StaleVersionException e, UriInfo uri) {
    return ProblemMappers.problem(
        412, "precondition-failed", "Precondition Failed", e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response versionMissing(MissingVersionException e, UriInfo uri) {
    return ProblemMappers.problem(
        428, "precondition-required", "Precondition Required", e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response conflict(ConflictException e, UriInfo uri) {
    return ProblemMappers.problem(409, "conflict", "Conflict", e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response malformedPatch(MalformedPatchException e, UriInfo uri) {
    if (e.getCause() != null) {
      return new ProblemMappers().badJson(e.getCause(), uri);
    }
    return ProblemMappers.problem(
        400, "malformed-body", "Malformed Request Body", e.getMessage(), uri, null);
  }
}
