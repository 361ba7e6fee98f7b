package com.credentialcatalog.service;

import com.credentialcatalog.query.Bounds;
import com.credentialcatalog.query.Cursor;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.service.PersistedDocuments.Trusted;
import com.credentialcatalog.service.failure.NotFoundException;
import com.credentialcatalog.view.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Trusted GraphQL documents managed at run time (README "Persisted GraphQL queries"): an
 * administrator registers a document, which the server hashes (SHA-256 of its exact UTF-8 text),
 * lists, reads and deletes them. In trusted-documents mode ({@code
 * catalog.graphql.trusted-documents-only}) these are, with the directory's, the only documents that
 * run; otherwise a trusted document is one clients need not register. Stored in {@code
 * persisted_query} (V9, V16), so every replica sees a change at once; each replica's in-memory copy
 * of a deleted document goes at once here and within {@code
 * catalog.graphql.persisted-queries.cached-for} elsewhere.
 */
@ApplicationScoped
public class TrustedDocumentService {

  /**
   * Checks a document before it is trusted: that it parses within the GraphQL bounds and validates
   * against the schema. The GraphQL adapter implements it (the schema is its own).
   */
  public interface DocumentCheck {
    /**
     * @throws InvalidInputException naming {@code document} when it does not parse, exceeds a bound
     *     or does not validate
     */
    void check(String document);
  }

  /** A registration's outcome: the trusted document, and whether this call made it trusted. */
  public record Registration(Trusted document, boolean created) {}

  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
  private static final String FINGERPRINT = "trusted-documents";

  private final PersistedDocuments store;
  private final DocumentCheck check;
  private final Event<PersistedDocuments.Deleted> deleted;

  public TrustedDocumentService(
      PersistedDocuments store, DocumentCheck check, Event<PersistedDocuments.Deleted> deleted) {
    this.store = store;
    this.check = check;
    this.deleted = deleted;
  }

  /**
   * Trusts a document under the SHA-256 the server computes of its exact text. Registering a
   * document trusted already changes nothing (retries are safe); one a client registered becomes
   * trusted.
   *
   * @param actor the administrator's principal, recorded with the document
   * @throws InvalidInputException naming {@code document} when it is missing, does not parse,
   *     exceeds a bound or does not validate against the schema
   */
  public Registration register(String document, String actor) {
    if (document == null || document.isBlank()) {
      throw new InvalidInputException("document", "must hold a GraphQL document");
    }
    check.check(document);
    String sha256 = PersistedDocuments.sha256(document);
    boolean created = store.trust(sha256, document, PersistedDocuments.TrustedVia.ADMIN, actor);
    Trusted stored = store.findTrusted(sha256);
    if (stored == null) {
      // Deleted by another administrator between the two statements: say so rather than 500.
      throw new TrustedDocumentNotFound(sha256);
    }
    return new Registration(stored, created);
  }

  /**
   * One page of trusted documents, in registration order.
   *
   * @param limit page size 1–100, default 20
   * @param cursor the previous page's {@code nextCursor}; null for the first page
   * @throws InvalidInputException naming {@code limit} or {@code cursor}
   */
  public Page<Trusted> list(Integer limit, String cursor) {
    int size = Bounds.pageSize(limit);
    long after = cursor == null || cursor.isBlank() ? 0 : Cursor.decode(cursor, FINGERPRINT).id();
    List<Trusted> rows = store.trusted(after, size + 1);
    if (rows.size() <= size) {
      return new Page<>(rows, null);
    }
    List<Trusted> page = rows.subList(0, size);
    return new Page<>(
        List.copyOf(page), new Cursor(FINGERPRINT, null, page.get(size - 1).id()).encode());
  }

  /**
   * The trusted document registered under a hash.
   *
   * @throws InvalidInputException naming {@code sha256} when it is not 64 hex digits
   * @throws NotFoundException when no trusted document has this hash
   */
  public Trusted get(String sha256) {
    String hash = checkedHash(sha256);
    Trusted stored = store.findTrusted(hash);
    if (stored == null) {
      throw new TrustedDocumentNotFound(hash);
    }
    return stored;
  }

  /**
   * Deletes a trusted document: from now on it runs in trusted-documents mode no more (answered
   * {@code PERSISTED_QUERY_NOT_IN_LIST} in full, {@code PersistedQueryNotFound} by hash). A
   * document the directory holds is registered again at the next start-up.
   *
   * @throws InvalidInputException naming {@code sha256} when it is not 64 hex digits
   * @throws NotFoundException when no trusted document has this hash
   */
  public void delete(String sha256) {
    String hash = checkedHash(sha256);
    if (!store.deleteTrusted(hash)) {
      throw new TrustedDocumentNotFound(hash);
    }
    deleted.fire(new PersistedDocuments.Deleted(hash));
  }

  private static String checkedHash(String sha256) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw InvalidInputException.of(
          "sha256",
          InvalidInputException.Kind.MALFORMED,
          "{} must be the SHA-256 of a document: 64 hex digits");
    }
    return sha256.toLowerCase(Locale.ROOT);
  }

  /** 404 with words that fit a hash (NotFoundException's own speak of slugs). */
  private static final class TrustedDocumentNotFound extends NotFoundException {
    TrustedDocumentNotFound(String sha256) {
      super("trusted document", sha256);
    }

    @Override
    public String getMessage() {
      return "No trusted GraphQL document has the SHA-256 '" + slug() + "'";
    }
  }
}
