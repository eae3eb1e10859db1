import { expect, test as setup } from '@playwright/test'
import { adminStatePath } from './support/api'
import { setPasswordLink } from './support/capture'
import { acceptTerms, completeProfile, recoveryCodesAndContinue, setPassword, setUpTotp } from './support/onboarding'

// The bootstrap admin gets one invitation at boot, so this runs once, before every other test, and leaves its session behind.
setup('the bootstrap admin sets up the account from the invitation e-mail', async ({ page }) => {
  await page.goto(await setPasswordLink('beheer@kantoor.test'))
  await setPassword(page, 'Beheerder2026!x')
  await acceptTerms(page)

  await expect(page).toHaveURL(/\/set-up-second-factor$/)
  // Staff must have a second factor: no way around it.
  await expect(page.getByRole('button', { name: 'Nu overslaan' })).toHaveCount(0)
  await setUpTotp(page)
  await recoveryCodesAndContinue(page)

  await completeProfile(page, { initials: 'B.', firstName: 'Bea', lastName: 'Heerder' })
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bea')
  await page.context().storageState({ path: adminStatePath })
})
