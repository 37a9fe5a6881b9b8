import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  body: string;
}

/**
 * A real SMTP server on a free port (smtp-server) with one login and no STARTTLS: what it accepted is in
 * `received`, decoded enough to read the subject and the text.
 */
export async function startSmtpServer(login: { user: string; password: string }) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, done) {
      if (auth.username === login.user && auth.password === login.password) done(null, { user: login.user });
      else done(new Error('Invalid username or password'));
    },
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          subject: decodeSubject(raw),
          body: decodeBody(raw),
        });
        done();
      });
    },
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port)),
  );
  return {
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The Subject header, joined and decoded from RFC 2047 encoded words (nodemailer encodes non-ASCII). */
function decodeSubject(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return header
    .replace(/\r?\n[ \t]/g, ' ')
    .replace(/=\?utf-8\?([QB])\?(.*?)\?=\s*/gi, (_, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    )
    .trim();
}

/** The text body, decoded from quoted-printable (as nodemailer sends non-ASCII text). */
function decodeBody(raw: string): string {
  const text = raw.slice(raw.search(/\r?\n\r?\n/)).replace(/=\r?\n/g, '');
  const bytes = text.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

export interface WebhookPost {
  path: string;
  contentType: string;
  json: Record<string, unknown>;
}

/**
 * A local webhook receiver (node:http): records every JSON POST that it accepted in `posts`; `answer(status)`
 * makes it refuse the next ones with that status, as a chat service does when it is down or the hook is gone.
 */
export async function startWebhookReceiver() {
  const posts: WebhookPost[] = [];
  let status = 200;
  let refused = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      if (status !== 200) {
        refused++;
        res.writeHead(status, { 'content-type': 'text/plain' }).end('no_service');
        return;
      }
      posts.push({
        path: req.url ?? '',
        contentType: req.headers['content-type'] ?? '',
        json: JSON.parse(body) as Record<string, unknown>,
      });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    posts,
    refused: () => refused,
    answer: (next: number) => {
      status = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
