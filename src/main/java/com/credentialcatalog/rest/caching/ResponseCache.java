package com.credentialcatalog.rest.caching;

import com.credentialcatalog.config.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers to popular reads, kept in memory under their revision tag (catalog revision + normalized
 * request). A write moves the revision, so stale entries are never served: they just stop being
 * asked for and age out. Bounded LRU; per replica.
 */
@ApplicationScoped
public class ResponseCache {

  /**
   * A cached answer: the body, its media type, its Link header (may be null) and, for a single
   * resource, its own strong ETag (null: the answer carries the revision tag it is kept under).
   */
  public record Entry(Object entity, MediaType mediaType, String link, EntityTag etag) {}

  private final int maxEntries;
  private final Map<String, Entry> entries;

  public ResponseCache(CatalogConfig config) {
    this.maxEntries = config.cache().maxEntries();
    this.entries = new LinkedHashMap<>(64, 0.75f, true) {
      // Qualified: inside a LinkedHashMap subclass a bare `Entry` means the map's own member type
      // on newer JDKs (JDK 25 fails to compile the override otherwise).
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ResponseCache.Entry> eldest) {
        return size() > maxEntries;
      }
    };
  }

  public boolean enabled() {
    return maxEntries > 0;
  }

  public synchronized Entry get(String tag) {
    return entries.get(tag);
  }

  public synchronized void put(String tag, Entry entry) {
    if (enabled()) {
      entries.put(tag, entry);
    }
  }
}
