import type { Locator, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { adminRequest, gql } from './support/api'
import { expectNoAxeViolations } from './support/axe'
import { setPasswordLink } from './support/capture'
import { acceptTerms, recoveryCodesAndContinue, setPassword, setUpTotp } from './support/onboarding'

const clientEmail = 'berichtklant@example.nl'

// A small but real PDF: the server sniffs the type from the bytes.
const pdf = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
trailer << /Root 1 0 R >>
%%EOF
`

interface DroppedFile { name: string, type: string, content: string }

/** A real drop event, with a DataTransfer built in the page, on the dialog's drop zone. */
async function dropFiles(dialog: Locator, files: DroppedFile[]) {
  await dialog.locator('.dropzone').evaluate((zone, files) => {
    const transfer = new DataTransfer()
    for (const file of files)
      transfer.items.add(new File([file.content], file.name, { type: file.type }))
    zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }))
    zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }))
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }))
  }, files)
}

function tab(page: Page, name: string) {
  return page.getByRole('tab', { name: new RegExp(`^${name}`) })
}

function message(page: Page, subject: string) {
  return page.getByRole('tabpanel').locator('.message').filter({ has: page.getByRole('button', { name: subject, exact: true }) })
}

// Onboarding a client and the steps after it take a while, more so on MariaDB and on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 90_000 })

let page: Page
let dossierId = ''

test.afterAll(async ({ browser, baseURL }) => {
  const admin = await adminRequest(browser, baseURL)
  await gql(admin.request, `mutation { setAbsence(input: { enabled: false }) { id } }`)
  await admin.close()
  await page?.context().close()
})

test('a client replies to the office with an attachment dropped onto the dialog and finds it among the documents they provided', async ({ browser, baseURL }) => {
  // Staff: a client, a dossier they handle, and a message to the client; they are away, so the client's reply gets an automatic answer.
  const admin = await adminRequest(browser, baseURL)
  const { me } = await gql<{ me: { id: string } }>(admin.request, `{ me { id } }`)
  const { inviteUser } = await gql<{ inviteUser: { id: string } }>(admin.request, `
    mutation ($input: InviteUserInput!) { inviteUser(input: $input) { id } }
  `, { input: { email: clientEmail, initials: 'B.', firstName: 'Bram', lastName: 'Bericht' } })
  const { createDossier } = await gql<{ createDossier: { id: string } }>(admin.request, `
    mutation ($input: CreateDossierInput!) { createDossier(input: $input) { id } }
  `, { input: { number: 'BER-2026-001', description: 'Schenking', clientIds: [inviteUser.id], handlerId: me.id, progressSteps: [] } })
  dossierId = createDossier.id
  await gql(admin.request, `
    mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }
  `, { input: { dossierId, subject: 'Aanvullende stukken', body: 'Goedemiddag,\n\nWilt u een kopie van uw identiteitsbewijs sturen?' } })
  await gql(admin.request, `
    mutation ($input: AbsenceInput!) { setAbsence(input: $input) { id } }
  `, { input: { enabled: true, message: 'Ik ben afwezig tot maandag.', until: new Date(Date.now() + 86_400_000).toISOString() } })
  await admin.close()

  const context = await browser.newContext({ baseURL })
  page = await context.newPage()
  await page.goto(await setPasswordLink(clientEmail))
  await setPassword(page, 'Berichtklant2026')
  await acceptTerms(page)
  await setUpTotp(page)
  await recoveryCodesAndContinue(page)
  await expect(page).toHaveURL(/\/$/)
  await page.goto(`/dossiers/${dossierId}`)

  // The Berichten tab: one message, unread.
  const messages = tab(page, 'Berichten')
  await expect(messages).toContainText('(1)')
  await expect(messages.locator('.badge')).toHaveText(/^1/)
  await messages.click()
  const incoming = message(page, 'Aanvullende stukken')
  await expect(incoming).toContainText('Van: Bea Heerder')
  await expect(incoming.getByText('Nieuw', { exact: true })).toBeVisible()
  await expectNoAxeViolations(page)

  // Opening it marks it read: the marker and the tab's unread count go.
  const toggle = incoming.getByRole('button', { name: 'Aanvullende stukken', exact: true })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await expect(incoming).toContainText('Wilt u een kopie van uw identiteitsbewijs sturen?')
  await expect(incoming.getByText('Nieuw', { exact: true })).toHaveCount(0)
  await expect(messages.locator('.badge')).toHaveCount(0)

  // Beantwoorden: the subject is filled in, the original shows below the reply, and the text is required.
  await incoming.getByRole('button', { name: /^Beantwoorden/ }).click()
  const compose = page.getByRole('region', { name: 'Antwoord' })
  await expect(compose.getByRole('textbox', { name: /^Onderwerp/ })).toHaveValue('Re: Aanvullende stukken')
  await expect(compose.getByRole('textbox', { name: /^Bericht/ })).toBeFocused()
  const original = compose.getByRole('region', { name: 'Oorspronkelijk bericht' })
  await expect(original).toContainText('Bea Heerder schreef op')
  await expect(original).toContainText('Wilt u een kopie van uw identiteitsbewijs sturen?')
  await compose.getByRole('button', { name: 'Versturen' }).click()
  await expect(compose.getByText('Schrijf een bericht.')).toBeVisible()
  await expect(compose.getByRole('textbox', { name: /^Bericht/ })).toBeFocused()
  await expect(compose.getByRole('textbox', { name: /^Bericht/ })).toHaveAttribute('aria-invalid', 'true')
  const body = 'Goedemiddag,\n\nHierbij mijn identiteitsbewijs. 😀'
  await compose.getByRole('textbox', { name: /^Bericht/ }).fill(body)
  // An emoji counts as one character, as the server counts.
  await expect(compose.locator('.field__counter').nth(1)).toContainText(`${[...body].length}/4000`)

  // The dialog: a keyboard user is kept inside it, and Escape closes it without adding anything.
  await compose.getByRole('button', { name: 'Bijlagen toevoegen' }).click()
  const dialog = page.getByRole('dialog', { name: 'Bijlagen toevoegen' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Bladeren' })).toBeFocused()
  await expect(dialog.getByRole('button', { name: 'Upload 0 bestanden' })).toBeDisabled()
  await expectNoAxeViolations(page)
  for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key)
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog')), `focus after ${key}`).toBe(true)
  }
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(compose.locator('.file-list')).toHaveCount(0)

  // Two files dropped at once, one of them removed again with its cross.
  await compose.getByRole('button', { name: 'Bijlagen toevoegen' }).click()
  await dropFiles(dialog, [
    { name: 'identiteitsbewijs.pdf', type: 'application/pdf', content: pdf },
    { name: 'notities.txt', type: 'text/plain', content: 'niet meesturen' },
  ])
  const chosen = dialog.getByRole('list', { name: 'Gekozen bestanden' })
  await expect(chosen.getByRole('listitem')).toHaveCount(2)
  await expect(dialog.getByRole('button', { name: '+ Meer toevoegen' })).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Upload 2 bestanden' })).toBeEnabled()
  await dialog.getByRole('button', { name: 'notities.txt niet toevoegen' }).click()
  await expect(chosen.getByRole('listitem')).toHaveCount(1)
  await expect(chosen).toContainText('identiteitsbewijs.pdf')
  await expect(dialog.getByRole('button', { name: 'identiteitsbewijs.pdf niet toevoegen' })).toBeFocused()

  // A file over the portal's limit (25 MB here) is left out before anything is sent, and the dialog says why.
  await dialog.locator('.dropzone').evaluate((zone) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([new Uint8Array(25 * 1024 * 1024 + 1)], 'scan.pdf', { type: 'application/pdf' }))
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }))
  })
  await expect(dialog.getByText('Niet toegevoegd, want een bijlage mag hoogstens 25 MB zijn: scan.pdf.')).toBeVisible()
  await expect(chosen.getByRole('listitem')).toHaveCount(1)
  await dialog.getByRole('button', { name: 'Upload 1 bestand' }).click()
  await expect(dialog).toBeHidden()
  const attached = compose.getByRole('list', { name: 'Bijlagen' })
  await expect(attached.getByRole('listitem')).toHaveCount(1)
  await expect(attached.getByRole('button', { name: 'Bijlage identiteitsbewijs.pdf verwijderen' })).toBeVisible()

  // A file whose bytes are not what its name says: the server's refusal shows by that file, and nothing typed is lost.
  await compose.getByRole('button', { name: 'Bijlagen toevoegen' }).click()
  await dropFiles(dialog, [{ name: 'vervalst.pdf', type: 'application/pdf', content: 'Dit is geen PDF.' }])
  await dialog.getByRole('button', { name: 'Upload 1 bestand' }).click()
  await expect(attached.getByRole('listitem')).toHaveCount(2)
  await compose.getByRole('button', { name: 'Versturen' }).click()
  const refused = attached.getByRole('listitem').filter({ hasText: 'vervalst.pdf' })
  await expect(refused).toContainText('Dit bestand kan niet worden verstuurd')
  await expect(attached.getByRole('listitem').filter({ hasText: 'identiteitsbewijs.pdf' }).locator('.field__error')).toHaveCount(0)
  await expect(compose.getByRole('textbox', { name: /^Onderwerp/ })).toHaveValue('Re: Aanvullende stukken')
  await expect(compose.getByRole('textbox', { name: /^Bericht/ })).toHaveValue(body)
  await expect(refused.getByRole('button', { name: 'Bijlage vervalst.pdf verwijderen' })).toBeFocused()
  await expectNoAxeViolations(page)

  // The trash icon removes it; now it goes.
  await refused.getByRole('button', { name: 'Bijlage vervalst.pdf verwijderen' }).click()
  await expect(attached.getByRole('listitem')).toHaveCount(1)
  await compose.getByRole('button', { name: 'Versturen' }).click()
  await expect(page.getByText('Uw bericht is verstuurd.')).toBeVisible()
  await expect(compose).toHaveCount(0)

  // The reply is listed as sent to the handler, with its attachment and the original below it; the absence reply is marked.
  const reply = message(page, 'Re: Aanvullende stukken')
  await expect(reply).toContainText('Aan: Bea Heerder')
  await expect(reply).toContainText('1 bijlage')
  await reply.getByRole('button', { name: 'Re: Aanvullende stukken', exact: true }).click()
  await expect(reply.getByRole('list', { name: 'Bijlagen' })).toContainText('identiteitsbewijs.pdf')
  await expect(reply.getByRole('region', { name: 'Oorspronkelijk bericht' })).toContainText('Wilt u een kopie')
  const automatic = message(page, 'Re: Re: Aanvullende stukken')
  await expect(automatic).toContainText('Automatisch antwoord')
  await expect(automatic).toContainText('Van: Bea Heerder')
  await expect(messages).toContainText('(3)')
  await expect(messages.locator('.badge')).toHaveText(/^1/)
  await expectNoAxeViolations(page)

  // The attachment is a document the client provided.
  const provided = tab(page, 'Door mij aangeleverd')
  await expect(provided).toContainText('(1)')
  await provided.click()
  await expect(page.getByRole('tabpanel')).toContainText('identiteitsbewijs.pdf')
  await expect(page.getByRole('tabpanel')).not.toContainText('vervalst.pdf')
  await expect(page.getByRole('tabpanel')).not.toContainText('notities.txt')

  // The office received exactly that: one reply with one attachment, nothing from the refused attempt.
  const office = await adminRequest(browser, baseURL)
  const { dossier } = await gql<{ dossier: { messages: { totalCount: number, edges: { node: { subject: string, automatic: boolean, attachments: { fileName: string, category: string }[] } }[] } } }>(office.request, `
    query ($id: ID!) { dossier(id: $id) { messages { totalCount edges { node { subject automatic attachments { fileName category } } } } } }
  `, { id: dossierId })
  await office.close()
  expect(dossier.messages.totalCount).toBe(3)
  const sent = dossier.messages.edges.map(edge => edge.node).find(node => node.subject === 'Re: Aanvullende stukken')!
  expect(sent.automatic).toBe(false)
  expect(sent.attachments).toEqual([{ fileName: 'identiteitsbewijs.pdf', category: 'PROVIDED' }])
})

test('a new message keeps to 4000 characters, says so at the limit, and a retry after a lost answer sends it and its attachment once', async ({ browser, baseURL }) => {
  await tab(page, 'Berichten').click()
  await page.getByRole('button', { name: 'Nieuw bericht' }).click()
  const compose = page.getByRole('region', { name: 'Nieuw bericht' })
  const subject = compose.getByRole('textbox', { name: /^Onderwerp/ })
  const body = compose.getByRole('textbox', { name: /^Bericht/ })
  await expect(subject).toBeFocused()

  // Subject and text are required.
  await compose.getByRole('button', { name: 'Versturen' }).click()
  await expect(compose.getByText('Vul een onderwerp in.')).toBeVisible()
  await expect(compose.getByText('Schrijf een bericht.')).toBeVisible()
  await expect(subject).toBeFocused()

  // Up to the limit: the counter is live and the notice appears at 4000, an emoji counting one.
  const counter = compose.locator('.field__counter').nth(1)
  const notice = compose.locator('.field__notice').nth(1)
  await expect(notice).toHaveAttribute('aria-live', 'polite')
  await body.fill('a'.repeat(3998))
  await expect(counter).toContainText('3998/4000')
  await expect(notice).toHaveText('')
  await body.press('End')
  await body.pressSequentially('😀')
  await expect(counter).toContainText('3999/4000')
  await body.pressSequentially('b')
  await expect(counter).toContainText('4000/4000')
  await expect(notice).toHaveText('U heeft het maximum van 4000 tekens bereikt. Wat u verder typt, wordt verwijderd.')

  // Typing on removes what is too much; so does pasting a longer text.
  await body.pressSequentially('cdef')
  await expect(body).toHaveValue(`${'a'.repeat(3998)}😀b`)
  await expect(counter).toContainText('4000/4000')
  await body.fill('x'.repeat(4100))
  await expect(body).toHaveValue('x'.repeat(4000))
  await expect(counter).toContainText('4000/4000')
  await expect(notice).toContainText('maximum van 4000 tekens')
  await expectNoAxeViolations(page)

  // Below the limit again, the notice goes.
  await body.fill('Wanneer kan ik de akte tekenen?')
  await expect(notice).toHaveText('')
  await subject.fill('Afspraak')

  await compose.getByRole('button', { name: 'Bijlagen toevoegen' }).click()
  const dialog = page.getByRole('dialog', { name: 'Bijlagen toevoegen' })
  await dropFiles(dialog, [{ name: 'volmacht.pdf', type: 'application/pdf', content: pdf }])
  await dialog.getByRole('button', { name: 'Upload 1 bestand' }).click()

  // The answer to the first attempt is lost on the way back (a message with files does not wait in the offline outbox):
  // everything stays, and sending again with the same idempotency key does not send it twice.
  let lostAnswer: { data?: { sendMessage?: { id: string } } } | undefined
  await page.route('**/graphql', async (route) => {
    if (lostAnswer || !route.request().postData()?.includes('mutation SendMessage'))
      return route.fallback()
    lostAnswer = await (await route.fetch()).json()
    await route.abort('failed')
  })
  await compose.getByRole('button', { name: 'Versturen' }).click()
  await expect(compose.getByRole('alert')).toContainText('Geen verbinding')
  // The server did store it the first time.
  expect(lostAnswer?.data?.sendMessage?.id).toBeTruthy()
  await expect(subject).toHaveValue('Afspraak')
  await expect(body).toHaveValue('Wanneer kan ik de akte tekenen?')
  await expect(compose.getByRole('list', { name: 'Bijlagen' })).toContainText('volmacht.pdf')
  await page.unroute('**/graphql')
  await compose.getByRole('button', { name: 'Versturen' }).click()
  await expect(page.getByText('Uw bericht is verstuurd.')).toBeVisible()
  await expect(message(page, 'Afspraak')).toHaveCount(1)
  await expect(message(page, 'Afspraak')).toContainText('1 bijlage')

  const admin = await adminRequest(browser, baseURL)
  const { dossier } = await gql<{ dossier: { messages: { edges: { node: { id: string, subject: string, attachments: { fileName: string }[] } }[] } } }>(admin.request, `
    query ($id: ID!) { dossier(id: $id) { messages(first: 100) { edges { node { id subject attachments { fileName } } } } } }
  `, { id: dossierId })
  await admin.close()
  const afspraak = dossier.messages.edges.map(edge => edge.node).filter(node => node.subject === 'Afspraak')
  expect(afspraak).toEqual([{ id: lostAnswer!.data!.sendMessage!.id, subject: 'Afspraak', attachments: [{ fileName: 'volmacht.pdf' }] }])
})
