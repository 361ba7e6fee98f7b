package com.credentialcatalog.service.write;

import com.credentialcatalog.domain.Program;
import com.credentialcatalog.domain.Provider;
import com.credentialcatalog.domain.Source;
import com.credentialcatalog.repository.ProgramRepository;
import com.credentialcatalog.repository.ProviderRepository;
import com.credentialcatalog.repository.SourceRepository;
import com.credentialcatalog.view.write.Versioned;
import com.credentialcatalog.write.ExamFormatInput;
import com.credentialcatalog.write.PriceInput;
import com.credentialcatalog.write.ProgramInput;
import com.credentialcatalog.write.ProviderInput;
import com.credentialcatalog.write.RenewalPolicyInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Credential Registry import needs from the write side before it writes: the rows a record
 * names (by CTID, then by name), their fields as the write inputs the services take (so "is this
 * already stored?" is decided by the same mappers that store it), and the provenance {@link Source}
 * of a record.
 */
@ApplicationScoped
public class RegistryRows {

  private final EntityManager em;
  private final ProviderRepository providers;
  private final ProgramRepository programs;
  private final SourceRepository sources;
  private final ProviderMapper providerMapper;
  private final ProgramMapper programMapper;
  private final PriceMapper priceMapper;
  private final ExamFormatMapper examMapper;
  private final RenewalPolicyMapper renewalMapper;

  public RegistryRows(
      EntityManager em,
      ProviderRepository providers,
      ProgramRepository programs,
      SourceRepository sources,
      ProviderMapper providerMapper,
      ProgramMapper programMapper,
      PriceMapper priceMapper,
      ExamFormatMapper examMapper,
      RenewalPolicyMapper renewalMapper) {
    this.em = em;
    this.providers = providers;
    this.programs = programs;
    this.sources = sources;
    this.providerMapper = providerMapper;
    this.programMapper = programMapper;
    this.priceMapper = priceMapper;
    this.examMapper = examMapper;
    this.renewalMapper = renewalMapper;
  }

  /** A stored row a record matched, with its slug, CTID and fields as a write input. */
  public record Match<I>(String slug, String ctid, I input) {}

  /**
   * The provider with this CTID, else one with the same name (case ignored) or website.
   *
   * @param ctid stored form, or null
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Match<ProviderInput>> provider(String ctid, String name, String website) {
    Optional<Provider> found =
        ctid == null ? Optional.empty() : providers.find("ctid", ctid).firstResultOptional();
    if (found.isEmpty() && name != null) {
      found =
          providers
              .find("lower(name) = ?1 order by id", name.strip().toLowerCase(Locale.ROOT))
              .firstResultOptional();
    }
    if (found.isEmpty() && website != null) {
      found = providers.find("website = ?1 order by id", website).firstResultOptional();
    }
    return found.map(p -> new Match<>(p.slug, p.ctid, providerMapper.input(p)));
  }

  /**
   * The program with this CTID, else one with the same name (case ignored) and owner.
   *
   * @param providerSlug the owner, or null for a program without provider
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Match<ProgramInput>> program(String ctid, String name, String providerSlug) {
    Optional<Program> found =
        ctid == null ? Optional.empty() : programs.find("ctid", ctid).firstResultOptional();
    if (found.isEmpty() && name != null) {
      found =
          programs
              .find("lower(name) = ?1 order by id", name.strip().toLowerCase(Locale.ROOT))
              .stream()
              .filter(p -> Objects.equals(WriteGuard.providerSlug(p), providerSlug))
              .findFirst();
    }
    return found.map(p -> new Match<>(p.slug, p.ctid, programMapper.input(p)));
  }

  /** Whether a provider or a program (as {@code entity}) already has this slug. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean slugTaken(String entity, String slug) {
    return "provider".equals(entity) ? providers.existsBySlug(slug) : programs.existsBySlug(slug);
  }

  /** The program's prices as inputs. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<PriceInput> prices(String programSlug) {
    Program p = programs.findBySlug(programSlug).orElseThrow();
    return programs.pricesOf(List.of(p.id)).getOrDefault(p.id, List.of()).stream()
        .map(priceMapper::input)
        .toList();
  }

  /** The program's exam formats as inputs. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<ExamFormatInput> exams(String programSlug) {
    Program p = programs.findBySlug(programSlug).orElseThrow();
    return programs.examsOf(List.of(p.id)).getOrDefault(p.id, List.of()).stream()
        .map(examMapper::input)
        .toList();
  }

  /** The program's renewal policy as an input with its version, if it has one. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Versioned<RenewalPolicyInput>> renewal(String programSlug) {
    Program p = programs.findBySlug(programSlug).orElseThrow();
    return programs
        .renewal(p)
        .map(r -> new Versioned<>(renewalMapper.input(r), r.currentVersion()));
  }

  /** The program's aliases as written. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<String> aliases(String programSlug) {
    Program p = programs.findBySlug(programSlug).orElseThrow();
    return programs.aliases(p).stream().map(a -> a.alias).toList();
  }

  /** The current version of a provider ({@code entity} "provider") or program. */
  @Transactional(Transactional.TxType.MANDATORY)
  public long version(String entity, String slug) {
    return "provider".equals(entity)
        ? providers.findBySlug(slug).orElseThrow().currentVersion()
        : programs.findBySlug(slug).orElseThrow().currentVersion();
  }

  /**
   * The source a record's facts cite, created on first import and updated when the record's title,
   * URL or modification date changed; re-importing an unchanged record writes nothing.
   *
   * @param published the record's {@code dateModified} (or its envelope's update date), or null
   * @return true when the source was created or changed
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean provenance(
      String slug, String title, String url, String publisher, LocalDate published) {
    Source s = sources.findBySlug(slug).orElse(null);
    if (s != null
        && Objects.equals(s.title, title)
        && Objects.equals(s.url, url)
        && Objects.equals(s.publisher, publisher)
        && Objects.equals(s.publishedDate, published)) {
      return false;
    }
    boolean created = s == null;
    if (created) {
      s = new Source();
      s.slug = slug;
      s.retrievedDate = LocalDate.now();
    }
    s.title = title;
    s.url = url;
    s.publisher = publisher;
    s.publishedDate = published;
    s.note = "Imported from a Credential Registry (CTDL) record";
    if (created) {
      em.persist(s);
    }
    em.flush();
    return true;
  }
}
