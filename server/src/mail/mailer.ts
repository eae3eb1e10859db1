import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.js';
import { logger } from '../logger.js';
import type { MailContent } from './mail.templates.js';

/** Sends over SMTP_URL, or writes each e-mail as an .eml file under DATA_DIR/outbox and logs its links. */
export class Mailer {
  private readonly transport: Transporter;
  private readonly outboxDir: string | undefined;

  constructor(private readonly config: Config) {
    if (config.smtpUrl) {
      this.transport = nodemailer.createTransport(config.smtpUrl);
    } else {
      this.outboxDir = path.join(config.dataDir, 'outbox');
      this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
  }

  /** Only the outbox calls this; `messageId` stays the same when a send is retried. */
  async send(to: string, content: MailContent, messageId?: string): Promise<void> {
    const info = await this.transport.sendMail({ from: this.config.mailFrom, to, messageId, ...content });
    if (!this.outboxDir) return;
    fs.mkdirSync(this.outboxDir, { recursive: true });
    const file = path.join(this.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}.eml`);
    fs.writeFileSync(file, (info as unknown as { message: Buffer }).message, { mode: 0o600 });
    const links = content.text.match(/https?:\/\/\S+/g) ?? [];
    logger.info({ to, subject: content.subject, file, links }, 'e-mail written to the outbox');
  }
}
