import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { adminRequest, gql, gqlUpload, pdf } from './support/api'
import { expectNoAxeViolations } from './support/axe'
import { setPasswordLink } from './support/capture'
import { acceptTerms, recoveryCodesAndContinue, setPassword, setUpTotp } from './support/onboarding'

const clientEmail = 'liveklant@example.nl'

test.describe.configure({ mode: 'serial' })

let page: Page
let dossierId = ''

async function publish(browser: Parameters<typeof adminRequest>[0], baseURL: string | undefined, category: 'CORRESPONDENCE' | 'DOCUMENT', title: string) {
  const admin = await adminRequest(browser, baseURL)
  await gqlUpload(admin.request, `
    mutation ($input: PublishDocumentInput!) { publishDocument(input: $input) { id } }
  `, { input: { dossierId, category, title, file: null } }, { name: `${title.toLowerCase()}.pdf`, mimeType: 'application/pdf', buffer: pdf })
  await admin.close()
}

function tab(name: string) {
  return page.getByRole('tab', { name: new RegExp(`^${name}`) })
}

/** The persisted Apollo cache, as the PWA wrote it to IndexedDB. */
function persistedCache() {
  return page.evaluate(() => new Promise<string>((resolve) => {
    const open = indexedDB.open('kluis-cache')
    open.onerror = () => resolve('')
    open.onsuccess = () => {
      const db = open.result
      if (!db.objectStoreNames.contains('apollo'))
        return resolve('')
      const get = db.transaction('apollo').objectStore('apollo').get('apollo-cache')
      get.onsuccess = () => resolve(String(get.result ?? ''))
      get.onerror = () => resolve('')
    }
  }))
}

test.afterAll(async () => {
  await page?.context().close()
})

test('badges on the home tile and on the dossier\'s tabs follow what staff publish, without a reload', async ({ browser, baseURL }) => {
  const admin = await adminRequest(browser, baseURL)
  const { me } = await gql<{ me: { id: string } }>(admin.request, `{ me { id } }`)
  const { inviteUser } = await gql<{ inviteUser: { id: string } }>(admin.request, `
    mutation ($input: InviteUserInput!) { inviteUser(input: $input) { id } }
  `, { input: { email: clientEmail, initials: 'L.', firstName: 'Lotte', lastName: 'Live' } })
  const create = (number: string, description: string) => gql<{ createDossier: { id: string } }>(admin.request, `
    mutation ($input: CreateDossierInput!) { createDossier(input: $input) { id } }
  `, { input: { number, description, clientIds: [inviteUser.id], handlerId: me.id, progressSteps: ['Intake', 'Afronding'] } })
  dossierId = (await create('2026-0501', 'Hypotheekakte Dorpsstraat 5')).createDossier.id
  await create('2026-0502', 'Volmacht')
  await admin.close()

  const context = await browser.newContext({ baseURL })
  // The Badging API is not in headless Chromium: record what the PWA asks of it.
  await context.addInitScript(() => {
    const calls: (number | undefined)[] = []
    Object.assign(window, { appBadgeCalls: calls })
    Object.assign(navigator, {
      setAppBadge: async (count?: number) => void calls.push(count),
      clearAppBadge: async () => void calls.push(0),
    })
  })
  page = await context.newPage()
  // The live counts travel over one WebSocket; note when the subscription has been sent.
  let subscribed = false
  page.on('websocket', socket => socket.on('framesent', (frame) => {
    if (String(frame.payload).includes('unreadCountsChanged'))
      subscribed = true
  }))
  await page.goto(await setPasswordLink(clientEmail))
  await setPassword(page, 'Liveklant2026')
  await acceptTerms(page)
  await setUpTotp(page)
  await recoveryCodesAndContinue(page)
  await expect(page).toHaveURL(/\/$/)

  const tile = page.getByRole('list', { name: 'Overzicht' }).getByRole('listitem').filter({ hasText: 'Dossiers' })
  await expect(tile).toContainText('Geen ongelezen documenten')
  await expect.poll(() => subscribed).toBe(true)
  // The server starts listening a moment after the subscribe message; the protocol has no acknowledgement for it.
  await page.waitForTimeout(500)

  await publish(browser, baseURL, 'CORRESPONDENCE', 'Concept akte')
  await expect(tile).toContainText('1 ongelezen document')
  await expect.poll(() => page.evaluate(() => (window as unknown as { appBadgeCalls: number[] }).appBadgeCalls.at(-1))).toBe(1)

  // The dossier page: its tab badge follows as well, and the open tab's list shows the new document.
  await tile.getByRole('link', { name: 'Dossiers' }).click()
  await page.getByRole('list', { name: 'Dossiers' }).getByRole('link', { name: /2026-0501/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hypotheekakte')
  await expect(tab('Correspondentie').locator('.badge')).toHaveText(/^1/)
  await expect(tab('Documenten').locator('.badge')).toHaveCount(0)
  await tab('Documenten').click()
  await expect(page.getByRole('tabpanel')).toContainText('Er zijn hier nog geen documenten.')

  await publish(browser, baseURL, 'DOCUMENT', 'Taxatierapport')
  await expect(tab('Documenten').locator('.badge')).toHaveText(/^1/)
  await expect(tab('Documenten')).toContainText('(1)')
  await expect(page.getByRole('tabpanel')).toContainText('Taxatierapport')
  await expect.poll(() => page.evaluate(() => (window as unknown as { appBadgeCalls: number[] }).appBadgeCalls.at(-1))).toBe(2)
})

test('offline, after a reload, the dossier list and a dossier seen before still show, with a banner', async () => {
  // The service worker must control the page before the network goes: the first load was not controlled.
  await page.evaluate(() => navigator.serviceWorker.ready)
  if (!await page.evaluate(() => !!navigator.serviceWorker.controller))
    await page.reload()
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true)
  // Seen online: the list, and the dossier with its documents.
  await page.getByRole('navigation').getByRole('link', { name: 'Dossiers' }).click()
  const list = page.getByRole('list', { name: 'Dossiers' })
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await list.getByRole('link', { name: /2026-0501/ }).click()
  await expect(page.getByRole('tabpanel')).toContainText('Concept akte')
  await expect.poll(persistedCache).toContain('Concept akte')
  expect(await persistedCache()).toContain('Volmacht')

  await page.context().setOffline(true)
  await page.reload()
  const banner = page.getByRole('status').filter({ hasText: 'U bent offline' })
  await expect(banner).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hypotheekakte Dorpsstraat 5')
  await expect(page.getByText('Voortgang (0/2)')).toBeVisible()
  await expect(page.getByRole('tabpanel')).toContainText('Concept akte')
  // What needs the network is disabled, with the reason beside it.
  await expect(page.getByRole('button', { name: 'Download Concept akte' })).toBeDisabled()
  await expect(page.getByText('Downloaden kan weer zodra u online bent.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeDisabled()
  await expectNoAxeViolations(page)

  await page.goto('/dossiers')
  await expect(banner).toBeVisible()
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await expect(list).toContainText('Volmacht')

  await page.context().setOffline(false)
  await expect(banner).toBeHidden()
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeEnabled()
})

test('a message written offline waits, survives a reload, and arrives exactly once when the network is back', async ({ browser, baseURL }) => {
  const subject = `Offline geschreven ${Date.now()}`
  await page.getByRole('list', { name: 'Dossiers' }).getByRole('link', { name: /2026-0501/ }).click()
  await tab('Berichten').click()
  await expect(page.getByRole('tabpanel')).toContainText('Nog geen berichten')

  await page.context().setOffline(true)
  const panel = page.getByRole('tabpanel')
  await panel.getByRole('button', { name: 'Nieuw bericht' }).click()
  // Files are not kept on the device: attaching waits for the network.
  await expect(panel.getByRole('button', { name: 'Bijlagen toevoegen' })).toBeDisabled()
  await expect(panel.getByText('Bijlagen toevoegen kan alleen online.')).toBeVisible()
  await panel.getByRole('textbox', { name: /^Onderwerp/ }).fill(subject)
  await panel.getByRole('textbox', { name: /^Bericht/ }).fill('Geschreven in de trein, zonder verbinding.')
  await panel.getByRole('button', { name: 'Versturen' }).click()
  await expect(panel.getByRole('status').filter({ hasText: 'Uw bericht wacht op verzending' })).toBeVisible()
  const waiting = panel.getByRole('list', { name: 'Berichten die wachten op verzending' }).getByRole('listitem')
  await expect(waiting).toHaveCount(1)
  await expect(waiting).toContainText(subject)
  await expect(waiting).toContainText('Wacht op verzending')
  await expectNoAxeViolations(page)

  // The queue lives in IndexedDB: a reload, still offline, keeps it.
  await page.reload()
  await tab('Berichten').click()
  await expect(waiting).toHaveCount(1)
  await expect(waiting).toContainText(subject)

  await page.context().setOffline(false)
  await expect(waiting).toHaveCount(0)
  await expect(panel.getByRole('button', { name: subject, exact: true })).toBeVisible()

  // Staff see it once, also after a while (no second send from a retry or the reconnect).
  const admin = await adminRequest(browser, baseURL)
  const count = async () => {
    const { dossier } = await gql<{ dossier: { messages: { edges: { node: { subject: string } }[] } } }>(admin.request, `
      query ($id: ID!) { dossier(id: $id) { messages(first: 50) { edges { node { subject } } } } }
    `, { id: dossierId })
    return dossier.messages.edges.filter(edge => edge.node.subject === subject).length
  }
  expect(await count()).toBe(1)
  await page.waitForTimeout(2_000)
  expect(await count()).toBe(1)
  await admin.close()
})

test('signing out empties the cache and its persisted copy, and clears the app badge', async () => {
  expect(await persistedCache()).toContain('Hypotheekakte')
  await page.getByRole('button', { name: 'Uitloggen' }).click()
  await expect(page).toHaveURL(/\/sign-in$/)
  await expect(page.getByRole('banner')).toContainText('Notariskantoor Test')
  await expect.poll(persistedCache).not.toContain('Hypotheekakte')
  expect(await persistedCache()).not.toContain(clientEmail)
  expect(await page.evaluate(() => (window as unknown as { appBadgeCalls: number[] }).appBadgeCalls.at(-1))).toBe(0)

  // Offline now, a reload shows the sign-in page: nothing of the account is left to show.
  await page.context().setOffline(true)
  await page.goto(`/dossiers/${dossierId}`)
  await expect(page).toHaveURL(/\/sign-in$/)
  await expect(page.getByText('Hypotheekakte')).toHaveCount(0)
  await page.context().setOffline(false)
})
