package com.credentialcatalog.graphql;

import com.credentialcatalog.query.Facet;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A Relay connection over programs, with the size of the filtered set and facet counts. */
@Type("ProgramConnection")
@Description(
    "A page of programs. totalCount and facets describe the whole filtered set, not just this page.")
public class ProgramConnection {

  private final List<ProgramEdge> edges;
  private final PageInfo pageInfo;
  private final Integer totalCount;
  @Ignore private final Map<Facet, Map<String, Long>> facets;

  ProgramConnection(
      List<ProgramEdge> edges,
      PageInfo pageInfo,
      Integer totalCount,
      Map<Facet, Map<String, Long>> facets) {
    this.edges = edges;
    this.pageInfo = pageInfo;
    this.totalCount = totalCount;
    this.facets = facets;
  }

  @NonNull
  public List<@NonNull ProgramEdge> getEdges() {
    return edges;
  }

  @NonNull
  public PageInfo getPageInfo() {
    return pageInfo;
  }

  @Description("Number of programs matching the filter")
  public Integer getTotalCount() {
    return totalCount;
  }

  /** Counts computed with the page, for the facets any {@code facets} selection asks for. */
  @Ignore
  Map<Facet, Map<String, Long>> counts() {
    return facets;
  }

  /**
   * One edge: a program and the cursor that resumes right after it. The cursor is sealed (an HMAC)
   * only when a client selects it: most pages ask for nodes alone.
   */
  @Type("ProgramEdge")
  public static final class ProgramEdge {
    // No @Ignore on these: on `node` it would hide getNode() too (SmallRye ignores the property).
    private final List<String> cursors;
    private final int index;
    private final ProgramNode node;

    ProgramEdge(List<String> cursors, int index, ProgramNode node) {
      this.cursors = cursors;
      this.index = index;
      this.node = node;
    }

    @NonNull
    public String getCursor() {
      return cursors.get(index);
    }

    @NonNull
    public ProgramNode getNode() {
      return node;
    }
  }
}
