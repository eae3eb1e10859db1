import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Config } from '../../config.js';
import type { Viewer } from '../../graphql/context.js';
import { AppError, ErrorCode, badInput, isPayloadTooLarge, notFound } from '../../graphql/errors.js';
import type { Loaders } from '../../graphql/loaders.js';
import { paginate } from '../../graphql/pagination.js';
import type { Realtime } from '../../realtime/realtime.js';
import type { FileUpload } from '../../graphql/scalars.js';
import { cleanFileName, type FileStorage, type StoredFile } from '../../storage/storage.js';
import { logger } from '../../logger.js';
import { createScanner, type VirusScanner } from '../../security/scanner.js';
import { tally } from '../../db/tally.js';
import { audit } from '../audit/audit.service.js';
import { scopeToViewer } from '../dossier/dossier.access.js';
import { Dossier } from '../dossier/dossier.entity.js';
import type { DossierService } from '../dossier/dossier.service.js';
import { Role } from '../user/user.types.js';
import { Document, DocumentRead, storedFileColumns } from './document.entity.js';
import { renderMail } from '../../mail/mail.templates.js';
import type { Outbox } from '../../outbox/outbox.js';
import type { User } from '../user/user.entity.js';
import { DocumentCategory, SHOWN_IN_TAB } from './document.types.js';

export interface PublishInput {
  dossierId: string;
  category: DocumentCategory;
  title: string;
  file: Promise<FileUpload>;
}

/** What the bytes must be for the extension to be believed; a disguised file is refused. */
const EXPECTED_BY_EXTENSION: Record<string, RegExp> = {
  pdf: /^application\/pdf$/,
  png: /^image\/png$/,
  jpg: /^image\/jpeg$/,
  jpeg: /^image\/jpeg$/,
  gif: /^image\/gif$/,
  webp: /^image\/webp$/,
  heic: /^image\/hei[cf]/,
  tif: /^image\/tiff$/,
  tiff: /^image\/tiff$/,
  docx: /^application\/(vnd\.openxmlformats|zip)/,
  xlsx: /^application\/(vnd\.openxmlformats|zip)/,
  txt: /^text\/plain$/,
};
const EXECUTABLE = /^application\/(x-msdownload|x-elf|x-mach-binary|x-executable|x-sharedlib|vnd\.microsoft\.portable-executable|x-dosexec)$/;

function contentRefusal(fileName: string, sniffed: string): string | null {
  if (EXECUTABLE.test(sniffed)) return 'Programs cannot be uploaded';
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const expected = extension ? EXPECTED_BY_EXTENSION[extension] : undefined;
  if (expected && !expected.test(sniffed)) return `The content of ${fileName} is not a .${extension} file`;
  return null;
}

export class DocumentService {
  constructor(
    private readonly db: DataSource,
    private readonly config: Config,
    readonly storage: FileStorage,
    private readonly dossiers: DossierService,
    private readonly outbox: Outbox,
    private readonly realtime: Realtime,
  ) {}

  private scanner: VirusScanner | null | undefined;

  /** A hit or a scanner that cannot answer both refuse the upload: nothing unscanned is kept. */
  private async scan(key: string, fileName: string, field: string): Promise<void> {
    if (this.scanner === undefined) this.scanner = createScanner(this.config.clamd);
    if (!this.scanner) return;
    const verdict = await this.scanner.scan(this.storage.read(key)).catch(async (err: unknown) => {
      await this.storage.remove(key);
      logger.error({ err }, 'the virus scanner did not answer');
      throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'Uploads cannot be checked for viruses right now; try again later');
    });
    if (!verdict.infected) return;
    await this.storage.remove(key);
    logger.warn({ viruses: verdict.viruses, fileName }, 'upload refused: the virus scanner found something');
    throw badInput(field, `${fileName} was refused: the virus scanner found ${verdict.viruses.join(', ') || 'a threat'}`, 'INFECTED');
  }

  private scoped(viewer: Viewer, manager: EntityManager = this.db.manager) {
    return scopeToViewer(manager.getRepository(Document).createQueryBuilder('doc'), 'doc.dossierId', viewer);
  }

  /** The document if the viewer may see its dossier; otherwise null, exactly as for a missing one. */
  find(viewer: Viewer, id: string): Promise<Document | null> {
    return this.scoped(viewer).andWhere('doc.id = :id', { id }).getOne();
  }

  list(viewer: Viewer, dossierId: string, category: DocumentCategory, page: { first?: number | null; after?: string | null }) {
    const query = this.scoped(viewer).andWhere('doc.dossierId = :dossierId AND doc.category = :category', { dossierId, category }).andWhere(SHOWN_IN_TAB);
    return paginate(query, 'doc', page);
  }

  /** Start-up clean-up after a crash: files no document claims (see FileStorage.sweep). */
  async sweepOrphanFiles(graceMs?: number): Promise<number> {
    const removed = await this.storage.sweep(async (keys) => {
      if (!keys.length) return new Set();
      const rows = await this.db.getRepository(Document).find({ where: { storageKey: In(keys) }, select: { storageKey: true } });
      return new Set(rows.map((r) => r.storageKey));
    }, graceMs);
    if (removed) logger.warn({ removed }, 'removed files that an interrupted upload left behind');
    return removed;
  }

  downloadUrl(document: Document): string {
    return `${this.config.publicUrl}/files/${document.id}`;
  }

  /** Read for the viewer: downloaded or opened by them, or written by them. */
  isRead(viewer: Viewer, loaders: Loaders, document: Document): Promise<boolean> {
    if (document.authorId === viewer.user.id) return Promise.resolve(true);
    return loaders
      .get(
        'documentRead',
        async (ids) => new Map((await this.db.getRepository(DocumentRead).findBy({ userId: viewer.user.id, documentId: In([...ids]) })).map((r) => [r.documentId, true])),
        false,
      )
      .load(document.id);
  }

  /** Streams an upload into storage; over MAX_UPLOAD_MB it is PAYLOAD_TOO_LARGE and nothing stays behind. */
  async store(file: Promise<FileUpload>, field = 'file'): Promise<StoredFile & { fileName: string }> {
    try {
      const upload = await file;
      const stored = await this.storage.write(upload.createReadStream() as Readable);
      const fileName = cleanFileName(upload.filename);
      const refusal = contentRefusal(fileName, stored.mimeType);
      if (refusal) {
        await this.storage.remove(stored.key);
        throw badInput(field, refusal, 'CONTENT_REFUSED');
      }
      await this.scan(stored.key, fileName, field);
      return { ...stored, fileName };
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (isPayloadTooLarge(err)) throw new AppError(ErrorCode.PAYLOAD_TOO_LARGE, `A file may be at most ${this.config.maxUploadBytes / 1024 / 1024} MB`, { field });
      // System errors (disk full, permissions) are ours; anything else is a malformed or interrupted upload.
      if (err instanceof Error && !('code' in err && typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code))) {
        throw badInput(field, 'The upload was malformed or interrupted; try again', 'UPLOAD_FAILED');
      }
      throw err;
    }
  }

  async publish(viewer: Viewer, input: PublishInput, ip: string): Promise<Document> {
    if (input.category === DocumentCategory.PROVIDED) throw badInput('category', 'PROVIDED documents come only from clients', 'PROVIDED_BY_CLIENTS');
    const title = input.title.trim();
    if (!title) throw badInput('title', 'This field is required');
    if ([...title].length > 200) throw badInput('title', 'At most 200 characters');
    const dossier = await this.dossiers.find(viewer, input.dossierId);
    if (!dossier) throw notFound('Dossier');
    const stored = await this.store(input.file);
    const notified = await this.dossiers.participants(dossier.id, { role: Role.CLIENT, notifyNewDocuments: true });
    let document: Document;
    try {
      document = await this.db.transaction(async (manager) => {
        const saved = await manager.save(
          manager.create(Document, {
            dossierId: dossier.id,
            category: input.category,
            title,
            ...storedFileColumns(stored, stored.fileName),
            authorId: viewer.user.id,
          }),
        );
        await manager.update(Dossier, dossier.id, { updatedAt: new Date() });
        await audit(manager, { action: 'DOCUMENT_PUBLISHED', actorId: viewer.user.id, dossierId: dossier.id, subjectId: saved.id, ip });
        await this.signal(manager, dossier, notified);
        await tally(manager, { 'documents.inTabs': 1 });
        return saved;
      });
    } catch (err) {
      await this.storage.remove(stored.key);
      throw err;
    }
    this.realtime.countsChanged({ dossierId: dossier.id });
    return document;
  }

  /** One content-free e-mail per client for everything published within the batch window. */
  private async signal(manager: EntityManager, dossier: Dossier, notified: User[]) {
    const link = `${this.config.publicUrl}/dossiers/${dossier.id}`;
    for (const user of notified) {
      const mail = renderMail('newDocuments', user.language, { office: this.config.portalName, link, dossier: dossier.number });
      await this.outbox.mail(manager, user.email, mail, { delayMs: this.config.notifyBatchMs, dedupeKey: `newDocuments:${user.id}:${dossier.id}` });
    }
  }

  private async markReadIn(manager: EntityManager, viewer: Viewer, document: Document) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(DocumentRead)
      .values({ id: randomUUID(), createdAt: new Date(), documentId: document.id, userId: viewer.user.id })
      .orIgnore()
      .execute();
  }

  async markRead(viewer: Viewer, id: string, ip: string): Promise<Document> {
    const document = await this.find(viewer, id);
    if (!document) throw notFound('Document');
    await this.db.transaction(async (manager) => {
      await this.markReadIn(manager, viewer, document);
      await audit(manager, { action: 'DOCUMENT_READ', actorId: viewer.user.id, dossierId: document.dossierId, subjectId: document.id, ip });
    });
    this.realtime.countsChanged({ dossierId: document.dossierId, userIds: [viewer.user.id] });
    return document;
  }

  /** For GET /files/:id: the bytes of a document the viewer may see, marking it read. */
  async download(viewer: Viewer, id: string, ip: string): Promise<{ document: Document; stream: Readable } | null> {
    const document = await this.find(viewer, id);
    if (!document) return null;
    const stream = this.storage.read(document.storageKey);
    await this.db.transaction(async (manager) => {
      await this.markReadIn(manager, viewer, document);
      await audit(manager, { action: 'DOCUMENT_DOWNLOADED', actorId: viewer.user.id, dossierId: document.dossierId, subjectId: document.id, ip });
    });
    this.realtime.countsChanged({ dossierId: document.dossierId, userIds: [viewer.user.id] });
    return { document, stream };
  }
}
