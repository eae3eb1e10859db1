import { expect } from '@playwright/test'

const fakes = `http://127.0.0.1:${process.env.E2E_FAKES_PORT}`

interface Mail { to: string[], raw: string }
interface Sms { to: string, from: string, text: string }

async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(`${fakes}${path}`)
  return await response.json() as T
}

/** Waits for the `count`-th e-mail to this address and returns the path of its set-password link. */
export async function setPasswordLink(to: string, count = 1): Promise<string> {
  let mails: Mail[] = []
  await expect.poll(async () => {
    mails = (await fetchJson<Mail[]>('/mails')).filter(mail => mail.to.includes(to))
    return mails.length
  }, { message: `e-mail ${count} to ${to}`, timeout: 15_000 }).toBeGreaterThanOrEqual(count)
  const link = /https?:\/\/\S+?\/set-password\?token=[\w-]+/.exec(mails[count - 1]!.raw)?.[0]
  expect(link, 'set-password link in the e-mail').toBeTruthy()
  const url = new URL(link!)
  return `${url.pathname}${url.search}`
}

/** Waits for the `count`-th SMS to this number (as Vonage gets it: digits only) and returns its 6-digit code. */
export async function smsCode(to: string, count = 1): Promise<string> {
  let sent: Sms[] = []
  await expect.poll(async () => {
    sent = (await fetchJson<Sms[]>('/sms')).filter(sms => sms.to === to)
    return sent.length
  }, { message: `SMS ${count} to ${to}`, timeout: 15_000 }).toBeGreaterThanOrEqual(count)
  return /\b(\d{6})\b/.exec(sent[count - 1]!.text)![1]!
}
