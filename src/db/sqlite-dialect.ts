import type { DatabaseConnection, Driver } from 'kysely';
import { CompiledQuery, SqliteDialect, SqliteDriver } from 'kysely';

/**
 * Kysely's SQLite driver opens transactions with a deferred BEGIN. In WAL mode a deferred
 * transaction that reads and then writes fails at once with SQLITE_BUSY when another process
 * wrote in between, instead of waiting. BEGIN IMMEDIATE takes the write lock up front and waits
 * (busy_timeout), which makes migrations from two processes serialise instead of failing.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
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
}
