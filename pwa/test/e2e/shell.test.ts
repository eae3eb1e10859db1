import { expect, test } from '@playwright/test'

const officeName = 'Notariskantoor Test'

test('shows the office name from the API, under a strict CSP that blocks nothing of its own', async ({ page }) => {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  const response = await page.goto('/')
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")

  await expect(page).toHaveURL(/\/sign-in$/)
  await expect(page.getByRole('banner')).toContainText(officeName)
  await expect(page).toHaveTitle(officeName)
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
  await expect(page.getByLabel('E-mailadres')).toBeVisible()
  await expect(page.getByLabel('Wachtwoord')).toBeVisible()
  expect(violations).toEqual([])
})

test('links a manifest that makes the portal installable', async ({ page, request }) => {
  await page.goto('/')
  const href = await page.locator('link[rel="manifest"]').getAttribute('href')
  const response = await request.get(new URL(href!, page.url()).href)
  expect(response.ok()).toBe(true)
  const manifest = await response.json()

  expect(manifest).toMatchObject({ name: 'Kluis', start_url: '/', scope: '/', display: 'standalone' })
  const icons: { src: string, sizes: string, purpose?: string }[] = manifest.icons
  expect(icons.map(icon => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']))
  expect(icons.some(icon => icon.purpose === 'maskable')).toBe(true)
  for (const icon of icons) {
    const image = await request.get(new URL(icon.src, response.url()).href)
    expect(image.headers()['content-type'], icon.src).toBe('image/png')
  }
})

test('registers /sw.js, which serves the app shell but never the server\'s paths', async ({ page }) => {
  await page.goto('/')
  const scriptURL = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)
  expect(scriptURL).toMatch(/\/sw\.js$/)

  const shell = await page.goto('/sign-in')
  expect(shell?.fromServiceWorker()).toBe(true)
  await expect(page.getByRole('banner')).toContainText(officeName)

  for (const path of ['/graphql', '/graphiql', '/files/unknown', '/healthz', '/readyz']) {
    const response = await page.goto(path)
    // /graphiql answers a visitor who is not staff with a redirect to the sign-in route, which the shell may serve.
    const redirect = response?.request().redirectedFrom()
    const first = redirect ? await redirect.response() : response
    expect(first?.url(), path).toMatch(new RegExp(`${path}$`))
    expect(first?.fromServiceWorker(), path).toBe(false)
  }
})
