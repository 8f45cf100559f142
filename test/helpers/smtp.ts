// A real SMTP server (smtp-server) on a free loopback port that keeps what it receives, parsed.
// It can be slow: `delayMs` holds back its answer to each mail's data, as a loaded or greylisting
// mail server does (the client waits; the mail counts as accepted only when the answer comes).
import { createServer as createNetServer } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Mailbox {
  port: number;
  url: string;
  mails: ParsedMail[];
  /** How many mails' data began to arrive (accepted or not yet answered). */
  readonly started: number;
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

export interface MailboxOptions {
  /** Answer each mail's data only after this many milliseconds (the mail is kept when the answer goes). */
  delayMs?: number;
}

export async function startMailbox(port?: number, options: MailboxOptions = {}): Promise<Mailbox> {
  const mails: ParsedMail[] = [];
  let started = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // The client may wait longer than the default for our answer when we are told to be slow.
    socketTimeout: Math.max(60_000, 2 * (options.delayMs ?? 0)),
    onData(stream, _session, callback) {
      started += 1;
      const answered = new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0));
      simpleParser(stream)
        .then(async (mail) => {
          await answered;
          mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  const listenPort = port ?? (await freePort());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', () => resolve());
  });
  return {
    port: listenPort,
    url: `smtp://127.0.0.1:${listenPort}`,
    mails,
    get started() {
      return started;
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${mails.length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The personal link in a login mail. */
export function linkIn(mail: ParsedMail): URL {
  const match = /https?:\/\/\S+\/auth\?e=\S+&h=[A-Za-z0-9_-]+/.exec(mail.text ?? '');
  if (!match) throw new Error(`no login link in mail: ${mail.text}`);
  return new URL(match[0]);
}
