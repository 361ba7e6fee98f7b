package com.credentialcatalog.importer;

import com.credentialcatalog.config.CatalogConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;

/** Seeds an empty catalog at start-up from the bundled guide data ({@code catalog.seed.*}). */
@Singleton
public class SeedOnStartup {

  private static final Logger LOG = Logger.getLogger(SeedOnStartup.class);

  private final CatalogConfig config;
  private final CatalogImporter importer;
  private final EntityManager em;
  private final ObjectMapper mapper;

  public SeedOnStartup(
      CatalogConfig config, CatalogImporter importer, EntityManager em, ObjectMapper mapper) {
    this.config = config;
    this.importer = importer;
    this.em = em;
    this.mapper = mapper;
  }

  @Transactional
  void onStart(@Observes StartupEvent event) {
    if (!config.seed().enabled()) {
      return;
    }
    // Only an empty catalog is seeded: a catalog that partners have edited is theirs.
    Long providers =
        em.createQuery("select count(p) from Provider p", Long.class).getSingleResult();
    if (providers > 0) {
      return;
    }
    ImportReport report = importer.importDocument(readSeed(), "seed");
    LOG.infof(
        "Seeded the catalog: %d sources, %d providers, %d programs",
        report.sourcesCreated(), report.providersCreated(), report.programsCreated());
  }

  /** Reads the bundled seed document. */
  public CatalogDocument readSeed() {
    String location = config.seed().location();
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
      if (in == null) {
        throw new IllegalStateException("Seed document not found on the class path: " + location);
      }
      return mapper
          .copy()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(in, CatalogDocument.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the seed document " + location, e);
    }
  }
}
