import type { Page } from '@playwright/test'
import { expect } from '@playwright/test'
import * as OTPAuth from 'otpauth'

/** The set-password page, checking its live rules on the way. */
export async function setPassword(page: Page, password: string) {
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

export async function acceptTerms(page: Page) {
  await expect(page).toHaveURL(/\/terms$/)
  await expect(page.getByRole('heading', { name: 'Voorwaarden', level: 1 })).toBeVisible()
  await page.getByRole('button', { name: 'Ik ga akkoord' }).click()
}

export async function recoveryCodesAndContinue(page: Page) {
  const codes = page.getByRole('list', { name: 'Uw herstelcodes' }).getByRole('listitem')
  await expect(codes).toHaveCount(10)
  await page.getByRole('button', { name: 'Ik heb ze bewaard, verder' }).click()
}

/** Enrols the authenticator app on the set-up page and returns its generator for later sign-ins. */
export async function setUpTotp(page: Page) {
  await expect(page).toHaveURL(/\/set-up-second-factor$/)
  await page.getByLabel('Authenticator-app').check()
  await expect(page.getByRole('img', { name: 'QR-code voor uw authenticator-app' })).toBeVisible()
  const secret = (await page.locator('.totp__secret').textContent())!.trim()
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 })
  await page.getByLabel('Code', { exact: true }).fill(totp.generate())
  await page.getByRole('button', { name: 'Bevestigen' }).click()
  return totp
}

export async function completeProfile(page: Page, name: { initials: string, firstName: string, lastName: string }) {
  await expect(page).toHaveURL(/\/profile$/)
  await page.getByLabel('Voorletters').fill(name.initials)
  await page.getByLabel('Voornaam').fill(name.firstName)
  await page.getByLabel('Achternaam').fill(name.lastName)
  await page.getByRole('button', { name: 'Opslaan en verder' }).click()
}
