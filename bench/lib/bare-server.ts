/**
 * The baseline: a plain node:http server that takes the same JSON submission and stores the same
 * long-format answer rows in SQLite (WAL, synchronous=FULL), one transaction per submission, with
 * no validation, security, sessions or framework. Started as a child process by submissions.ts.
 * Given a round's token (third argument) it writes into the platform's own tables of a database the
 * platform migrated (their indexes and foreign keys, as the platform's reports need them), to that
 * round; without one, into two tables of its own with no index but the responses' key.
 */
import http from 'node:http';
import Database from 'better-sqlite3';

const [file, port, token] = [process.argv[2] ?? '/tmp/bare.sqlite', Number(process.argv[3] ?? 3393), process.argv[4]];
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
type Link = { round_id: string; link_id: string; team_id: string | null; instrument_version_id: string };
const link = token
  ? (db
      .prepare('select l.round_id, l.id as link_id, l.team_id, r.instrument_version_id from round_links l join rounds r on r.id = l.round_id where l.token = ?')
      .get(token) as Link | undefined)
  : undefined;
if (token && !link) throw new Error(`no round link ${token} in ${file}`);
if (link) db.pragma('foreign_keys = ON');
else
  db.exec(`create table if not exists responses (id text primary key, status text, submitted_on text);
create table if not exists answers (response_id text, question text, item text, option text, number_value real, text_value text);`);
const insertResponse = link
  ? db.prepare(
      `insert into responses (id, round_id, link_id, team_id, instrument_version_id, language, consent_version, status, started_on, submitted_on)
       values (?, ?, ?, ?, ?, 'nl', 'bench', ?, ?, ?) on conflict (id) do nothing`,
    )
  : db.prepare('insert or ignore into responses values (?, ?, ?)');
const insertAnswer = db.prepare('insert into answers (response_id, question, item, option, number_value, text_value) values (?, ?, ?, ?, ?, ?)');
const store = db.transaction((id: string, answers: Record<string, unknown>) => {
  const today = new Date().toISOString().slice(0, 10);
  const inserted = link
    ? insertResponse.run(id, link.round_id, link.link_id, link.team_id, link.instrument_version_id, 'complete', today, today)
    : insertResponse.run(id, 'complete', today);
  if (inserted.changes === 0) return;
  for (const [key, value] of Object.entries(answers)) {
    const [question, item = null] = key.split('.');
    for (const v of [value].flat()) {
      const n = Number(v);
      insertAnswer.run(id, question, item, Number.isFinite(n) ? null : String(v), Number.isFinite(n) ? n : null, null);
    }
  }
});

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
      store(body.responseId, body.answers);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ responseId: body.responseId, status: 'complete' }));
    });
  })
  .listen(port, '127.0.0.1');
