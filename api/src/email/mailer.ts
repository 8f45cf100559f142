// Where mail goes: an SMTP server when SMTP_URL is set, else .eml files in an outbox folder (the
// login link is also printed, so a newcomer can sign in without any mail server).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { domainToASCII } from 'node:url';
import nodemailer, { type Transporter } from 'nodemailer';
import type { RenderedMail } from './templates.ts';

export interface Mailer {
  /** Sends one mail; resolves with the message id once the server (or the folder) accepted it. */
  send(to: string, mail: RenderedMail, notes?: { link?: string }): Promise<string>;
  readonly description: string;
  close(): void;
}

/**
 * The address as the SMTP envelope carries it. Addresses are stored with a Unicode domain
 * (`ivanov@минтруд.рф`): an ASCII name gets the domain in punycode (`ivanov@xn--d1ahlfpli.xn--p1ai`),
 * which every mail server accepts; a Cyrillic name (`иванов@минтруд.рф`) cannot be written in ASCII,
 * so it goes as it is and nodemailer sends it with SMTPUTF8 (RFC 6531), which the large Russian
 * providers accept; a server without SMTPUTF8 refuses it and the outbox retries and then marks it FAILED.
 */
export function deliverableAddress(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1 || /[\u0080-\uffff]/.test(email.slice(0, at))) return email;
  return `${email.slice(0, at)}@${domainToASCII(email.slice(at + 1)) || email.slice(at + 1)}`;
}

export const FROM = process.env.MAIL_FROM ?? '"Мониторинг результатов НОК" <monitoring-noq@localhost>';

export function smtpMailer(url: string): Mailer {
  const transporter: Transporter = nodemailer.createTransport(url, { from: FROM });
  transporter.set('connectionTimeout', 15_000);
  return {
    description: `SMTP ${new URL(url).host}`,
    async send(to, mail) {
      const info = await transporter.sendMail({ from: FROM, to: deliverableAddress(to), subject: mail.subject, text: mail.text, html: mail.html });
      return info.messageId;
    },
    close: () => transporter.close(),
  };
}

export function folderMailer(folder: string, log: (line: string) => void = console.log): Mailer {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    description: `folder ${folder}`,
    async send(to, mail, notes) {
      const info = await transporter.sendMail({ from: FROM, to: deliverableAddress(to), subject: mail.subject, text: mail.text, html: mail.html });
      await mkdir(folder, { recursive: true });
      const file = path.join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${to.replace(/[^a-z0-9@._-]/gi, '_')}.eml`);
      await writeFile(file, info.message as Buffer);
      log(`Mail to ${to} written to ${file}${notes?.link ? `\n  login link: ${notes.link}` : ''}`);
      return info.messageId;
    },
    close: () => transporter.close(),
  };
}

export function mailerFromEnv(dataDir: string, env: NodeJS.ProcessEnv = process.env): Mailer {
  return env.SMTP_URL ? smtpMailer(env.SMTP_URL) : folderMailer(path.join(dataDir, 'outbox'));
}
