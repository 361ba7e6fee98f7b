package com.credentialcatalog.service.ctdl;

import com.credentialcatalog.repository.CtdlReader;
import com.credentialcatalog.repository.CtdlReader.Organization;
import com.credentialcatalog.repository.CtdlReader.Recognizer;
import com.credentialcatalog.repository.ProgramDetailReader;
import com.credentialcatalog.repository.ReadModelAccessException;
import com.credentialcatalog.service.failure.NotFoundException;
import com.credentialcatalog.view.ProgramDetail;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog in CTDL, built from the read side: a program's stored detail document, the providers
 * as organizations and the recognizing organizations of its recognition signals — a fixed number of
 * statements per answer, and for the whole catalog one pass over the stored documents in one
 * snapshot.
 */
@ApplicationScoped
public class CtdlExportService {

  private final AgroalDataSource dataSource;
  private final ProgramDetailReader details;
  private final CtdlReader reader;
  private final ObjectMapper json;

  public CtdlExportService(
      AgroalDataSource dataSource,
      ProgramDetailReader details,
      CtdlReader reader,
      ObjectMapper json) {
    this.dataSource = dataSource;
    this.details = details;
    this.reader = reader;
    this.json = json;
  }

  /**
   * One program as a CTDL document: its credential, assessment profiles, owner and test-vendor
   * organizations, and recognizing organizations.
   *
   * @throws NotFoundException when no program has this slug
   */
  public Map<String, Object> program(String slug) {
    ProgramDetail p = details.find(slug).orElseThrow(() -> new NotFoundException("program", slug));
    try (Connection c = dataSource.getConnection()) {
      Map<String, Organization> orgs = reader.organizations(c, CtdlDocuments.organizationSlugs(p));
      List<Recognizer> recognizers =
          reader.recognizers(c, List.of(slug)).getOrDefault(slug, List.of());
      List<Map<String, Object>> graph =
          new ArrayList<>(CtdlDocuments.program(p, orgs, recognizers));
      orgs.values().forEach(o -> graph.add(CtdlDocuments.organization(o, false)));
      return CtdlDocuments.document(graph);
    } catch (SQLException e) {
      throw new ReadModelAccessException(e);
    }
  }

  /**
   * One provider as a CTDL document: its {@code ceterms:CredentialOrganization} node, which {@code
   * owns} its programs.
   *
   * @throws NotFoundException when no provider has this slug
   */
  public Map<String, Object> provider(String slug) {
    try (Connection c = dataSource.getConnection()) {
      Organization o = reader.organizations(c, List.of(slug)).get(slug);
      if (o == null) {
        throw new NotFoundException("provider", slug);
      }
      return CtdlDocuments.document(List.of(CtdlDocuments.organization(o, true)));
    } catch (SQLException e) {
      throw new ReadModelAccessException(e);
    }
  }

  /**
   * Writes the whole catalog as one CTDL {@code @graph} document, streamed: every organization,
   * then each program's nodes (each recognizing organization once), all read in one REPEATABLE READ
   * snapshot. A reader whose document does not end with the closing brackets knows it is truncated.
   */
  public void writeCatalog(OutputStream out) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      try (JsonGenerator g =
          json.getFactory()
              .createGenerator(out, JsonEncoding.UTF8)
              .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
        g.writeStartObject();
        g.writeStringField(CtdlTerms.AT_CONTEXT, CtdlTerms.CONTEXT);
        g.writeArrayFieldStart(CtdlTerms.AT_GRAPH);
        Map<String, Organization> orgs = reader.allOrganizations(c);
        for (Organization o : orgs.values()) {
          g.writeObject(CtdlDocuments.organization(o, true));
        }
        Map<String, List<Recognizer>> recognizers = reader.recognizers(c, null);
        Set<String> written = new HashSet<>();
        reader.eachProgram(
            c,
            p -> {
              for (Map<String, Object> node :
                  CtdlDocuments.program(p, orgs, recognizers.getOrDefault(p.slug(), List.of()))) {
                Object id = node.get(CtdlTerms.AT_ID);
                if (id == null || written.add(id.toString())) {
                  write(g, node);
                }
              }
            });
        g.writeEndArray();
        g.writeEndObject();
      }
      c.commit();
    } catch (SQLException e) {
      throw new ReadModelAccessException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(JsonGenerator g, Map<String, Object> node) {
    try {
      g.writeObject(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
