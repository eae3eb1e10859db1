import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Vonage } from '@vonage/server-sdk';
import type { Config } from '../config.js';
import { logger } from '../logger.js';

/** Sends through the Vonage SDK, or writes each SMS under DATA_DIR/outbox and logs it. */
export class SmsSender {
  private readonly vonage: Vonage | undefined;

  constructor(private readonly config: Config) {
    const v = config.vonage;
    if (v) this.vonage = new Vonage({ apiKey: v.apiKey, apiSecret: v.apiSecret }, v.restHost ? { restHost: v.restHost } : {});
  }

  /** Only the outbox calls this; `clientRef` stays the same when a send is retried. */
  async send(to: string, text: string, clientRef?: string): Promise<void> {
    if (this.vonage) {
      await this.vonage.sms.send({ to: to.replace(/^\+/, ''), from: this.config.vonage!.from, text, clientRef });
      return;
    }
    const dir = path.join(this.config.dataDir, 'outbox');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}.sms.txt`);
    fs.writeFileSync(file, `To: ${to}\n\n${text}\n`, { mode: 0o600 });
    logger.info({ to, file, text }, 'SMS written to the outbox');
  }
}
