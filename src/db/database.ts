import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteStatement, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { coalescedFlush, syncWalAfterCommit } from './group-commit.ts';
import type { Database } from './schema.ts';
import { ImmediateSqliteDialect } from './sqlite-dialect.ts';

export type DialectName = 'sqlite' | 'postgres';

export type Db = Kysely<Database>;

export type DatabaseHandle = {
  db: Db;
  dialect: DialectName;
  /** A file path (SQLite) or a URL with the password masked (PostgreSQL), for messages. */
  location: string;
  /** Only for SQLite: the raw handle, for the online backup API. */
  sqlite: SqliteDatabase.Database | undefined;
  /** Only for PostgreSQL: the pool, for a connection that LISTENs (live meeting events between processes). */
  pgPool?: pg.Pool | undefined;
  close: () => Promise<void>;
};

export function openDatabase(database: Config['database']): DatabaseHandle {
  return database.kind === 'sqlite' ? openSqlite(database.file) : openPostgres(database.url);
}

function openSqlite(file: string): DatabaseHandle {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  const wal = sqlite.pragma('journal_mode = WAL', { simple: true }) === 'wal';
  // FULL: an answer acknowledged to a respondent survives a power loss, not only a process crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  // PostgreSQL's md5(text), so queries that order by a keyed hash (exports) read the same on both.
  sqlite.function('md5', { deterministic: true }, (text: unknown) => (text === null ? null : createHash('md5').update(String(text)).digest('hex')));
  const statements = withStatementCache(sqlite);
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: statements }) });
  sqliteStatements.set(db, {
    prepare(sqlText) {
      const statement = statements.prepare(sqlText);
      if (!('source' in statement)) throw new TypeError('a statement run for each row is not for direct use');
      return statement;
    },
  });
  // Only with a write-ahead log in a file: otherwise every commit flushes itself (synchronous=FULL).
  const walFile = `${path.resolve(file)}-wal`;
  if (wal && !sqlite.memory)
    syncWalAfterCommit(
      db,
      coalescedFlush(() => flushFile(walFile)),
    );
  return { db, dialect: 'sqlite', location: file, sqlite, close: () => db.destroy() };
}

/**
 * A second, read-only connection to a SQLite file, for a worker thread that reads while the request
 * thread writes (WAL: readers never wait for the writer). Each query sees what was committed when it began.
 */
export function openSqliteReader(file: string): { db: Db; close: () => Promise<void> } {
  const sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 10000');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, close: () => db.destroy() };
}

/** The file of a SQLite database as its connection names it, or null for one in memory. */
export async function sqliteFileOf(db: Db): Promise<string | null> {
  const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(db);
  return rows[0]?.file || null;
}

/**
 * fdatasync of a file (the write-ahead log, as SQLite's synchronous=FULL commit does), in libuv's
 * thread pool: the event loop goes on while the disk answers. Opened anew each time, so a log
 * that SQLite recreated is the one flushed. Opened and closed on the event loop (each a few
 * microseconds): only the flush itself goes to the pool, so the callers wait for one hand-over
 * between the pool and a busy event loop, not three (open, flush and close each waited for the
 * loop's next turn: 4-20 ms per flush under load, most of a batch's time).
 */
function flushFile(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch (error) {
      reject(error);
      return;
    }
    fs.fdatasync(fd, (error) => {
      try {
        fs.closeSync(fd);
      } catch {} // the flush's outcome is what counts
      if (error) reject(error);
      else resolve();
    });
  });
}

/** Prepared statements (from the same cache as Kysely's) on the one connection of a SQLite database opened here. */
export type SqliteStatements = { prepare: (sqlText: string) => SqliteDatabase.Statement };
const sqliteStatements = new WeakMap<Db, SqliteStatements>();

/**
 * The statements of the SQLite database `db` (the database itself, not a transaction), for a hot
 * write that runs without the query builder: better-sqlite3 runs it at once on the one connection, so
 * inside a job of the group commit it is part of that job's transaction. Undefined on PostgreSQL.
 */
export const sqliteStatementsOf = (db: Db): SqliteStatements | undefined => sqliteStatements.get(db);

/**
 * SQLite: a statement of one row whose text starts with this runs once per row, its parameters
 * given row after row (`CompiledQuery.raw(EACH_ROW + sql, rows.flat())`). Many rows through one
 * prepared statement cost less than the same rows as multi-row inserts (SQLite parses and binds
 * no long VALUES list), and the caller makes one call for all of them. Not a reader.
 */
export const EACH_ROW = '/* each row */ ';

function eachRow(statement: SqliteDatabase.Statement): SqliteStatement {
  const width = (statement.source.match(/\?/g) ?? []).length;
  const notReader = () => {
    throw new TypeError('a statement run for each row reads nothing');
  };
  return {
    reader: false,
    all: notReader,
    iterate: notReader,
    run(parameters) {
      if (width === 0 || parameters.length % width !== 0) throw new RangeError(`${parameters.length} parameters for rows of ${width}`);
      let changes = 0;
      for (let i = 0; i < parameters.length; i += width) changes += Number(statement.run(parameters.slice(i, i + width)).changes);
      return { changes, lastInsertRowid: 0 };
    },
  };
}

/**
 * SQL texts whose rows come back as arrays, in the order of the select list, not as one object per
 * row (better-sqlite3's raw mode; pg's rowMode 'array'): for a hot read of many rows (the form's
 * draft on every page) that is about half the cost of the read on SQLite.
 */
export const arrayRowTexts = new Set<string>();

/** One statement; a reader whose text is in arrayRowTexts answers arrays. */
function prepareOne(sqlite: SqliteDatabase.Database, sqlText: string): SqliteDatabase.Statement {
  const statement = sqlite.prepare(sqlText);
  if (statement.reader && arrayRowTexts.has(sqlText)) statement.raw(true);
  return statement;
}

/**
 * Kysely's SQLite driver prepares every statement anew; preparing costs more than running a small
 * insert. Keeping the prepared statements of recent SQL texts (the same few hundred queries repeat)
 * more than doubles the rate of survey submissions.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, max = 500) {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      const cached = cache.get(sqlText);
      if (cached) return cached;
      const statement = sqlText.startsWith(EACH_ROW) ? eachRow(sqlite.prepare(sqlText.slice(EACH_ROW.length))) : prepareOne(sqlite, sqlText);
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      cache.set(sqlText, statement);
      return statement;
    },
  };
}

const int8AsNumber: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

function openPostgres(url: string): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: 10, types: int8AsNumber });
  pool.on('connect', arrayRowsFor);
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location: maskPassword(url), sqlite: undefined, pgPool: pool, close: () => db.destroy() };
}

/** Kysely queries with (text, values): a text in arrayRowTexts is asked for with rowMode 'array'. */
function arrayRowsFor(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) =>
    typeof args[0] === 'string' && Array.isArray(args[1]) && args.length === 2 && arrayRowTexts.has(args[0])
      ? query({ text: args[0], values: args[1], rowMode: 'array' })
      : query(...args)) as typeof client.query;
}

export function maskPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

export async function isReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** Runs fn in a transaction, or inside the caller's one when there already is one (Kysely does not nest). */
export function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
