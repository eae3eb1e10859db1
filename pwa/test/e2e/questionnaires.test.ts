import type { Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { adminRequest, gql } from './support/api'
import { expectNoAxeViolations } from './support/axe'
import { setPasswordLink } from './support/capture'
import { acceptTerms, completeProfile, recoveryCodesAndContinue, setPassword, setUpTotp } from './support/onboarding'

const clientEmail = 'vragenklant@example.nl'

const template = {
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
      ],
    },
    {
      title: 'Tot slot',
      questions: [{ id: 'toelichting', label: 'Toelichting', kind: 'TEXTAREA' }],
    },
  ],
}

/** The link in the `count`-th e-mail to `to` that leads to a questionnaire, as a path. */
async function actionLink(to: string, count = 1): Promise<string> {
  let link: string | undefined
  await expect.poll(async () => {
    const mails = (await (await fetch(`http://127.0.0.1:${process.env.E2E_FAKES_PORT}/mails`)).json()) as { to: string[], raw: string }[]
    const links = mails.filter(mail => mail.to.includes(to)).map(mail => /https?:\/\/\S+?\/actions\/[\w-]+/.exec(mail.raw)?.[0]).filter(Boolean)
    link = links[count - 1]
    return links.length
  }, { message: `questionnaire e-mail ${count} to ${to}`, timeout: 15_000 }).toBeGreaterThanOrEqual(count)
  return new URL(link!).pathname
}

async function expectPage(page: Page, number: number, title: string) {
  await expect(page.getByText(`Pagina ${number} van 3`, { exact: true })).toBeVisible()
  const heading = page.getByRole('heading', { level: 2, name: title })
  await expect(heading).toBeVisible()
  return heading
}

test('staff send a questionnaire; the client answers it page by page, resumes after a reload, completes it and gets the PDF', async ({ browser, baseURL }) => {
  test.setTimeout(120_000)
  // Staff, through the API: a client, a dossier, a template, and the questionnaire sent to the client.
  const admin = await adminRequest(browser, baseURL)
  const { inviteUser: client } = await gql<{ inviteUser: { id: string } }>(admin.request, `
    mutation ($input: InviteUserInput!) { inviteUser(input: $input) { id } }
  `, { input: { email: clientEmail, initials: 'V.', lastName: 'Vragen' } })
  const { createDossier: dossier } = await gql<{ createDossier: { id: string } }>(admin.request, `
    mutation ($input: CreateDossierInput!) { createDossier(input: $input) { id } }
  `, { input: { number: '2026-0303', description: 'Levering woning Dorpsstraat 3', status: 'IN_PROGRESS', clientIds: [client.id], progressSteps: [] } })
  const { createQuestionnaireTemplate: created } = await gql<{ createQuestionnaireTemplate: { id: string } }>(admin.request, `
    mutation ($input: QuestionnaireTemplateInput!) { createQuestionnaireTemplate(input: $input) { id } }
  `, { input: template })
  const { sendQuestionnaire: request } = await gql<{ sendQuestionnaire: { id: string, status: string } }>(admin.request, `
    mutation ($d: ID!, $t: ID!, $a: ID!) { sendQuestionnaire(dossierId: $d, templateId: $t, assigneeId: $a) { id status } }
  `, { d: dossier.id, t: created.id, a: client.id })
  expect(request.status).toBe('OPEN')
  await admin.close()

  // The client sets up the account.
  const context = await browser.newContext({ baseURL, acceptDownloads: true })
  const page = await context.newPage()
  await page.goto(await setPasswordLink(clientEmail))
  await setPassword(page, 'Vragenklant2026')
  await acceptTerms(page)
  await setUpTotp(page)
  await recoveryCodesAndContinue(page)
  await completeProfile(page, { initials: 'V.', firstName: 'Vera', lastName: 'Vragen' })

  // Home: one open action, and the Acties tile leads to the list.
  await expect(page).toHaveURL(/\/$/)
  const tiles = page.getByRole('list', { name: 'Overzicht' })
  await expect(tiles.getByRole('listitem').filter({ hasText: 'Acties' })).toContainText('1 openstaande actie')
  await expect(page.getByRole('navigation')).toContainText('Acties: 1')
  await tiles.getByRole('link', { name: 'Acties' }).click()
  await expect(page).toHaveURL(/\/actions$/)
  await expect(page.getByRole('heading', { name: 'Acties', level: 1 })).toBeVisible()
  const actions = page.getByRole('list', { name: 'Openstaande acties' })
  await expect(actions.getByRole('listitem')).toHaveCount(1)
  await expect(actions).toContainText('Intake levering woning')
  await expect(actions).toContainText('Dossier 2026-0303')
  await expect(actions).toContainText('Nog niet begonnen')
  await expectNoAxeViolations(page)
  await actions.getByRole('link', { name: 'Invullen Intake levering woning' }).click()

  // Page 1: required answers are checked before anything is sent, and shown at their questions.
  await expect(page).toHaveURL(new RegExp(`/actions/${request.id}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Intake levering woning')
  await expectPage(page, 1, 'Over u')
  await expect(page.getByRole('button', { name: 'Vorige' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Volgende' }).click()
  const naam = page.getByLabel('Volledige naam')
  await expect(naam).toHaveAccessibleDescription(/Deze vraag is verplicht/)
  await expect(naam).toHaveAttribute('aria-invalid', 'true')
  await expect(naam).toBeFocused()
  await expect(page.getByLabel('Geboortedatum')).toHaveAccessibleDescription('Deze vraag is verplicht.')
  await expect(page.getByRole('alert')).toContainText('Niet alle vragen zijn goed beantwoord')
  await expectNoAxeViolations(page)
  await naam.fill('Vera Vragen')
  await page.getByLabel('Geboortedatum').fill('1980-01-30')
  await page.getByLabel('Aantal kinderen').fill('twee')
  await page.getByRole('button', { name: 'Volgende' }).click()
  await expect(page.getByLabel('Aantal kinderen')).toHaveAccessibleDescription(/Vul een getal in, zoals 12 of 3,5/)
  await expect(page.getByLabel('Aantal kinderen')).toBeFocused()
  await page.getByLabel('Aantal kinderen').fill('2')
  await page.getByRole('button', { name: 'Volgende' }).click()

  // Page 2, with the focus on its heading.
  const woning = await expectPage(page, 2, 'De woning')
  await expect(woning).toBeFocused()
  await expect(page.getByText('Pagina 2 van 3', { exact: true })).toBeVisible()

  // The server has page 1: a reload (or another device) resumes at page 2.
  await page.reload()
  await expectPage(page, 2, 'De woning')
  await expect(page.getByRole('group', { name: 'Heeft u een hypotheek?' })).toBeVisible()
  await expectNoAxeViolations(page)

  // "Vorige" goes back without losing what was typed on this page.
  await page.getByRole('group', { name: 'Heeft u een hypotheek?' }).getByLabel('Ja').check()
  await page.getByRole('group', { name: 'Wat gaat mee?' }).getByLabel('Keuken').check()
  await page.getByRole('button', { name: 'Vorige' }).click()
  await expect(await expectPage(page, 1, 'Over u')).toBeFocused()
  await expect(page.getByLabel('Volledige naam')).toHaveValue('Vera Vragen')
  await expect(page.getByLabel('Aantal kinderen')).toHaveValue('2')
  await page.getByRole('button', { name: 'Volgende' }).click()
  await expectPage(page, 2, 'De woning')
  await expect(page.getByRole('group', { name: 'Heeft u een hypotheek?' }).getByLabel('Ja')).toBeChecked()
  await expect(page.getByLabel('Keuken')).toBeChecked()

  // "Stoppen en later verder" saves this page as it is, required answers missing or not.
  await page.getByRole('button', { name: 'Stoppen en later verder' }).click()
  await expect(page).toHaveURL(/\/actions$/)
  await expect(actions).toContainText('Bezig')
  await expect(actions).toContainText('Pagina 2 van 3')
  await actions.getByRole('link', { name: 'Verder invullen Intake levering woning' }).click()
  await expectPage(page, 2, 'De woning')
  await expect(page.getByRole('group', { name: 'Heeft u een hypotheek?' }).getByLabel('Ja')).toBeChecked()
  await expect(page.getByLabel('Keuken')).toBeChecked()

  // A required choice left open is named in its group.
  await page.getByRole('button', { name: 'Volgende' }).click()
  const soort = page.getByRole('group', { name: 'Soort woning' })
  await expect(soort.getByLabel('Appartement')).toHaveAccessibleDescription('Deze vraag is verplicht.')
  await expect(soort.getByLabel('Appartement')).toBeFocused()
  await soort.getByLabel('Rijtjeshuis').check()
  await page.getByLabel('Gordijnen').check()
  await page.getByRole('button', { name: 'Volgende' }).click()

  // Page 3, the last: "Afronden". Meanwhile (on another device) the name was cleared: the server names it, and the
  // wizard goes back to page 1 to show it.
  await expectPage(page, 3, 'Tot slot')
  await expect(page.getByRole('button', { name: 'Volgende' })).toHaveCount(0)
  await page.getByLabel('Toelichting').fill('Sleutels bij de buren.\nBel vooraf.')
  const cleared = await page.request.post('/graphql', {
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    data: { query: 'mutation ($id: ID!, $answers: [AnswerInput!]!) { saveQuestionnairePage(id: $id, page: 0, answers: $answers) { id } }', variables: { id: request.id, answers: [{ questionId: 'naam', value: [] }, { questionId: 'geboren', value: ['1980-01-30'] }, { questionId: 'kinderen', value: ['2'] }] } },
  })
  expect((await cleared.json()).errors).toBeUndefined()
  await page.getByRole('button', { name: 'Afronden' }).click()
  await expectPage(page, 1, 'Over u')
  await expect(page.getByLabel('Volledige naam')).toHaveAccessibleDescription(/Deze vraag is verplicht/)
  await expect(page.getByLabel('Volledige naam')).toBeFocused()
  await page.getByLabel('Volledige naam').fill('Vera Vragen')
  await page.getByRole('button', { name: 'Volgende' }).click()
  await expectPage(page, 2, 'De woning')
  await page.getByRole('button', { name: 'Volgende' }).click()
  await expectPage(page, 3, 'Tot slot')
  await expect(page.getByLabel('Toelichting')).toHaveValue('Sleutels bij de buren.\nBel vooraf.')
  await page.getByRole('button', { name: 'Afronden' }).click()

  // The result: every answer, print, the PDF to download and its place in the dossier.
  await expect(page.getByRole('status')).toContainText('Bedankt, uw antwoorden zijn verstuurd.')
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
  const result = page.locator('.questionnaire-result')
  await expect(result).toContainText('Afgerond op')
  await expect(result.getByRole('term')).toHaveText(['Volledige naam', 'Geboortedatum', 'Aantal kinderen', 'Heeft u een hypotheek?', 'Soort woning', 'Wat gaat mee?', 'Toelichting'])
  await expect(result.getByRole('definition')).toHaveText(['Vera Vragen', '30 januari 1980', '2', 'Ja', 'Rijtjeshuis', 'Gordijnen, Keuken', 'Sleutels bij de buren. Bel vooraf.'])
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeVisible()
  await expect(page.getByRole('navigation')).toContainText('Acties: 0')
  await expectNoAxeViolations(page)

  // On paper: no navigation and no buttons, the answers still there.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('navigation')).toBeHidden()
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeHidden()
  await expect(result.getByText('Rijtjeshuis')).toBeVisible()
  await page.emulateMedia({ media: 'screen' })

  const downloaded = page.waitForEvent('download')
  await page.getByRole('button', { name: 'PDF downloaden' }).click()
  const download = await downloaded
  expect(download.suggestedFilename()).toBe('Intake levering woning.pdf')
  expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe('%PDF-')

  await page.getByRole('link', { name: 'De PDF bij Door mij aangeleverd' }).click()
  await expect(page).toHaveURL(new RegExp(`/dossiers/${dossier.id}\\?tab=PROVIDED$`))
  await expect(page.getByRole('tab', { name: /^Door mij aangeleverd/ })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('tabpanel')).toContainText('Intake levering woning.pdf')
  // The dossier lists its questionnaires, this one completed.
  const inDossier = page.getByRole('region', { name: 'Vragenlijsten' })
  await expect(inDossier).toContainText('Afgerond')
  await expect(inDossier.getByRole('link', { name: 'Bekijken Intake levering woning' })).toBeVisible()
  await expectNoAxeViolations(page)

  // Home: nothing left to do.
  await page.getByRole('navigation').getByRole('link', { name: 'Start' }).click()
  await expect(page.getByRole('list', { name: 'Overzicht' }).getByRole('listitem').filter({ hasText: 'Acties' })).toContainText('Geen openstaande acties')
  await page.getByRole('list', { name: 'Overzicht' }).getByRole('link', { name: 'Acties' }).click()
  await expect(page.getByText('U heeft geen openstaande acties.')).toBeVisible()

  // The e-mail's link still leads to the questionnaire, now as its result.
  expect(await actionLink(clientEmail)).toBe(`/actions/${request.id}`)
  await page.goto(`/actions/${request.id}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Intake levering woning')
  await expect(page.locator('.questionnaire-result')).toContainText('Rijtjeshuis')
  await expect(page.getByRole('button', { name: 'Afronden' })).toHaveCount(0)
  await context.close()
})
