package com.credentialcatalog.repository;

import com.credentialcatalog.domain.Source;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The sources facts cite, looked up by the slugs requests name. */
@ApplicationScoped
public class SourceRepository implements PanacheRepositoryBase<Source, Long> {

  public Optional<Source> findBySlug(String slug) {
    return find("slug", slug).firstResultOptional();
  }
}
