package com.credentialcatalog.service;

import com.credentialcatalog.domain.ChangeOperation;
import com.credentialcatalog.domain.Price;
import com.credentialcatalog.domain.PriceAudience;
import com.credentialcatalog.domain.Program;
import com.credentialcatalog.security.ProviderScope;
import com.credentialcatalog.view.PriceView;
import com.credentialcatalog.view.write.PriceInput;
import com.credentialcatalog.view.write.Versioned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.UnaryOperator;

/**
 * A program's prices, one row at a time. Each price has its own version (If-Match of its
 * resource); every write also bumps the program's version, so the program's ETag changes too.
 */
@ApplicationScoped
public class PriceService {

  static final String ENTITY = "price";

  private final EntityManager em;
  private final WriteGuard guard;
  private final ProviderScope scope;
  private final ChangeLog changeLog;
  private final ProgramAssembler assembler;

  public PriceService(EntityManager em, WriteGuard guard, ProviderScope scope, ChangeLog changeLog,
      ProgramAssembler assembler) {
    this.em = em;
    this.guard = guard;
    this.scope = scope;
    this.changeLog = changeLog;
    this.assembler = assembler;
  }

  /**
   * One price of a program.
   *
   * @throws NotFoundException when the program or the price does not exist
   */
  @Transactional
  public Versioned<PriceView> get(String programSlug, long id) {
    Price price = find(programSlug, id);
    return new Versioned<>(assembler.price(price), price.version);
  }

  /** Adds a price to a program. */
  @Transactional
  public Versioned<PriceView> create(String programSlug, PriceInput input) {
    Program program = guard.lockProgram(programSlug);
    Price price = new Price();
    price.program = program;
    apply(price, input);
    em.persist(price);
    WriteGuard.touch(program);
    em.flush();
    changeLog.record(ENTITY, programSlug, ChangeOperation.CREATE, scope.actor());
    return new Versioned<>(assembler.price(price), price.version);
  }

  /**
   * Replaces a price with what {@code change} makes of it (PUT: the body; PATCH: merged).
   *
   * @throws StaleVersionException when {@code expectedVersion} is not the price's version
   */
  @Transactional
  public Versioned<PriceView> replace(String programSlug, long id, long expectedVersion,
      UnaryOperator<PriceInput> change) {
    Program program = guard.lockProgram(programSlug);
    Price price = find(programSlug, id);
    WriteGuard.requireVersion("Price " + id, price.version, expectedVersion);
    apply(price, change.apply(input(price)));
    WriteGuard.touch(price);
    WriteGuard.touch(program);
    em.flush();
    changeLog.record(ENTITY, programSlug, ChangeOperation.UPDATE, scope.actor());
    return new Versioned<>(assembler.price(price), price.version);
  }

  /** Deletes a price (to end a price but keep its history, set validTo instead). */
  @Transactional
  public void delete(String programSlug, long id, long expectedVersion) {
    Program program = guard.lockProgram(programSlug);
    Price price = find(programSlug, id);
    WriteGuard.requireVersion("Price " + id, price.version, expectedVersion);
    em.remove(price);
    WriteGuard.touch(program);
    em.flush();
    changeLog.record(ENTITY, programSlug, ChangeOperation.DELETE, scope.actor());
  }

  static PriceInput input(Price p) {
    return new PriceInput(p.feeType, p.amountMin, p.amountMax, p.currency, p.audience, p.deliveryMode,
        p.requiredForAward, p.validFrom, p.validTo, p.note, p.source == null ? null : p.source.slug);
  }

  private void apply(Price price, PriceInput input) {
    price.feeType = input.feeType();
    price.amountMin = money(input.amountMin());
    price.amountMax = money(input.amountMax());
    price.currency = input.currency();
    price.audience = input.audience() == null ? PriceAudience.ANY : input.audience();
    price.deliveryMode = input.deliveryMode();
    price.requiredForAward = Boolean.TRUE.equals(input.requiredForAward());
    price.validFrom = input.validFrom();
    price.validTo = input.validTo();
    price.note = input.note();
    price.source = guard.source(input.source(), "source");
  }

  /**
   * Two decimals, as the numeric(…, 2) columns store them: a written value reads back the same
   * ("100" becomes 100.00). Validation has already refused more than two decimals.
   */
  static BigDecimal money(BigDecimal value) {
    return value == null ? null : value.setScale(2, RoundingMode.UNNECESSARY);
  }

  private Price find(String programSlug, long id) {
    return em.createQuery("from Price p left join fetch p.source where p.id = :id and p.program.slug = :slug", Price.class)
        .setParameter("id", id)
        .setParameter("slug", programSlug)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> {
          if (em.createQuery("select p.id from Program p where p.slug = :slug", Long.class)
              .setParameter("slug", programSlug).getResultList().isEmpty()) {
            return new NotFoundException("program", programSlug);
          }
          return new ChildNotFoundException("price", programSlug, Long.toString(id));
        });
  }
}
