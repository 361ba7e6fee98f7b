package com.credentialcatalog.write;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A batch of recognition observations from a scraper. Items are validated one by one. */
@Schema(
    description =
        "Up to 1,000 observations. Each is checked on its own: valid items are stored even when others are rejected.")
public record ObservationBatch(
    @NotNull @Size(min = 1, max = 1000) @JsonDeserialize(contentUsing = ObservationReader.class)
        List<@NotNull Observation> observations) {

  @Schema(
      description =
          "One recognition signal. Its natural key (program, kind, sourceName, region, periodStart, periodEnd, requirementLevel) makes a retried batch idempotent.")
  public record Observation(
      @Schema(description = "Program slug", examples = "ccxp") String program,
      @Schema(
              description =
                  "JOB_POSTING_MENTIONS, EMPLOYER_RECOGNITION, ACCREDITATION, INDUSTRY_STANDARD, GOVERNMENT_APPROVAL",
              examples = "JOB_POSTING_MENTIONS")
          String kind,
      @Schema(
              description = "Where it was observed (job board, employer, body)",
              examples = "example-jobs.com")
          String sourceName,
      @Schema(examples = "https://example-jobs.com") String sourceUrl,
      @Schema(description = "ISO 3166 alpha-2 or GLOBAL", examples = "US") String region,
      @Schema(examples = "2025-01-01") LocalDate periodStart,
      @Schema(examples = "2025-01-31") LocalDate periodEnd,
      @Schema(description = "REQUIRED, PREFERRED or MENTIONED", examples = "PREFERRED")
          String requirementLevel,
      @Schema(description = "Postings that mention the program", examples = "42")
          Integer postingsMatched,
      @Schema(description = "Postings scanned", examples = "1200") Integer postingsScanned,
      @Schema(description = "When observed; default now") OffsetDateTime observedAt,
      @Schema(examples = "https://example-jobs.com/search?q=CCXP") String evidenceUrl,
      @JsonIgnore @Schema(hidden = true) String malformed) {

    /**
     * An item that could not be read: rejected on its own with {@code reason}, the batch goes on.
     */
    public static Observation malformed(String reason) {
      return new Observation(
          null, null, null, null, null, null, null, null, null, null, null, null, reason);
    }
  }

  /**
   * Reads one item; an item Jackson cannot read (an impossible date such as 2023-02-30, a count
   * written as text, an unknown field) becomes a {@link Observation#malformed} item instead of
   * failing the whole batch, so a scraper's 999 good observations are not lost to one bad one.
   */
  static final class ObservationReader extends JsonDeserializer<Observation> {
    @Override
    public Observation deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode node = p.readValueAsTree();
      if (node == null || !node.isObject()) {
        return Observation.malformed("an observation must be a JSON object");
      }
      if (node.has("malformed")) {
        return Observation.malformed("unknown field 'malformed'");
      }
      try {
        return ctxt.readTreeAsValue(node, Observation.class);
      } catch (JsonMappingException e) {
        return Observation.malformed(reason(e));
      }
    }

    private static String reason(JsonMappingException e) {
      StringBuilder field = new StringBuilder();
      for (JsonMappingException.Reference r : e.getPath()) {
        if (r.getFieldName() != null) {
          field.append(field.isEmpty() ? "" : ".").append(r.getFieldName());
        } else if (r.getIndex() >= 0) {
          field.append('[').append(r.getIndex()).append(']');
        }
      }
      String what;
      if (e instanceof UnrecognizedPropertyException u) {
        return "unknown field '" + u.getPropertyName() + "'";
      } else if (e instanceof InvalidFormatException f && f.getTargetType() == LocalDate.class) {
        what = "is not a valid date (YYYY-MM-DD)";
      } else if (e instanceof InvalidFormatException f
          && f.getTargetType() == OffsetDateTime.class) {
        what = "is not a valid timestamp with offset (ISO 8601)";
      } else if (e.getClass().getSimpleName().equals("UnstorableText")) {
        what = e.getOriginalMessage();
      } else {
        what = "does not have the expected type";
      }
      return (field.isEmpty() ? "the item" : field.toString()) + " " + what;
    }
  }
}
