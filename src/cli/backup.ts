import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { SingleBar } from 'cli-progress';
import type { Config } from '../config.ts';
import { maskPassword, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { CliError } from './cli-error.ts';

const postgresHint = (url: string, kind: 'backup' | 'restore', file: string) =>
  kind === 'backup'
    ? `On PostgreSQL, make a backup with pg_dump:\n  pg_dump --format=custom --file "${file}" "${maskPassword(url)}"\n(with your real password, or PGPASSWORD set).`
    : `On PostgreSQL, restore a pg_dump backup with pg_restore into an empty database:\n  pg_restore --clean --if-exists --no-owner --dbname "${maskPassword(url)}" "${file}"\nthen run: npx kruisbestuiving migrate`;

function progressBar(label: string) {
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} pages`, noTTYOutput: true, notTTYSchedule: 500 });
  let started = false;
  let lastTotal = 0;
  return {
    update(total: number, done: number) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      lastTotal = total;
      bar.setTotal(total);
      bar.update(done);
    },
    /** Shows 100% when the copy finished, since SQLite reports progress only between steps. */
    finish() {
      if (!started) return;
      bar.update(lastTotal);
      bar.stop();
    },
    abort: () => started && bar.stop(),
  };
}

/** Online backup through SQLite's backup API: consistent while the app keeps running. */
export async function backup(config: Config, file: string): Promise<void> {
  if (config.database.kind === 'postgres') throw new CliError(postgresHint(config.database.url, 'backup', file));
  if (!fs.existsSync(config.database.file)) throw new CliError(`No database at ${config.database.file}: nothing to back up.`);
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new CliError(`${target} already exists; choose another file name.`);
  const source = new SqliteDatabase(config.database.file, { readonly: true, fileMustExist: true });
  const bar = progressBar('Backup');
  try {
    await source.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        bar.update(totalPages, totalPages - remainingPages);
        return 256;
      },
    });
    bar.finish();
  } catch (error) {
    bar.abort();
    throw error;
  } finally {
    source.close();
  }
  process.stdout.write(`Backup written to ${target}\n`);
}

/** Copies a backup into the configured database (replacing it), then applies any newer migrations. */
export async function restore(config: Config, file: string): Promise<void> {
  if (config.database.kind === 'postgres') throw new CliError(postgresHint(config.database.url, 'restore', file));
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new CliError(`${source} does not exist.`);
  let backupDb: SqliteDatabase.Database;
  try {
    backupDb = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
    const check = backupDb.pragma('quick_check', { simple: true });
    const hasSchema = backupDb.prepare("select count(*) as n from sqlite_master where name = 'kysely_migration'").get() as { n: number };
    if (check !== 'ok' || hasSchema.n === 0) throw new Error('not a Kruisbestuiving backup');
  } catch {
    throw new CliError(`${source} is not a readable Kruisbestuiving backup; nothing was changed.`);
  }
  fs.mkdirSync(path.dirname(config.database.file), { recursive: true });
  const bar = progressBar('Restore');
  try {
    await backupDb.backup(config.database.file, {
      progress: ({ totalPages, remainingPages }) => {
        bar.update(totalPages, totalPages - remainingPages);
        return 256;
      },
    });
    bar.finish();
  } catch (error) {
    bar.abort();
    throw error;
  } finally {
    backupDb.close();
  }
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
  } finally {
    await database.close();
  }
  process.stdout.write(`Restored ${source} into ${config.database.file}\n`);
}
