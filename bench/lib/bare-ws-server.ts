/**
 * The baseline of the meetings benchmark: a bare `ws` server with no framework, database, sessions,
 * validation or privacy rules. Participants connect at /p and send {"id", "choice"}; the server keeps
 * one answer per id, acknowledges it and sends the counts to every presenter (/presenter) at once.
 * Participants are not told about answers: the benchmark's prompt keeps its results hidden (the app's
 * default), and the app tells phones "answers" only while results show. Started by meetings.ts.
 */
import http from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';

const port = Number(process.argv[2] ?? 3396);
const answers = new Map<string, string>();
const presenters = new Set<WebSocket>();
const participants = new Set<WebSocket>();

const byChoice: Record<string, number> = {};
const counts = () => JSON.stringify({ type: 'snapshot', joined: participants.size, results: { answered: answers.size, counts: byChoice } });

const server = http.createServer((_req, res) => res.end('ok'));
const wss = new WebSocketServer({ server });
wss.on('connection', (socket, req) => {
  if (req.url === '/presenter') {
    presenters.add(socket);
    socket.on('close', () => presenters.delete(socket));
    // The facilitator moves on (meetings.ts --warm-up): the next prompt starts with no answers.
    socket.on('message', (data) => {
      if (String(data) !== 'next') return;
      answers.clear();
      for (const choice of Object.keys(byChoice)) byChoice[choice] = 0;
      const snapshot = counts();
      for (const presenter of presenters) presenter.send(snapshot);
    });
    socket.send(counts());
    return;
  }
  participants.add(socket);
  socket.on('close', () => participants.delete(socket));
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id: string; choice: string };
    const before = answers.get(message.id);
    if (before !== undefined) byChoice[before] = (byChoice[before] ?? 1) - 1;
    answers.set(message.id, message.choice);
    byChoice[message.choice] = (byChoice[message.choice] ?? 0) + 1;
    socket.send('{"ok":true}');
    const snapshot = counts();
    for (const presenter of presenters) presenter.send(snapshot);
  });
});
server.listen(port, '127.0.0.1');
// Ended by the benchmark with SIGTERM: exit normally, so a V8 profile (--cpu-prof) is written.
process.on('SIGTERM', () => process.exit(0));
