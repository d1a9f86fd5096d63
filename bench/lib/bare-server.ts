/**
 * The baseline: a plain node:http server that takes the same JSON submission and stores the same
 * long-format answer rows in SQLite (WAL, synchronous=FULL), one transaction per submission, with
 * no validation, security, sessions or framework. Started as a child process by submissions.ts.
 */
import http from 'node:http';
import Database from 'better-sqlite3';

const [file, port] = [process.argv[2] ?? '/tmp/bare.sqlite', Number(process.argv[3] ?? 3393)];
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`create table if not exists responses (id text primary key, status text, submitted_on text);
create table if not exists answers (response_id text, question text, item text, option text, number_value real, text_value text);`);
const insertResponse = db.prepare('insert or ignore into responses values (?, ?, ?)');
const insertAnswer = db.prepare('insert into answers values (?, ?, ?, ?, ?, ?)');
const store = db.transaction((id: string, answers: Record<string, unknown>) => {
  if (insertResponse.run(id, 'complete', new Date().toISOString().slice(0, 10)).changes === 0) return;
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
