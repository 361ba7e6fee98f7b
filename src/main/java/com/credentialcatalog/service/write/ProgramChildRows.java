package com.credentialcatalog.service.write;

import com.credentialcatalog.domain.Program;
import com.credentialcatalog.domain.VersionedEntity;
import com.credentialcatalog.service.failure.ChildNotFoundException;
import com.credentialcatalog.service.failure.NotFoundException;
import com.credentialcatalog.service.write.AggregateWriter.Target;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The rows a program holds by id (prices, exam formats): each has its own version, and every write
 * to one also bumps the program's. A new kind of such row is an entity, an input, an {@link
 * EntityMapper} and one of these.
 *
 * @param entityType the change feed's name for the row ("price")
 * @param label how messages name one row ("price" → "Price 12", "price 12 of program 'x'")
 * @param find the row with this id under the program with this slug
 * @param programExists whether a program has this slug (to tell a missing program from a missing
 *     row)
 * @param newRow an empty row attached to the program
 */
public record ProgramChildRows<E extends VersionedEntity, I>(
    String entityType,
    String label,
    BiFunction<String, Long, Optional<E>> find,
    Predicate<String> programExists,
    Function<Program, E> newRow,
    EntityMapper<E, I> mapper,
    WriteGuard guard,
    AggregateWriter writer) {

  /**
   * One row of a program.
   *
   * @throws NotFoundException when the program or the row does not exist
   */
  public E get(String programSlug, long id) {
    return find.apply(programSlug, id)
        .orElseThrow(
            () ->
                programExists.test(programSlug)
                    ? new ChildNotFoundException(label, programSlug, Long.toString(id))
                    : new NotFoundException("program", programSlug));
  }

  /** Adds a row to the program. */
  public E create(String programSlug, I input) {
    Program program = guard.lockProgram(programSlug);
    return writer.create(target(programSlug, 0), newRow.apply(program), input, mapper, program);
  }

  /** Replaces a row with what {@code change} makes of it (PUT: the body; PATCH: merged). */
  public E replace(String programSlug, long id, long expectedVersion, UnaryOperator<I> change) {
    Program program = guard.lockProgram(programSlug);
    return writer.replace(
        target(programSlug, id),
        get(programSlug, id),
        expectedVersion,
        mapper,
        change,
        input -> {},
        program);
  }

  /** Deletes a row. */
  public void delete(String programSlug, long id, long expectedVersion) {
    Program program = guard.lockProgram(programSlug);
    writer.delete(
        target(programSlug, id), get(programSlug, id), expectedVersion, row -> {}, program);
  }

  private Target target(String programSlug, long id) {
    String what = Character.toUpperCase(label.charAt(0)) + label.substring(1) + " " + id;
    return new Target(entityType, programSlug, what);
  }
}
