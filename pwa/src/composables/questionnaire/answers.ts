import type { AnswerInput, QuestionKind } from '@/gql/graphql'
import { errorFieldOf } from '@/composables/errors/useErrorMessage'
import { countChars } from '@/composables/form/textLimit'

export interface QuestionShape { id: string, kind: QuestionKind, required: boolean, options: readonly string[] }
export interface PageShape { questions: readonly QuestionShape[] }
export interface AnswerShape { questionId: string, value: readonly string[] }

/** What a form control holds: the ticked options of a multiple choice, text for every other kind. */
export type FormValue = string | string[]
export type FormValues = Record<string, FormValue>

/** Why an answer cannot be sent; each has a text under `questionnaire.errors`. */
export type AnswerProblem = 'required' | 'text' | 'textarea' | 'number' | 'date' | 'option' | 'invalid'

/** The server's limits, in characters as it counts them. */
export const textLimits = { TEXT: 500, TEXTAREA: 4000 } as const

const numberPattern = /^-?\d{1,15}(?:\.\d{1,10})?$/

/** The problem to name for a value the server refused, by kind. */
const kindProblems: Record<QuestionKind, AnswerProblem> = {
  TEXT: 'text',
  TEXTAREA: 'textarea',
  NUMBER: 'number',
  DATE: 'date',
  YES_NO: 'option',
  SINGLE_CHOICE: 'option',
  MULTI_CHOICE: 'option',
}

export function emptyValue(question: QuestionShape): FormValue {
  return question.kind === 'MULTI_CHOICE' ? [] : ''
}

/** A stored answer as its form control holds it. */
export function formValue(question: QuestionShape, stored: readonly string[] | undefined): FormValue {
  if (question.kind === 'MULTI_CHOICE')
    return [...(stored ?? [])]
  return stored?.[0] ?? ''
}

/** The form's starting values: what the server has, empty for the rest. */
export function initialValues(pages: readonly PageShape[], answers: readonly AnswerShape[]): FormValues {
  const stored = new Map(answers.map(answer => [answer.questionId, answer.value]))
  return Object.fromEntries(pages.flatMap(page => page.questions).map(question => [question.id, formValue(question, stored.get(question.id))]))
}

/** A number as typed, with a decimal comma or point and stray spaces, as the server wants it: "3,5" becomes "3.5". */
export function normalizeNumber(text: string): string {
  const compact = text.trim().replace(/\s+/g, '').replace(/^\+/, '')
  return /^-?\d+,\d+$/.test(compact) ? compact.replace(',', '.') : compact
}

/** A YYYY-MM-DD date that exists on the calendar. */
export function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text))
    return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

/** A form value as the server takes it: a list with one element, several for a multiple choice, none when left empty. */
export function answerValue(question: QuestionShape, value: FormValue | undefined): string[] {
  if (question.kind === 'MULTI_CHOICE') {
    const ticked = Array.isArray(value) ? value : []
    return question.options.filter(option => ticked.includes(option))
  }
  const text = typeof value === 'string' ? value : ''
  if (text.trim() === '')
    return []
  if (question.kind === 'TEXTAREA')
    return [text]
  return [question.kind === 'NUMBER' ? normalizeNumber(text) : text.trim()]
}

/**
 * What is wrong with one answer, checked as the server checks it; `required` also refuses an empty required answer
 * (moving on and completing need it, saving to continue later does not).
 */
export function answerProblem(question: QuestionShape, value: FormValue | undefined, required: boolean): AnswerProblem | undefined {
  const answer = answerValue(question, value)
  if (answer.length === 0)
    return required && question.required ? 'required' : undefined
  const [first = ''] = answer
  switch (question.kind) {
    case 'TEXT':
      return countChars(first) > textLimits.TEXT || /[\r\n]/.test(first) ? 'text' : undefined
    case 'TEXTAREA':
      return countChars(first) > textLimits.TEXTAREA ? 'textarea' : undefined
    case 'NUMBER':
      return numberPattern.test(first) ? undefined : 'number'
    case 'DATE':
      return isDate(first) ? undefined : 'date'
    case 'YES_NO':
      return first === 'true' || first === 'false' ? undefined : 'option'
    case 'SINGLE_CHOICE':
      return question.options.includes(first) ? undefined : 'option'
    case 'MULTI_CHOICE':
      return undefined
  }
}

/** The problems on one page, by question id. */
export function pageProblems(page: PageShape, values: FormValues, required: boolean): Record<string, AnswerProblem> {
  const problems: Record<string, AnswerProblem> = {}
  for (const question of page.questions) {
    const problem = answerProblem(question, values[question.id], required)
    if (problem)
      problems[question.id] = problem
  }
  return problems
}

/** Every answer of one page, empty ones included: saving a page replaces all of its answers. */
export function pageAnswers(page: PageShape, values: FormValues): AnswerInput[] {
  return page.questions.map(question => ({ questionId: question.id, value: answerValue(question, values[question.id]) }))
}

export function pageOfQuestion(pages: readonly PageShape[], questionId: string): number {
  return pages.findIndex(page => page.questions.some(question => question.id === questionId))
}

/**
 * Where to open a questionnaire: the page the server says to resume at, or an earlier one that still misses a
 * required answer (left there with "Stoppen en later verder").
 */
export function resumePage(request: { currentPage: number, pages: readonly PageShape[], answers: readonly AnswerShape[] }): number {
  const answered = new Set(request.answers.filter(answer => answer.value.length > 0).map(answer => answer.questionId))
  const current = Math.min(Math.max(request.currentPage, 0), Math.max(request.pages.length - 1, 0))
  const incomplete = request.pages.findIndex(page => page.questions.some(question => question.required && !answered.has(question.id)))
  return incomplete === -1 ? current : Math.min(current, incomplete)
}

/** The reason beside BAD_USER_INPUT as sent; REQUIRED, INVALID_ANSWER and COMPLETED are the questionnaire's own. */
export function serverReason(error: unknown): string | undefined {
  const reason = (error as { graphQLErrors?: readonly { extensions?: { reason?: unknown } }[] } | null)?.graphQLErrors?.[0]?.extensions?.reason
  return typeof reason === 'string' ? reason : undefined
}

/** The question a server error names (`answers.<id>`), with the problem to show there. */
export function serverProblem(error: unknown, questions: readonly QuestionShape[]): { questionId: string, problem: AnswerProblem } | undefined {
  const field = errorFieldOf(error)
  const question = field?.startsWith('answers.') ? questions.find(q => q.id === field.slice('answers.'.length)) : undefined
  if (!question)
    return undefined
  const reason = serverReason(error)
  const problem: AnswerProblem = reason === 'REQUIRED' ? 'required' : reason === 'INVALID_ANSWER' ? kindProblems[question.kind] : 'invalid'
  return { questionId: question.id, problem }
}

/** A stored answer as the reader expects it: "Ja", "30 jan 1980", "3,5", the ticked options in a row. */
export function formatAnswer(question: QuestionShape, value: readonly string[], locale: string, t: (key: string) => string): string {
  if (value.length === 0)
    return t('questionnaire.result.noAnswer')
  const [first = ''] = value
  switch (question.kind) {
    case 'YES_NO':
      return first === 'true' ? t('questionnaire.yes') : t('questionnaire.no')
    case 'DATE':
      return isDate(first) ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${first}T00:00:00Z`)) : first
    case 'NUMBER':
      return decimalSeparator(locale) === ',' ? first.replace('.', ',') : first
    default:
      return value.join(', ')
  }
}

function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find(part => part.type === 'decimal')?.value ?? '.'
}
