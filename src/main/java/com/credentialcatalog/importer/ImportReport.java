package com.credentialcatalog.importer;

/**
 * What an import did. Existing records (same slug) are left as they are, which is what makes
 * importing the same document twice a no-op.
 */
public record ImportReport(
    int sourcesCreated,
    int providersCreated,
    int programsCreated,
    int sourcesUnchanged,
    int providersUnchanged,
    int programsUnchanged) {

  public boolean changedAnything() {
    return sourcesCreated + providersCreated + programsCreated > 0;
  }
}
