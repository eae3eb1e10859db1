import type { Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { adminRequest, gql, gqlUpload, pdf } from './support/api'
import { expectNoAxeViolations } from './support/axe'
import { setPasswordLink } from './support/capture'
import { acceptTerms, recoveryCodesAndContinue, setPassword, setUpTotp } from './support/onboarding'

const clientEmail = 'dossierklant@example.nl'

async function createDossier(request: Parameters<typeof gql>[0], input: Record<string, unknown>) {
  const { createDossier } = await gql<{ createDossier: { id: string, progress: { steps: { id: string, position: number }[] } } }>(request, `
    mutation ($input: CreateDossierInput!) {
      createDossier(input: $input) { id progress { steps { id position } } }
    }
  `, { input })
  return createDossier
}

function tab(page: Page, name: string) {
  return page.getByRole('tab', { name: new RegExp(`^${name}`) })
}

test.describe.configure({ mode: 'serial' })

let page: Page
let secondDossierNumber = ''

test('a client with one dossier sees it on home, lands in it and downloads the letter published for them', async ({ browser, baseURL }) => {
  // Staff: invite the client with the names the office knows, give them a dossier with a checklist and publish a letter.
  const admin = await adminRequest(browser, baseURL)
  const { inviteUser } = await gql<{ inviteUser: { id: string } }>(admin.request, `
    mutation ($input: InviteUserInput!) { inviteUser(input: $input) { id } }
  `, { input: { email: clientEmail, initials: 'D.', lastName: 'Dossier' } })
  const dossier = await createDossier(admin.request, {
    number: '2026-0101',
    description: 'Levering woning Kerkstraat 1',
    status: 'IN_PROGRESS',
    clientIds: [inviteUser.id],
    progressSteps: ['Intake', 'Concept akte', 'Passeren'],
  })
  const first = dossier.progress.steps.sort((a, b) => a.position - b.position)[0]!
  await gql(admin.request, `mutation ($id: ID!) { setProgressStepDone(stepId: $id, done: true) { id done } }`, { id: first.id })
  await gqlUpload(admin.request, `
    mutation ($input: PublishDocumentInput!) { publishDocument(input: $input) { id } }
  `, { input: { dossierId: dossier.id, category: 'CORRESPONDENCE', title: 'Opdrachtbevestiging', file: null } }, { name: 'opdrachtbevestiging.pdf', mimeType: 'application/pdf', buffer: pdf })
  await admin.close()

  // The client sets up the account; the profile asks only for the first name, holding what the invitation knew.
  const context = await browser.newContext({ baseURL, acceptDownloads: true })
  page = await context.newPage()
  await page.goto(await setPasswordLink(clientEmail))
  await setPassword(page, 'Dossierklant2026')
  await acceptTerms(page)
  await setUpTotp(page)
  await recoveryCodesAndContinue(page)
  await expect(page).toHaveURL(/\/profile$/)
  await expect(page.getByLabel('Voorletters')).toHaveValue('D.')
  await expect(page.getByLabel('Voornaam')).toHaveValue('')
  await expect(page.getByLabel('Achternaam')).toHaveValue('Dossier')
  await page.getByLabel('Voornaam').fill('Dora')
  await page.getByRole('button', { name: 'Opslaan en verder' }).click()

  // Home: the tiles, and the Acties count in the navigation.
  await expect(page).toHaveURL(/\/$/)
  const tiles = page.getByRole('list', { name: 'Overzicht' })
  await expect(tiles.getByRole('listitem').filter({ hasText: 'Dossiers' })).toContainText('1 in behandeling / 1 totaal')
  await expect(tiles.getByRole('listitem').filter({ hasText: 'Acties' })).toContainText('Geen openstaande acties')
  await expect(tiles.getByRole('link', { name: 'Mijn gegevens' })).toBeVisible()
  await expect(page.getByRole('navigation')).toContainText('Acties: 0')
  await expectNoAxeViolations(page)

  // One dossier: the Dossiers tile leads straight into it, and so does /dossiers.
  await tiles.getByRole('link', { name: 'Dossiers' }).click()
  await expect(page).toHaveURL(new RegExp(`/dossiers/${dossier.id}$`))
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2026-0101')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Levering woning Kerkstraat 1')
  await expect(page.getByText('In behandeling')).toBeVisible()
  await expect(page.getByRole('navigation')).toContainText('Acties: 0')

  // Progress: collapsed, "(1/3)"; opened, it lists the done and the open steps.
  const progress = page.getByText('Voortgang (1/3)')
  await expect(progress).toBeVisible()
  await expect(page.getByText('Concept akte')).toBeHidden()
  await progress.click()
  await expect(page.getByText('Concept akte')).toBeVisible()
  await expect(page.locator('.progress__step--done')).toHaveCount(1)

  // The tabs, with totals and one unread letter.
  await expect(page.getByRole('tab')).toHaveCount(4)
  const correspondence = tab(page, 'Correspondentie')
  await expect(correspondence).toHaveAttribute('aria-selected', 'true')
  await expect(correspondence).toContainText('(1)')
  await expect(correspondence.locator('.badge')).toHaveText(/^1/)
  await expect(tab(page, 'Documenten').locator('.badge')).toHaveCount(0)
  await expect(tab(page, 'Door mij aangeleverd')).toBeVisible()
  await expect(tab(page, 'Berichten')).toContainText('(0)')
  const panel = page.getByRole('tabpanel')
  await expect(panel).toContainText('Opdrachtbevestiging')
  await expect(panel).toContainText('opdrachtbevestiging.pdf')
  await expect(panel).toContainText('Bea Heerder')
  await expect(panel.getByText('Nieuw', { exact: true })).toBeVisible()
  await expectNoAxeViolations(page)

  // Keyboard: the arrow keys move between the tabs.
  await correspondence.focus()
  await page.keyboard.press('ArrowLeft')
  await expect(tab(page, 'Berichten')).toBeFocused()
  await expect(page.getByRole('tabpanel')).toContainText('Nog geen berichten')
  await page.keyboard.press('ArrowRight')
  await expect(correspondence).toBeFocused()

  // The open tab is in the address: a reload, or a link to a tab, opens it; an unknown tab opens the first.
  await tab(page, 'Documenten').click()
  await expect(page).toHaveURL(/\?tab=DOCUMENT$/)
  await page.reload()
  await expect(tab(page, 'Documenten')).toHaveAttribute('aria-selected', 'true')
  await page.goto(`/dossiers/${dossier.id}?tab=MESSAGES`)
  await expect(tab(page, 'Berichten')).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('tabpanel')).toContainText('Nog geen berichten')
  await page.goto(`/dossiers/${dossier.id}?tab=rommel`)
  await expect(correspondence).toHaveAttribute('aria-selected', 'true')

  // Download: the same bytes as published, and the letter is read.
  const downloaded = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download Opdrachtbevestiging' }).click()
  const download = await downloaded
  expect(download.suggestedFilename()).toBe('opdrachtbevestiging.pdf')
  expect((await readFile((await download.path())!)).equals(pdf)).toBe(true)
  await expect(correspondence.locator('.badge')).toHaveCount(0)
  await expect(page.getByRole('tabpanel').getByText('Nieuw', { exact: true })).toHaveCount(0)

  await page.goto('/dossiers')
  await expect(page).toHaveURL(new RegExp(`/dossiers/${dossier.id}$`))
  await page.goto('/')
  await expect(page.getByRole('list', { name: 'Overzicht' })).toContainText('Geen ongelezen documenten')

  // A dossier that is not theirs (or does not exist) looks the same: not found.
  await page.goto('/dossiers/999999')
  await expect(page.getByRole('heading', { name: 'Dossier niet gevonden', level: 1 })).toBeVisible()
})

test('with a second dossier the list offers search and a status filter', async ({ browser, baseURL }) => {
  const admin = await adminRequest(browser, baseURL)
  const { dossiers } = await gql<{ dossiers: { edges: { node: { id: string } }[] } }>(admin.request, `{ dossiers(search: "2026-0101") { edges { node { id } } } }`)
  expect(dossiers.edges).toHaveLength(1)
  // The client's id, from the first dossier's participants.
  const { dossier } = await gql<{ dossier: { participants: { id: string, email: string }[] } }>(admin.request, `
    query ($id: ID!) { dossier(id: $id) { participants { id email } } }
  `, { id: dossiers.edges[0]!.node.id })
  const client = dossier.participants.find(user => user.email === clientEmail)!
  secondDossierNumber = '2026-0202'
  await createDossier(admin.request, { number: secondDossierNumber, description: 'Testament', status: 'COMPLETED', clientIds: [client.id], progressSteps: [] })
  await admin.close()

  await page.goto('/')
  const tiles = page.getByRole('list', { name: 'Overzicht' })
  await expect(tiles).toContainText('1 in behandeling / 2 totaal')
  await tiles.getByRole('link', { name: 'Dossiers' }).click()
  await expect(page).toHaveURL(/\/dossiers$/)
  await expect(page.getByRole('heading', { name: 'Dossiers', level: 1 })).toBeVisible()
  const list = page.getByRole('list', { name: 'Dossiers' })
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await expect(list.getByRole('listitem').filter({ hasText: '2026-0101' })).toContainText('(1/3)')
  await expect(list.getByRole('listitem').filter({ hasText: '2026-0202' })).toContainText('Afgerond')
  await expect(page.getByRole('checkbox')).toHaveCount(2)
  await expectNoAxeViolations(page)

  // Search by number narrows the list.
  await page.getByLabel('Zoeken op nummer of omschrijving').fill('0202')
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list).toContainText('Testament')
  await page.getByLabel('Zoeken op nummer of omschrijving').fill('')
  await expect(list.getByRole('listitem')).toHaveCount(2)

  // The status filter, by keyboard.
  await page.getByRole('checkbox', { name: /In behandeling/ }).focus()
  await page.keyboard.press('Space')
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list).toContainText('2026-0101')
  await page.getByRole('checkbox', { name: /In behandeling/ }).uncheck()
  await expect(list.getByRole('listitem')).toHaveCount(2)

  await list.getByRole('link', { name: /2026-0202/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Testament')
  await expect(page.getByText('Voortgang (0/0)')).toBeVisible()
})

test('more dossiers than a page: the list shows 20 and loads the rest on request', async ({ browser, baseURL }) => {
  const admin = await adminRequest(browser, baseURL)
  const { dossiers } = await gql<{ dossiers: { edges: { node: { participants: { id: string, email: string }[] } }[] } }>(admin.request, `
    { dossiers(search: "2026-0101") { edges { node { participants { id email } } } } }
  `)
  const client = dossiers.edges[0]!.node.participants.find(user => user.email === clientEmail)!
  for (let n = 1; n <= 20; n++)
    await createDossier(admin.request, { number: `2026-1${String(n).padStart(3, '0')}`, description: `Hypotheekakte ${n}`, status: 'IN_PROGRESS', clientIds: [client.id], progressSteps: [] })
  await admin.close()

  await page.goto('/dossiers')
  const list = page.getByRole('list', { name: 'Dossiers' })
  await expect(page.getByText('22 dossiers')).toBeVisible()
  await expect(list.getByRole('listitem')).toHaveCount(20)
  // Newest first: the two oldest are on the next page.
  await expect(list).not.toContainText('2026-0101')
  await page.getByRole('button', { name: 'Meer laden' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(22)
  await expect(list.getByRole('listitem').last()).toContainText('2026-0101')
  await expect(page.getByRole('button', { name: 'Meer laden' })).toBeHidden()
  await page.context().close()
})
