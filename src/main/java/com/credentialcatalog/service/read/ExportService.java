package com.credentialcatalog.service.read;

import com.credentialcatalog.domain.Program;
import com.credentialcatalog.domain.Provider;
import com.credentialcatalog.domain.RecognitionSignal;
import com.credentialcatalog.domain.Source;
import com.credentialcatalog.repository.ProgramRepository;
import com.credentialcatalog.repository.ProviderRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole catalog as NDJSON, read in one REPEATABLE READ snapshot together with the change-feed
 * sequence it is consistent with: a scraper loads the export, then follows {@code
 * /changes?after=feedSequence} and misses nothing. Programs are streamed in batches, so memory
 * stays flat whatever the catalog's size.
 */
@ApplicationScoped
public class ExportService {

  static final int BATCH = 100;

  private final EntityManager em;
  private final ProviderRepository providers;
  private final ProgramAssembler assembler;
  private final ObjectMapper mapper;

  public ExportService(
      EntityManager em,
      ProviderRepository providers,
      ProgramAssembler assembler,
      ObjectMapper mapper) {
    this.em = em;
    this.providers = providers;
    this.assembler = assembler;
    this.mapper = mapper;
  }

  /**
   * Writes the export: a header line ({@code type: export} with {@code feedSequence}), then {@code
   * source}, {@code provider}, {@code program} and {@code recognitionSignal} lines, then an {@code
   * end} line with the count — a reader that misses the end line knows it is truncated.
   */
  public void writeTo(OutputStream out) {
    QuarkusTransaction.requiringNew()
        .timeout(600)
        .run(
            () -> {
              // First statement of the transaction: every later read sees the same snapshot.
              em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                  .executeUpdate();
              long feedSequence =
                  em.createQuery("select coalesce(max(e.seq), 0) from ChangeEvent e", Long.class)
                      .getSingleResult();
              Map<String, Object> header = new LinkedHashMap<>();
              header.put("format", "credential-catalog-export/1");
              header.put("feedSequence", feedSequence);
              header.put("generatedAt", OffsetDateTime.now().toString());
              line(out, "export", header);
              long count = 0;
              for (Source s :
                  em.createQuery("from Source s order by s.id", Source.class).getResultList()) {
                line(out, "source", ProgramAssembler.source(s));
                count++;
              }
              List<Provider> all =
                  em.createQuery(
                          "from Provider p left join fetch p.source order by p.id", Provider.class)
                      .getResultList();
              Map<Long, Long> counts =
                  providers.programCounts(all.stream().map(p -> p.id).toList());
              for (Provider p : all) {
                line(out, "provider", ProviderService.view(p, counts.getOrDefault(p.id, 0L)));
                count++;
              }
              long lastId = 0;
              while (true) {
                List<Program> batch =
                    em.createQuery(
                            ProgramRepository.WITH_REFERENCES
                                + " where p.id > :after order by p.id",
                            Program.class)
                        .setParameter("after", lastId)
                        .setMaxResults(BATCH)
                        .getResultList();
                if (batch.isEmpty()) {
                  break;
                }
                for (var detail : assembler.details(batch)) {
                  line(out, "program", detail);
                  count++;
                }
                lastId = batch.get(batch.size() - 1).id;
                em.clear(); // keep the persistence context small while streaming
              }
              long lastSignal = 0;
              while (true) {
                List<RecognitionSignal> signals =
                    em.createQuery(
                            "from RecognitionSignal s join fetch s.program"
                                + " where s.id > :after order by s.id",
                            RecognitionSignal.class)
                        .setParameter("after", lastSignal)
                        .setMaxResults(1000)
                        .getResultList();
                if (signals.isEmpty()) {
                  break;
                }
                for (RecognitionSignal s : signals) {
                  Map<String, Object> data = new LinkedHashMap<>();
                  data.put("program", s.program.slug);
                  data.put("kind", s.kind);
                  data.put("sourceName", s.sourceName);
                  data.put("sourceUrl", s.sourceUrl);
                  data.put("region", s.region);
                  data.put("periodStart", s.periodStart);
                  data.put("periodEnd", s.periodEnd);
                  data.put("requirementLevel", s.requirementLevel);
                  data.put("postingsMatched", s.postingsMatched);
                  data.put("postingsScanned", s.postingsScanned);
                  data.put("observedAt", s.observedAt);
                  data.put("evidenceUrl", s.evidenceUrl);
                  line(out, "recognitionSignal", data);
                  count++;
                }
                lastSignal = signals.get(signals.size() - 1).id;
                em.clear();
              }
              Map<String, Object> end = new LinkedHashMap<>();
              end.put("records", count);
              end.put("feedSequence", feedSequence);
              line(out, "end", end);
            });
  }

  private void line(OutputStream out, String type, Object data) {
    try {
      Map<String, Object> envelope = new LinkedHashMap<>();
      envelope.put("type", type);
      envelope.put("data", data);
      out.write(mapper.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
