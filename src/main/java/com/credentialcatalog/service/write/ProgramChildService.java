package com.credentialcatalog.service.write;

import com.credentialcatalog.domain.VersionedEntity;
import com.credentialcatalog.view.write.Versioned;
import jakarta.transaction.Transactional;
import java.util.function.UnaryOperator;

/**
 * The service of a kind of row a program holds by id (prices, exam formats): each row has its own
 * version (If-Match of its resource), and every write also bumps the program's version, so the
 * program's ETag changes too. Subclasses say only how a row reads.
 */
public abstract class ProgramChildService<E extends VersionedEntity, I, V> {

  private ProgramChildRows<E, I> rows;

  /** For the container's client proxy, which never calls a method of its own. */
  protected ProgramChildService() {}

  protected ProgramChildService(ProgramChildRows<E, I> rows) {
    this.rows = rows;
  }

  /** The row as clients read it. */
  protected abstract V view(E row);

  /**
   * One row of a program.
   *
   * @throws NotFoundException when the program or the row does not exist
   */
  @Transactional
  public Versioned<V> get(String programSlug, long id) {
    return versioned(rows.get(programSlug, id));
  }

  /** Adds a row to a program. */
  @Transactional
  public Versioned<V> create(String programSlug, I input) {
    return versioned(rows.create(programSlug, input));
  }

  /**
   * Replaces a row with what {@code change} makes of it (PUT: the body; PATCH: merged).
   *
   * @throws StaleVersionException when {@code expectedVersion} is not the row's version
   */
  @Transactional
  public Versioned<V> replace(
      String programSlug, long id, long expectedVersion, UnaryOperator<I> change) {
    return versioned(rows.replace(programSlug, id, expectedVersion, change));
  }

  /** Deletes a row. */
  @Transactional
  public void delete(String programSlug, long id, long expectedVersion) {
    rows.delete(programSlug, id, expectedVersion);
  }

  private Versioned<V> versioned(E row) {
    return new Versioned<>(view(row), row.currentVersion());
  }
}
