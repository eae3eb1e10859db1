import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { expect } from '@playwright/test'

const require = createRequire(import.meta.url)
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** Runs axe-core in the page and expects no violations, naming each rule and element when there are. */
export async function expectNoAxeViolations(page: Page) {
  // Evaluated through the DevTools protocol, which the portal's CSP (no inline script) rightly does not allow a script tag.
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string, help: string, nodes: { target: unknown }[] }[] }> } }).axe.run()
    return result.violations.map(violation => `${violation.id} (${violation.help}): ${violation.nodes.map(node => JSON.stringify(node.target)).join(', ')}`)
  })
  expect(violations, `axe-core on ${page.url()}`).toEqual([])
}
