package com.credentialcatalog.graphql;

import com.credentialcatalog.service.read.RequestProgramLoader;
import com.credentialcatalog.view.PriceView;
import com.credentialcatalog.view.ProgramDetail;
import com.credentialcatalog.view.write.Versioned;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Programs that were fetched together (a page, one program, the successors of a page). Fields whose
 * value depends on arguments ({@code prices(feeType, asOf)}, {@code costOfOwnership(…)}) and {@code
 * sources} are computed per program from data this group loads once, on a worker thread, for all
 * its programs, the first time any of them asks.
 *
 * <p>Why not batch resolvers for these: SmallRye batches every occurrence of a field into one call
 * with the arguments of the first occurrence, so two aliases with different arguments ({@code exam:
 * prices(feeType: [EXAM]) course: prices(feeType: [COURSE])}) would get the same answer.
 * Argument-free children use batch resolvers ({@link ProgramFields}).
 */
final class ProgramGroup {

  private final List<Long> ids;
  private CompletableFuture<Map<Long, List<Versioned<PriceView>>>> prices;
  private CompletableFuture<Map<Long, ProgramDetail>> details;

  ProgramGroup(List<Long> ids) {
    this.ids = List.copyOf(ids);
  }

  /** Every price row of one program: one load (two statements) for the whole group. */
  synchronized CompletionStage<List<Versioned<PriceView>>> prices(
      long id, RequestProgramLoader children, Executor executor) {
    if (prices == null) {
      prices = CompletableFuture.supplyAsync(() -> children.prices(ids), executor);
    }
    return prices.thenApply(all -> all.getOrDefault(id, List.of()));
  }

  /** The full detail of one program: one load for the whole group. */
  synchronized CompletionStage<ProgramDetail> detail(
      long id, RequestProgramLoader children, Executor executor) {
    if (details == null) {
      details = CompletableFuture.supplyAsync(() -> children.details(ids), executor);
    }
    return details.thenApply(all -> all.get(id));
  }
}
