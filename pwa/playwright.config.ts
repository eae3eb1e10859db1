import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, devices } from '@playwright/test'

// Set once in the runner and inherited by its workers, which load this file again.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'kluis-e2e-'))
// Browser state the tests hand on (the admin's session from admin.setup.ts), apart from the server's own data.
process.env.E2E_STATE_DIR ??= mkdtempSync(join(tmpdir(), 'kluis-e2e-state-'))
if (!process.env.E2E_FAKES_PORT) {
  // Free loopback ports, chosen before any server starts, for the SMTP server, the Vonage fake and their control endpoint.
  const script = fileURLToPath(new URL('./test/e2e/support/freePorts.mjs', import.meta.url))
  const [smtp, vonage, fakes] = JSON.parse(execFileSync(process.execPath, [script, '3'], { encoding: 'utf8' })) as number[]
  Object.assign(process.env, { E2E_SMTP_PORT: String(smtp), E2E_VONAGE_PORT: String(vonage), E2E_FAKES_PORT: String(fakes) })
  if (process.env.TEST_DATABASE_URL) {
    // MariaDB/MySQL: a database of its own for every run, created and dropped by the fakes process.
    const url = new URL(process.env.TEST_DATABASE_URL)
    url.pathname = `/kluis_e2e_${randomBytes(4).toString('hex')}`
    process.env.E2E_DATABASE_URL = url.href
  }
}

const port = Number(process.env.E2E_PORT ?? 4173)
const baseURL = `http://127.0.0.1:${port}`
const root = fileURLToPath(new URL('..', import.meta.url))

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  },
}

export default defineConfig({
  testDir: './test/e2e',
  // One folder per port, so runs side by side do not clear each other's artifacts.
  outputDir: `./test-results/${port}`,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      // The bootstrap admin's one invitation, used once; every test that needs staff reuses the session it leaves.
      name: 'setup',
      testMatch: /\.setup\.ts$/,
      use: chromium,
    },
    {
      name: 'chromium',
      dependencies: ['setup'],
      use: chromium,
    },
  ],
  webServer: [
    {
      // Real SMTP and a loopback Vonage fake must be listening before Kluis starts: it sends the admin's invitation at boot.
      command: 'node pwa/test/e2e/support/fakes.mjs',
      cwd: root,
      url: `http://127.0.0.1:${process.env.E2E_FAKES_PORT}/ready`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      env: {
        E2E_SMTP_PORT: process.env.E2E_SMTP_PORT!,
        E2E_VONAGE_PORT: process.env.E2E_VONAGE_PORT!,
        E2E_FAKES_PORT: process.env.E2E_FAKES_PORT!,
        E2E_DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
      },
    },
    {
      command: 'node server/dist/main.js',
      cwd: root,
      url: `${baseURL}/readyz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: baseURL,
        DATA_DIR: process.env.E2E_DATA_DIR,
        // Embedded SQLite unless CI's MariaDB pass asks for it (then a fresh database per run); a DATABASE_URL from the shell never leaks in.
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
        DEMO_DATA: 'false',
        PORTAL_NAME: 'Notariskantoor Test',
        BOOTSTRAP_ADMIN_EMAIL: 'beheer@kantoor.test',
        SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
        VONAGE_API_KEY: 'k',
        VONAGE_API_SECRET: 's',
        VONAGE_FROM: 'Kluis',
        VONAGE_REST_HOST: `http://127.0.0.1:${process.env.E2E_VONAGE_PORT}`,
        NODE_ENV: 'test',
      },
    },
  ],
})
