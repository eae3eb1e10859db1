import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, errorOf } from '../client.js';
import { startSmtp } from '../fakes.js';
import { startTestServer, type TestServer } from '../server.js';
import { invite, onboardWithTotp, type Smtp } from '../accounts/onboarding.js';
import { expectExactTallies } from '../tally.js';

let server: TestServer;
let smtp: Smtp;
let staff: Client;
let anna: Client;
let bram: Client;
let companyExtra: Client;
const ids: Record<string, string> = {};

const INTAKE = {
  title: 'Intake levering woning',
  pages: [
    {
      title: 'Over u',
      questions: [
        { id: 'naam', label: 'Volledige naam', kind: 'TEXT', required: true },
        { id: 'geboren', label: 'Geboortedatum', kind: 'DATE', required: true },
        { id: 'kinderen', label: 'Aantal kinderen', kind: 'NUMBER' },
      ],
    },
    {
      title: 'De woning',
      questions: [
        { id: 'hypotheek', label: 'Heeft u een hypotheek?', kind: 'YES_NO', required: true },
        { id: 'soort', label: 'Soort woning', kind: 'SINGLE_CHOICE', options: ['Appartement', 'Rijtjeshuis', 'Vrijstaand'], required: true },
        { id: 'extra', label: 'Wat gaat mee?', kind: 'MULTI_CHOICE', options: ['Gordijnen', 'Keuken', 'Tuinhuis'] },
        { id: 'toelichting', label: 'Toelichting', kind: 'TEXTAREA' },
      ],
    },
  ],
};

const REQUEST = `id title status currentPage completedAt answers { questionId value } pdf { id fileName category mimeType } pages { title questions { id kind required options } }`;
const SAVE = `mutation ($id: ID!, $page: Int!, $answers: [AnswerInput!]!) { saveQuestionnairePage(id: $id, page: $page, answers: $answers) { ${REQUEST} } }`;
const COMPLETE = `mutation ($id: ID!) { completeQuestionnaire(id: $id) { ${REQUEST} } }`;
const SEND = `mutation ($d: ID!, $t: ID!, $a: ID!) { sendQuestionnaire(dossierId: $d, templateId: $t, assigneeId: $a) { id status currentPage title } }`;
const openActions = async (client: Client) => (await client.ok('{ home { openActions } actions { id } }')) as { home: { openActions: number }; actions: { id: string }[] };

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startTestServer({ SMTP_URL: smtp.url, BOOTSTRAP_ADMIN_EMAIL: 'notaris@kantoor.test' });
  ({ client: staff } = await onboardWithTotp(server, smtp, 'notaris@kantoor.test'));
  ids.notaris = (await staff.ok('{ me { id } }')).me.id;
  ids.anna = (await invite(staff, { email: 'anna@example.nl' })).id;
  ids.bram = (await invite(staff, { email: 'bram@example.nl' })).id;
  ids.company = (await invite(staff, { email: 'directie@bedrijf.nl', accountKind: 'COMPANY', companyName: 'Bedrijf B.V.' })).id;
  ({ client: anna } = await onboardWithTotp(server, smtp, 'anna@example.nl'));
  ({ client: bram } = await onboardWithTotp(server, smtp, 'bram@example.nl'));
  const { client: company } = await onboardWithTotp(server, smtp, 'directie@bedrijf.nl');
  await company.ok('mutation { addExtraAccount(input: { email: "boekhouding@bedrijf.nl" }) { id } }');
  ({ client: companyExtra } = await onboardWithTotp(server, smtp, 'boekhouding@bedrijf.nl'));
  const create = async (input: Record<string, unknown>) => (await staff.ok('mutation ($input: CreateDossierInput!) { createDossier(input: $input) { id } }', { input })).createDossier.id;
  ids.annaDossier = await create({ number: '2026.0142', description: 'Levering woning', clientIds: [ids.anna], handlerId: ids.notaris });
  ids.bramDossier = await create({ number: '2026.0143', description: 'Testament', clientIds: [ids.bram] });
  ids.companyDossier = await create({ number: '2026.0200', description: 'Statuten', clientIds: [ids.company] });
  ids.template = (await staff.ok('mutation ($input: QuestionnaireTemplateInput!) { createQuestionnaireTemplate(input: $input) { id title } }', { input: INTAKE })).createQuestionnaireTemplate.id;
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

describe('questionnaire templates', () => {
  it('refuses duplicate ids, choice questions without options and other bad templates, naming the field', async () => {
    const create = (input: unknown) => staff.gql('mutation ($input: QuestionnaireTemplateInput!) { createQuestionnaireTemplate(input: $input) { id } }', { input });
    const page = (questions: unknown[]) => ({ title: 'Pagina', questions });
    expect(errorOf(await create({ title: 'Dubbel', pages: [page([{ id: 'a', label: 'A', kind: 'TEXT' }]), page([{ id: 'a', label: 'B', kind: 'TEXT' }])] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'pages.1.questions.0.id',
      reason: 'DUPLICATE_ID',
    });
    expect(errorOf(await create({ title: 'Keuze', pages: [page([{ id: 'k', label: 'Kies', kind: 'SINGLE_CHOICE' }])] }))).toMatchObject({ field: 'pages.0.questions.0.options', reason: 'OPTIONS_MISSING' });
    expect(errorOf(await create({ title: 'Keuze', pages: [page([{ id: 'k', label: 'Kies', kind: 'MULTI_CHOICE', options: ['x', 'x'] }])] }))).toMatchObject({ field: 'pages.0.questions.0.options' });
    expect(errorOf(await create({ title: 'Leeg', pages: [] }))).toMatchObject({ field: 'pages' });
    expect(errorOf(await create({ title: ' ', pages: [page([{ id: 'a', label: 'A', kind: 'TEXT' }])] }))).toMatchObject({ field: 'title' });
    expect(errorOf(await anna.gql('mutation ($input: QuestionnaireTemplateInput!) { createQuestionnaireTemplate(input: $input) { id } }', { input: INTAKE }))?.code).toBe('FORBIDDEN');
    expect((await staff.ok('{ questionnaireTemplates { id title pages { questions { id } } } }')).questionnaireTemplates).toEqual([
      { id: ids.template, title: INTAKE.title, pages: [{ questions: [{ id: 'naam' }, { id: 'geboren' }, { id: 'kinderen' }] }, { questions: [{ id: 'hypotheek' }, { id: 'soort' }, { id: 'extra' }, { id: 'toelichting' }] }] },
    ]);
  });
});

describe('questionnaire requests', () => {
  it('sends to a client of the dossier only, with an e-mail, and counts it as an open action', async () => {
    expect(errorOf(await staff.gql(SEND, { d: ids.annaDossier, t: ids.template, a: ids.bram }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assigneeId' });
    expect(errorOf(await staff.gql(SEND, { d: ids.annaDossier, t: ids.annaDossier, a: ids.anna }))).toMatchObject({ field: 'templateId' });
    expect(errorOf(await anna.gql(SEND, { d: ids.annaDossier, t: ids.template, a: ids.anna }))?.code).toBe('FORBIDDEN');
    const mails = smtp.mails.filter((m) => m.to.includes('anna@example.nl')).length;
    const request = (await staff.ok(SEND, { d: ids.annaDossier, t: ids.template, a: ids.anna })).sendQuestionnaire;
    ids.request = request.id;
    expect(request).toMatchObject({ status: 'OPEN', currentPage: 0, title: INTAKE.title });
    const mail = await smtp.waitFor('anna@example.nl', mails + 1);
    expect(mail.raw).toContain('2026.0142');
    expect(mail.raw).not.toContain('Geboortedatum');
    expect(await openActions(anna)).toEqual({ home: { openActions: 1 }, actions: [{ id: request.id }] });
    expect((await openActions(bram)).home.openActions).toBe(0);
    expect((await openActions(staff)).home.openActions).toBe(0);
    const inDossier = (await staff.ok('query ($id: ID!) { dossier(id: $id) { questionnaires { id assignee { email } } } }', { id: ids.annaDossier })).dossier.questionnaires;
    expect(inDossier).toEqual([{ id: request.id, assignee: { email: 'anna@example.nl' } }]);
  });

  it('keeps its own copy of the template', async () => {
    // Templates cannot be edited through the API; a change in the database stands in for a future edit.
    await server.db.query("UPDATE questionnaire_template SET title = 'Gewijzigd', pages = '[]' WHERE id = ?", [ids.template]);
    const { questionnaire } = await anna.ok(`query ($id: ID!) { questionnaire(id: $id) { ${REQUEST} } }`, { id: ids.request });
    expect(questionnaire.title).toBe(INTAKE.title);
    expect(questionnaire.pages[1].questions[1].options).toEqual(['Appartement', 'Rijtjeshuis', 'Vrijstaand']);
  });

  it('checks each answer against its kind and names the question', async () => {
    const bad = async (answers: unknown[], page = 0) => errorOf(await anna.gql(SAVE, { id: ids.request, page, answers }));
    expect(await bad([{ questionId: 'kinderen', value: ['twee'] }])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers.kinderen' });
    expect(await bad([{ questionId: 'geboren', value: ['2026-02-30'] }])).toMatchObject({ field: 'answers.geboren' });
    expect(await bad([{ questionId: 'geboren', value: ['30-01-1980'] }])).toMatchObject({ field: 'answers.geboren' });
    expect(await bad([{ questionId: 'naam', value: ['A', 'B'] }])).toMatchObject({ field: 'answers.naam' });
    expect(await bad([{ questionId: 'hypotheek', value: ['ja'] }], 1)).toMatchObject({ field: 'answers.hypotheek' });
    expect(await bad([{ questionId: 'soort', value: ['Kasteel'] }], 1)).toMatchObject({ field: 'answers.soort' });
    expect(await bad([{ questionId: 'extra', value: ['Keuken', 'Zwembad'] }], 1)).toMatchObject({ field: 'answers.extra' });
    expect(await bad([{ questionId: 'hypotheek', value: ['true'] }], 0)).toMatchObject({ field: 'answers.hypotheek', reason: 'UNKNOWN_QUESTION' });
    expect(await bad([], 2)).toMatchObject({ field: 'page' });
    expect((await anna.ok(`query ($id: ID!) { questionnaire(id: $id) { status answers { questionId } } }`, { id: ids.request })).questionnaire).toEqual({ status: 'OPEN', answers: [] });
  });

  it('stores a page at once and resumes at the next one', async () => {
    const partial = (await anna.ok(SAVE, { id: ids.request, page: 0, answers: [{ questionId: 'naam', value: ['Anna de Vries'] }] })).saveQuestionnairePage;
    expect(partial, 'a page that misses a required answer is where to resume').toMatchObject({ status: 'IN_PROGRESS', currentPage: 0 });
    const saved = (await anna.ok(SAVE, { id: ids.request, page: 0, answers: [{ questionId: 'naam', value: ['Anna de Vries'] }, { questionId: 'geboren', value: ['1980-01-30'] }, { questionId: 'kinderen', value: [] }] })).saveQuestionnairePage;
    expect(saved).toMatchObject({ status: 'IN_PROGRESS', currentPage: 1 });
    const resumed = (await anna.ok(`query ($id: ID!) { questionnaire(id: $id) { currentPage status answers { questionId value } } }`, { id: ids.request })).questionnaire;
    expect(resumed).toEqual({ currentPage: 1, status: 'IN_PROGRESS', answers: [{ questionId: 'naam', value: ['Anna de Vries'] }, { questionId: 'geboren', value: ['1980-01-30'] }, { questionId: 'kinderen', value: [] }] });
    // Saving an earlier page again replaces its answers and does not move back.
    const again = (await anna.ok(SAVE, { id: ids.request, page: 0, answers: [{ questionId: 'naam', value: ['Anna de Vries-Jansen'] }, { questionId: 'geboren', value: ['1980-01-30'] }] })).saveQuestionnairePage;
    expect(again.currentPage).toBe(1);
    expect(again.answers).toContainEqual({ questionId: 'naam', value: ['Anna de Vries-Jansen'] });
    expect((await openActions(anna)).home.openActions).toBe(1);
  });

  it('refuses completion while a required answer is missing, naming the first one', async () => {
    expect(errorOf(await anna.gql(COMPLETE, { id: ids.request }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers.hypotheek', reason: 'REQUIRED' });
  });

  it('completes with a PDF under provided-by-me, closes the action, tells the handler, and refuses later saves', async () => {
    await anna.ok(SAVE, {
      id: ids.request,
      page: 1,
      answers: [
        { questionId: 'hypotheek', value: ['true'] },
        { questionId: 'soort', value: ['Rijtjeshuis'] },
        { questionId: 'extra', value: ['Gordijnen', 'Keuken'] },
        { questionId: 'toelichting', value: ['Sleutels bij de buren.\nBel vooraf.'] },
      ],
    });
    const handlerMails = smtp.mails.filter((m) => m.to.includes('notaris@kantoor.test')).length;
    const [first, second] = await Promise.all([anna.gql(COMPLETE, { id: ids.request }), anna.gql(COMPLETE, { id: ids.request })]);
    const winners = [first, second].filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    const done = winners[0]!.data.completeQuestionnaire;
    expect(done).toMatchObject({ status: 'COMPLETED', pdf: { category: 'PROVIDED', mimeType: 'application/pdf', fileName: 'Intake levering woning.pdf' } });
    expect(done.completedAt).toBeTruthy();
    const res = await fetch(`${server.url}/files/${done.pdf.id}`, { headers: { cookie: anna.cookie } });
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const provided = (await anna.ok('query ($id: ID!) { dossier(id: $id) { documents(category: PROVIDED) { edges { node { id } } } } }', { id: ids.annaDossier })).dossier.documents.edges;
    expect(provided).toContainEqual({ node: { id: done.pdf.id } });
    expect(await openActions(anna)).toEqual({ home: { openActions: 0 }, actions: [] });
    const mail = await smtp.waitFor('notaris@kantoor.test', handlerMails + 1);
    expect(mail.raw).toContain('2026.0142');
    expect(mail.raw).not.toContain('Rijtjeshuis');
    expect(errorOf(await anna.gql(SAVE, { id: ids.request, page: 0, answers: [] }))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'COMPLETED' });
    const files = (await anna.ok('query ($id: ID!) { dossier(id: $id) { counts { provided { total } } } }', { id: ids.annaDossier })).dossier.counts.provided.total;
    expect(files).toBe(1);
  });

  it('shares a company request with its extra accounts and hides it from everyone else', async () => {
    const request = (await staff.ok(SEND, { d: ids.companyDossier, t: ids.template, a: ids.company })).sendQuestionnaire;
    expect((await openActions(companyExtra)).actions).toEqual([{ id: request.id }]);
    const notFound = errorOf(await bram.gql('mutation { completeQuestionnaire(id: "00000000-0000-4000-8000-000000000000") { id } }'));
    expect(notFound?.code).toBe('NOT_FOUND');
    expect(errorOf(await bram.gql(COMPLETE, { id: request.id }))).toEqual(notFound);
    expect(errorOf(await anna.gql(SAVE, { id: request.id, page: 0, answers: [] }))).toEqual(notFound);
    expect((await bram.ok('query ($id: ID!) { questionnaire(id: $id) { id } }', { id: request.id })).questionnaire).toBeNull();
    expect(errorOf(await staff.gql(SAVE, { id: request.id, page: 0, answers: [] }))?.code).toBe('FORBIDDEN');
    expect(errorOf(await new Client(server).gql('{ actions { id } }'))?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the tallies', () => {
  it('stay exact through completed questionnaires and their PDFs', async () => {
    await expectExactTallies(server.db);
  });
});
