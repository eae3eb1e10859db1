import { IsNull, type DataSource } from 'typeorm';
import type { Config } from '../../config.js';
import { logger } from '../../logger.js';
import { renderMail } from '../../mail/mail.templates.js';
import type { Mailer } from '../../mail/mailer.js';
import { User } from '../user/user.entity.js';

/**
 * Content-free "a new document is waiting" e-mails. Publications for the same
 * client and dossier within the batch window become one e-mail; the preference
 * is read when the e-mail goes out.
 */
export class DocumentNotifier {
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; send: () => Promise<void> }>();

  constructor(
    private readonly db: DataSource,
    private readonly mailer: Mailer,
    private readonly config: Config,
  ) {}

  schedule(dossier: { id: string; number: string }, userIds: string[]): void {
    for (const userId of userIds) {
      const key = `${userId}:${dossier.id}`;
      if (this.pending.has(key)) continue;
      const send = async () => {
        this.pending.delete(key);
        const user = await this.db.getRepository(User).findOneBy({ id: userId, removedAt: IsNull() });
        if (!user?.notifyNewDocuments) return;
        const link = `${this.config.publicUrl}/dossiers/${dossier.id}`;
        await this.mailer.send(user.email, renderMail('newDocuments', user.language, { office: this.config.portalName, link, dossier: dossier.number }));
      };
      const timer = setTimeout(() => void send().catch((err) => logger.error({ err }, 'could not send a new-document e-mail')), this.config.notifyBatchMs);
      this.pending.set(key, { timer, send });
    }
  }

  /** Sends what is waiting at once (at shutdown). */
  async flush(): Promise<void> {
    const waiting = [...this.pending.values()];
    for (const { timer } of waiting) clearTimeout(timer);
    await Promise.allSettled(waiting.map(({ send }) => send()));
  }
}
