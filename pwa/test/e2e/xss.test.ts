import type { APIRequestContext, Browser, Locator, Page } from '@playwright/test'
import { expect, request, test } from '@playwright/test'
import * as OTPAuth from 'otpauth'
import { adminRequest, gql, gqlUpload, pdf } from './support/api'
import { setPasswordLink } from './support/capture'
import { acceptTerms, recoveryCodesAndContinue, setPassword, setUpTotp } from './support/onboarding'

// Payloads that would run if any of them reached the DOM as markup, an attribute, a URL or a Vue template.
const IMG = `<img src=x onerror="window.__xss=1">`
const SCRIPT = `<script>window.__xss=1</script>`
const SVG = `"><svg onload=window.__xss=1>`
const JS = `javascript:window.__xss=1`
const VUE = `{{constructor.constructor('window.__xss=1')()}}`
const TITLE = `</title><script>window.__xss=1</script>`
const LINK = `<a href="javascript:window.__xss=1">klik</a>`
const MUSTACHE = `{{7*7}}`
/** 20 characters, the most initials may have. */
const ALERT = `<svg onload=alert()>`

const clientEmail = 'xssklant@example.nl'
const staffEmail = 'xssbehandelaar@example.nl'
const staffName = { initials: '<b>S</b>', firstName: JS, infix: MUSTACHE, lastName: TITLE }
const staffDisplayName = `${JS} ${MUSTACHE} ${TITLE}`
const clientDisplayName = `${IMG} ${SVG} ${SCRIPT}`

const dossierOne = { number: `X-1 ${SCRIPT}`, description: `${IMG} ${VUE} ${JS}`, steps: [SVG, TITLE, `${MUSTACHE} stap`, LINK] }
const dossierTwo = { number: `X-2 ${SVG}`, description: `${TITLE} testament` }
const staffSubject = `${SCRIPT} ${MUSTACHE}`
const staffBody = [IMG, SCRIPT, SVG, JS, VUE, TITLE, LINK, MUSTACHE]
const absence = [IMG, TITLE]
const clientBody = [SVG, VUE]
const staffReply = { subject: `Re: ${TITLE}`, body: [JS, ALERT] }
const droppedName = `<svg onload=alert(1)>.txt`

const template = {
  title: `${TITLE} vragenlijst`,
  pages: [
    {
      title: IMG,
      questions: [
        { id: 'tekst', label: `${SCRIPT} naam`, kind: 'TEXT' },
        { id: 'lang', label: VUE, kind: 'TEXTAREA' },
      ],
    },
    {
      title: SVG,
      questions: [
        { id: 'keuze', label: JS, kind: 'SINGLE_CHOICE', options: [IMG, SCRIPT, MUSTACHE] },
        { id: 'meer', label: `${MUSTACHE}?`, kind: 'MULTI_CHOICE', options: [SVG, TITLE, VUE] },
      ],
    },
  ],
}
const answers = { tekst: `${IMG} ${JS}`, lang: [SCRIPT, TITLE] }

const published = [
  { category: 'CORRESPONDENCE', title: `${IMG} brief`, name: `<img src=x onerror=alert(1)>.pdf`, mimeType: 'application/pdf', buffer: pdf },
  { category: 'CORRESPONDENCE', title: JS, name: `javascript:alert(1).pdf`, mimeType: 'application/pdf', buffer: pdf },
  { category: 'DOCUMENT', title: SVG, name: `${VUE}.pdf`, mimeType: 'application/pdf', buffer: pdf },
  // Already-escaped text must stay as typed, not be decoded into markup.
  { category: 'DOCUMENT', title: `${TITLE} pagina`, name: `&lt;svg onload=alert(1)&gt;.html`, mimeType: 'text/html', buffer: Buffer.from(`<!doctype html><script>window.__xss=1</script>${IMG}`) },
]

interface Doc { id: string, title: string, fileName: string, mimeType: string, category: string }

/** What a payload would have left on the page. */
interface Findings { xss: unknown, injected: string[], title: string }

test.describe.configure({ mode: 'serial', timeout: 120_000 })

let staff: APIRequestContext
let page: Page
let dossierId = ''
let secondDossierId = ''
let questionnaireId = ''
const caught: string[] = []

/** Follows the staff member's invitation through the API: password, terms, TOTP, profile. */
async function onboardStaff(baseURL: string | undefined) {
  const context = await request.newContext({ baseURL })
  const token = new URL(await setPasswordLink(staffEmail), 'http://x').searchParams.get('token')
  let step = (await gql(context, `mutation ($t: String!) { setPassword(token: $t, password: "Behandelaar2026!x") { step } }`, { t: token })).setPassword.step
  if (step === 'ACCEPT_TERMS') {
    const { portal } = await gql(context, `{ portal { termsVersion } }`)
    step = (await gql(context, `mutation ($v: String!) { acceptTerms(version: $v) { step } }`, { v: portal.termsVersion })).acceptTerms.step
  }
  expect(step).toBe('SET_UP_SECOND_FACTOR')
  const { secret } = (await gql(context, `mutation { startTotpEnrollment { secret } }`)).startTotpEnrollment
  const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate()
  step = (await gql(context, `mutation ($c: String!) { confirmTotpEnrollment(code: $c) { step } }`, { c: code })).confirmTotpEnrollment.step
  if (step === 'COMPLETE_PROFILE')
    step = (await gql(context, `mutation ($input: ProfileInput!) { updateProfile(input: $input) { step } }`, { input: staffName })).updateProfile.step
  expect(step).toBe('DONE')
  return context
}

/** A browser for the client that reports, across navigations, any dialog, CSP violation, page error or write to window.__xss. */
async function watchedPage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, acceptDownloads: true })
  await context.exposeFunction('__kluisCaught', (what: string) => caught.push(what))
  await context.addInitScript(() => {
    const report = (window as any).__kluisCaught as (what: string) => void
    let value: unknown
    Object.defineProperty(window, '__xss', { configurable: true, get: () => value, set: (v) => { value = v; report(`window.__xss = ${v}`) } })
    document.addEventListener('securitypolicyviolation', e => report(`CSP ${e.effectiveDirective}: ${e.blockedURI} ${e.sample}`))
  })
  const watched = await context.newPage()
  watched.on('dialog', (dialog) => {
    caught.push(`dialog ${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  watched.on('pageerror', error => caught.push(`page error: ${error.message}`))
  watched.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text()))
      caught.push(`console: ${message.text()}`)
  })
  return watched
}

/** Nothing ran and nothing a payload carries became an element, an event handler or a script URL. */
async function expectInert(where: Page) {
  const found: Findings = await where.evaluate(() => {
    const injected: string[] = []
    for (const element of document.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase()
      for (const name of element.getAttributeNames()) {
        if (/^on/i.test(name))
          injected.push(`<${tag} ${name}>`)
        if (/^(href|src|action|formaction|xlink:href)$/i.test(name) && /^\s*(javascript|data:text\/html)/i.test(element.getAttribute(name)!))
          injected.push(`<${tag} ${name}="${element.getAttribute(name)}">`)
      }
      if (tag === 'img' && element.getAttribute('src') === 'x')
        injected.push('<img src=x>')
      if (tag === 'script' && !element.hasAttribute('src'))
        injected.push(`inline <script>: ${element.textContent}`)
      if (['iframe', 'object', 'embed', 'base'].includes(tag))
        injected.push(`<${tag}>`)
    }
    // Every link goes somewhere on this origin (or to a blob it made itself).
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      const url = new URL(link.href)
      if (!['http:', 'https:', 'blob:'].includes(url.protocol) || (url.protocol !== 'blob:' && url.origin !== location.origin))
        injected.push(`link to ${link.href}`)
    }
    return { xss: (window as any).__xss, injected, title: document.title }
  })
  expect(found.xss, 'window.__xss').toBeUndefined()
  expect(found.injected, 'elements or attributes from a payload').toEqual([])
  expect(found.title, 'the page title').toBe('Notariskantoor Test')
  expect(caught, 'dialogs, CSP violations, page errors').toEqual([])
}

/** Each text is on the page, visible, exactly as typed. */
async function expectShown(scope: Page | Locator, ...texts: string[]) {
  for (const text of texts)
    await expect(scope.getByText(text).filter({ visible: true }).first(), text).toBeVisible()
}

function tab(where: Page, name: string) {
  return where.getByRole('tab', { name: new RegExp(`^${name}`) })
}

/** A real drop event, with a DataTransfer built in the page, on the dialog's drop zone. */
async function dropFile(dialog: Locator, name: string, content: string) {
  await dialog.locator('.dropzone').evaluate((zone, file) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([file.content], file.name, { type: 'text/plain' }))
    for (const type of ['dragenter', 'dragover', 'drop'])
      zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }))
  }, { name, content })
}

/** The dossier's documents of one category as the office sees them. */
async function documents(category: string): Promise<Doc[]> {
  const { dossier } = await gql(staff, `
    query ($id: ID!, $c: DocumentCategory!) { dossier(id: $id) { documents(category: $c, first: 100) { edges { node { id title fileName mimeType category } } } } }
  `, { id: dossierId, c: category })
  return dossier.documents.edges.map((edge: { node: Doc }) => edge.node)
}

/** Waits for the Berichten tab to list `count` messages and opens each of them. */
async function openAllMessages(where: Page, count: number) {
  const toggles = where.getByRole('tabpanel').locator('.message__toggle')
  await expect(toggles).toHaveCount(count)
  for (let i = 0; i < count; i++) {
    const toggle = toggles.nth(i)
    if (await toggle.getAttribute('aria-expanded') === 'false')
      await toggle.click()
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  }
}

test.afterAll(async () => {
  await staff?.dispose()
  await page?.context().close()
})

test('the office seeds payloads in every text field, the client fills in a name that is one, and home, company (with its name) and my data show them as text', async ({ browser, baseURL }) => {
  // The admin invites a handler whose own name is a payload; the handler does the rest, and is away with a payload as auto-reply.
  const admin = await adminRequest(browser, baseURL)
  await gql(admin.request, `mutation ($input: InviteUserInput!) { inviteUser(input: $input) { id } }`, { input: { email: staffEmail, role: 'STAFF', ...staffName } })
  await admin.close()
  staff = await onboardStaff(baseURL)
  const { me } = await gql(staff, `{ me { id profile { displayName } } }`)
  expect(me.profile.displayName).toBe(staffDisplayName)
  await gql(staff, `mutation ($input: AbsenceInput!) { setAbsence(input: $input) { id } }`, {
    input: { enabled: true, message: absence.join('\n'), until: new Date(Date.now() + 86_400_000).toISOString() },
  })

  // A company client without a first name (they type it themselves), two dossiers, letters and documents, a message and a questionnaire.
  const { inviteUser: client } = await gql(staff, `mutation ($input: InviteUserInput!) { inviteUser(input: $input) { id } }`, {
    input: { email: clientEmail, accountKind: 'COMPANY', companyName: `${TITLE} B.V.`, initials: ALERT, infix: SVG, lastName: SCRIPT },
  })
  const createDossier = `mutation ($input: CreateDossierInput!) { createDossier(input: $input) { id progress { steps { id position } } } }`
  const { createDossier: one } = await gql(staff, createDossier, {
    input: { number: dossierOne.number, description: dossierOne.description, clientIds: [client.id], handlerId: me.id, progressSteps: dossierOne.steps },
  })
  dossierId = one.id
  const first = one.progress.steps.sort((a: { position: number }, b: { position: number }) => a.position - b.position)[0]
  await gql(staff, `mutation ($id: ID!) { setProgressStepDone(stepId: $id, done: true) { id } }`, { id: first.id })
  const { createDossier: two } = await gql(staff, createDossier, {
    input: { number: dossierTwo.number, description: dossierTwo.description, status: 'COMPLETED', clientIds: [client.id], handlerId: me.id, progressSteps: [] },
  })
  secondDossierId = two.id
  for (const { category, title, ...file } of published) {
    await gqlUpload(staff, `mutation ($input: PublishDocumentInput!) { publishDocument(input: $input) { id } }`, { input: { dossierId, category, title, file: null } }, file)
  }
  await gql(staff, `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`, { input: { dossierId, subject: staffSubject, body: staffBody.join('\n') } })
  const { createQuestionnaireTemplate: created } = await gql(staff, `mutation ($input: QuestionnaireTemplateInput!) { createQuestionnaireTemplate(input: $input) { id } }`, { input: template })
  questionnaireId = (await gql(staff, `mutation ($d: ID!, $t: ID!, $a: ID!) { sendQuestionnaire(dossierId: $d, templateId: $t, assigneeId: $a) { id } }`, { d: dossierId, t: created.id, a: client.id })).sendQuestionnaire.id

  // The client sets up the account; the profile shows what the office typed as it is, and takes a first name that is a payload.
  page = await watchedPage(browser, baseURL)
  await page.goto(await setPasswordLink(clientEmail))
  await setPassword(page, 'Xssklant2026!x')
  await acceptTerms(page)
  await setUpTotp(page)
  await recoveryCodesAndContinue(page)
  await expect(page).toHaveURL(/\/profile$/)
  await expect(page.getByLabel('Voorletters')).toHaveValue(ALERT)
  await expect(page.getByLabel('Tussenvoegsel')).toHaveValue(SVG)
  await expect(page.getByLabel('Achternaam')).toHaveValue(SCRIPT)
  await expectInert(page)
  await page.getByLabel('Voornaam').fill(IMG)
  await page.getByRole('button', { name: 'Opslaan en verder' }).click()

  // Home: the greeting carries the name; the tiles hold nothing else of theirs.
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welkom, ${clientDisplayName}`)
  await expect(page.getByRole('list', { name: 'Overzicht' })).toContainText('1 openstaande actie')
  await expectInert(page)

  // Company: an extra account the client adds with payload names is listed by that name.
  await gql(page.request, `mutation ($input: ExtraAccountInput!) { addExtraAccount(input: $input) { id } }`, {
    input: { email: 'xssextra@example.nl', initials: 'E.', firstName: VUE, lastName: MUSTACHE },
  })
  await page.getByRole('navigation').getByRole('link', { name: 'Bedrijf' }).click()
  await expect(page.getByRole('heading', { name: 'Bedrijf', level: 1 })).toBeVisible()
  await expect(page.locator('.company-name')).toHaveText(`${TITLE} B.V.`)
  await expect(page.getByRole('button', { name: `${VUE} ${MUSTACHE}`, exact: true })).toBeVisible()
  await expectInert(page)

  // My data: the name as a heading, and the company the account belongs to.
  await page.getByRole('navigation').getByRole('link', { name: 'Mijn gegevens' }).click()
  await expect(page.getByRole('heading', { level: 2, name: clientDisplayName, exact: true })).toBeVisible()
  await expect(page.getByText(`Hoofdaccount van ${TITLE} B.V.`, { exact: true })).toBeVisible()
  await expectInert(page)
})

test('the dossier list and the dossier page show numbers, descriptions, handler, steps, titles and file names as text, and files download as attachments', async () => {
  await page.getByRole('navigation').getByRole('link', { name: 'Dossiers' }).click()
  await expect(page).toHaveURL(/\/dossiers$/)
  const list = page.getByRole('list', { name: 'Dossiers' })
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await expectShown(list, dossierOne.number, dossierOne.description, dossierTwo.number, dossierTwo.description)
  await expectInert(page)
  // Searching for a payload is just searching for text.
  await page.getByLabel('Zoeken op nummer of omschrijving').fill(IMG)
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expectShown(list, dossierOne.number)
  await expectInert(page)

  await list.getByRole('link').first().click()
  await expect(page).toHaveURL(new RegExp(`/dossiers/${dossierId}$`))
  const header = page.locator('.dossier-header')
  await expectShown(header, dossierOne.number, dossierOne.description, staffDisplayName)
  await page.getByText('Voortgang (1/4)').click()
  await expectShown(page.locator('.progress'), ...dossierOne.steps)
  await expectShown(page.getByRole('region', { name: 'Vragenlijsten' }), template.title)
  await expectInert(page)

  // Each document tab: titles and the file names the server kept, by whoever published them.
  for (const [category, name] of [['CORRESPONDENCE', 'Correspondentie'], ['DOCUMENT', 'Documenten']] as const) {
    await tab(page, name).click()
    const panel = page.getByRole('tabpanel')
    const docs = await documents(category)
    expect(docs.map(doc => doc.title).sort()).toEqual(published.filter(doc => doc.category === category).map(doc => doc.title).sort())
    for (const doc of docs)
      await expectShown(panel, doc.title, doc.fileName)
    await expectShown(panel, staffDisplayName)
    await expectInert(page)
  }

  // Downloading from the page saves the file under the name the server holds.
  const [letter] = (await documents('CORRESPONDENCE')).filter(doc => doc.title === published[0]!.title)
  await tab(page, 'Correspondentie').click()
  const downloaded = page.waitForEvent('download')
  await page.getByRole('button', { name: `Download ${letter!.title}` }).click()
  expect((await downloaded).suggestedFilename()).toBe(letter!.fileName)
  await expectInert(page)

  // Straight from /files/:id: always an attachment under a quoted, clean name, never something a browser would render here.
  for (const doc of [...await documents('CORRESPONDENCE'), ...await documents('DOCUMENT')]) {
    expect(doc.fileName, 'markup and quotes are taken out of file names').not.toMatch(/[<>"\\/]/)
    const response = await page.request.get(`/files/${doc.id}`)
    expect(response.status()).toBe(200)
    const headers = response.headers()
    const disposition = headers['content-disposition']!
    expect(disposition, doc.fileName).toMatch(/^attachment; filename="[^"\\\r\n]*"(; filename\*=UTF-8''[\w%!'()*.~-]+)?$/)
    const star = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1]
    expect(star ? decodeURIComponent(star) : /filename="([^"]*)"/.exec(disposition)![1]).toBe(doc.fileName)
    // The type sniffed from the bytes, whatever the name says: an ".html" file full of script is text/plain here.
    expect(headers['content-type']).toBe(doc.mimeType)
    expect(headers['content-type']).not.toMatch(/html|xml|svg/)
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['content-security-policy']).toContain('sandbox')
  }
})

test('messages, the reply composer with its quote, the absence reply and a reply quoting the client show every payload as text', async () => {
  await tab(page, 'Berichten').click()
  const panel = page.getByRole('tabpanel')
  await openAllMessages(page, 1)
  await expectShown(panel, staffSubject, ...staffBody, `Van: ${staffDisplayName}`)
  await expectInert(page)

  // Beantwoorden: the subject is filled in and the original quoted, both as text.
  await panel.getByRole('button', { name: /^Beantwoorden/ }).click()
  const compose = page.getByRole('region', { name: 'Antwoord' })
  await expect(compose.getByRole('textbox', { name: /^Onderwerp/ })).toHaveValue(`Re: ${staffSubject}`)
  const original = compose.getByRole('region', { name: 'Oorspronkelijk bericht' })
  await expectShown(original, `${staffDisplayName} schreef op`, staffSubject, ...staffBody)
  await expectInert(page)
  await compose.getByRole('textbox', { name: /^Bericht/ }).fill(clientBody.join('\n'))

  // An attachment whose name is a payload: listed as text in the dialog and in the composer.
  await compose.getByRole('button', { name: 'Bijlagen toevoegen' }).click()
  const dialog = page.getByRole('dialog', { name: 'Bijlagen toevoegen' })
  await dropFile(dialog, droppedName, 'Bijlage met een lastige naam.')
  await expectShown(dialog, droppedName)
  await expectInert(page)
  await dialog.getByRole('button', { name: 'Upload 1 bestand' }).click()
  await expectShown(compose.getByRole('list', { name: 'Bijlagen' }), droppedName)
  await compose.getByRole('button', { name: 'Versturen' }).click()
  await expect(page.getByText('Uw bericht is verstuurd.')).toBeVisible()

  // The handler is away: the automatic reply carries the absence text.
  const automatic = panel.locator('.message').filter({ hasText: 'Automatisch antwoord' })
  await expect(automatic).toHaveCount(1)
  await expectInert(page)

  // The handler answers the client's message; it quotes the client's name, subject and text.
  const { dossier } = await gql(staff, `query ($id: ID!) { dossier(id: $id) { messages(first: 10) { edges { node { id subject author { email } attachments { fileName } } } } } }`, { id: dossierId })
  const sent = dossier.messages.edges.map((edge: any) => edge.node).find((node: any) => node.author.email === clientEmail)
  expect(sent.subject).toBe(`Re: ${staffSubject}`)
  await gql(staff, `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`, {
    input: { dossierId, subject: staffReply.subject, body: staffReply.body.join('\n'), replyToId: sent.id },
  })
  await page.reload()
  await tab(page, 'Berichten').click()
  await openAllMessages(page, 4)
  await expectShown(panel, `Re: ${staffSubject}`, `Aan: ${staffDisplayName}`, ...clientBody, sent.attachments[0].fileName)
  await expectShown(automatic, `Re: Re: ${staffSubject}`, ...absence)
  const answer = panel.locator('.message').filter({ has: page.getByRole('button', { name: staffReply.subject, exact: true }) })
  await expectShown(answer, ...staffReply.body)
  await expectShown(answer.getByRole('region', { name: 'Oorspronkelijk bericht' }), `${clientDisplayName} schreef op`, `Re: ${staffSubject}`, ...clientBody)
  await expectInert(page)

  // The attachment is among what the client provided, under the name the server kept, by the client.
  await tab(page, 'Door mij aangeleverd').click()
  await expectShown(page.getByRole('tabpanel'), sent.attachments[0].fileName, clientDisplayName)
  await expectInert(page)

  // The second dossier.
  await page.goto(`/dossiers/${secondDossierId}`)
  await expectShown(page.locator('.dossier-header'), dossierTwo.number, dossierTwo.description, staffDisplayName)
  await expectInert(page)
})

test('the actions list, the questionnaire wizard and its result show titles, labels, options and answers as text', async () => {
  await page.getByRole('navigation').getByRole('link', { name: /^Acties/ }).click()
  const actions = page.getByRole('list', { name: 'Openstaande acties' })
  await expect(actions.getByRole('listitem')).toHaveCount(1)
  await expectShown(actions, template.title, `Dossier ${dossierOne.number} · ${dossierOne.description}`)
  await expectInert(page)
  await actions.getByRole('link', { name: /^Invullen/ }).click()
  await expect(page).toHaveURL(new RegExp(`/actions/${questionnaireId}$`))

  // Page 1: the labels as text; the answers typed are payloads too.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(template.title)
  await expectShown(page.getByRole('heading', { level: 2 }), template.pages[0]!.title)
  await page.getByLabel(`${SCRIPT} naam`).fill(answers.tekst)
  await page.getByLabel(VUE).fill(answers.lang.join('\n'))
  await expectInert(page)
  await page.getByRole('button', { name: 'Volgende' }).click()

  // Page 2: legends and options as text.
  await expectShown(page.getByRole('heading', { level: 2 }), template.pages[1]!.title)
  const single = page.getByRole('group', { name: JS })
  const multi = page.getByRole('group', { name: `${MUSTACHE}?` })
  await expectShown(single, IMG, SCRIPT, MUSTACHE)
  await expectShown(multi, SVG, TITLE, VUE)
  await single.getByLabel(SCRIPT, { exact: true }).check()
  await multi.getByLabel(SVG, { exact: true }).check()
  await multi.getByLabel(VUE, { exact: true }).check()
  await expectInert(page)
  await page.getByRole('button', { name: 'Afronden' }).click()

  // The result: every page title, label and answer as text.
  await expect(page.getByRole('status')).toContainText('Bedankt, uw antwoorden zijn verstuurd.')
  const result = page.locator('.questionnaire-result')
  await expect(result.getByRole('term')).toHaveText([`${SCRIPT} naam`, VUE, JS, `${MUSTACHE}?`])
  await expect(result.getByRole('definition')).toHaveText([answers.tekst, answers.lang.join(' '), SCRIPT, `${SVG}, ${VUE}`])
  await expectShown(result, template.pages[0]!.title, template.pages[1]!.title)
  await expectInert(page)

  // Its PDF among what the client provided, under a clean name.
  await page.getByRole('link', { name: 'De PDF bij Door mij aangeleverd' }).click()
  const pdfs = (await documents('PROVIDED')).filter(doc => doc.fileName.endsWith('.pdf'))
  expect(pdfs).toHaveLength(1)
  await expectShown(page.getByRole('tabpanel'), pdfs[0]!.title, pdfs[0]!.fileName)
  await expectShown(page.getByRole('region', { name: 'Vragenlijsten' }), template.title)
  await expectInert(page)
})

test('the extra account signs up under the name the client gave it, and my data names the company it belongs to as text', async ({ browser, baseURL }) => {
  const extra = await watchedPage(browser, baseURL)
  await extra.goto(await setPasswordLink('xssextra@example.nl'))
  await setPassword(extra, 'Xssextra2026!x')
  await acceptTerms(extra)
  await setUpTotp(extra)
  await recoveryCodesAndContinue(extra)
  // The client gave a whole name, so there is no profile step.
  await expect(extra).toHaveURL(/\/$/)
  await expect(extra.getByRole('heading', { level: 1 })).toHaveText(`Welkom, ${VUE} ${MUSTACHE}`)
  await extra.getByRole('navigation').getByRole('link', { name: 'Mijn gegevens' }).click()
  await expect(extra.getByRole('heading', { level: 2, name: `${VUE} ${MUSTACHE}`, exact: true })).toBeVisible()
  await expect(extra.getByText(`Extra account van ${TITLE} B.V.`, { exact: true })).toBeVisible()
  await expectInert(extra)
  await extra.context().close()
})
