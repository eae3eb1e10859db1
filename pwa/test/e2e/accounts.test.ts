import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import * as OTPAuth from 'otpauth'
import { setPasswordLink, smsCode } from './support/capture'

const adminEmail = 'beheer@kantoor.test'
const clientEmail = 'klant@example.nl'
const clientPhone = '31612345678'
const clientPassword = 'Klantwachtwoord7'

// One story: the bootstrap admin signs up first and then invites the client.
test.describe.configure({ mode: 'serial' })

async function setPassword(page: Page, password: string) {
  await expect(page.getByRole('heading', { name: 'Wachtwoord instellen' })).toBeVisible()
  const checklist = page.getByRole('list', { name: 'Uw wachtwoord heeft' })
  await expect(checklist.getByRole('listitem')).toHaveCount(3)
  await expect(checklist.locator('.checklist__item--met')).toHaveCount(0)
  await page.getByLabel('Nieuw wachtwoord').fill('kort')
  await expect(checklist.locator('.checklist__item--met')).toHaveCount(0)
  await page.getByLabel('Nieuw wachtwoord').fill('kortA1')
  await expect(checklist.locator('.checklist__item--met')).toHaveCount(2)
  await expect(page.getByRole('button', { name: 'Wachtwoord opslaan' })).toBeDisabled()
  await page.getByLabel('Nieuw wachtwoord').fill(password)
  await expect(checklist.locator('.checklist__item--met')).toHaveCount(3)
  await page.getByLabel('Herhaal wachtwoord').fill(password)
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click()
}

async function acceptTerms(page: Page) {
  await expect(page).toHaveURL(/\/terms$/)
  await expect(page.getByRole('heading', { name: 'Voorwaarden', level: 1 })).toBeVisible()
  await page.getByRole('button', { name: 'Ik ga akkoord' }).click()
}

async function recoveryCodesAndContinue(page: Page) {
  const codes = page.getByRole('list', { name: 'Uw herstelcodes' }).getByRole('listitem')
  await expect(codes).toHaveCount(10)
  await page.getByRole('button', { name: 'Ik heb ze bewaard, verder' }).click()
}

async function completeProfile(page: Page, name: { initials: string, firstName: string, lastName: string }) {
  await expect(page).toHaveURL(/\/profile$/)
  await page.getByLabel('Voorletters').fill(name.initials)
  await page.getByLabel('Voornaam').fill(name.firstName)
  await page.getByLabel('Achternaam').fill(name.lastName)
  await page.getByRole('button', { name: 'Opslaan en verder' }).click()
}

let adminCookies: Awaited<ReturnType<ReturnType<Page['context']>['cookies']>> = []

test('the bootstrap admin sets up the account from the invitation e-mail', async ({ page }) => {
  await page.goto(await setPasswordLink(adminEmail))
  await setPassword(page, 'Beheerder2026!x')
  await acceptTerms(page)

  await expect(page).toHaveURL(/\/set-up-second-factor$/)
  // Staff must have a second factor: no way around it.
  await expect(page.getByRole('button', { name: 'Nu overslaan' })).toHaveCount(0)
  await page.getByLabel('Authenticator-app').check()
  await expect(page.getByRole('img', { name: 'QR-code voor uw authenticator-app' })).toBeVisible()
  const secret = (await page.locator('.totp__secret').textContent())!.trim()
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 })
  await page.getByLabel('Code', { exact: true }).fill(totp.generate())
  await page.getByRole('button', { name: 'Bevestigen' }).click()
  await recoveryCodesAndContinue(page)

  await completeProfile(page, { initials: 'B.', firstName: 'Bea', lastName: 'Heerder' })
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bea')
  adminCookies = await page.context().cookies()
})

test('an invited client sets up SMS, signs out and signs in again with an SMS code', async ({ browser, baseURL }) => {
  expect(adminCookies.length, 'the admin test ran first').toBeGreaterThan(0)
  const adminContext = await browser.newContext({ baseURL })
  await adminContext.addCookies(adminCookies)
  const invited = await adminContext.request.post('/graphql', {
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    data: { query: `mutation { inviteUser(input: { email: "${clientEmail}" }) { id } }` },
  })
  expect(await invited.json()).toMatchObject({ data: { inviteUser: { id: expect.any(String) } } })
  await adminContext.close()

  const context = await browser.newContext({ baseURL })
  const page = await context.newPage()
  await page.goto(await setPasswordLink(clientEmail))
  await setPassword(page, clientPassword)
  await acceptTerms(page)

  await expect(page).toHaveURL(/\/set-up-second-factor$/)
  await page.getByLabel('SMS-code').check()
  await page.getByLabel('Mobiel nummer').fill('06 12345678')
  await page.getByRole('button', { name: 'Stuur code' }).click()
  await page.getByLabel('Code', { exact: true }).fill(await smsCode(clientPhone, 1))
  await page.getByRole('button', { name: 'Bevestigen' }).click()
  await recoveryCodesAndContinue(page)

  await completeProfile(page, { initials: 'K.', firstName: 'Karin', lastName: 'Klant' })
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Karin')

  await page.getByRole('button', { name: 'Uitloggen' }).click()
  await expect(page).toHaveURL(/\/sign-in$/)
  await page.goto('/')
  await expect(page).toHaveURL(/\/sign-in$/)

  await page.getByLabel('E-mailadres').fill(clientEmail)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(clientPassword)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(page).toHaveURL(/\/sign-in\/second-factor$/)
  await page.getByLabel('SMS-code').check()
  await page.getByRole('button', { name: 'Stuur SMS-code' }).click()
  await expect(page.getByText('De SMS-code is verstuurd.')).toBeVisible()
  await page.getByLabel('Code', { exact: true }).fill(await smsCode(clientPhone, 2))
  await page.getByRole('button', { name: 'Bevestigen' }).click()
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Karin')

  // My data: the SMS factor with its hidden number, and a language choice that applies at once.
  await page.getByRole('navigation').getByRole('link', { name: 'Mijn gegevens' }).click()
  await expect(page.getByRole('heading', { name: 'Mijn gegevens', level: 1 })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Tweede stap bij inloggen' })).toContainText('5678')
  await expect(page.getByRole('link', { name: 'Bedrijf' })).toHaveCount(0)
  await page.getByRole('radio', { name: 'English' }).check()
  await expect(page.getByRole('heading', { name: 'My data', level: 1 })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await context.close()
})
