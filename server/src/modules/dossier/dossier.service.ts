import { Brackets, In, IsNull, type DataSource, type EntityManager, type FindOptionsWhere, type SelectQueryBuilder } from 'typeorm';
import type { Viewer } from '../../graphql/context.js';
import { badInput, notFound } from '../../graphql/errors.js';
import type { Loaders } from '../../graphql/loaders.js';
import { paginate } from '../../graphql/pagination.js';
import { forUpdate } from '../../db/data-source.js';
import { tally, tallied, type TallyName } from '../../db/tally.js';
import { perEvent, type Events, type Realtime } from '../../realtime/realtime.js';
import { audit } from '../audit/audit.service.js';
import { Document, DocumentRead } from '../document/document.entity.js';
import { DocumentCategory, SHOWN_IN_TAB } from '../document/document.types.js';
import { Message, MessageRead } from '../message/message.entity.js';
import { User } from '../user/user.entity.js';
import { Role, isStaff } from '../user/user.types.js';
import { accessHolderId, scopeToViewer, type Reader } from './dossier.access.js';
import { Dossier, DossierAccess, ProgressStep } from './dossier.entity.js';
import { UnreadCounts, type CreateDossierInput, type DossierCounts, type Home, type Progress, type ProgressStepInput, type TabCount, type UpdateDossierInput } from './dossier.objects.js';
import { DossierStatus } from './dossier.types.js';

const emptyTab = (): TabCount => ({ total: 0, unread: 0 });
const emptyCounts = (): DossierCounts => ({ correspondence: emptyTab(), documents: emptyTab(), provided: emptyTab(), messages: emptyTab() });
const tabOf: Record<DocumentCategory, keyof DossierCounts> = {
  [DocumentCategory.CORRESPONDENCE]: 'correspondence',
  [DocumentCategory.DOCUMENT]: 'documents',
  [DocumentCategory.PROVIDED]: 'provided',
};

/** SQL: `column` is one of `ids` (the parameter `readers`), or anyone's when there is no list. */
const among = (column: string, ids: string[] | null) => (ids ? `${column} IN (:...readers)` : `${column} IS NOT NULL`);
/** SQL: document `doc` (read state `r`) is unread for `reader`, a parameter or a column. */
const unreadDocument = (reader: string) => `r.id IS NULL AND (doc.authorId IS NULL OR doc.authorId <> ${reader})`;
/** SQL: message `m` (read state `r`) is unread for a reader on side `office` (1 for staff, 0 for clients). */
const unreadMessage = (office: string) => `r.id IS NULL AND m.fromOffice <> ${office}`;

function required(field: string, value: string | null | undefined, max: number): string {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) throw badInput(field, 'This field is required');
  if ([...trimmed].length > max) throw badInput(field, `At most ${max} characters`);
  return trimmed;
}

export class DossierService {
  /**
   * Above this many users, an event's counts read everyone's rows of the dossiers concerned instead of
   * naming the users: a list of thousands of ids costs MariaDB more (13 ms a statement for 5,000) than those rows.
   */
  static manyUsers = 200;

  constructor(
    private readonly db: DataSource,
    private readonly realtime: Realtime,
  ) {}

  private scoped(viewer: Viewer, manager: EntityManager = this.db.manager) {
    return scopeToViewer(manager.getRepository(Dossier).createQueryBuilder('d'), 'd.id', viewer);
  }

  /** The dossier if the viewer may see it; a foreign id and a missing one both give null. */
  find(viewer: Viewer, id: string): Promise<Dossier | null> {
    return this.scoped(viewer).andWhere('d.id = :id', { id }).getOne();
  }

  async get(viewer: Viewer, id: string): Promise<Dossier> {
    const dossier = await this.find(viewer, id);
    if (!dossier) throw notFound('Dossier');
    return dossier;
  }

  list(viewer: Viewer, args: { search?: string | null; statuses?: DossierStatus[] | null; first?: number | null; after?: string | null }) {
    const query = this.scoped(viewer);
    if (args.statuses?.length) query.andWhere('d.status IN (:...statuses)', { statuses: args.statuses });
    const search = args.search?.trim().toLowerCase();
    if (search) {
      const like = `%${search.replace(/[!%_]/g, (c) => `!${c}`)}%`;
      query.andWhere(new Brackets((w) => w.where(`LOWER(d.number) LIKE :like ESCAPE '!'`, { like }).orWhere(`LOWER(d.description) LIKE :like ESCAPE '!'`, { like })));
    }
    // Staff see every dossier, so without a search the tally has their count.
    const count = isStaff(viewer.user.role) && !search ? async () => [...(await this.officeCounts(args.statuses)).values()].reduce((sum, n) => sum + n, 0) : undefined;
    return paginate(query, 'd', args, { count });
  }

  /** How many dossiers the office has with each of `statuses` (none: every status), from the tally. */
  private async officeCounts(statuses?: DossierStatus[] | null): Promise<Map<DossierStatus, number>> {
    const wanted = [...new Set(statuses?.length ? statuses : Object.values(DossierStatus))];
    const counts = await tallied(this.db.manager, wanted.map((status) => `dossiers.${status}` as const));
    return new Map(wanted.map((status) => [status, counts.get(`dossiers.${status}`)!]));
  }

  /** Set by the questionnaire feature, which owns actions. */
  countOpenActions: (users: Reader[]) => Promise<Map<string, number>> = async () => new Map();

  async home(viewer: Viewer): Promise<Home> {
    const rows: { status: string; n: string | number }[] = isStaff(viewer.user.role)
      ? [...(await this.officeCounts())].map(([status, n]) => ({ status, n }))
      : await this.scoped(viewer).select('d.status', 'status').addSelect('COUNT(*)', 'n').groupBy('d.status').getRawMany();
    const dossiersTotal = rows.reduce((sum, r) => sum + Number(r.n), 0);
    const single = dossiersTotal === 1 ? await this.scoped(viewer).select('d.id', 'id').getRawOne<{ id: string }>() : undefined;
    return {
      dossiersTotal,
      dossiersInProgress: Number(rows.find((r) => r.status === DossierStatus.IN_PROGRESS)?.n ?? 0),
      openActions: (await this.countOpenActions([viewer.user])).get(viewer.user.id) ?? 0,
      unreadTotal: await this.unreadTotal(viewer),
      singleDossierId: single?.id ?? null,
    };
  }

  /** Messages with the viewer's read state joined (alias `m`, reads `r`); `:office` is the viewer's side. */
  private messageCounts(viewer: Viewer) {
    return this.db
      .getRepository(Message)
      .createQueryBuilder('m')
      .leftJoin(MessageRead, 'r', 'r.messageId = m.id AND r.userId = :reader', { reader: viewer.user.id, office: isStaff(viewer.user.role) ? 1 : 0 });
  }

  async unreadTotal(viewer: Viewer): Promise<number> {
    return (await this.unreadTotals([viewer.user])).get(viewer.user.id)!;
  }

  /**
   * The viewer's counts after a change, or null when the change is none of theirs.
   * Made once per event for all its subscribers (every socket of every user), see unreadCountsOf.
   */
  unreadCountsAfter(viewer: Viewer, change: Events['counts']): Promise<UnreadCounts | null> {
    return this.countsPerEvent(change, viewer);
  }

  private readonly countsPerEvent = perEvent<Events['counts'], Viewer, UnreadCounts | null>(
    (change, viewers) => this.unreadCountsOf(change, viewers),
    (viewer) => viewer.user.id,
  );

  /**
   * The counts of many users after one change, in the same few statements (about 20)
   * however many they are.
   */
  private async unreadCountsOf(change: Events['counts'], viewers: readonly Viewer[]): Promise<(UnreadCounts | null)[]> {
    const asked = viewers.map((v) => v.user).filter((u) => !change.userIds || change.userIds.includes(u.id));
    const [users, mayRead] = await Promise.all([this.notRemoved(asked), change.dossierId && asked.length ? this.mayRead(change.dossierId) : null]);
    const seeing = mayRead ? users.filter(mayRead) : [];
    const told = change.userIds ? users : seeing;
    const [counts, totals, actions] = await Promise.all([
      change.dossierId ? this.countsFor(change.dossierId, seeing) : new Map<string, DossierCounts>(),
      this.unreadTotals(told),
      this.countOpenActions(told),
    ]);
    const sees = new Set(seeing.map((u) => u.id));
    // Users with the same counts get the same object: the subscription is SameForEveryCaller, so they share one execution.
    const distinct = new Map<string, UnreadCounts>();
    const results = new Map(
      told.map((user): [string, UnreadCounts] => {
        const seen = sees.has(user.id);
        const fields = { dossierId: seen ? change.dossierId : null, counts: seen ? (counts.get(user.id) ?? emptyCounts()) : null, openActions: actions.get(user.id) ?? 0, unreadTotal: totals.get(user.id) ?? 0 };
        const key = JSON.stringify(fields);
        let same = distinct.get(key);
        // An instance, which type-graphql hands to every subscriber's resolver as it is instead of copying it.
        if (!same) distinct.set(key, (same = Object.assign(new UnreadCounts(), fields)));
        return [user.id, same];
      }),
    );
    return viewers.map((v) => results.get(v.user.id) ?? null);
  }

  /**
   * Of these users, as their sockets authenticated them, those not removed since: a removed account hears nothing,
   * though its socket stays open until the next session check. Access follows the account as it is now, from the
   * dossier's holders (mayRead); a user's role and main account never change after it is made.
   */
  private async notRemoved(users: User[]): Promise<Reader[]> {
    if (!users.length) return [];
    const query = () => this.db.getRepository(User).createQueryBuilder('u').select('u.id', 'id');
    const idsOf = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
    const reader = ({ id, role, mainAccountId }: User): Reader => ({ id, role, mainAccountId });
    if (users.length > DossierService.manyUsers) {
      // The removed accounts (few, from the index on removedAt) rather than a list of thousands of ids (see manyUsers).
      const removed = idsOf(await query().where('u.removedAt IS NOT NULL').getRawMany());
      return users.filter((u) => !removed.has(u.id)).map(reader);
    }
    const present = idsOf(await query().where('u.id IN (:...ids)', { ids: users.map((u) => u.id) }).andWhere('u.removedAt IS NULL').getRawMany());
    return users.filter((u) => present.has(u.id)).map(reader);
  }

  /** Who may see the dossier, by the rule of scopeToViewer: staff if it exists, clients through their access holder. */
  private async mayRead(dossierId: string): Promise<(user: Reader) => boolean> {
    // Every holder of the dossier, not those of the users asking: one range of an index rather than a list of thousands of ids.
    const rows: { holder: string | null }[] = await this.db
      .getRepository(Dossier)
      .createQueryBuilder('d')
      .leftJoin(DossierAccess, 'a', 'a.dossierId = d.id')
      .select('a.userId', 'holder')
      .where('d.id = :dossierId', { dossierId })
      .getRawMany();
    const granted = new Set(rows.map((r) => r.holder));
    return (user) => rows.length > 0 && (isStaff(user.role) || granted.has(accessHolderId(user)));
  }

  /**
   * One dossier's counts per tab for each of `users` (who may all see it): what the dossier holds,
   * less what each of them has read or written. Nothing multiplies the dossier's rows by its readers.
   */
  private async countsFor(dossierId: string, users: Reader[]): Promise<Map<string, DossierCounts>> {
    const result = new Map(users.map((u) => [u.id, emptyCounts()]));
    if (!users.length) return result;
    // For many users, what everyone wrote and read in the dossier (see manyUsers); the rows of others are passed over below.
    const readers = users.length > DossierService.manyUsers ? null : users.map((u) => u.id);
    const documents = () => this.db.getRepository(Document).createQueryBuilder('doc').where('doc.dossierId = :dossierId', { dossierId }).andWhere(SHOWN_IN_TAB);
    const messages = () => this.db.getRepository(Message).createQueryBuilder('m').where('m.dossierId = :dossierId', { dossierId });
    type Row = { userId: string; key: string; n: string | number };
    const [inTabs, written, read, bySide, readBySide] = await Promise.all([
      documents().select('doc.category', 'key').addSelect('COUNT(*)', 'n').groupBy('doc.category').getRawMany<Omit<Row, 'userId'>>(),
      documents().andWhere(among('doc.authorId', readers), { readers }).select('doc.authorId', 'userId').addSelect('doc.category', 'key').addSelect('COUNT(*)', 'n').groupBy('doc.authorId').addGroupBy('doc.category').getRawMany<Row>(),
      documents()
        .innerJoin(DocumentRead, 'r', `r.documentId = doc.id AND ${among('r.userId', readers)}`, { readers })
        .andWhere('(doc.authorId IS NULL OR doc.authorId <> r.userId)')
        .select('r.userId', 'userId')
        .addSelect('doc.category', 'key')
        .addSelect('COUNT(*)', 'n')
        .groupBy('r.userId')
        .addGroupBy('doc.category')
        .getRawMany<Row>(),
      messages().select('m.fromOffice', 'key').addSelect('COUNT(*)', 'n').groupBy('m.fromOffice').getRawMany<Omit<Row, 'userId'>>(),
      messages()
        .innerJoin(MessageRead, 'r', `r.messageId = m.id AND ${among('r.userId', readers)}`, { readers })
        .select('r.userId', 'userId')
        .addSelect('m.fromOffice', 'key')
        .addSelect('COUNT(*)', 'n')
        .groupBy('r.userId')
        .addGroupBy('m.fromOffice')
        .getRawMany<Row>(),
    ]);
    const side = (office: boolean | number | string) => (Number(office) ? 1 : 0);
    const sentBy = [0, 0];
    for (const row of bySide) sentBy[side(row.key)] += Number(row.n);
    for (const user of users) {
      const counts = result.get(user.id)!;
      for (const row of inTabs) counts[tabOf[row.key as DocumentCategory]] = { total: Number(row.n), unread: Number(row.n) };
      // Written by the other side: what this user can have unread.
      counts.messages = { total: sentBy[0]! + sentBy[1]!, unread: sentBy[isStaff(user.role) ? 0 : 1]! };
    }
    for (const row of [...written, ...read]) {
      const counts = result.get(row.userId);
      if (counts) counts[tabOf[row.key as DocumentCategory]].unread -= Number(row.n);
    }
    const office = new Set(users.filter((u) => isStaff(u.role)).map((u) => u.id));
    for (const row of readBySide) {
      const counts = result.get(row.userId);
      if (counts && side(row.key) !== (office.has(row.userId) ? 1 : 0)) counts.messages.unread -= Number(row.n);
    }
    return result;
  }

  /**
   * unreadTotal for each of `users`: per side, what their dossiers hold for them (documents in a tab,
   * messages of the other side), less what each has read or written. Nothing multiplies rows by readers.
   */
  private async unreadTotals(users: Reader[]): Promise<Map<string, number>> {
    const totals = new Map(users.map((u) => [u.id, 0]));
    for (const side of [users.filter((u) => isStaff(u.role)), users.filter((u) => !isStaff(u.role))]) {
      if (!side.length) continue;
      const office = isStaff(side[0]!.role);
      // Clients' rows are bounded by their dossiers (ofReaders below), so many clients need not be named (see manyUsers).
      const readers = !office && side.length > DossierService.manyUsers ? null : side.map((u) => u.id);
      // Staff see every dossier; a client those granted to their access holder (as scopeToViewer).
      const holders = office ? [] : [...new Set(side.map(accessHolderId))];
      const access = office
        ? []
        : await this.db.getRepository(DossierAccess).createQueryBuilder('a').select('a.userId', 'userId').addSelect('a.dossierId', 'dossierId').where('a.userId IN (:...holders)', { holders }).getRawMany<Pick<DossierAccess, 'userId' | 'dossierId'>>();
      const dossierIds = [...new Set(access.map((a) => a.dossierId))];
      if (!office && !dossierIds.length) continue;
      // Staff: what every dossier holds, from the tally; clients: per dossier, summed per access holder below.
      const waitingIn = async <T extends object>(query: SelectQueryBuilder<T>, column: string, everywhere: TallyName): Promise<{ dossierId?: string; n: string | number }[]> =>
        office
          ? [{ n: (await tallied(this.db.manager, [everywhere])).get(everywhere)! }]
          : query.andWhere(`${column} IN (:...dossierIds)`, { dossierIds }).select(column, 'dossierId').addSelect('COUNT(*)', 'n').groupBy(column).getRawMany();
      // The dossier list leads the plan: without it MariaDB may scan every document for the readers' own.
      const ofReaders = <T extends object>(query: SelectQueryBuilder<T>, userColumn: string, dossierColumn: string) =>
        office
          ? query
          : query
              .innerJoin(User, 'u', `u.id = ${userColumn}`)
              .innerJoin(DossierAccess, 'a', `a.dossierId = ${dossierColumn} AND a.userId = COALESCE(u.mainAccountId, u.id)`)
              .andWhere(`${dossierColumn} IN (:...dossierIds)`, { dossierIds });
      const documents = () => this.db.getRepository(Document).createQueryBuilder('doc').where(SHOWN_IN_TAB);
      const messages = () => this.db.getRepository(Message).createQueryBuilder('m').where('m.fromOffice = :other', { other: office ? 0 : 1 });
      type Row = { userId: string; n: string | number };
      const [waitingDocuments, waitingMessages, written, read, readMessages] = await Promise.all([
        waitingIn(documents(), 'doc.dossierId', 'documents.inTabs'),
        waitingIn(messages(), 'm.dossierId', 'messages.fromClients'),
        ofReaders(documents().andWhere(among('doc.authorId', readers), { readers }), 'doc.authorId', 'doc.dossierId').select('doc.authorId', 'userId').addSelect('COUNT(*)', 'n').groupBy('doc.authorId').getRawMany<Row>(),
        ofReaders(
          documents().innerJoin(DocumentRead, 'r', `r.documentId = doc.id AND ${among('r.userId', readers)}`, { readers }).andWhere('(doc.authorId IS NULL OR doc.authorId <> r.userId)'),
          'r.userId',
          'doc.dossierId',
        )
          .select('r.userId', 'userId')
          .addSelect('COUNT(*)', 'n')
          .groupBy('r.userId')
          .getRawMany<Row>(),
        ofReaders(messages().innerJoin(MessageRead, 'r', `r.messageId = m.id AND ${among('r.userId', readers)}`, { readers }), 'r.userId', 'm.dossierId')
          .select('r.userId', 'userId')
          .addSelect('COUNT(*)', 'n')
          .groupBy('r.userId')
          .getRawMany<Row>(),
      ]);
      const waiting = new Map<string, number>();
      for (const row of [...waitingDocuments, ...waitingMessages]) waiting.set(row.dossierId ?? '', (waiting.get(row.dossierId ?? '') ?? 0) + Number(row.n));
      const ofHolder = new Map<string, number>();
      for (const a of access) ofHolder.set(a.userId, (ofHolder.get(a.userId) ?? 0) + (waiting.get(a.dossierId) ?? 0));
      for (const user of side) totals.set(user.id, office ? (waiting.get('') ?? 0) : (ofHolder.get(accessHolderId(user)) ?? 0));
      for (const row of [...written, ...read, ...readMessages]) {
        const total = totals.get(row.userId);
        if (total !== undefined) totals.set(row.userId, total - Number(row.n));
      }
    }
    return totals;
  }

  /** Counts per tab for many dossiers in one query (per request, through a DataLoader). */
  counts(viewer: Viewer, loaders: Loaders, dossierId: string): Promise<DossierCounts> {
    return loaders
      .get(
        'dossierCounts',
        async (ids) => {
          const rows: { dossierId: string; category: DocumentCategory; total: string | number; unread: string | number }[] = await this.db
            .getRepository(Document)
            .createQueryBuilder('doc')
            .leftJoin(DocumentRead, 'r', 'r.documentId = doc.id AND r.userId = :reader', { reader: viewer.user.id })
            .select('doc.dossierId', 'dossierId')
            .addSelect('doc.category', 'category')
            .addSelect('COUNT(*)', 'total')
            .addSelect(`SUM(CASE WHEN ${unreadDocument(':reader')} THEN 1 ELSE 0 END)`, 'unread')
            .where('doc.dossierId IN (:...ids)', { ids })
            .andWhere(SHOWN_IN_TAB)
            .groupBy('doc.dossierId')
            .addGroupBy('doc.category')
            .getRawMany();
          const messages: { dossierId: string; total: string | number; unread: string | number }[] = await this.messageCounts(viewer)
            .select('m.dossierId', 'dossierId')
            .addSelect('COUNT(*)', 'total')
            .addSelect(`SUM(CASE WHEN ${unreadMessage(':office')} THEN 1 ELSE 0 END)`, 'unread')
            .where('m.dossierId IN (:...ids)', { ids })
            .groupBy('m.dossierId')
            .getRawMany();
          const result = new Map<string, DossierCounts>();
          const countsOf = (dossierId: string) => result.get(dossierId) ?? result.set(dossierId, emptyCounts()).get(dossierId)!;
          for (const row of rows) countsOf(row.dossierId)[tabOf[row.category]] = { total: Number(row.total), unread: Number(row.unread) };
          for (const row of messages) countsOf(row.dossierId).messages = { total: Number(row.total), unread: Number(row.unread) };
          return result;
        },
        emptyCounts(),
      )
      .load(dossierId);
  }

  progress(loaders: Loaders, dossierId: string): Promise<Progress> {
    return loaders
      .get(
        'progressSteps',
        async (ids) => {
          const steps = await this.db.getRepository(ProgressStep).find({ where: { dossierId: In([...ids]) }, order: { position: 'ASC' } });
          const result = new Map<string, Progress>();
          for (const step of steps) {
            const progress = result.get(step.dossierId) ?? { done: 0, total: 0, steps: [] };
            progress.steps.push(step);
            progress.total++;
            if (step.done) progress.done++;
            result.set(step.dossierId, progress);
          }
          return result;
        },
        { done: 0, total: 0, steps: [] },
      )
      .load(dossierId);
  }

  user(loaders: Loaders, id: string | null): Promise<User | null> {
    if (!id) return Promise.resolve(null);
    return loaders
      .get<User | null>(
        'users',
        async (ids) => new Map((await this.db.getRepository(User).findBy({ id: In([...ids]) })).map((u) => [u.id, u])),
        null,
      )
      .load(id);
  }

  /**
   * The accounts that hold access, and the extra accounts of the companies among them; `only` narrows them
   * (a list: any of its conditions). A dossier can have thousands: ask for those you will tell.
   */
  async participants(dossierId: string, only?: FindOptionsWhere<User> | FindOptionsWhere<User>[]): Promise<User[]> {
    // Holders and extra accounts apart: with an OR between them, MariaDB reads every user.
    const by = (column: 'id' | 'mainAccountId') => {
      const query = this.db.getRepository(User).createQueryBuilder('u');
      const holders = query.subQuery().select('a.userId').from(DossierAccess, 'a').where('a.dossierId = :dossierId').getQuery();
      query.where(`u.${column} IN ${holders}`).andWhere('u.removedAt IS NULL').setParameter('dossierId', dossierId);
      // Most users have no main account: MariaDB's statistics count them as one value of the index, and without this
      // it reads every user (7 ms at 10,000 users, against under 1 ms).
      if (column === 'mainAccountId') query.andWhere('u.mainAccountId IS NOT NULL');
      return (only ? query.andWhere(only) : query).getMany();
    };
    const users = new Map((await Promise.all([by('id'), by('mainAccountId')])).flat().map((u) => [u.id, u]));
    return [...users.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /** Who hears from the office's side: the handler, or every staff member when the dossier has none. */
  async handlerOrStaff(dossier: Dossier): Promise<User[]> {
    const users = this.db.getRepository(User);
    const handler = dossier.handlerId ? await users.findOneBy({ id: dossier.handlerId, removedAt: IsNull() }) : null;
    return handler ? [handler] : users.findBy({ role: In([Role.STAFF, Role.ADMIN]), removedAt: IsNull() });
  }

  // --- staff ----------------------------------------------------------------

  private async staffMember(manager: EntityManager, id: string | null | undefined, field: string): Promise<string | null> {
    if (!id) return null;
    const user = await manager.findOneBy(User, { id });
    if (!user || user.removedAt || !isStaff(user.role)) throw badInput(field, 'Choose a member of staff');
    return user.id;
  }

  private async client(manager: EntityManager, id: string, field: string): Promise<User> {
    const user = await manager.findOneBy(User, { id });
    if (!user || user.removedAt || user.role !== Role.CLIENT) throw badInput(field, 'Choose a client');
    return user;
  }

  async create(viewer: Viewer, input: CreateDossierInput, ip: string): Promise<Dossier> {
    const number = required('number', input.number, 50);
    const description = required('description', input.description, 500);
    const titles = (input.progressSteps ?? []).map((t) => required('progressSteps', t, 200));
    const created = await this.db.transaction(async (manager) => {
      if (await manager.existsBy(Dossier, { number })) throw badInput('number', 'A dossier with this number exists already', 'NUMBER_TAKEN');
      const handlerId = await this.staffMember(manager, input.handlerId, 'handlerId');
      const dossier = await manager.save(manager.create(Dossier, { number, description, status: input.status ?? DossierStatus.IN_PROGRESS, handlerId }));
      await manager.save(titles.map((title, position) => manager.create(ProgressStep, { dossierId: dossier.id, title, position, done: false, doneAt: null })));
      for (const clientId of new Set(input.clientIds ?? [])) await this.grantIn(manager, viewer, dossier, clientId, ip);
      await audit(manager, { action: 'DOSSIER_CREATED', actorId: viewer.user.id, dossierId: dossier.id, ip });
      await tally(manager, { [`dossiers.${dossier.status}`]: 1 });
      return dossier;
    });
    if (input.clientIds?.length) this.realtime.countsChanged({ dossierId: created.id });
    return created;
  }

  async update(viewer: Viewer, id: string, input: UpdateDossierInput, ip: string): Promise<Dossier> {
    return this.db.transaction(async (manager) => {
      const dossier = await manager.findOne(Dossier, { where: { id }, lock: forUpdate(manager) });
      if (!dossier) throw notFound('Dossier');
      if (input.description != null) dossier.description = required('description', input.description, 500);
      const statusBefore = dossier.status;
      if (input.status != null) dossier.status = input.status;
      if (input.handlerId !== undefined) dossier.handlerId = await this.staffMember(manager, input.handlerId, 'handlerId');
      dossier.updatedAt = new Date();
      await manager.save(dossier);
      await audit(manager, { action: 'DOSSIER_UPDATED', actorId: viewer.user.id, dossierId: id, ip });
      if (dossier.status !== statusBefore) await tally(manager, { [`dossiers.${statusBefore}`]: -1, [`dossiers.${dossier.status}`]: 1 });
      return dossier;
    });
  }

  private async grantIn(manager: EntityManager, viewer: Viewer, dossier: Dossier, userId: string, ip: string) {
    const holder = accessHolderId(await this.client(manager, userId, 'userId'));
    if (!(await manager.existsBy(DossierAccess, { dossierId: dossier.id, userId: holder }))) {
      await manager.save(manager.create(DossierAccess, { dossierId: dossier.id, userId: holder }));
      await audit(manager, { action: 'ACCESS_GRANTED', actorId: viewer.user.id, dossierId: dossier.id, subjectId: holder, ip });
    }
  }

  async grant(viewer: Viewer, dossierId: string, userId: string, ip: string): Promise<Dossier> {
    const granted = await this.db.transaction(async (manager) => {
      const dossier = await manager.findOneBy(Dossier, { id: dossierId });
      if (!dossier) throw notFound('Dossier');
      await this.grantIn(manager, viewer, dossier, userId, ip);
      return dossier;
    });
    this.realtime.countsChanged({ dossierId });
    return granted;
  }

  async revoke(viewer: Viewer, dossierId: string, userId: string, ip: string): Promise<Dossier> {
    let revokedFrom: string[] = [];
    const dossier = await this.db.transaction(async (manager) => {
      const dossier = await manager.findOneBy(Dossier, { id: dossierId });
      if (!dossier) throw notFound('Dossier');
      const user = await manager.findOneBy(User, { id: userId });
      if (user) {
        const holder = accessHolderId(user);
        const { affected } = await manager.delete(DossierAccess, { dossierId, userId: holder });
        if (affected) {
          await audit(manager, { action: 'ACCESS_REVOKED', actorId: viewer.user.id, dossierId, subjectId: holder, ip });
          revokedFrom = (await manager.find(User, { select: { id: true }, where: [{ id: holder }, { mainAccountId: holder }] })).map((u) => u.id);
        }
      }
      return dossier;
    });
    // The dossier is out of their sight now: they hear only their new totals.
    if (revokedFrom.length) this.realtime.countsChanged({ dossierId: null, userIds: revokedFrom });
    return dossier;
  }

  /** Replaces the checklist; steps whose title stays keep their done time. */
  async setProgressSteps(viewer: Viewer, dossierId: string, steps: ProgressStepInput[], ip: string): Promise<Dossier> {
    const titles = steps.map((s) => required('steps', s.title, 200));
    return this.db.transaction(async (manager) => {
      const dossier = await manager.findOneBy(Dossier, { id: dossierId });
      if (!dossier) throw notFound('Dossier');
      const previous = new Map((await manager.findBy(ProgressStep, { dossierId })).map((s) => [s.title, s]));
      await manager.delete(ProgressStep, { dossierId });
      await manager.save(
        steps.map((step, position) => {
          const done = !!step.done;
          const doneAt = done ? (previous.get(titles[position]!)?.doneAt ?? new Date()) : null;
          return manager.create(ProgressStep, { dossierId, title: titles[position]!, position, done, doneAt });
        }),
      );
      dossier.updatedAt = new Date();
      await manager.save(dossier);
      await audit(manager, { action: 'PROGRESS_CHANGED', actorId: viewer.user.id, dossierId, ip });
      return dossier;
    });
  }

  async setProgressStepDone(viewer: Viewer, stepId: string, done: boolean, ip: string): Promise<ProgressStep> {
    return this.db.transaction(async (manager) => {
      const step = await manager.findOneBy(ProgressStep, { id: stepId });
      if (!step) throw notFound('Progress step');
      if (step.done !== done) {
        step.done = done;
        step.doneAt = done ? new Date() : null;
        await manager.save(step);
        await manager.update(Dossier, step.dossierId, { updatedAt: new Date() });
        await audit(manager, { action: 'PROGRESS_CHANGED', actorId: viewer.user.id, dossierId: step.dossierId, subjectId: step.id, ip });
      }
      return step;
    });
  }
}
