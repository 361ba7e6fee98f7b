package com.credentialcatalog.service.jsonld;

import com.credentialcatalog.domain.RecognitionKind;
import com.credentialcatalog.service.compute.CostOfOwnershipCalculator;
import com.credentialcatalog.view.PriceView;
import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.view.RecognitionSignalView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A program as schema.org {@code EducationalOccupationalCredential} (JSON-LD), for search engines
 * and HR systems that speak schema.org. Pure function of the program's detail and signals.
 */
public final class CredentialJsonLd {

  private CredentialJsonLd() {}

  /** The JSON-LD document; prices are those in force on {@code today}. */
  public static Map<String, Object> of(
      ProgramDetail p, List<RecognitionSignalView> signals, String selfUrl, LocalDate today) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("@context", "https://schema.org");
    doc.put("@type", "EducationalOccupationalCredential");
    doc.put("@id", selfUrl);
    doc.put("identifier", p.slug());
    doc.put("name", p.name());
    Set<String> alternate = new LinkedHashSet<>();
    if (p.acronym() != null) {
      alternate.add(p.acronym());
    }
    alternate.addAll(p.aliases());
    alternate.remove(p.name());
    doc.put("alternateName", List.copyOf(alternate));
    if (p.description() != null) {
      doc.put("description", p.description());
    }
    if (p.website() != null) {
      doc.put("url", p.website());
    }
    doc.put("credentialCategory", term(p.credentialType().name()));
    if (p.level() != null) {
      doc.put("educationalLevel", term(p.level().name()));
    }
    doc.put("competencyRequired", p.competencies().stream().map(c -> term(c.name())).toList());
    if (p.provider() != null) {
      Map<String, Object> provider = new LinkedHashMap<>();
      provider.put("@type", "Organization");
      provider.put("identifier", p.provider().slug());
      provider.put("name", p.provider().name());
      if (p.provider().acronym() != null) {
        provider.put("alternateName", p.provider().acronym());
      }
      doc.put("provider", provider);
    }
    List<Map<String, Object>> recognizedBy = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (RecognitionSignalView s : signals) {
      if (s.kind() != RecognitionKind.JOB_POSTING_MENTIONS && seen.add(s.sourceName())) {
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("@type", "Organization");
        org.put("name", s.sourceName());
        if (s.sourceUrl() != null) {
          org.put("url", s.sourceUrl());
        }
        recognizedBy.add(org);
      }
    }
    doc.put("recognizedBy", recognizedBy);
    if (p.renewal() != null && p.renewal().cycleYears() != null) {
      // The shortest cycle: after it the credential may already need renewing.
      doc.put("validFor", "P" + p.renewal().cycleYears().min() + "Y");
    }
    List<Map<String, Object>> offers = new ArrayList<>();
    for (PriceView price : p.prices()) {
      if (!CostOfOwnershipCalculator.inForce(price, today)) {
        continue;
      }
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("@type", "PriceSpecification");
      spec.put("minPrice", price.amount().min());
      spec.put("maxPrice", price.amount().max());
      spec.put("priceCurrency", price.currency());
      if (price.validFrom() != null) {
        spec.put("validFrom", price.validFrom().toString());
      }
      if (price.validTo() != null) {
        spec.put("validThrough", price.validTo().toString());
      }
      Map<String, Object> offer = new LinkedHashMap<>();
      offer.put("@type", "Offer");
      offer.put("category", price.feeType().name().toLowerCase(Locale.ROOT).replace('_', ' '));
      offer.put("priceSpecification", spec);
      if (price.note() != null) {
        offer.put("description", price.note());
      }
      offers.add(offer);
    }
    doc.put("offers", offers);
    return doc;
  }

  private static Map<String, Object> term(String code) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("@type", "DefinedTerm");
    t.put("termCode", code);
    t.put("name", code.toLowerCase(Locale.ROOT).replace('_', ' '));
    return t;
  }
}
