package com.credentialcatalog.service.write;

import com.credentialcatalog.domain.Price;
import com.credentialcatalog.repository.ProgramRepository;
import com.credentialcatalog.service.read.ProgramAssembler;
import com.credentialcatalog.view.PriceView;
import com.credentialcatalog.write.PriceInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A program's prices, one row at a time (to end a price but keep its history, set validTo rather
 * than delete it).
 */
@ApplicationScoped
public class PriceService extends ProgramChildService<Price, PriceInput, PriceView> {

  static final String ENTITY = "price";

  private ProgramAssembler assembler;

  protected PriceService() {}

  @Inject
  public PriceService(
      ProgramRepository programs,
      WriteGuard guard,
      AggregateWriter writer,
      PriceMapper mapper,
      ProgramAssembler assembler) {
    super(
        new ProgramChildRows<>(
            ENTITY,
            "price",
            programs::price,
            programs::existsBySlug,
            program -> {
              Price price = new Price();
              price.program = program;
              return price;
            },
            mapper,
            guard,
            writer));
    this.assembler = assembler;
  }

  @Override
  protected PriceView view(Price price) {
    return assembler.price(price);
  }
}
