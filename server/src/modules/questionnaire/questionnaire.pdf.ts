import PDFDocument from 'pdfkit';
import { Language } from '../user/user.types.js';
import { QuestionKind, type QuestionnairePage } from './questionnaire.types.js';

export interface QuestionnaireReport {
  office: string;
  dossierNumber: string;
  title: string;
  respondent: string;
  pages: QuestionnairePage[];
  answers: Map<string, string[]>;
  completedAt: Date;
  language: Language;
}

const words = {
  [Language.NL]: { dossier: 'Dossier', respondent: 'Ingevuld door', completed: 'Afgerond op', yes: 'Ja', no: 'Nee', empty: '(niet ingevuld)', locale: 'nl-NL' },
  [Language.EN]: { dossier: 'Case', respondent: 'Completed by', completed: 'Completed at', yes: 'Yes', no: 'No', empty: '(left empty)', locale: 'en-GB' },
};

/** How an answer reads to people, in print and in the PDF. */
export function formatAnswer(kind: QuestionKind, value: string[], language: Language): string {
  const w = words[language];
  if (!value.length) return w.empty;
  if (kind === QuestionKind.YES_NO) return value[0] === 'true' ? w.yes : w.no;
  if (kind === QuestionKind.DATE) return new Date(`${value[0]}T00:00:00Z`).toLocaleDateString(w.locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
  return value.join(', ');
}

/** Renders the completed questionnaire; the standard fonts cover Western European text. */
export function renderQuestionnairePdf(report: QuestionnaireReport): Promise<Buffer> {
  const w = words[report.language];
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: report.title, Author: report.office, Creator: 'Kluis' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const completedAt = report.completedAt.toLocaleString(w.locale, { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' });
  doc.font('Helvetica').fontSize(10).fillColor('#555').text(report.office);
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(18).fillColor('#000').text(report.title);
  doc.moveDown(0.3).font('Helvetica').fontSize(10).text(`${w.dossier}: ${report.dossierNumber}`).text(`${w.respondent}: ${report.respondent}`).text(`${w.completed}: ${completedAt}`);
  for (const page of report.pages) {
    doc.moveDown(1).font('Helvetica-Bold').fontSize(13).text(page.title);
    for (const question of page.questions) {
      doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).text(question.label);
      doc.font('Helvetica').text(formatAnswer(question.kind, report.answers.get(question.id) ?? [], report.language));
    }
  }
  doc.end();
  return done;
}
