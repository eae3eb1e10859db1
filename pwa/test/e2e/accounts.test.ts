import { expect, test } from '@playwright/test'
import { adminRequest, gql } from './support/api'
import { setPasswordLink, smsCode } from './support/capture'
import { acceptTerms, completeProfile, recoveryCodesAndContinue, setPassword } from './support/onboarding'

const clientEmail = 'klant@example.nl'
const clientPhone = '31612345678'
const clientPassword = 'Klantwachtwoord7'

// The bootstrap admin's own set-up is admin.setup.ts: it runs before every test file.

test('an invited client sets up SMS, signs out and signs in again with an SMS code', async ({ browser, baseURL }) => {
  const admin = await adminRequest(browser, baseURL)
  const invited = await gql(admin.request, `mutation { inviteUser(input: { email: "${clientEmail}" }) { id } }`)
  expect(invited).toMatchObject({ inviteUser: { id: expect.any(String) } })
  await admin.close()

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
  // A link into the portal while signed out: first the sign-in, then that very page.
  await page.goto('/my-data')
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
  await expect(page).toHaveURL(/\/my-data$/)

  // My data: the SMS factor with its hidden number, and a language choice that applies at once.
  await page.getByRole('navigation').getByRole('link', { name: 'Mijn gegevens' }).click()
  await expect(page.getByRole('heading', { name: 'Mijn gegevens', level: 1 })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Tweede stap bij inloggen' })).toContainText('5678')
  await expect(page.getByRole('link', { name: 'Bedrijf' })).toHaveCount(0)
  await page.getByRole('radio', { name: 'English' }).check()
  await expect(page.getByRole('heading', { name: 'My data', level: 1 })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await context.close()

  // Another browser: the sign-in pages are Dutch, and once signed in the account's saved language applies.
  const other = await browser.newContext({ baseURL })
  const otherPage = await other.newPage()
  await otherPage.goto('/sign-in')
  await otherPage.getByLabel('E-mailadres').fill(clientEmail)
  await otherPage.getByLabel('Wachtwoord', { exact: true }).fill(clientPassword)
  await otherPage.getByRole('button', { name: 'Inloggen' }).click()
  await otherPage.getByLabel('SMS-code').check()
  await otherPage.getByRole('button', { name: 'Stuur SMS-code' }).click()
  await expect(otherPage.getByText('De SMS-code is verstuurd.')).toBeVisible()
  await otherPage.getByLabel('Code', { exact: true }).fill(await smsCode(clientPhone, 3))
  await otherPage.getByRole('button', { name: 'Bevestigen' }).click()
  await expect(otherPage.getByRole('heading', { level: 1 })).toHaveText('Welcome, Karin Klant')
  await expect(otherPage.locator('html')).toHaveAttribute('lang', 'en')
  await other.close()
})

test('a client locked out by guesses at their password is told for how long, and a password link lets them in at once', async ({ browser, baseURL }) => {
  const email = 'slot@example.nl'
  const admin = await adminRequest(browser, baseURL)
  await gql(admin.request, `mutation { inviteUser(input: { email: "${email}" }) { id } }`)
  await admin.close()
  const context = await browser.newContext({ baseURL })
  const page = await context.newPage()
  await page.goto(await setPasswordLink(email))
  await setPassword(page, 'Slotwachtwoord1')
  await expect(page).toHaveURL(/\/terms$/)
  await context.clearCookies()

  // Someone else guesses ten times.
  const stranger = await browser.newContext({ baseURL })
  for (let i = 0; i < 10; i++) {
    const response = await stranger.request.post('/graphql', { data: { query: `mutation { signIn(email: "${email}", password: "Gok-${i}-Wachtwoord") { step } }` } })
    expect((await response.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT')
  }
  await stranger.close()

  await page.goto('/sign-in')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord', { exact: true }).fill('Slotwachtwoord1')
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(page.getByRole('alert')).toHaveText(/^Te veel pogingen\. Probeer het over 1[45] minuten opnieuw\. Is dit uw account\? Via ‘Wachtwoord vergeten\?’ stelt u meteen een nieuw wachtwoord in\.$/)

  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click()
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByRole('button', { name: 'Stuur link' }).click()
  // The second e-mail confirmed the first password; the third brings the link.
  await page.goto(await setPasswordLink(email, 3))
  await setPassword(page, 'Nieuwslot2026')
  await expect(page).toHaveURL(/\/terms$/)
  await context.clearCookies()

  // Signed out again, the new password works without waiting out the lock.
  await page.goto('/sign-in')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord', { exact: true }).fill('Nieuwslot2026')
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(page).toHaveURL(/\/terms$/)
  await context.close()
})
