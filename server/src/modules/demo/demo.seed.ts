import { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { Services } from '../../services.js';
import { Loaders } from '../../graphql/loaders.js';
import { logger } from '../../logger.js';
import { hashPassword } from '../auth/password.js';
import { SignInStep } from '../auth/auth.types.js';
import { Document, storedFileColumns } from '../document/document.entity.js';
import { tally } from '../../db/tally.js';
import { DocumentCategory } from '../document/document.types.js';
import { DossierStatus } from '../dossier/dossier.types.js';
import { QuestionKind } from '../questionnaire/questionnaire.types.js';
import { User } from '../user/user.entity.js';
import { AccountKind, Gender, Language, Role } from '../user/user.types.js';

export const DEMO_PASSWORD = 'Kluis-Demo-2026';

/** Fills an empty database with a demo office; the log says how to sign in. */
function demoPdf(title: string, lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title } });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.fontSize(18).text(title).moveDown();
    for (const line of lines) pdf.fontSize(11).text(line).moveDown(0.5);
    pdf.end();
  });
}

/** Dossiers in several statuses with checklists, and a document in each tab. */
async function seedDossiers(services: Services, [admin, staff, client, company]: User[]) {
  const viewer = { user: admin!, session: null, step: SignInStep.DONE };
  const { dossiers, storage, db } = services;
  const levering = await dossiers.create(
    viewer,
    { number: '2026.0142', description: 'Levering woning Dorpsstraat 12, Utrecht', handlerId: staff!.id, clientIds: [client!.id], progressSteps: ['Intake', 'Stukken verzameld', 'Concept akte verstuurd', 'Akte getekend', 'Inschrijving Kadaster'] },
    '',
  );
  const steps = (await dossiers.progress(new Loaders(), levering.id)).steps;
  for (const step of steps.slice(0, 2)) await dossiers.setProgressStepDone(viewer, step.id, true, '');
  await dossiers.create(viewer, { number: '2025.0871', description: 'Testament en levenstestament', status: DossierStatus.COMPLETED, handlerId: admin!.id, clientIds: [client!.id], progressSteps: ['Gesprek', 'Akte getekend'] }, '');
  await dossiers.create(viewer, { number: '2026.0200', description: 'Statutenwijziging Bakkerij Jansen B.V.', status: DossierStatus.ON_HOLD, handlerId: staff!.id, clientIds: [company!.id], progressSteps: ['Concept statuten', 'Aandeelhoudersbesluit', 'Passeren'] }, '');

  const documents: [DocumentCategory, string, string, User][] = [
    [DocumentCategory.CORRESPONDENCE, 'Opdrachtbevestiging', 'opdrachtbevestiging.pdf', staff!],
    [DocumentCategory.CORRESPONDENCE, 'Conceptakte van levering', 'conceptakte-levering.pdf', staff!],
    [DocumentCategory.DOCUMENT, 'Nota van afrekening', 'nota-van-afrekening.pdf', staff!],
    [DocumentCategory.PROVIDED, 'Kopie legitimatie', 'legitimatie.pdf', client!],
  ];
  for (const [category, title, fileName, author] of documents) {
    const stored = await storage.write(Readable.from(await demoPdf(title, [`Dossier ${levering.number}`, levering.description, 'Dit is een voorbeeld-document van de demo.'])));
    await db.transaction(async (manager) => {
      await manager.save(manager.create(Document, { dossierId: levering.id, category, title, ...storedFileColumns(stored, fileName), authorId: author.id }));
      await tally(manager, { 'documents.inTabs': 1 });
    });
  }
  return levering.id;
}

/** A message thread and an intake questionnaire, left open for the client. */
async function seedConversation(services: Services, [, staff, client]: User[], dossierId: string) {
  const office = { user: staff!, session: null, step: SignInStep.DONE };
  const question = await services.messages.send(office, { dossierId, subject: 'Concept akte van levering', body: 'Beste mevrouw Van Dijk,\n\nIn het tabblad Correspondentie staat de conceptakte. Wilt u die voor vrijdag nalezen?\n\nMet vriendelijke groet,\nSanne Bakker' }, '');
  await services.messages.send({ user: client!, session: null, step: SignInStep.DONE }, { dossierId, subject: 'Re: Concept akte van levering', body: 'Dank u, ik lees hem dit weekend.', replyToId: question.id }, '');
  const template = await services.questionnaires.createTemplate(office, {
    title: 'Intake levering woning',
    pages: [
      {
        title: 'Over u',
        questions: [
          { id: 'naam', label: 'Volledige naam', kind: QuestionKind.TEXT, required: true },
          { id: 'geboortedatum', label: 'Geboortedatum', kind: QuestionKind.DATE, required: true },
          { id: 'burgerlijke_staat', label: 'Burgerlijke staat', kind: QuestionKind.SINGLE_CHOICE, required: true, options: ['Ongehuwd', 'Gehuwd', 'Geregistreerd partner', 'Gescheiden', 'Weduwe/weduwnaar'] },
        ],
      },
      {
        title: 'De woning',
        questions: [
          { id: 'hypotheek', label: 'Heeft u een hypotheek op de woning?', kind: QuestionKind.YES_NO, required: true },
          { id: 'roerende_zaken', label: 'Welke roerende zaken gaan mee?', kind: QuestionKind.MULTI_CHOICE, options: ['Gordijnen', 'Vloerbedekking', 'Keukenapparatuur', 'Tuinhuis'] },
          { id: 'koopsom_roerend', label: 'Waarde roerende zaken (euro)', kind: QuestionKind.NUMBER },
        ],
      },
      { title: 'Tot slot', questions: [{ id: 'opmerkingen', label: 'Wilt u de notaris nog iets laten weten?', kind: QuestionKind.TEXTAREA }] },
    ],
  });
  await services.questionnaires.send(office, dossierId, template.id, client!.id, '');
}

export async function seedDemoData(services: Services): Promise<void> {
  const { db, portal, config } = services;
  if (await db.getRepository(User).exists()) return;
  const terms = await portal.terms();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const person = (fields: Partial<User>) =>
    db.getRepository(User).create({ passwordHash, termsAcceptedVersion: terms?.version ?? null, language: Language.NL, gender: Gender.UNKNOWN, accountKind: AccountKind.PERSON, ...fields });
  const users = await db.getRepository(User).save([
    person({ email: 'notaris@demo.kluis.test', role: Role.ADMIN, initials: 'J.', firstName: 'Joris', infix: 'de', lastName: 'Vries', gender: Gender.MALE, phone: '+31600000001' }),
    person({ email: 'medewerker@demo.kluis.test', role: Role.STAFF, initials: 'S.', firstName: 'Sanne', lastName: 'Bakker', gender: Gender.FEMALE, phone: '+31600000002' }),
    person({ email: 'klant@demo.kluis.test', role: Role.CLIENT, initials: 'A.M.', firstName: 'Anna', infix: 'van', lastName: 'Dijk', gender: Gender.FEMALE, phone: '+31612345678' }),
    person({ email: 'bedrijf@demo.kluis.test', role: Role.CLIENT, accountKind: AccountKind.COMPANY, companyName: 'Bakkerij Jansen B.V.', initials: 'P.', firstName: 'Pieter', lastName: 'Jansen', phone: '+31687654321' }),
  ]);
  const levering = await seedDossiers(services, users);
  await seedConversation(services, users, levering);
  // The office has read the client's ID copy: the client's audit trail shows who did.
  const legitimatie = await db.getRepository(Document).findOneByOrFail({ dossierId: levering, title: 'Kopie legitimatie' });
  await services.documents.markRead({ user: users[1]!, session: null, step: SignInStep.DONE }, legitimatie.id, '');
  const sms = config.vonage ? 'the code arrives by SMS' : 'the SMS code is written to the log (DATA_DIR/outbox)';
  logger.info(
    { accounts: users.map((u) => ({ email: u.email, role: u.role, phone: u.phone })), password: DEMO_PASSWORD },
    `Demo data added. Sign in at ${config.publicUrl} as klant@demo.kluis.test (client), medewerker@demo.kluis.test (staff) or notaris@demo.kluis.test (admin) with password ${DEMO_PASSWORD}; the second factor is SMS: ${sms}. Staff then find the GraphQL IDE with example operations at ${config.publicUrl}/graphiql.`,
  );
}
