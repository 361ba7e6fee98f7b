package com.credentialcatalog.outage;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The application on {@link ControlledPostgres} instead of the embedded database. */
public class OutageProfile implements QuarkusTestProfile {

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(ControlledPostgres.class));
  }

  @Override
  public Map<String, String> getConfigOverrides() {
    // Answers must come from the database, not from the cache of an earlier, healthy request.
    return Map.of("catalog.cache.max-entries", "0");
  }
}
