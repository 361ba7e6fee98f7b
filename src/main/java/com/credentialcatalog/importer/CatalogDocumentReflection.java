package com.credentialcatalog.importer;

import com.credentialcatalog.write.ExamFormatInput;
import com.credentialcatalog.write.PriceInput;
import com.credentialcatalog.write.ProviderInput;
import com.credentialcatalog.write.RenewalPolicyInput;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers the import format for reflection in a native executable. Quarkus does this by itself
 * for REST parameter and return types only; {@link CatalogDocument} is read with an {@code
 * ObjectMapper} ({@link SeedOnStartup}), so Jackson would find no constructor or accessor on its
 * records there. Every nested record of the document must be listed (a test checks it).
 */
@RegisterForReflection(
    targets = {
      CatalogDocument.class,
      CatalogDocument.SourceEntry.class,
      CatalogDocument.ProgramEntry.class,
      CatalogDocument.RouteEntry.class,
      CatalogDocument.ConditionEntry.class,
      CatalogDocument.OutcomeEntry.class,
      ProviderInput.class,
      PriceInput.class,
      ExamFormatInput.class,
      RenewalPolicyInput.class,
    })
final class CatalogDocumentReflection {

  private CatalogDocumentReflection() {}
}
