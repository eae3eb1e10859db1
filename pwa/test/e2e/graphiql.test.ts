import { expect as baseExpect, test } from '@playwright/test'
import { adminRequest, adminStatePath, gql } from './support/api'
import { setPasswordLink } from './support/capture'
import { acceptTerms, recoveryCodesAndContinue, setPassword, setUpTotp } from './support/onboarding'

// Altair is a large Angular app; on a busy 2-core machine it renders results seconds after the response.
const expect = baseExpect.configure({ timeout: 20_000 })

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

test('staff open /graphiql, run the first example and a file upload, and nothing is loaded from another host', async ({ browser, baseURL }) => {
  test.setTimeout(120_000)
  // A dossier in progress, so the examples have ids to work with.
  const admin = await adminRequest(browser, baseURL)
  await gql(admin.request, `mutation ($input: CreateDossierInput!) { createDossier(input: $input) { id } }`, {
    input: { number: '2026-0777', description: 'Dossier voor de GraphQL IDE', status: 'IN_PROGRESS', progressSteps: ['Intake'] },
  })
  await admin.close()

  const context = await browser.newContext({ baseURL, storageState: adminStatePath })
  const page = await context.newPage()
  const requested: string[] = []
  context.on('request', request => requested.push(request.url()))
  // A request the CSP stopped never shows up above: the console names it.
  const blocked: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text()))
      blocked.push(message.text())
  })

  const response = await page.goto('/graphiql')
  expect(response?.status()).toBe(200)
  expect(response?.headers()['content-security-policy']).not.toMatch(/https?:/)
  await expect(page).toHaveURL(/\/graphiql$/)

  // The IDE opens on the first of the staff tasks; running it shows who is signed in.
  const startHere = page.locator('.window-switcher__item', { hasText: '1. Start here' })
  await expect(startHere).toHaveClass(/window-switcher__item--active/)
  for (const task of ['2. Invite a client', '3. Create a dossier with steps', '4. Publish a document', '5. Send a message', '6. Send a questionnaire', '7. Read the audit trail'])
    await expect(page.locator('.window-switcher__item', { hasText: task })).toHaveCount(1)
  await page.getByRole('button', { name: 'Send Request' }).click()
  const result = page.locator('app-query-result .cm-content').filter({ visible: true })
  await expect(result).toContainText('"email": "beheer@kantoor.test"')
  await expect(result).toContainText('"number": "2026-0777"')

  // A multipart upload from the IDE, with the session cookie.
  await page.locator('.window-switcher__item', { hasText: '4. Publish a document' }).click()
  await page.locator('.variables-editor--title').filter({ visible: true }).click()
  await page.getByRole('button', { name: 'Add files' }).filter({ visible: true }).click()
  await page.locator('input.variables-file-item-name-input').filter({ visible: true }).fill('file')
  await page.locator('input.variables-file-item-input').first().setInputFiles({ name: 'akte.pdf', mimeType: 'application/pdf', buffer: pdf })
  await page.getByRole('button', { name: 'Send Request' }).click()
  await expect(result).toContainText('"fileName": "akte.pdf"')
  await expect(result).toContainText('"mimeType": "application/pdf"')

  const origin = new URL(baseURL!).origin
  const elsewhere = requested.filter(url => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url))
  expect(elsewhere).toEqual([])
  expect(blocked).toEqual([])
  expect(requested.some(url => url.endsWith('/graphiql/main.js'))).toBe(true)
  await context.close()
})

test('an anonymous visitor and a client get the sign-in route, not the IDE', async ({ browser, baseURL }) => {
  const anonymous = await browser.newContext({ baseURL })
  const page = await anonymous.newPage()
  await page.goto('/graphiql')
  // Signed in, staff would come back to the IDE.
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fgraphiql$/)
  await expect(page.getByRole('button', { name: 'Inloggen' })).toBeVisible()
  expect(await page.evaluate(() => sessionStorage.getItem('kluis.returnTo'))).toBe('/graphiql')
  await expect(page.locator('app-root')).toHaveCount(0)
  await anonymous.close()

  const email = 'idebezoeker@example.nl'
  const admin = await adminRequest(browser, baseURL)
  await gql(admin.request, `mutation ($input: InviteUserInput!) { inviteUser(input: $input) { id } }`, { input: { email, initials: 'I.', firstName: 'Ide', lastName: 'Bezoeker' } })
  await admin.close()
  const context = await browser.newContext({ baseURL })
  const client = await context.newPage()
  await client.goto(await setPasswordLink(email))
  await setPassword(client, 'Ideklant2026!')
  await acceptTerms(client)
  await setUpTotp(client)
  await recoveryCodesAndContinue(client)
  await expect(client).toHaveURL(/\/$/)

  const refused = await context.request.get('/graphiql', { maxRedirects: 0 })
  expect([refused.status(), refused.headers().location]).toEqual([302, '/sign-in'])
  await client.goto('/graphiql')
  // Signed in already, the PWA moves the client on from the sign-in route to home.
  await expect(client).not.toHaveURL(/graphiql/)
  await expect(client.locator('app-root')).toHaveCount(0)
  await context.close()
})
