import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string | undefined;
  messageId: string | undefined;
  headers: ParsedMail['headers'];
};

export type TestSmtp = {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** The next `count` mails are refused with this SMTP reply code (451: try again later). */
  refuseNext: (count: number, code?: number) => void;
  /** How many mails were refused so far. */
  refused: () => number;
  /** Resolves once at least `count` mails arrived (or rejects after `timeoutMs`). */
  waitFor: (count: number, timeoutMs?: number) => Promise<ReceivedMail[]>;
  close: () => Promise<void>;
};

const addresses = (value: ParsedMail['to']): string[] => [value ?? []].flat().flatMap((group) => group.value.map((a) => (a.address ?? '').toLowerCase()));

/** A real SMTP server (the smtp-server package) on a free local port; what arrives is parsed with mailparser. */
export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let toRefuse = 0;
  let refuseCode = 451;
  let refusedCount = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      if (toRefuse > 0) {
        toRefuse--;
        refusedCount++;
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('Refused by the test server'), { responseCode: refuseCode })));
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            to: addresses(parsed.to),
            from: parsed.from?.value[0]?.address ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : undefined,
            messageId: parsed.messageId,
            headers: parsed.headers,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext: (count, code = 451) => {
      toRefuse = count;
      refuseCode = code;
    },
    refused: () => refusedCount,
    waitFor: async (count, timeoutMs = 10_000) => {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`Expected ${count} mails, ${received.length} arrived`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
