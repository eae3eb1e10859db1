import { createHash, randomUUID } from 'node:crypto';
import { In, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import type { Config } from '../../config.js';
import type { Viewer } from '../../graphql/context.js';
import { ErrorCode, badInput, logRefusal, notFound } from '../../graphql/errors.js';
import type { Loaders } from '../../graphql/loaders.js';
import { paginate } from '../../graphql/pagination.js';
import type { Realtime } from '../../realtime/realtime.js';
import type { FileUpload } from '../../graphql/scalars.js';
import { logger } from '../../logger.js';
import { renderMail } from '../../mail/mail.templates.js';
import type { Outbox } from '../../outbox/outbox.js';
import { tally } from '../../db/tally.js';
import { audit } from '../audit/audit.service.js';
import { Document, storedFileColumns } from '../document/document.entity.js';
import type { DocumentService } from '../document/document.service.js';
import { DocumentCategory } from '../document/document.types.js';
import { scopeToViewer } from '../dossier/dossier.access.js';
import { Dossier } from '../dossier/dossier.entity.js';
import type { DossierService } from '../dossier/dossier.service.js';
import { User } from '../user/user.entity.js';
import { Role, isStaff } from '../user/user.types.js';
import { BODY_MAX, Message, MessageDirection, MessageRead, SUBJECT_MAX } from './message.entity.js';

export interface SendMessageInput {
  dossierId: string;
  subject: string;
  body: string;
  replyToId?: string | null;
  attachments?: Promise<FileUpload>[] | null;
  idempotencyKey?: string | null;
}

const chars = (s: string) => [...s].length;
const isUniqueViolation = (err: unknown) => /UNIQUE constraint failed|Duplicate entry|ER_DUP_ENTRY/i.test(String((err as Error)?.message ?? err));
const absent = (user: User | null | undefined, now: Date): user is User =>
  !!user && user.absenceEnabled && !!user.absenceMessage && (!user.absenceUntil || user.absenceUntil > now) && !user.removedAt;

export class MessageService {
  constructor(
    private readonly db: DataSource,
    private readonly config: Config,
    private readonly outbox: Outbox,
    private readonly dossiers: DossierService,
    private readonly documents: DocumentService,
    private readonly realtime: Realtime,
  ) {}

  private scoped(viewer: Viewer, manager: EntityManager = this.db.manager) {
    return scopeToViewer(manager.getRepository(Message).createQueryBuilder('m'), 'm.dossierId', viewer);
  }

  find(viewer: Viewer, id: string): Promise<Message | null> {
    return this.scoped(viewer).andWhere('m.id = :id', { id }).getOne();
  }

  list(viewer: Viewer, dossierId: string, page: { first?: number | null; after?: string | null }) {
    return paginate(this.scoped(viewer).andWhere('m.dossierId = :dossierId', { dossierId }), 'm', page);
  }

  direction(viewer: Viewer, message: Message): MessageDirection {
    return message.fromOffice === isStaff(viewer.user.role) ? MessageDirection.OUTGOING : MessageDirection.INCOMING;
  }

  isRead(viewer: Viewer, loaders: Loaders, message: Message): Promise<boolean> {
    if (this.direction(viewer, message) === MessageDirection.OUTGOING) return Promise.resolve(true);
    return loaders
      .get(
        'messageRead',
        async (ids) => new Map((await this.db.getRepository(MessageRead).findBy({ userId: viewer.user.id, messageId: In([...ids]) })).map((r) => [r.messageId, true])),
        false,
      )
      .load(message.id);
  }

  attachments(loaders: Loaders, message: Message): Promise<Document[]> {
    return loaders
      .get(
        'messageAttachments',
        async (ids) => {
          const result = new Map<string, Document[]>();
          for (const doc of await this.db.getRepository(Document).find({ where: { messageId: In([...ids]) }, order: { createdAt: 'ASC' } })) {
            result.set(doc.messageId!, [...(result.get(doc.messageId!) ?? []), doc]);
          }
          return result;
        },
        [],
      )
      .load(message.id);
  }

  async replyTo(viewer: Viewer, message: Message): Promise<Message | null> {
    return message.replyToId ? this.find(viewer, message.replyToId) : null;
  }

  async send(viewer: Viewer, input: SendMessageInput, ip: string): Promise<Message> {
    const subject = input.subject.trim();
    if (!subject) throw badInput('subject', 'A subject is required');
    if (chars(subject) > SUBJECT_MAX) throw badInput('subject', `The subject may have at most ${SUBJECT_MAX} characters`, 'TOO_LONG');
    if (!input.body.trim()) throw badInput('body', 'A message is required');
    if (chars(input.body) > BODY_MAX) throw badInput('body', `The message may have at most ${BODY_MAX} characters`, 'TOO_LONG');
    if ((input.attachments?.length ?? 0) > this.config.maxUploadFiles) throw badInput('attachments', `At most ${this.config.maxUploadFiles} attachments`);
    const key = input.idempotencyKey?.trim() || null;
    if (key && chars(key) > 100) throw badInput('idempotencyKey', 'At most 100 characters');
    const contentHash = createHash('sha256')
      .update(JSON.stringify([input.dossierId, subject, input.body, input.replyToId ?? null, input.attachments?.length ?? 0]))
      .digest('hex');
    if (key) {
      const earlier = await this.byKey(viewer, key, contentHash);
      if (earlier) return earlier;
    }
    const dossier = await this.dossiers.find(viewer, input.dossierId);
    if (!dossier) throw notFound('Dossier');
    let threadId: string | null = null;
    if (input.replyToId) {
      const original = await this.find(viewer, input.replyToId);
      if (!original || original.dossierId !== dossier.id) {
        logRefusal(ErrorCode.NOT_FOUND, ['sendMessage', 'replyToId'], { userId: viewer.user.id, ip });
        throw badInput('replyToId', 'The message you reply to is not in this dossier');
      }
      threadId = original.threadId;
    }

    const stored: Awaited<ReturnType<DocumentService['store']>>[] = [];
    try {
      for (const [i, file] of (input.attachments ?? []).entries()) stored.push(await this.documents.store(file, `attachments.${i}`));
    } catch (err) {
      await Promise.all(stored.map((s) => this.documents.storage.remove(s.key)));
      throw err;
    }
    const fromOffice = isStaff(viewer.user.role);
    // Of the clients, only those an e-mail or an absence reply can come from.
    const otherSide = fromOffice
      ? await this.dossiers.participants(dossier.id, [
          { role: Role.CLIENT, notifyNewMessages: true },
          { role: Role.CLIENT, absenceEnabled: true },
        ])
      : await this.dossiers.handlerOrStaff(dossier);
    let message: Message;
    try {
      message = await this.db.transaction(async (manager) => {
        const id = randomUUID();
        const saved = await manager.save(
          manager.create(Message, { id, dossierId: dossier.id, threadId: threadId ?? id, subject, body: input.body, authorId: viewer.user.id, fromOffice, replyToId: input.replyToId ?? null, automatic: false, idempotencyKey: key, contentHash }),
        );
        // A millisecond apart: attachments are listed by createdAt, in the order they were sent.
        const at = Date.now();
        for (const [i, file] of stored.entries()) {
          await manager.save(
            manager.create(Document, {
              createdAt: new Date(at + i),
              dossierId: dossier.id,
              messageId: saved.id,
              category: fromOffice ? DocumentCategory.CORRESPONDENCE : DocumentCategory.PROVIDED,
              title: file.fileName,
              ...storedFileColumns(file, file.fileName),
              authorId: viewer.user.id,
            }),
          );
        }
        await manager.update(Dossier, dossier.id, { updatedAt: new Date() });
        await audit(manager, { action: 'MESSAGE_SENT', actorId: viewer.user.id, dossierId: dossier.id, subjectId: saved.id, ip });
        await this.signal(manager, dossier, otherSide);
        // A client's attachments are PROVIDED, which the tabs show; the office's belong to their message only.
        await tally(manager, { 'messages.fromClients': fromOffice ? 0 : 1, 'documents.inTabs': fromOffice ? 0 : stored.length });
        return saved;
      });
    } catch (err) {
      await Promise.all(stored.map((s) => this.documents.storage.remove(s.key)));
      // The same key sent twice at the same moment: the other request won; answer with its message.
      if (key && isUniqueViolation(err)) {
        const earlier = await this.byKey(viewer, key, contentHash);
        if (earlier) return earlier;
      }
      throw err;
    }
    this.realtime.messageAdded(message);
    const absentees = otherSide.filter((u) => (fromOffice || u.id === dossier.handlerId) && absent(u, new Date()));
    for (const absentee of absentees) await this.autoReply(dossier, message, absentee).catch((err) => logger.error({ err }, 'could not send an absence reply'));
    return message;
  }

  private async byKey(viewer: Viewer, key: string, contentHash: string): Promise<Message | null> {
    const earlier = await this.db.getRepository(Message).findOneBy({ authorId: viewer.user.id, idempotencyKey: key });
    if (earlier && earlier.contentHash !== contentHash) throw badInput('idempotencyKey', 'This key was used for another message', 'KEY_REUSED');
    return earlier;
  }

  /** Content-free e-mail signals, written with the message they announce. */
  private async signal(manager: EntityManager, dossier: Dossier, users: User[]) {
    const link = `${this.config.publicUrl}/dossiers/${dossier.id}`;
    for (const user of users.filter((u) => u.notifyNewMessages)) {
      await this.outbox.mail(manager, user.email, renderMail('newMessage', user.language, { office: this.config.portalName, link, dossier: dossier.number }));
    }
  }

  /** One automatic reply per thread per absentee per day. */
  private async autoReply(dossier: Dossier, message: Message, absentee: User) {
    const repliedToday = await this.db.getRepository(Message).existsBy({
      threadId: message.threadId,
      authorId: absentee.id,
      automatic: true,
      createdAt: MoreThan(new Date(Date.now() - 24 * 3_600_000)),
    });
    if (repliedToday) return;
    const subject = [...`Re: ${message.subject}`].slice(0, SUBJECT_MAX).join('');
    const reply = await this.db.transaction(async (manager) => {
      const reply = await manager.save(
        manager.create(Message, {
          dossierId: dossier.id,
          threadId: message.threadId,
          subject,
          body: [...absentee.absenceMessage!].slice(0, BODY_MAX).join(''),
          authorId: absentee.id,
          fromOffice: isStaff(absentee.role),
          replyToId: message.id,
          automatic: true,
          idempotencyKey: null,
          contentHash: null,
        }),
      );
      await audit(manager, { action: 'MESSAGE_SENT', actorId: absentee.id, dossierId: dossier.id, subjectId: reply.id });
      await tally(manager, { 'messages.fromClients': isStaff(absentee.role) ? 0 : 1 });
      return reply;
    });
    this.realtime.messageAdded(reply);
  }

  async markRead(viewer: Viewer, id: string, ip: string): Promise<Message> {
    const message = await this.find(viewer, id);
    if (!message) throw notFound('Message');
    if (await this.db.getRepository(MessageRead).existsBy({ messageId: message.id, userId: viewer.user.id })) return message;
    await this.db.transaction(async (manager) => {
      await manager.createQueryBuilder().insert().into(MessageRead).values({ id: randomUUID(), createdAt: new Date(), messageId: message.id, userId: viewer.user.id }).orIgnore().execute();
      await audit(manager, { action: 'MESSAGE_READ', actorId: viewer.user.id, dossierId: message.dossierId, subjectId: message.id, ip });
    });
    this.realtime.countsChanged({ dossierId: message.dossierId, userIds: [viewer.user.id] });
    return message;
  }
}
