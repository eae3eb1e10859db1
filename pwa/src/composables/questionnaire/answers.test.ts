import type { QuestionShape } from './answers'
import { ApolloError } from '@apollo/client/core'
import { GraphQLError } from 'graphql'
import { describe, expect, it } from 'vitest'
import { answerProblem, answerValue, formatAnswer, initialValues, isDate, normalizeNumber, pageAnswers, pageOfQuestion, pageProblems, resumePage, serverProblem } from './answers'

const q = (id: string, kind: QuestionShape['kind'], extra: Partial<QuestionShape> = {}): QuestionShape => ({ id, kind, required: false, options: [], ...extra })

const naam = q('naam', 'TEXT', { required: true })
const geboren = q('geboren', 'DATE', { required: true })
const kinderen = q('kinderen', 'NUMBER')
const hypotheek = q('hypotheek', 'YES_NO', { required: true })
const soort = q('soort', 'SINGLE_CHOICE', { required: true, options: ['Appartement', 'Rijtjeshuis', 'Vrijstaand'] })
const extra = q('extra', 'MULTI_CHOICE', { options: ['Gordijnen', 'Keuken', 'Tuinhuis'] })
const toelichting = q('toelichting', 'TEXTAREA')
const pages = [
  { questions: [naam, geboren, kinderen] },
  { questions: [hypotheek, soort, extra, toelichting] },
  { questions: [q('opmerking', 'TEXT')] },
]

function badInput(field: string, reason: string) {
  return new ApolloError({ graphQLErrors: [new GraphQLError('refused', { extensions: { code: 'BAD_USER_INPUT', field, reason } })] })
}

describe('answerValue: a form value as the server takes it', () => {
  it('trims one-line text and leaves an empty answer empty', () => {
    expect(answerValue(naam, '  Anna de Vries ')).toEqual(['Anna de Vries'])
    expect(answerValue(naam, '   ')).toEqual([])
    expect(answerValue(naam, undefined)).toEqual([])
  })

  it('keeps a long text as typed, line breaks and all', () => {
    expect(answerValue(toelichting, 'Sleutels bij de buren.\nBel vooraf.\n')).toEqual(['Sleutels bij de buren.\nBel vooraf.\n'])
    expect(answerValue(toelichting, '\n \n')).toEqual([])
  })

  it('takes a number with a decimal comma or point', () => {
    expect(answerValue(kinderen, '3,5')).toEqual(['3.5'])
    expect(answerValue(kinderen, ' 12 ')).toEqual(['12'])
    expect(answerValue(kinderen, '-0.25')).toEqual(['-0.25'])
    expect(normalizeNumber('+1 000')).toBe('1000')
    expect(normalizeNumber('1,000.5')).toBe('1,000.5')
  })

  it('sends a date, a yes/no and a single choice as they are', () => {
    expect(answerValue(geboren, '1980-01-30')).toEqual(['1980-01-30'])
    expect(answerValue(hypotheek, 'false')).toEqual(['false'])
    expect(answerValue(soort, 'Rijtjeshuis')).toEqual(['Rijtjeshuis'])
  })

  it('sends the ticked options of a multiple choice in the order of the question', () => {
    expect(answerValue(extra, ['Tuinhuis', 'Gordijnen'])).toEqual(['Gordijnen', 'Tuinhuis'])
    expect(answerValue(extra, [])).toEqual([])
  })
})

describe('answerProblem: the check before sending', () => {
  it('refuses an empty required answer only when asked to', () => {
    expect(answerProblem(naam, '', true)).toBe('required')
    expect(answerProblem(naam, '', false)).toBeUndefined()
    expect(answerProblem(kinderen, '', true)).toBeUndefined()
    expect(answerProblem(extra, [], true)).toBeUndefined()
    expect(answerProblem({ ...extra, required: true }, [], true)).toBe('required')
    expect(answerProblem(hypotheek, '', true)).toBe('required')
  })

  it('checks numbers and dates as the server does', () => {
    expect(answerProblem(kinderen, 'twee', true)).toBe('number')
    expect(answerProblem(kinderen, '1.2.3', true)).toBe('number')
    expect(answerProblem(kinderen, '2', true)).toBeUndefined()
    expect(answerProblem(geboren, '2026-02-30', true)).toBe('date')
    expect(answerProblem(geboren, '30-01-1980', true)).toBe('date')
    expect(answerProblem(geboren, '2024-02-29', true)).toBeUndefined()
    expect(isDate('2023-02-29')).toBe(false)
  })

  it('keeps text within its limits, counting an emoji as one character', () => {
    expect(answerProblem(naam, 'a'.repeat(500), true)).toBeUndefined()
    expect(answerProblem(naam, 'a'.repeat(501), true)).toBe('text')
    expect(answerProblem(naam, '😀'.repeat(500), true)).toBeUndefined()
    expect(answerProblem(toelichting, 'a'.repeat(4001), true)).toBe('textarea')
  })

  it('accepts only the options offered', () => {
    expect(answerProblem(soort, 'Kasteel', true)).toBe('option')
    expect(answerProblem(hypotheek, 'ja', true)).toBe('option')
    expect(answerProblem(hypotheek, 'true', true)).toBeUndefined()
  })
})

describe('a page', () => {
  it('lists its problems by question and sends every answer, empty ones too', () => {
    const values = initialValues(pages, [])
    expect(values).toMatchObject({ naam: '', extra: [] })
    values.kinderen = 'drie'
    expect(pageProblems(pages[0]!, values, true)).toEqual({ naam: 'required', geboren: 'required', kinderen: 'number' })
    expect(pageProblems(pages[0]!, values, false)).toEqual({ kinderen: 'number' })
    values.naam = 'Anna'
    values.geboren = '1980-01-30'
    values.kinderen = ''
    expect(pageProblems(pages[0]!, values, true)).toEqual({})
    expect(pageAnswers(pages[0]!, values)).toEqual([
      { questionId: 'naam', value: ['Anna'] },
      { questionId: 'geboren', value: ['1980-01-30'] },
      { questionId: 'kinderen', value: [] },
    ])
  })

  it('starts from the stored answers', () => {
    const values = initialValues(pages, [{ questionId: 'naam', value: ['Anna'] }, { questionId: 'extra', value: ['Keuken'] }])
    expect(values.naam).toBe('Anna')
    expect(values.extra).toEqual(['Keuken'])
    expect(values.soort).toBe('')
    expect(pageOfQuestion(pages, 'soort')).toBe(1)
    expect(pageOfQuestion(pages, 'onbekend')).toBe(-1)
  })
})

describe('resumePage', () => {
  const complete = [{ questionId: 'naam', value: ['Anna'] }, { questionId: 'geboren', value: ['1980-01-30'] }]

  it('opens at the page the server names', () => {
    expect(resumePage({ currentPage: 0, pages, answers: [] })).toBe(0)
    expect(resumePage({ currentPage: 1, pages, answers: complete })).toBe(1)
    expect(resumePage({ currentPage: 2, pages, answers: [...complete, { questionId: 'hypotheek', value: ['true'] }, { questionId: 'soort', value: ['Vrijstaand'] }] })).toBe(2)
  })

  it('goes back to an earlier page that still misses a required answer', () => {
    expect(resumePage({ currentPage: 1, pages, answers: [{ questionId: 'naam', value: ['Anna'] }, { questionId: 'geboren', value: [] }] })).toBe(0)
  })

  it('stays within the pages', () => {
    expect(resumePage({ currentPage: 7, pages: [{ questions: [kinderen] }], answers: [] })).toBe(0)
  })
})

describe('serverProblem', () => {
  const questions = pages.flatMap(page => page.questions)

  it('names the question and what is wrong with it', () => {
    expect(serverProblem(badInput('answers.hypotheek', 'REQUIRED'), questions)).toEqual({ questionId: 'hypotheek', problem: 'required' })
    expect(serverProblem(badInput('answers.kinderen', 'INVALID_ANSWER'), questions)).toEqual({ questionId: 'kinderen', problem: 'number' })
    expect(serverProblem(badInput('answers.naam', 'SOMETHING'), questions)).toEqual({ questionId: 'naam', problem: 'invalid' })
  })

  it('names nothing for another field or an unknown question', () => {
    expect(serverProblem(badInput('page', 'X'), questions)).toBeUndefined()
    expect(serverProblem(badInput('answers.zwembad', 'UNKNOWN_QUESTION'), questions)).toBeUndefined()
    expect(serverProblem(new Error('network'), questions)).toBeUndefined()
  })
})

describe('formatAnswer', () => {
  const t = (key: string) => ({ 'questionnaire.yes': 'Ja', 'questionnaire.no': 'Nee', 'questionnaire.result.noAnswer': 'Niet beantwoord' })[key] ?? key

  it('shows answers as a Dutch reader expects them', () => {
    expect(formatAnswer(hypotheek, ['true'], 'nl', t)).toBe('Ja')
    expect(formatAnswer(hypotheek, ['false'], 'nl', t)).toBe('Nee')
    expect(formatAnswer(geboren, ['1980-01-30'], 'nl', t)).toBe('30 januari 1980')
    expect(formatAnswer(kinderen, ['3.5'], 'nl', t)).toBe('3,5')
    expect(formatAnswer(extra, ['Gordijnen', 'Keuken'], 'nl', t)).toBe('Gordijnen, Keuken')
    expect(formatAnswer(naam, [], 'nl', t)).toBe('Niet beantwoord')
  })

  it('and as an English reader does', () => {
    expect(formatAnswer(geboren, ['1980-01-30'], 'en', t)).toBe('January 30, 1980')
    expect(formatAnswer(kinderen, ['3.5'], 'en', t)).toBe('3.5')
  })
})
