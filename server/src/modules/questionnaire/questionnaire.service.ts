import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { In, IsNull, Not, type DataSource } from 'typeorm';
import type { Config } from '../../config.js';
import type { Viewer } from '../../graphql/context.js';
import { badInput, forbidden, notFound } from '../../graphql/errors.js';
import { renderMail } from '../../mail/mail.templates.js';
import type { Outbox } from '../../outbox/outbox.js';
import type { FileStorage } from '../../storage/storage.js';
import { tally } from '../../db/tally.js';
import { audit } from '../audit/audit.service.js';
import { Document, storedFileColumns } from '../document/document.entity.js';
import { DocumentCategory } from '../document/document.types.js';
import { accessHolderId, scopeToViewer, type Reader } from '../dossier/dossier.access.js';
import { Dossier, DossierAccess } from '../dossier/dossier.entity.js';
import type { DossierService } from '../dossier/dossier.service.js';
import { Role, isStaff } from '../user/user.types.js';
import { QuestionnaireAnswer, QuestionnaireRequest, QuestionnaireTemplate } from './questionnaire.entity.js';
import { renderQuestionnairePdf } from './questionnaire.pdf.js';
import {
  CHOICE_KINDS,
  QuestionKind,
  QuestionnaireStatus,
  type Answer,
  type AnswerInput,
  type Question,
  type QuestionnairePage,
  type QuestionnaireTemplateInput,
} from './questionnaire.types.js';

const LIMITS = { title: 200, pages: 50, questions: 100, label: 500, options: 50, option: 200, text: 500, textarea: 4000, storedJson: 60_000 };
const OPEN = [QuestionnaireStatus.OPEN, QuestionnaireStatus.IN_PROGRESS];
const chars = (s: string) => [...s].length;

/** Told when a questionnaire is sent or completed, so live counts can follow (realtime, when wired). */
export type ActionsChanged = (dossierId: string, userIds: string[]) => void;

export class QuestionnaireService {
  onActionsChanged: ActionsChanged = () => {};

  constructor(
    private readonly db: DataSource,
    private readonly config: Config,
    private readonly outbox: Outbox,
    private readonly dossiers: DossierService,
    private readonly storage: FileStorage,
  ) {}

  // --- templates (staff) ---------------------------------------------------------

  templates(): Promise<QuestionnaireTemplate[]> {
    return this.db.getRepository(QuestionnaireTemplate).find({ order: { title: 'ASC', createdAt: 'ASC' } });
  }

  async createTemplate(viewer: Viewer, input: QuestionnaireTemplateInput): Promise<QuestionnaireTemplate> {
    const title = requiredText(input.title, 'title', LIMITS.title);
    if (!input.pages.length) throw badInput('pages', 'A questionnaire needs at least one page');
    if (input.pages.length > LIMITS.pages) throw badInput('pages', `At most ${LIMITS.pages} pages`);
    const ids = new Set<string>();
    const pages: QuestionnairePage[] = input.pages.map((page, p) => {
      const at = `pages.${p}`;
      if (!page.questions.length) throw badInput(`${at}.questions`, 'A page needs at least one question');
      return {
        title: requiredText(page.title, `${at}.title`, LIMITS.title),
        questions: page.questions.map((q, i): Question => {
          const field = `${at}.questions.${i}`;
          const id = q.id.trim();
          if (!/^[A-Za-z0-9_.-]{1,50}$/.test(id)) throw badInput(`${field}.id`, 'An id has 1 to 50 letters, digits, dots, dashes or underscores');
          if (ids.has(id)) throw badInput(`${field}.id`, `The id "${id}" is used twice in this questionnaire`, 'DUPLICATE_ID');
          ids.add(id);
          const options = (q.options ?? []).map((o) => o.trim());
          if (CHOICE_KINDS.has(q.kind)) {
            if (!options.length) throw badInput(`${field}.options`, 'A choice question needs options', 'OPTIONS_MISSING');
            if (options.length > LIMITS.options) throw badInput(`${field}.options`, `At most ${LIMITS.options} options`);
            if (options.some((o) => !o || chars(o) > LIMITS.option)) throw badInput(`${field}.options`, `Each option has 1 to ${LIMITS.option} characters`);
            if (new Set(options).size !== options.length) throw badInput(`${field}.options`, 'Options must differ from each other');
          } else if (options.length) {
            throw badInput(`${field}.options`, 'Only choice questions have options');
          }
          return { id, label: requiredText(q.label, `${field}.label`, LIMITS.label), kind: q.kind, required: q.required ?? false, options };
        }),
      };
    });
    if (ids.size > LIMITS.questions) throw badInput('pages', `At most ${LIMITS.questions} questions in all`);
    if (Buffer.byteLength(JSON.stringify(pages)) > LIMITS.storedJson) throw badInput('pages', 'This questionnaire is too large; split it in two');
    const templates = this.db.getRepository(QuestionnaireTemplate);
    return templates.save(templates.create({ title, pages, authorId: viewer.user.id }));
  }

  // --- requests ------------------------------------------------------------------

  /** Staff see every request of the dossiers they see; a client those assigned to them or their company. */
  private scoped(viewer: Viewer) {
    const query = scopeToViewer(this.db.getRepository(QuestionnaireRequest).createQueryBuilder('q'), 'q.dossierId', viewer);
    return isStaff(viewer.user.role) ? query : query.andWhere('q.assigneeHolderId = :holder', { holder: accessHolderId(viewer.user) });
  }

  find(viewer: Viewer, id: string): Promise<QuestionnaireRequest | null> {
    return this.scoped(viewer).andWhere('q.id = :id', { id }).getOne();
  }

  forDossier(viewer: Viewer, dossierId: string): Promise<QuestionnaireRequest[]> {
    return this.scoped(viewer).andWhere('q.dossierId = :dossierId', { dossierId }).orderBy('q.createdAt', 'DESC').addOrderBy('q.id', 'DESC').getMany();
  }

  /** The viewer's open actions; staff answer nothing, so theirs is empty. */
  actions(viewer: Viewer): Promise<QuestionnaireRequest[]> {
    if (isStaff(viewer.user.role)) return Promise.resolve([]);
    return this.scoped(viewer).andWhere('q.status IN (:...open)', { open: OPEN }).orderBy('q.createdAt', 'ASC').getMany();
  }

  /** Open actions per user, in one statement however many; staff answer nothing, so theirs are none. */
  async countOpen(users: Reader[]): Promise<Map<string, number>> {
    const result = new Map(users.map((u) => [u.id, 0]));
    const holders = [...new Set(users.filter((u) => !isStaff(u.role)).map(accessHolderId))];
    if (!holders.length) return result;
    // As `scoped`: assigned to the user's access holder, in a dossier granted to that holder.
    const rows = await this.db
      .getRepository(QuestionnaireRequest)
      .createQueryBuilder('q')
      .innerJoin(DossierAccess, 'a', 'a.dossierId = q.dossierId AND a.userId = q.assigneeHolderId')
      .where('q.assigneeHolderId IN (:...holders)', { holders })
      .andWhere('q.status IN (:...open)', { open: OPEN })
      .select('q.assigneeHolderId', 'holder')
      .addSelect('COUNT(*)', 'n')
      .groupBy('q.assigneeHolderId')
      .getRawMany<{ holder: string; n: string | number }>();
    const byHolder = new Map(rows.map((r) => [r.holder, Number(r.n)]));
    for (const user of users) if (!isStaff(user.role)) result.set(user.id, byHolder.get(accessHolderId(user)) ?? 0);
    return result;
  }

  async answers(request: QuestionnaireRequest): Promise<Answer[]> {
    const rows = await this.db.getRepository(QuestionnaireAnswer).findBy({ requestId: request.id });
    const byId = new Map(rows.map((r) => [r.questionId, r.value]));
    return request.pages.flatMap((p) => p.questions).filter((q) => byId.has(q.id)).map((q) => ({ questionId: q.id, value: byId.get(q.id)! }));
  }

  async pdf(viewer: Viewer, request: QuestionnaireRequest): Promise<Document | null> {
    if (!request.pdfDocumentId) return null;
    return scopeToViewer(this.db.getRepository(Document).createQueryBuilder('doc'), 'doc.dossierId', viewer).andWhere('doc.id = :id', { id: request.pdfDocumentId }).getOne();
  }

  async send(viewer: Viewer, dossierId: string, templateId: string, assigneeId: string, ip: string): Promise<QuestionnaireRequest> {
    const dossier = await this.dossiers.find(viewer, dossierId);
    if (!dossier) throw notFound('Dossier');
    const template = await this.db.getRepository(QuestionnaireTemplate).findOneBy({ id: templateId });
    if (!template) throw badInput('templateId', 'There is no such questionnaire template');
    const [assignee] = await this.dossiers.participants(dossier.id, { id: assigneeId, role: Role.CLIENT });
    if (!assignee) throw badInput('assigneeId', 'Send a questionnaire to a client who can see this dossier', 'NOT_A_PARTICIPANT');
    const request = await this.db.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(QuestionnaireRequest, {
          dossierId: dossier.id,
          templateId: template.id,
          assigneeId: assignee.id,
          assigneeHolderId: accessHolderId(assignee),
          sentById: viewer.user.id,
          title: template.title,
          pages: template.pages,
          status: QuestionnaireStatus.OPEN,
          currentPage: 0,
          completedAt: null,
          pdfDocumentId: null,
        }),
      );
      await audit(manager, { action: 'QUESTIONNAIRE_SENT', actorId: viewer.user.id, dossierId: dossier.id, subjectId: saved.id, ip });
      if (assignee.notifyNewQuestionnaires) {
        const link = `${this.config.publicUrl}/actions/${saved.id}`;
        await this.outbox.mail(manager, assignee.email, renderMail('newQuestionnaire', assignee.language, { office: this.config.portalName, link, dossier: dossier.number }));
      }
      return saved;
    });
    this.onActionsChanged(dossier.id, [assignee.id]);
    return request;
  }

  /** The request the viewer may answer: assigned to them or their company, and still open. */
  private async answerable(viewer: Viewer, id: string): Promise<QuestionnaireRequest> {
    const request = await this.find(viewer, id);
    if (!request) throw notFound('Questionnaire');
    if (isStaff(viewer.user.role)) throw forbidden();
    if (request.status === QuestionnaireStatus.COMPLETED) throw badInput('id', 'This questionnaire has been completed and can no longer be changed', 'COMPLETED');
    return request;
  }

  async savePage(viewer: Viewer, id: string, pageIndex: number, input: AnswerInput[], ip: string): Promise<QuestionnaireRequest> {
    const request = await this.answerable(viewer, id);
    const page = request.pages[pageIndex];
    if (!Number.isInteger(pageIndex) || !page) throw badInput('page', `Pages run from 0 to ${request.pages.length - 1}`);
    const given = new Map<string, string[]>();
    for (const answer of input) {
      const question = page.questions.find((q) => q.id === answer.questionId);
      if (!question) throw badInput(`answers.${answer.questionId}`, `There is no question "${answer.questionId}" on this page`, 'UNKNOWN_QUESTION');
      if (given.has(question.id)) throw badInput(`answers.${question.id}`, `"${question.label}" is answered twice`);
      given.set(question.id, checkedValue(question, answer.value));
    }
    const currentPage = await this.resumeAt(request, pageIndex, given);
    const wasOpen = request.status === QuestionnaireStatus.OPEN;
    await this.db.transaction(async (manager) => {
      const moved = await manager.update(
        QuestionnaireRequest,
        { id: request.id, status: Not(QuestionnaireStatus.COMPLETED) },
        { status: QuestionnaireStatus.IN_PROGRESS, currentPage },
      );
      if (!moved.affected) throw badInput('id', 'This questionnaire has been completed and can no longer be changed', 'COMPLETED');
      // A page saved again replaces all of that page's answers; what was cleared is gone.
      await manager.delete(QuestionnaireAnswer, { requestId: request.id, questionId: In(page.questions.map((q) => q.id)) });
      const rows = [...given].map(([questionId, value]) => ({ id: randomUUID(), createdAt: new Date(), requestId: request.id, questionId, value }));
      if (rows.length) await manager.insert(QuestionnaireAnswer, rows);
      if (wasOpen) await audit(manager, { action: 'QUESTIONNAIRE_STARTED', actorId: viewer.user.id, dossierId: request.dossierId, subjectId: request.id, ip });
    });
    return Object.assign(request, { status: QuestionnaireStatus.IN_PROGRESS, currentPage });
  }

  /** The furthest page reached, but never past a page that still misses a required answer. */
  private async resumeAt(request: QuestionnaireRequest, savedPage: number, given: Map<string, string[]>): Promise<number> {
    const answered = new Set((await this.answers(request)).filter((a) => a.value.length).map((a) => a.questionId));
    for (const question of request.pages[savedPage]!.questions) {
      if (given.get(question.id)?.length) answered.add(question.id);
      else answered.delete(question.id);
    }
    const reached = Math.max(request.currentPage, Math.min(savedPage + 1, request.pages.length - 1));
    const incomplete = request.pages.findIndex((page) => page.questions.some((q) => q.required && !answered.has(q.id)));
    return incomplete === -1 ? reached : Math.min(reached, incomplete);
  }

  async complete(viewer: Viewer, id: string, ip: string): Promise<QuestionnaireRequest> {
    const request = await this.answerable(viewer, id);
    const answers = new Map((await this.answers(request)).map((a) => [a.questionId, a.value]));
    for (const question of request.pages.flatMap((p) => p.questions)) {
      if (question.required && !answers.get(question.id)?.length) throw badInput(`answers.${question.id}`, `"${question.label}" is required`, 'REQUIRED');
    }
    const dossier = await this.db.getRepository(Dossier).findOneByOrFail({ id: request.dossierId });
    const completedAt = new Date();
    const pdf = await renderQuestionnairePdf({
      office: this.config.portalName,
      dossierNumber: dossier.number,
      title: request.title,
      respondent: viewer.user.profile().displayName,
      pages: request.pages,
      answers,
      completedAt,
      language: viewer.user.language,
    });
    const stored = await this.storage.write(Readable.from([pdf]));
    const staff = await this.dossiers.handlerOrStaff(dossier);
    try {
      await this.db.transaction(async (manager) => {
        const document = await manager.save(
          manager.create(Document, {
            dossierId: request.dossierId,
            messageId: null,
            category: DocumentCategory.PROVIDED,
            title: request.title,
            ...storedFileColumns(stored, `${fileSafe(request.title)}.pdf`),
            authorId: viewer.user.id,
          }),
        );
        // Only one completion wins when two arrive at once.
        const closed = await manager.update(
          QuestionnaireRequest,
          { id: request.id, status: Not(QuestionnaireStatus.COMPLETED), completedAt: IsNull() },
          { status: QuestionnaireStatus.COMPLETED, completedAt, pdfDocumentId: document.id },
        );
        if (!closed.affected) throw badInput('id', 'This questionnaire has already been completed', 'COMPLETED');
        await manager.update(Dossier, dossier.id, { updatedAt: completedAt });
        await audit(manager, { action: 'QUESTIONNAIRE_COMPLETED', actorId: viewer.user.id, dossierId: dossier.id, subjectId: request.id, ip });
        const link = `${this.config.publicUrl}/dossiers/${dossier.id}`;
        for (const user of staff) {
          await this.outbox.mail(manager, user.email, renderMail('questionnaireCompleted', user.language, { office: this.config.portalName, link, dossier: dossier.number }));
        }
        await tally(manager, { 'documents.inTabs': 1 });
        Object.assign(request, { status: QuestionnaireStatus.COMPLETED, completedAt, pdfDocumentId: document.id });
      });
    } catch (err) {
      await this.storage.remove(stored.key);
      throw err;
    }
    this.onActionsChanged(dossier.id, [request.assigneeId]);
    return request;
  }
}

function requiredText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (!text) throw badInput(field, 'This field is required');
  if (chars(text) > max) throw badInput(field, `At most ${max} characters`, 'TOO_LONG');
  return text;
}

const fileSafe = (title: string) => title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 150) || 'vragenlijst';

/** Checks a value against its question's kind; an empty list (or one empty string) leaves the answer empty. */
function checkedValue(question: Question, raw: string[]): string[] {
  const field = `answers.${question.id}`;
  const value = raw.map((v) => (question.kind === QuestionKind.TEXTAREA ? v : v.trim())).filter((v) => v.trim() !== '');
  if (question.kind !== QuestionKind.MULTI_CHOICE && value.length > 1) throw badInput(field, `"${question.label}" takes one answer`);
  const refuse = (message: string) => badInput(field, `"${question.label}": ${message}`, 'INVALID_ANSWER');
  for (const v of value) {
    switch (question.kind) {
      case QuestionKind.TEXT:
        if (chars(v) > LIMITS.text || /[\r\n]/.test(v)) throw refuse(`one line of at most ${LIMITS.text} characters`);
        break;
      case QuestionKind.TEXTAREA:
        if (chars(v) > LIMITS.textarea) throw refuse(`at most ${LIMITS.textarea} characters`);
        break;
      case QuestionKind.NUMBER:
        if (!/^-?\d{1,15}([.]\d{1,10})?$/.test(v)) throw refuse('a number, such as 12 or 3.5');
        break;
      case QuestionKind.DATE: {
        const date = /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : null;
        if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== v) throw refuse('a date as YYYY-MM-DD');
        break;
      }
      case QuestionKind.YES_NO:
        if (v !== 'true' && v !== 'false') throw refuse('"true" or "false"');
        break;
      default:
        if (!question.options.includes(v)) throw refuse(`"${v}" is not one of the options`);
    }
  }
  if (new Set(value).size !== value.length) throw badInput(field, `"${question.label}": an option is chosen twice`);
  return value;
}
