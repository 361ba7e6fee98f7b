package com.credentialcatalog.graphql;

import com.credentialcatalog.domain.RecognitionKind;
import com.credentialcatalog.query.Bounds;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.service.read.ChangeFeedService;
import com.credentialcatalog.service.read.RecognitionLookupService;
import com.credentialcatalog.service.read.RecognitionService;
import com.credentialcatalog.view.ChangeFeed;
import com.credentialcatalog.view.LookupResult;
import com.credentialcatalog.view.RecognitionReport;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * Recognition for GraphQL clients: the same lookup, recognition series and change feed as POST
 * /api/v1/recognition/lookup, GET /api/v1/programs/{slug}/recognition and GET /api/v1/changes, with
 * the same bounds.
 */
@GraphQLApi
public class RecognitionQueries {

  static final int MAX_NAMES = 500;
  static final int MAX_NAME_LENGTH = 200;

  private final RecognitionLookupService lookup;
  private final RecognitionService recognition;
  private final ChangeFeedService feed;

  public RecognitionQueries(
      RecognitionLookupService lookup, RecognitionService recognition, ChangeFeedService feed) {
    this.lookup = lookup;
    this.recognition = recognition;
    this.feed = feed;
  }

  @Query("lookup")
  @Description(
      "Map up to 500 credential names found in job ads to programs: exact alias match first"
          + " (confidence 1), then trigram similarity above the threshold. Homonyms (CCSP) come back together,"
          + " flagged ambiguous, each with distinguishedBy. A name that matches nothing has no candidates.")
  public LookupResult lookup(@NonNull @Name("names") List<@NonNull String> names) {
    if (names.isEmpty() || names.size() > MAX_NAMES) {
      throw InvalidInputException.of(
          "names",
          InvalidInputException.Kind.OUT_OF_RANGE,
          "{} must hold 1 to " + MAX_NAMES + " names");
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).length() > MAX_NAME_LENGTH) {
        throw InvalidInputException.of(
            "names[" + i + "]",
            InvalidInputException.Kind.OUT_OF_RANGE,
            "a name is at most " + MAX_NAME_LENGTH + " characters");
      }
    }
    return lookup.lookup(names);
  }

  @Query("recognition")
  @Description(
      "A program's recognition signals and the monthly posting share (matched / scanned) per"
          + " region and requirement level; NOT_FOUND for an unknown slug.")
  public RecognitionReport recognition(
      @NonNull @Name("slug") String slug,
      @Name("region") @Description("ISO 3166 alpha-2 or GLOBAL") String region,
      @Name("kind") RecognitionKind kind,
      @Name("from") @Description("Signals whose period ends on or after this date") LocalDate from,
      @Name("to") @Description("Signals whose period starts on or before this date") LocalDate to) {
    return recognition.report(slug, Bounds.region("region", region), kind, from, to);
  }

  @Query("changes")
  @Description(
      "Catalog changes after a sequence number, oldest first; gap-free for a reader that always"
          + " passes the lastSeq it got. An after beyond latestSeq is BAD_USER_INPUT.")
  public ChangeFeed changes(
      @Name("after") @DefaultValue("0") Long after,
      @Name("limit") @DefaultValue("100") @Description("1–1000") Integer limit) {
    // An explicit null means the default, as an omitted argument does.
    return feed.after(after == null ? 0 : after, limit);
  }
}
