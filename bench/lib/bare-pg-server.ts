/**
 * The PostgreSQL baseline: a plain node:http server that takes the same JSON submission and stores
 * the same long-format answer rows through the bare `pg` driver (a pool of 10 connections), one
 * transaction per submission with one multi-row insert for the answers, with no validation,
 * security, sessions or framework. Started as a child process by submissions.ts. Given a round's
 * token (third argument) it writes into the platform's own tables of a database the platform
 * migrated (their indexes and foreign keys), to that round; without one, into two tables of its own.
 */
import http from 'node:http';
import pg from 'pg';

const [url, port, token] = [process.argv[2] ?? 'postgres://postgres@127.0.0.1:5432/postgres', Number(process.argv[3] ?? 3395), process.argv[4]];
const pool = new pg.Pool({ connectionString: url, max: 10 });
type Link = { round_id: string; link_id: string; team_id: string | null; instrument_version_id: string };
const link = token
  ? (
      await pool.query<Link>(
        'select l.round_id, l.id as link_id, l.team_id, r.instrument_version_id from round_links l join rounds r on r.id = l.round_id where l.token = $1',
        [token],
      )
    ).rows[0]
  : undefined;
if (token && !link) throw new Error(`no round link ${token}`);
if (!link)
  await pool.query(`create table if not exists responses (id text primary key, status text, submitted_on text);
create table if not exists answers (response_id text, question text, item text, option text, number_value real, text_value text);`);
const INSERT_RESPONSE = link
  ? `insert into responses (id, round_id, link_id, team_id, instrument_version_id, language, consent_version, status, started_on, submitted_on)
     values ($1, $4, $5, $6, $7, 'nl', 'bench', $2, $3, $3) on conflict do nothing`
  : 'insert into responses values ($1, $2, $3) on conflict do nothing';

async function store(id: string, answers: Record<string, unknown>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const today = new Date().toISOString().slice(0, 10);
    const inserted = await client.query(
      INSERT_RESPONSE,
      link ? [id, 'complete', today, link.round_id, link.link_id, link.team_id, link.instrument_version_id] : [id, 'complete', today],
    );
    if (inserted.rowCount) {
      const values: unknown[] = [];
      const rows: string[] = [];
      for (const [key, value] of Object.entries(answers)) {
        const [question, item = null] = key.split('.');
        for (const v of [value].flat()) {
          const n = Number(v);
          const at = values.length;
          rows.push(`($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, null)`);
          values.push(id, question, item, Number.isFinite(n) ? null : String(v), Number.isFinite(n) ? n : null);
        }
      }
      if (rows.length)
        await client.query(`insert into answers (response_id, question, item, option, number_value, text_value) values ${rows.join(', ')}`, values);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

http
  .createServer((req, res) => {
    if (req.method !== 'POST') {
      res.end('ok');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { responseId: string; answers: Record<string, unknown> };
      store(body.responseId, body.answers).then(
        () => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ responseId: body.responseId, status: 'complete' }));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
  })
  .listen(port, '127.0.0.1');
