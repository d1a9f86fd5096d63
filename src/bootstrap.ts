import type { Config } from './config.ts';
import { systemClock } from './core/clock.ts';
import type { ServiceContext } from './core/context.ts';
import { type DatabaseHandle, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';

export type Runtime = { database: DatabaseHandle; ctx: ServiceContext; applied: string[] };

/** Opens the configured database and brings its schema up to date. */
export async function openRuntime(config: Config): Promise<Runtime> {
  const database = openDatabase(config.database);
  try {
    const applied = await migrateToLatest(database.db);
    return { database, applied, ctx: { db: database.db, dialect: database.dialect, clock: systemClock, config } };
  } catch (error) {
    await database.close();
    throw error;
  }
}
