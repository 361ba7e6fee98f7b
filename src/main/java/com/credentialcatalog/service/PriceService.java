package com.credentialcatalog.service;

import com.credentialcatalog.domain.Price;
import com.credentialcatalog.repository.ProgramRepository;
import com.credentialcatalog.service.write.AggregateWriter;
import com.credentialcatalog.service.write.PriceMapper;
import com.credentialcatalog.service.write.ProgramChildRows;
import com.credentialcatalog.view.PriceView;
import com.credentialcatalog.view.write.Versioned;
import com.credentialcatalog.write.PriceInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.UnaryOperator;

/**
 * A program's prices, one row at a time. Each price has its own version (If-Match of its
 * resource); every write also bumps the program's version, so the program's ETag changes too.
 */
@ApplicationScoped
public class PriceService {

  static final String ENTITY = "price";

  private final ProgramChildRows<Price, PriceInput> rows;
  private final ProgramAssembler assembler;

  public PriceService(ProgramRepository programs, WriteGuard guard, AggregateWriter writer, PriceMapper mapper,
      ProgramAssembler assembler) {
    this.rows = new ProgramChildRows<>(ENTITY, "price", programs::price, programs::existsBySlug, program -> {
      Price price = new Price();
      price.program = program;
      return price;
    }, mapper, guard, writer);
    this.assembler = assembler;
  }

  /**
   * One price of a program.
   *
   * @throws NotFoundException when the program or the price does not exist
   */
  @Transactional
  public Versioned<PriceView> get(String programSlug, long id) {
    return versioned(rows.get(programSlug, id));
  }

  /** Adds a price to a program. */
  @Transactional
  public Versioned<PriceView> create(String programSlug, PriceInput input) {
    return versioned(rows.create(programSlug, input));
  }

  /**
   * Replaces a price with what {@code change} makes of it (PUT: the body; PATCH: merged).
   *
   * @throws StaleVersionException when {@code expectedVersion} is not the price's version
   */
  @Transactional
  public Versioned<PriceView> replace(String programSlug, long id, long expectedVersion,
      UnaryOperator<PriceInput> change) {
    return versioned(rows.replace(programSlug, id, expectedVersion, change));
  }

  /** Deletes a price (to end a price but keep its history, set validTo instead). */
  @Transactional
  public void delete(String programSlug, long id, long expectedVersion) {
    rows.delete(programSlug, id, expectedVersion);
  }

  private Versioned<PriceView> versioned(Price price) {
    return new Versioned<>(assembler.price(price), price.version);
  }
}
