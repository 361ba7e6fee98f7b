package com.credentialcatalog.importer.ctdl;

import com.credentialcatalog.domain.Ctid;
import com.credentialcatalog.query.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CTDL document as the Credential Registry serves it, read into nodes with stable keys. Accepts
 * the three shapes records come in: a {@code @graph} document, a single resource, and a Registry
 * envelope (its {@code decoded_resource}, or {@code resource} when that is the JSON itself). Keys
 * make the Registry's spellings of one node equal: a CTID in an {@code @id} URL (upper-case under
 * {@code /graph/}, lower-case under {@code /resources/}) is the node's CTID in stored form; blank
 * nodes ({@code _:…}) keep their label; any other {@code @id} is kept as written.
 */
final class CtdlDocument {

  /** Most nodes one document may hold; a Registry {@code @graph} holds a handful. */
  static final int MAX_NODES = 500;

  /** One top-level node of the document. */
  record Node(int index, String id, String key, String ctid, List<String> types, ObjectNode json) {

    /** How messages and the report name the node: its {@code @id}, else its position. */
    String label() {
      return id != null ? id : "@graph[" + index + "]";
    }

    boolean is(String type) {
      return types.contains(type);
    }

    /** The node's property, or null when absent or JSON null. */
    JsonNode get(String property) {
      JsonNode v = json.get(property);
      return v == null || v.isNull() ? null : v;
    }
  }

  private final List<Node> nodes;
  private final Map<String, Node> byKey;
  private final LocalDate envelopeModified;

  private CtdlDocument(List<Node> nodes, LocalDate envelopeModified) {
    this.nodes = nodes;
    this.envelopeModified = envelopeModified;
    this.byKey = new LinkedHashMap<>();
    nodes.forEach(n -> byKey.putIfAbsent(n.key(), n));
  }

  List<Node> nodes() {
    return nodes;
  }

  /** When the envelope says the record was last updated (null when there is no envelope). */
  LocalDate envelopeModified() {
    return envelopeModified;
  }

  /** The node a reference names, when the document holds it. */
  Optional<Node> resolve(String reference) {
    return Optional.ofNullable(reference == null ? null : byKey.get(key(reference)));
  }

  /**
   * The key of an {@code @id} or reference: the stored form of a CTID it ends in, else the text.
   */
  static String key(String id) {
    String text = id.strip();
    int slash = text.lastIndexOf('/');
    return Ctid.canonical(slash < 0 ? text : text.substring(slash + 1)).orElse(text);
  }

  /**
   * Reads a request body.
   *
   * @throws InvalidInputException naming the node and property when the body is not a CTDL
   *     document, holds too many nodes, or a node lacks what every node needs
   */
  static CtdlDocument read(JsonNode body, ObjectMapper json) {
    if (body == null || !body.isObject()) {
      throw bad("body", "must be a JSON object: a CTDL @graph document, a resource or an envelope");
    }
    LocalDate modified = null;
    JsonNode document = body;
    if (body.has("decoded_resource") || body.has("envelope_id") || body.has("resource")) {
      modified = envelopeDate(body);
      document = body.get("decoded_resource");
      if (document == null || document.isNull()) {
        document = body.get("resource");
      }
      if (document != null && document.isTextual()) {
        String text = document.asText().strip();
        if (!text.startsWith("{")) {
          throw bad(
              body.has("decoded_resource") ? "decoded_resource" : "resource",
              "is a signed (JWT) resource; send the envelope with its decoded_resource");
        }
        try {
          document = json.readTree(text);
        } catch (Exception e) {
          throw bad("decoded_resource", "is not JSON");
        }
      }
      if (document == null || !document.isObject()) {
        throw bad("decoded_resource", "an envelope must hold its record as decoded_resource");
      }
    }
    List<JsonNode> raw = new ArrayList<>();
    JsonNode graph = document.get("@graph");
    if (graph != null) {
      if (!graph.isArray()) {
        throw bad("@graph", "must be an array of nodes");
      }
      graph.forEach(raw::add);
    } else {
      raw.add(document);
    }
    if (raw.isEmpty()) {
      throw bad("@graph", "holds no node");
    }
    if (raw.size() > MAX_NODES) {
      throw bad(
          "@graph",
          "holds " + raw.size() + " nodes; an import takes at most " + MAX_NODES + " per document");
    }
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      nodes.add(node(i, raw.get(i)));
    }
    return new CtdlDocument(nodes, modified);
  }

  private static Node node(int index, JsonNode raw) {
    String where = "@graph[" + index + "]";
    if (!raw.isObject()) {
      throw bad(where, "must be a JSON object (a CTDL node)");
    }
    ObjectNode o = (ObjectNode) raw;
    JsonNode idValue = o.get("@id");
    if (idValue != null && !idValue.isTextual()) {
      throw bad(where + " @id", "must be a string (a URL or a blank-node label _:…)");
    }
    String id = idValue == null ? null : idValue.asText();
    String label = id == null ? where : id;
    List<String> types = new ArrayList<>();
    JsonNode type = o.get("@type");
    if (type != null && type.isTextual()) {
      types.add(type.asText());
    } else if (type != null && type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    }
    if (types.isEmpty() || types.stream().anyMatch(String::isBlank)) {
      throw bad(label + " @type", "every node needs a @type such as ceterms:Certification");
    }
    String ctid = null;
    JsonNode ctidValue = o.get("ceterms:ctid");
    if (ctidValue != null && !ctidValue.isNull()) {
      ctid =
          Ctid.canonical(ctidValue.isTextual() ? ctidValue.asText() : "")
              .orElseThrow(() -> bad(label + " ceterms:ctid", "must be ce- followed by a UUID"));
    }
    String key = id != null ? key(id) : ctid != null ? ctid : where;
    return new Node(index, id, key, ctid, List.copyOf(types), o);
  }

  /**
   * The envelope's update date: {@code node_headers.updated_at}, else its own {@code updated_at}.
   */
  private static LocalDate envelopeDate(JsonNode envelope) {
    JsonNode headers = envelope.path("node_headers");
    for (JsonNode v : List.of(headers.path("updated_at"), envelope.path("updated_at"))) {
      LocalDate d = date(v.asText(null));
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /** A date or date-time as records write them ("2019-02-19", "2019-02-19 22:12:36 UTC"). */
  static LocalDate date(String text) {
    if (text == null || text.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(text.substring(0, 10));
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toLocalDate();
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }

  static InvalidInputException bad(String where, String message) {
    return new InvalidInputException(where, message);
  }
}
