import type { DatabaseConnection, DialectAdapter, Driver } from 'kysely';
import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver } from 'kysely';

/**
 * Kysely's SQLite driver opens transactions with a deferred BEGIN. In WAL mode a deferred
 * transaction that reads and then writes fails at once with SQLITE_BUSY when another process
 * wrote in between, instead of waiting. BEGIN IMMEDIATE takes the write lock up front and waits
 * (busy_timeout).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * Kysely's SQLite adapter says SQLite has no transactional DDL, so its migrator runs migrations
 * outside a transaction and without a lock: two processes starting at once would both migrate.
 * SQLite does roll back schema changes, so the migrations run in one (immediate) transaction, and
 * the second process waits for the first and then finds nothing left to do.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];

  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}
