package com.credentialcatalog.graphql;

import com.credentialcatalog.caching.ConditionalReads;
import com.credentialcatalog.service.PersistedDocuments;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Apollo's automatic persisted queries: a request may name its document by {@code
 * extensions.persistedQuery = {version: 1, sha256Hash}} instead of sending it. A hash not
 * registered is answered PersistedQueryNotFound (HTTP 200, as Apollo's clients expect), and the
 * client sends the document with its hash, which registers it once {@link DocumentGuard} has found
 * it within the bounds. Documents live in the table {@code persisted_query} (every replica, every
 * restart), with the most used ones kept in memory. In trusted-documents mode only trusted
 * documents run, by hash or in full: those loaded from {@code
 * catalog.graphql.trusted-documents-directory} at start-up and those an administrator registered
 * ({@code /api/v1/admin/trusted-documents}, service/TrustedDocumentService).
 */
@ApplicationScoped
public class PersistedQueries {

  private static final Logger LOG = Logger.getLogger(PersistedQueries.class);
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  private final PersistedDocuments store;
  private final GraphqlConfig config;
  private final Cache<String, PersistedDocuments.Stored> documents;

  public PersistedQueries(PersistedDocuments store, GraphqlConfig config) {
    this.store = store;
    this.config = config;
    this.documents =
        Caffeine.newBuilder()
            .maximumSize(config.persistedQueries().cachedEntries())
            // A deleted trusted document must stop running on every replica, not only this one.
            .expireAfterWrite(config.persistedQueries().cachedFor())
            .build();
  }

  /** A trusted document was deleted (on this replica): it stops running at once. */
  void deleted(@Observes PersistedDocuments.Deleted deleted) {
    documents.invalidate(deleted.sha256());
  }

  /**
   * The document a request runs, with its hash and whether it is to be registered once the guard
   * accepts it.
   */
  record Resolved(String document, String sha256, boolean register) {}

  void loadTrusted(@Observes StartupEvent start) {
    if (config.trustedDocumentsDirectory().isEmpty()) {
      if (config.trustedDocumentsOnly()) {
        LOG.warn(
            "catalog.graphql.trusted-documents-only is on but no"
                + " catalog.graphql.trusted-documents-directory is set: only documents registered"
                + " as trusted (/api/v1/admin/trusted-documents) run");
      }
      return;
    }
    Path directory = config.trustedDocumentsDirectory().get();
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(f -> f.getFileName().toString().endsWith(".graphql")).toList();
    } catch (IOException e) {
      // A mode that refuses every document must not start silently empty.
      throw new UncheckedIOException("Cannot read trusted GraphQL documents in " + directory, e);
    }
    for (Path file : files) {
      try {
        String document = Files.readString(file, StandardCharsets.UTF_8);
        String hash = ConditionalReads.sha256(document);
        store.register(hash, document, PersistedDocuments.Origin.TRUSTED, 0);
        documents.invalidate(hash);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read trusted GraphQL document " + file, e);
      }
    }
    LOG.infof("Registered %d trusted GraphQL documents from %s", files.size(), directory);
  }

  /**
   * The document a request asks to run: its {@code query}, or the document registered under the
   * hash of its {@code extensions.persistedQuery}.
   *
   * @param query the request's document; null when it sends only the hash
   * @param extensions the request's extensions; may be null
   * @throws DocumentGuard.Refused for a hash not registered, a hash that is not the query's, an
   *     unreadable persistedQuery extension, or (trusted mode) a document not trusted
   */
  Resolved resolve(String query, Map<String, Object> extensions) {
    Object persisted = extensions == null ? null : extensions.get("persistedQuery");
    if (persisted == null) {
      if (query == null) {
        throw DocumentGuard.Refused.badInput(
            "The request needs a `query` member holding the GraphQL document, or"
                + " extensions.persistedQuery naming a registered one",
            Map.of("member", "query"));
      }
      String hash = ConditionalReads.sha256(query);
      if (config.trustedDocumentsOnly() && trusted(hash) == null) {
        throw notInList();
      }
      return new Resolved(query, hash, false);
    }
    String hash = hash(persisted);
    if (query == null) {
      PersistedDocuments.Stored stored = config.trustedDocumentsOnly() ? trusted(hash) : find(hash);
      if (stored == null) {
        throw new DocumentGuard.Refused(
            200,
            new CatalogError(
                "PersistedQueryNotFound", null, null, ErrorCodes.PERSISTED_QUERY_NOT_FOUND, null));
      }
      return new Resolved(stored.document(), hash, false);
    }
    if (!ConditionalReads.sha256(query).equals(hash)) {
      throw DocumentGuard.Refused.badInput(
          "provided sha does not match query: extensions.persistedQuery.sha256Hash must be the"
              + " SHA-256 (lower-case hex) of the UTF-8 text of `query`, exactly as sent",
          Map.of("member", "extensions.persistedQuery.sha256Hash"));
    }
    if (config.trustedDocumentsOnly()) {
      if (trusted(hash) == null) {
        throw notInList();
      }
      return new Resolved(query, hash, false);
    }
    return new Resolved(query, hash, find(hash) == null);
  }

  /** Registers a resolved document that asked to be, once the guard accepted it. */
  void accepted(Resolved resolved) {
    if (!resolved.register()) {
      return;
    }
    if (store.register(
        resolved.sha256(),
        resolved.document(),
        PersistedDocuments.Origin.CLIENT,
        config.persistedQueries().maxEntries())) {
      documents.invalidate(resolved.sha256());
    } else {
      LOG.debugf(
          "Persisted-query registry full (%d client documents): %s runs unregistered",
          config.persistedQueries().maxEntries(), resolved.sha256());
    }
  }

  private PersistedDocuments.Stored find(String hash) {
    PersistedDocuments.Stored cached = documents.getIfPresent(hash);
    if (cached != null) {
      return cached;
    }
    // Not cached when unknown: another replica may register it a moment later.
    PersistedDocuments.Stored stored = store.find(hash);
    if (stored != null) {
      documents.put(hash, stored);
    }
    return stored;
  }

  private PersistedDocuments.Stored trusted(String hash) {
    PersistedDocuments.Stored stored = find(hash);
    return stored != null && stored.origin() == PersistedDocuments.Origin.TRUSTED ? stored : null;
  }

  private static String hash(Object persisted) {
    if (!(persisted instanceof Map<?, ?> map)) {
      throw DocumentGuard.Refused.badInput(
          "extensions.persistedQuery must be an object: {\"version\": 1, \"sha256Hash\": \"…\"}",
          Map.of("member", "extensions.persistedQuery"));
    }
    if (!(map.get("version") instanceof Number version) || version.doubleValue() != 1) {
      throw DocumentGuard.Refused.badInput(
          "Unsupported persisted query version: extensions.persistedQuery.version must be 1",
          Map.of("member", "extensions.persistedQuery.version"));
    }
    if (!(map.get("sha256Hash") instanceof String hash) || !SHA256.matcher(hash).matches()) {
      throw DocumentGuard.Refused.badInput(
          "extensions.persistedQuery.sha256Hash must be the SHA-256 of the document, 64 hex"
              + " digits",
          Map.of("member", "extensions.persistedQuery.sha256Hash"));
    }
    return hash.toLowerCase(java.util.Locale.ROOT);
  }

  private static DocumentGuard.Refused notInList() {
    return new DocumentGuard.Refused(
        400,
        new CatalogError(
            "Only trusted documents run on this server, and this document is not one of them;"
                + " clients cannot register documents (catalog.graphql.trusted-documents-only)",
            null,
            null,
            ErrorCodes.PERSISTED_QUERY_NOT_IN_LIST,
            null));
  }
}
