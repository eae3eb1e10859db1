import { escapeHtml } from '../html.js';
import { Language } from '../modules/user/user.types.js';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

interface Template {
  subject: string;
  lines: string[];
  action?: string;
}

/** Every e-mail Kluis sends, in both languages. They never carry case content: only a signal and a link. */
const templates = {
  invitation: {
    [Language.NL]: {
      subject: 'Uw uitnodiging voor het portaal van {office}',
      lines: ['{office} nodigt u uit voor het beveiligde klantportaal.', 'Stel via de knop hieronder uw wachtwoord in. De link is 7 dagen geldig en werkt één keer.'],
      action: 'Wachtwoord instellen',
    },
    [Language.EN]: {
      subject: 'Your invitation to the {office} portal',
      lines: ['{office} invites you to its secure client portal.', 'Set your password with the button below. The link is valid for 7 days and works once.'],
      action: 'Set password',
    },
  },
  passwordLink: {
    [Language.NL]: {
      subject: 'Link om uw wachtwoord in te stellen',
      lines: ['U vroeg een link aan om uw wachtwoord voor het portaal van {office} in te stellen.', 'De link is 1 uur geldig en werkt één keer. Vroeg u niets aan? Dan kunt u dit bericht negeren.'],
      action: 'Wachtwoord instellen',
    },
    [Language.EN]: {
      subject: 'Link to set your password',
      lines: ['You asked for a link to set your password for the {office} portal.', 'The link is valid for 1 hour and works once. If you did not ask for it, you can ignore this e-mail.'],
      action: 'Set password',
    },
  },
  passwordSet: {
    [Language.NL]: {
      subject: 'Uw wachtwoord is ingesteld',
      lines: ['Het wachtwoord van uw account in het portaal van {office} is zojuist ingesteld.', 'Was u dit niet? Neem dan direct contact op met {office}.'],
      action: 'Naar het portaal',
    },
    [Language.EN]: {
      subject: 'Your password has been set',
      lines: ['The password of your account in the {office} portal has just been set.', 'If this was not you, contact {office} at once.'],
      action: 'Go to the portal',
    },
  },
  newDocuments: {
    [Language.NL]: {
      subject: 'Nieuw document in dossier {dossier}',
      lines: ['Er staat iets nieuws voor u klaar in dossier {dossier} in het portaal van {office}.', 'Log in om het te bekijken.'],
      action: 'Naar het dossier',
    },
    [Language.EN]: {
      subject: 'New document in case {dossier}',
      lines: ['Something new is waiting for you in case {dossier} in the {office} portal.', 'Sign in to see it.'],
      action: 'Go to the case',
    },
  },
  newMessage: {
    [Language.NL]: {
      subject: 'Nieuw bericht in dossier {dossier}',
      lines: ['Er staat een nieuw bericht voor u klaar in dossier {dossier} in het portaal van {office}.', 'Log in om het te lezen.'],
      action: 'Naar het dossier',
    },
    [Language.EN]: {
      subject: 'New message in case {dossier}',
      lines: ['A new message is waiting for you in case {dossier} in the {office} portal.', 'Sign in to read it.'],
      action: 'Go to the case',
    },
  },
  newQuestionnaire: {
    [Language.NL]: {
      subject: 'Nieuwe vragenlijst in dossier {dossier}',
      lines: ['{office} vraagt u een vragenlijst in te vullen voor dossier {dossier}.', 'Log in om hem in te vullen; u kunt tussendoor stoppen en later verdergaan.'],
      action: 'Vragenlijst invullen',
    },
    [Language.EN]: {
      subject: 'New questionnaire in case {dossier}',
      lines: ['{office} asks you to fill in a questionnaire for case {dossier}.', 'Sign in to fill it in; you can stop and carry on later.'],
      action: 'Fill in the questionnaire',
    },
  },
  questionnaireCompleted: {
    [Language.NL]: {
      subject: 'Vragenlijst ingevuld in dossier {dossier}',
      lines: ['Een cliënt heeft een vragenlijst afgerond in dossier {dossier}.', 'Het resultaat staat bij de aangeleverde stukken van het dossier.'],
      action: 'Naar het dossier',
    },
    [Language.EN]: {
      subject: 'Questionnaire completed in case {dossier}',
      lines: ['A client completed a questionnaire in case {dossier}.', "The result is among the case's provided documents."],
      action: 'Go to the case',
    },
  },
} satisfies Record<string, Record<Language, Template>>;

export type MailKind = keyof typeof templates;

const fill = (s: string, values: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

export function renderMail(kind: MailKind, language: Language, values: { office: string; link: string } & Record<string, string>): MailContent {
  const template: Template = templates[kind][language];
  const subject = fill(template.subject, values);
  const lines = template.lines.map((l) => fill(l, values));
  const text = [...lines, '', template.action ? `${template.action}: ${values.link}` : values.link, '', `— ${values.office}`].join('\n');
  const safe = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, escapeHtml(v)]));
  const html = `<!doctype html><html lang="${language.toLowerCase()}"><body style="font-family:sans-serif;line-height:1.5">${template.lines
    .map((l) => `<p>${fill(escapeHtml(l), safe)}</p>`)
    .join('')}<p><a href="${safe.link}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(
    template.action ?? values.link,
  )}</a></p><p style="color:#555">${safe.office}</p></body></html>`;
  return { subject, text, html };
}
