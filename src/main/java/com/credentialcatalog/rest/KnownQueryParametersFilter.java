package com.credentialcatalog.rest;

import com.credentialcatalog.rest.problem.Problem;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Unknown query parameters are refused with 400, naming them and listing the accepted ones: a typo
 * such as {@code ?levle=MANAGER} would otherwise silently return everything. The accepted names are
 * read from the matched method's {@code @RestQuery}/{@code @QueryParam} parameters and
 * {@code @BeanParam} fields, so new parameters need no registration.
 */
public class KnownQueryParametersFilter {

  private final Map<Method, Set<String>> accepted = new ConcurrentHashMap<>();

  // Non-blocking filters must run before all others; this one needs no I/O, so it runs first.
  @ServerRequestFilter(nonBlocking = true, priority = 10)
  public Response rejectUnknown(ContainerRequestContext request, SimpleResourceInfo resource) {
    if (resource == null
        || resource.getResourceClass() == null
        || !String.valueOf(
                com.credentialcatalog.rest.problem.ProblemMappers.instance(request.getUriInfo()))
            .startsWith("/api/v1")) {
      return null;
    }
    Method method = method(resource);
    if (method == null) {
      return null;
    }
    Set<String> known = accepted.computeIfAbsent(method, KnownQueryParametersFilter::namesOf);
    Set<String> unknown = new TreeSet<>(request.getUriInfo().getQueryParameters().keySet());
    unknown.removeAll(known);
    if (unknown.isEmpty()) {
      return null;
    }
    String detail =
        "Unknown query parameter"
            + (unknown.size() > 1 ? "s " : " ")
            + unknown
            + "; this operation accepts "
            + (known.isEmpty() ? "none" : new TreeSet<>(known));
    return Response.status(400)
        .type(Problem.MEDIA_TYPE)
        .entity(
            new Problem(
                "/problems/unknown-parameter",
                "Unknown Query Parameter",
                400,
                detail,
                com.credentialcatalog.rest.problem.ProblemMappers.instance(request.getUriInfo()),
                unknown.stream()
                    .map(u -> new Problem.FieldError(u, "unknown query parameter"))
                    .toList()))
        .build();
  }

  private static Method method(SimpleResourceInfo resource) {
    for (Method m : resource.getResourceClass().getMethods()) {
      if (m.getName().equals(resource.getMethodName())
          && List.of(m.getParameterTypes()).equals(List.of(resource.parameterTypes()))) {
        return m;
      }
    }
    return null;
  }

  private static Set<String> namesOf(Method method) {
    Set<String> names = new TreeSet<>();
    for (Parameter p : method.getParameters()) {
      add(names, p.getAnnotation(RestQuery.class), p.getAnnotation(QueryParam.class), p.getName());
      if (p.isAnnotationPresent(BeanParam.class)) {
        for (Class<?> c = p.getType(); c != null && c != Object.class; c = c.getSuperclass()) {
          for (Field f : c.getDeclaredFields()) {
            add(
                names,
                f.getAnnotation(RestQuery.class),
                f.getAnnotation(QueryParam.class),
                f.getName());
          }
        }
      }
    }
    return names;
  }

  private static void add(Set<String> names, RestQuery rest, QueryParam query, String javaName) {
    if (rest != null) {
      names.add(rest.value().isEmpty() ? javaName : rest.value());
    } else if (query != null) {
      names.add(query.value());
    }
  }
}
