import type { APIRequestContext, Browser } from '@playwright/test'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from '@playwright/test'

/** Where admin.setup.ts leaves the bootstrap admin's signed-in browser state for the other tests. */
export const adminStatePath = join(process.env.E2E_STATE_DIR!, 'admin.json')

/** A request context signed in as the bootstrap admin (set up once by admin.setup.ts). */
export async function adminRequest(browser: Browser, baseURL: string | undefined) {
  expect(existsSync(adminStatePath), 'admin.setup.ts ran first').toBe(true)
  const context = await browser.newContext({ baseURL, storageState: adminStatePath })
  return { request: context.request, close: () => context.close() }
}

const headers = { 'apollo-require-preflight': 'true' }

/** Sends one GraphQL operation and returns its data, failing the test on any error. */
export async function gql<T = any>(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await request.post('/graphql', { headers: { ...headers, 'content-type': 'application/json' }, data: { query, variables } })
  const body = await response.json()
  expect(body.errors, query).toBeUndefined()
  return body.data as T
}

/** A GraphQL multipart request (one file at `variables.input.file`), as the upload spec has it. */
export async function gqlUpload<T = any>(request: APIRequestContext, query: string, variables: Record<string, unknown>, file: { name: string, mimeType: string, buffer: Buffer }): Promise<T> {
  const response = await request.post('/graphql', {
    headers,
    multipart: {
      operations: JSON.stringify({ query, variables }),
      // A non-numeric key: JavaScript would put a numeric one before `operations` and `map`, and the spec wants files last.
      map: JSON.stringify({ file: ['variables.input.file'] }),
      file,
    },
  })
  const body = await response.json()
  expect(body.errors, query).toBeUndefined()
  return body.data as T
}

// A small but real PDF: the server sniffs the type from the bytes.
export const pdf = Buffer.from(`%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
trailer << /Root 1 0 R >>
%%EOF
`)
