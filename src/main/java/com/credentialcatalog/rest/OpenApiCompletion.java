package com.credentialcatalog.rest;

import com.credentialcatalog.rest.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Completes the generated OpenAPI document so that every schema has a description and an example:
 * enums describe their values and show the first, records show an example assembled from their
 * properties' own examples (written once, on the record components). Generated clients and the
 * Swagger UI then show realistic payloads without examples written twice by hand.
 *
 * <p>It also makes the document one that client generators and linters take as it is: every
 * operation declares its security ({@code []} for anonymous reads), error responses carry the
 * problem schema, headers have schemas, array parameters have array examples, facts that may be
 * unknown are nullable ({@code type: [T, "null"]}), each PATCH has its own merge-patch schema (no
 * required members, nullable members, no defaults: a generated client can send {@code null} and
 * leaves unset lists out), {@code application/json} comes first and tags come in reading order.
 * These rules hold for every operation, so they live here once rather than on each annotation.
 *
 * <p>Runs at build time: the document is then complete in the built application and nothing is
 * rebuilt at start-up (as a runtime {@code mp.openapi.filter} it cost about 0.4 s of each start).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiCompletion implements OASFilter {

  private static final String REF_PREFIX = "#/components/schemas/";

  /** The schema of the JSON-LD representation of a program (referenced by ProgramResource). */
  static final String PROGRAM_JSON_LD = "ProgramJsonLd";

  static final String CTDL_DOCUMENT = "CtdlDocument";

  private static final String EXPORT_LINE = "ExportLine";
  private static final String JSON = "application/json";

  /**
   * Tags in the order a reader needs them: find and read first, writes by resource, then
   * operations.
   */
  private static final List<String> TAG_ORDER =
      List.of(
          "Programs",
          "Providers",
          "Comparison",
          "Eligibility",
          "Recognition",
          "Sync",
          "Prices",
          "Exam formats",
          "Renewal policies",
          "Aliases",
          "Imports",
          "Administration");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
    Map<String, Object> done = new LinkedHashMap<>();
    for (Map.Entry<String, Schema> e : schemas.entrySet()) {
      Schema s = e.getValue();
      if (s.getEnumeration() != null && !s.getEnumeration().isEmpty()) {
        if (s.getDescription() == null) {
          s.setDescription(e.getKey() + ": one of " + s.getEnumeration());
        }
      } else if (s.getDescription() == null) {
        s.setDescription(humanize(e.getKey()));
      }
      if (s.getExamples() == null || s.getExamples().isEmpty()) {
        Object example = exampleOf(s, schemas, done, new HashSet<>());
        if (example != null) {
          s.setExamples(List.of(example));
        }
      }
    }
    if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
      openAPI
          .getPaths()
          .getPathItems()
          .values()
          .forEach(
              item ->
                  item.getOperations()
                      .values()
                      .forEach(
                          op -> {
                            if (op.getParameters() != null) {
                              for (Parameter p : op.getParameters()) {
                                if ("cursor".equals(p.getName()) && p.getExample() == null) {
                                  p.setExample("ZDZhNTA4MzMxODUKNQo0MDAuMDA");
                                }
                              }
                            }
                          }));
    }
    addSharedComponents(openAPI);
    if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
      for (PathItem item : openAPI.getPaths().getPathItems().values()) {
        for (Map.Entry<PathItem.HttpMethod, Operation> op : item.getOperations().entrySet()) {
          complete(openAPI, op.getKey(), op.getValue());
        }
      }
    }
    markUnknownFactsNullable(openAPI, openAPI.getComponents().getSchemas());
    orderTags(openAPI);
    // The scanner also writes the raw generic Page beside its instances (PageProviderView); nothing
    // names it.
    openAPI.getComponents().removeSchema("Page");
  }

  /** Schemas and headers that several operations name. */
  private static void addSharedComponents(OpenAPI openAPI) {
    openAPI
        .getComponents()
        .addSchema(
            PROGRAM_JSON_LD,
            OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .description(
                    "A program as a schema.org EducationalOccupationalCredential (JSON-LD). Members follow schema.org; the ones listed are always present.")
                .addRequired("@context")
                .addRequired("@type")
                .addRequired("name")
                .addProperty("@context", stringSchema("https://schema.org", "The JSON-LD context"))
                .addProperty(
                    "@type",
                    stringSchema("EducationalOccupationalCredential", "The schema.org type"))
                .addProperty(
                    "@id",
                    stringSchema(
                        "https://catalog.example/api/v1/programs/ccxp",
                        "URL of the program in this API"))
                .addProperty(
                    "name", stringSchema("Certified Customer Experience Professional", "Name"))
                .additionalPropertiesBoolean(Boolean.TRUE)
                .examples(
                    List.of(
                        ordered(
                            "@context",
                            "https://schema.org",
                            "@type",
                            "EducationalOccupationalCredential",
                            "name",
                            "Certified Customer Experience Professional",
                            "alternateName",
                            "CCXP"))));
    Map<String, Object> credential =
        ordered(
            "@id",
            "https://credentialengineregistry.org/resources/ce-0d5c3c1e-8f3a-4b8e-9a57-3f1c2b7d6e90",
            "@type",
            "ceterms:Certification",
            "ceterms:ctid",
            "ce-0d5c3c1e-8f3a-4b8e-9a57-3f1c2b7d6e90",
            "ceterms:name",
            Map.of("en", "Certified Customer Experience Professional"),
            "ceterms:alternateName",
            Map.of("en", List.of("CCXP")),
            "ceterms:ownedBy",
            List.of(
                "https://credentialengineregistry.org/resources/ce-6f1d2e3c-4b5a-4968-8776-a5b4c3d2e1f0"),
            "ceterms:estimatedCost",
            List.of(
                ordered(
                    "@type",
                    "ceterms:CostProfile",
                    "ceterms:name",
                    Map.of("en", "Exam fee"),
                    "ceterms:price",
                    450,
                    "ceterms:currency",
                    "USD",
                    "ceterms:description",
                    Map.of("en", "Catalog notes: Price range: 450.00 to 650.00 USD."))),
            "ceterms:renewalFrequency",
            "P3Y");
    openAPI
        .getComponents()
        .addSchema(
            CTDL_DOCUMENT,
            OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .description(
                    "A CTDL JSON-LD document (Credential Engine's Credential Transparency Description Language, https://credreg.net/ctdl/terms): the CTDL context and a `@graph` of nodes with `ceterms:` terms. Texts are language maps keyed `en`; node `@id`s are https://credentialengineregistry.org/resources/{ctid}; facts CTDL has no property for are in words in the descriptions after \"Catalog notes:\" (README \"CTDL export\").")
                .addRequired("@context")
                .addRequired("@graph")
                .addProperty(
                    "@context",
                    stringSchema(
                        "https://credreg.net/ctdl/schema/context/json", "The CTDL JSON-LD context"))
                .addProperty(
                    "@graph",
                    OASFactory.createSchema()
                        .addType(SchemaType.ARRAY)
                        .description("The nodes: credentials, assessment profiles, organizations")
                        .items(
                            OASFactory.createSchema()
                                .addType(SchemaType.OBJECT)
                                .additionalPropertiesBoolean(Boolean.TRUE)
                                .description("A CTDL node (its `@type` says which class)")))
                .additionalPropertiesBoolean(Boolean.TRUE)
                .examples(
                    List.of(
                        ordered(
                            "@context",
                            "https://credreg.net/ctdl/schema/context/json",
                            "@graph",
                            List.of(credential)))));
    Map<String, Object> exportExample = new LinkedHashMap<>();
    exportExample.put("type", "export");
    exportExample.put("data", ordered("format", "credential-catalog-export/1", "feedSequence", 42));
    openAPI
        .getComponents()
        .addSchema(
            EXPORT_LINE,
            OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .description(
                    "One line of the NDJSON export: `type` says what `data` holds. First `export` (format, feedSequence), then `source`, `provider`, `program` (a ProgramDetail), `recognitionSignal` lines, last `end` (record count).")
                .addRequired("type")
                .addRequired("data")
                .addProperty(
                    "type",
                    OASFactory.createSchema()
                        .addType(SchemaType.STRING)
                        .enumeration(
                            List.of(
                                "export",
                                "source",
                                "provider",
                                "program",
                                "recognitionSignal",
                                "end"))
                        .description("What the line holds")
                        .examples(List.of("program")))
                .addProperty(
                    "data",
                    OASFactory.createSchema()
                        .addType(SchemaType.OBJECT)
                        .additionalPropertiesBoolean(Boolean.TRUE)
                        .description(
                            "The record, shaped like the API's view of it (a program is a ProgramDetail)"))
                .examples(List.of(exportExample)));
    if (openAPI.getComponents().getHeaders() == null) {
      openAPI.getComponents().setHeaders(new LinkedHashMap<>());
    }
    openAPI
        .getComponents()
        .addHeader(
            "RateLimit",
            header(
                "Remaining quota of the client's policy (IETF RateLimit fields): r = requests left, t = seconds until it is full again",
                "\"per-client\";r=118;t=1"))
        .addHeader(
            "RateLimit-Policy",
            header("The client's quota: q requests per w seconds", "\"per-client\";q=120;w=60"))
        .addHeader(
            "Retry-After",
            OASFactory.createHeader()
                .description("Seconds to wait before the next request")
                .schema(
                    OASFactory.createSchema()
                        .addType(SchemaType.INTEGER)
                        .minimum(java.math.BigDecimal.ZERO)
                        .examples(List.of(12))));
    openAPI
        .getComponents()
        .addResponse(
            "TooManyRequests",
            OASFactory.createAPIResponse()
                .description("The client's rate limit is used up; retry after Retry-After seconds")
                .addHeader("Retry-After", OASFactory.createHeader().ref("Retry-After"))
                .addHeader("RateLimit", OASFactory.createHeader().ref("RateLimit"))
                .addHeader("RateLimit-Policy", OASFactory.createHeader().ref("RateLimit-Policy"))
                .content(problemContent()));
  }

  private static void complete(OpenAPI openAPI, PathItem.HttpMethod method, Operation op) {
    // Anonymous reads say so: tools otherwise cannot tell "no token needed" from "not documented".
    if (op.getSecurity() == null) {
      op.setSecurity(new ArrayList<>());
    }
    if (op.getParameters() != null) {
      for (Parameter p : op.getParameters()) {
        arrayExample(p);
      }
    }
    if (method == PathItem.HttpMethod.PATCH && op.getRequestBody() != null) {
      mergePatchSchema(openAPI, op.getRequestBody().getContent());
    }
    if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
      return;
    }
    addStandardProblems(op);
    for (Map.Entry<String, APIResponse> e : op.getResponses().getAPIResponses().entrySet()) {
      APIResponse r = e.getValue();
      if (r.getRef() != null) {
        continue;
      }
      if (e.getKey().startsWith("4") || e.getKey().startsWith("5")) {
        if (r.getContent() == null
            || r.getContent().getMediaTypes() == null
            || r.getContent().getMediaTypes().isEmpty()) {
          r.setContent(problemContent());
        }
      } else if (e.getKey().startsWith("2")) {
        r.addHeader("RateLimit", OASFactory.createHeader().ref("RateLimit"));
        r.addHeader("RateLimit-Policy", OASFactory.createHeader().ref("RateLimit-Policy"));
      }
      if (r.getHeaders() != null) {
        r.getHeaders()
            .forEach(
                (name, h) -> {
                  if (h.getRef() == null && h.getSchema() == null) {
                    h.setSchema(OASFactory.createSchema().addType(SchemaType.STRING));
                  }
                });
      }
      if (r.getContent() != null && r.getContent().getMediaTypes() != null) {
        jsonFirst(r.getContent());
        MediaType ndjson = r.getContent().getMediaType("application/x-ndjson");
        if (ndjson != null && ndjson.getSchema() != null) {
          // OpenAPI 3.2's itemSchema, as an extension until 3.2 tools are common.
          ndjson
              .getSchema()
              .addExtension("x-item-schema", Map.of("$ref", REF_PREFIX + EXPORT_LINE));
        }
      }
    }
    op.getResponses().addAPIResponse("429", OASFactory.createAPIResponse().ref("TooManyRequests"));
  }

  /**
   * The problems an operation answers by what it is, said here once: 401 for an operation that
   * needs a bearer token, 412 for one that takes {@code If-Match}, 428 when it requires it. An
   * operation that says more about one of them (which version, which roles) keeps its own words.
   * Every 4xx and 5xx then gets the problem schema below.
   */
  private static void addStandardProblems(Operation op) {
    Map<String, APIResponse> responses = op.getResponses().getAPIResponses();
    Map<String, String> standard = new LinkedHashMap<>();
    if (op.getSecurity() != null && !op.getSecurity().isEmpty()) {
      standard.put("401", "No or invalid bearer token");
    }
    Parameter ifMatch =
        op.getParameters() == null
            ? null
            : op.getParameters().stream()
                .filter(
                    p ->
                        p.getIn() == Parameter.In.HEADER
                            && "If-Match".equalsIgnoreCase(p.getName()))
                .findFirst()
                .orElse(null);
    if (ifMatch != null) {
      standard.put("412", "`If-Match` is not the current version");
      if (Boolean.TRUE.equals(ifMatch.getRequired())) {
        standard.put("428", "`If-Match` is missing");
      }
    }
    if (standard.keySet().stream().allMatch(responses::containsKey)) {
      return;
    }
    // Rebuilt in status order, as the scanner writes annotated responses.
    Map<String, APIResponse> ordered = new java.util.TreeMap<>(responses);
    standard.forEach(
        (status, description) ->
            ordered.computeIfAbsent(
                status, k -> OASFactory.createAPIResponse().description(description)));
    op.getResponses().setAPIResponses(ordered);
  }

  /** A comma-separated example of an array parameter becomes the array it stands for. */
  private static void arrayExample(Parameter p) {
    Schema schema = p.getSchema();
    if (schema == null
        || schema.getType() == null
        || !schema.getType().contains(SchemaType.ARRAY)) {
      return;
    }
    if (p.getExample() instanceof String example) {
      p.setExample(new ArrayList<>(Arrays.stream(example.split(",")).map(String::trim).toList()));
    }
  }

  /**
   * Replaces the PUT model of a merge patch by its own schema: the same members, none required, all
   * nullable (null clears, RFC 7396) and without defaults, so a client sends only what it sets.
   */
  private static void mergePatchSchema(OpenAPI openAPI, Content content) {
    Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
    if (content == null || content.getMediaTypes() == null) {
      return;
    }
    for (MediaType media : content.getMediaTypes().values()) {
      Schema body = media.getSchema();
      if (body == null || body.getRef() == null) {
        continue;
      }
      String input = body.getRef().substring(REF_PREFIX.length());
      String name = input.replaceFirst("Input$", "") + "Patch";
      Schema source = schemas.get(input);
      if (source == null) {
        continue;
      }
      if (!schemas.containsKey(name)) {
        Schema patch =
            OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .description(
                    "JSON Merge Patch (RFC 7396) of "
                        + input
                        + ": members present change, `null` clears, absent members stay. "
                        + "Nothing is required; the result must be a valid "
                        + input
                        + ".");
        Map<String, Schema> properties = new LinkedHashMap<>();
        source
            .getProperties()
            .forEach(
                (prop, s) -> {
                  Schema copy = copyOf(s);
                  copy.setDefaultValue(null);
                  properties.put(prop, nullable(copy));
                });
        patch.setProperties(properties);
        Object example =
            media.getExamples() != null && !media.getExamples().isEmpty()
                ? media.getExamples().values().iterator().next().getValue()
                : null;
        if (example != null) {
          patch.setExamples(List.of(example));
        }
        openAPI.getComponents().addSchema(name, patch);
      }
      media.setSchema(OASFactory.createSchema().ref(name));
    }
  }

  /**
   * Properties of the answers that are not required and not lists may be null: a fact the catalog
   * does not know is null, never left out or invented.
   */
  private static void markUnknownFactsNullable(OpenAPI openAPI, Map<String, Schema> schemas) {
    Set<String> answers = new HashSet<>();
    Deque<Schema> todo = new ArrayDeque<>();
    if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
      openAPI
          .getPaths()
          .getPathItems()
          .values()
          .forEach(
              item ->
                  item.getOperations()
                      .values()
                      .forEach(
                          op -> {
                            if (op.getResponses() != null
                                && op.getResponses().getAPIResponses() != null) {
                              op.getResponses()
                                  .getAPIResponses()
                                  .values()
                                  .forEach(
                                      r -> {
                                        if (r.getContent() != null
                                            && r.getContent().getMediaTypes() != null) {
                                          r.getContent()
                                              .getMediaTypes()
                                              .values()
                                              .forEach(m -> todo.add(m.getSchema()));
                                        }
                                      });
                            }
                          }));
    }
    while (!todo.isEmpty()) {
      Schema s = todo.pop();
      if (s == null) {
        continue;
      }
      if (s.getRef() != null && s.getRef().startsWith(REF_PREFIX)) {
        String name = s.getRef().substring(REF_PREFIX.length());
        if (answers.add(name) && schemas.get(name) != null) {
          todo.add(schemas.get(name));
        }
      }
      if (s.getProperties() != null) {
        todo.addAll(s.getProperties().values());
      }
      if (s.getItems() != null) {
        todo.add(s.getItems());
      }
      if (s.getAdditionalPropertiesSchema() != null) {
        todo.add(s.getAdditionalPropertiesSchema());
      }
      for (List<Schema> parts : Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
        if (parts != null) {
          todo.addAll(parts);
        }
      }
    }
    answers.remove(PROGRAM_JSON_LD);
    answers.remove(CTDL_DOCUMENT);
    answers.remove(EXPORT_LINE);
    for (String name : answers) {
      Schema s = schemas.get(name);
      if (s == null || s.getProperties() == null || s.getEnumeration() != null) {
        continue;
      }
      List<String> required = s.getRequired() == null ? List.of() : s.getRequired();
      Map<String, Schema> properties = new LinkedHashMap<>();
      s.getProperties()
          .forEach(
              (prop, p) -> {
                boolean list = p.getType() != null && p.getType().contains(SchemaType.ARRAY);
                properties.put(prop, required.contains(prop) || list ? p : nullable(p));
              });
      s.setProperties(properties);
    }
  }

  /** {@code type: [T, "null"]}, or {@code anyOf: [$ref, {type: "null"}]} for a reference. */
  private static Schema nullable(Schema s) {
    if (s.getRef() != null || s.getAllOf() != null) {
      Schema target =
          s.getRef() != null
              ? OASFactory.createSchema().ref(s.getRef())
              : s.getAllOf().size() == 1
                  ? s.getAllOf().get(0)
                  : OASFactory.createSchema().allOf(s.getAllOf());
      Schema wrapped =
          OASFactory.createSchema()
              .anyOf(List.of(target, OASFactory.createSchema().addType(SchemaType.NULL)));
      wrapped.setDescription(s.getDescription());
      wrapped.setExamples(s.getExamples());
      return wrapped;
    }
    if (s.getType() != null && !s.getType().isEmpty() && !s.getType().contains(SchemaType.NULL)) {
      s.addType(SchemaType.NULL);
      if (s.getEnumeration() != null) {
        List<Object> values = new ArrayList<>(s.getEnumeration());
        values.add(null);
        s.setEnumeration(values);
      }
    }
    return s;
  }

  private static Schema copyOf(Schema s) {
    Schema copy = OASFactory.createSchema();
    copy.setAll(new LinkedHashMap<>(s.getAll()));
    if (s.getType() != null) {
      copy.setType(new ArrayList<>(s.getType()));
    }
    return copy;
  }

  /** application/json first: generators type an operation's result by its first media type. */
  private static void jsonFirst(Content content) {
    Map<String, MediaType> types = content.getMediaTypes();
    if (types.size() < 2
        || !types.containsKey(JSON)
        || types.keySet().iterator().next().equals(JSON)) {
      return;
    }
    Map<String, MediaType> ordered = new LinkedHashMap<>();
    ordered.put(JSON, types.get(JSON));
    types.forEach((k, v) -> ordered.putIfAbsent(k, v));
    content.setMediaTypes(ordered);
  }

  private static void orderTags(OpenAPI openAPI) {
    if (openAPI.getTags() == null) {
      return;
    }
    List<Tag> tags = new ArrayList<>(openAPI.getTags());
    tags.sort(
        java.util.Comparator.comparingInt(
            t -> {
              int i = TAG_ORDER.indexOf(t.getName());
              return i < 0 ? TAG_ORDER.size() : i;
            }));
    openAPI.setTags(tags);
  }

  /** A map in the order given: the committed document must come out the same on every build. */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static Content problemContent() {
    return OASFactory.createContent()
        .addMediaType(
            Problem.MEDIA_TYPE,
            OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
  }

  private static Header header(String description, String example) {
    return OASFactory.createHeader()
        .description(description)
        .schema(OASFactory.createSchema().addType(SchemaType.STRING).examples(List.of(example)));
  }

  private static Schema stringSchema(String example, String description) {
    return OASFactory.createSchema()
        .addType(SchemaType.STRING)
        .description(description)
        .examples(List.of(example));
  }

  private Object exampleOf(
      Schema s, Map<String, Schema> schemas, Map<String, Object> done, Set<String> visiting) {
    if (s == null) {
      return null;
    }
    // A property's own example wins over its referenced schema's (a SCALED score's scale).
    if (s.getExamples() != null && !s.getExamples().isEmpty()) {
      return s.getExamples().get(0);
    }
    if (s.getRef() != null) {
      String name =
          s.getRef().startsWith(REF_PREFIX)
              ? s.getRef().substring(REF_PREFIX.length())
              : s.getRef();
      if (done.containsKey(name)) {
        return done.get(name);
      }
      if (!visiting.add(name)) {
        return null;
      }
      Object example = exampleOf(schemas.get(name), schemas, done, visiting);
      visiting.remove(name);
      done.put(name, example);
      return example;
    }
    if (s.getExamples() != null && !s.getExamples().isEmpty()) {
      return s.getExamples().get(0);
    }
    if (s.getEnumeration() != null && !s.getEnumeration().isEmpty()) {
      return s.getEnumeration().get(0);
    }
    if (s.getProperties() != null && !s.getProperties().isEmpty()) {
      Map<String, Object> object = new LinkedHashMap<>();
      s.getProperties()
          .forEach(
              (name, property) -> {
                Object value = exampleOf(property, schemas, done, visiting);
                if (value != null) {
                  object.put(name, value);
                }
              });
      return object.isEmpty() ? null : object;
    }
    if (s.getItems() != null) {
      Object item = exampleOf(s.getItems(), schemas, done, visiting);
      return item == null ? null : new ArrayList<>(List.of(item));
    }
    if (s.getAllOf() != null) {
      for (Schema part : s.getAllOf()) {
        Object example = exampleOf(part, schemas, done, visiting);
        if (example != null) {
          return example;
        }
      }
    }
    if (s.getFormat() != null) {
      return switch (s.getFormat()) {
        case "date" -> "2024-01-01";
        case "date-time" -> "2026-11-22T21:15:44Z";
        default -> null;
      };
    }
    return null;
  }

  private static String humanize(String name) {
    return switch (name) {
      case "LocalDate" -> "A calendar date, ISO 8601 (YYYY-MM-DD)";
      case "OffsetDateTime" -> "A timestamp with offset, ISO 8601";
      default -> name.replaceAll("([a-z])([A-Z])", "$1 $2");
    };
  }
}
