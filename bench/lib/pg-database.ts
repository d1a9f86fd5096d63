import pg from 'pg';

const PG_ADMIN = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A new PostgreSQL database for one run, dropped afterwards; undefined (with a message) when PostgreSQL is not there. */
export async function withPgDatabase<T>(name: string, work: (url: string) => Promise<T>): Promise<T | undefined> {
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  try {
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const url = new URL(PG_ADMIN);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } catch (error) {
    console.error(`PostgreSQL part skipped: ${(error as Error).message}`);
    return undefined;
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end().catch(() => {});
  }
}
