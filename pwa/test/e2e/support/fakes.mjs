// Started by Playwright as the first webServer, before Kluis: a real SMTP server, a loopback fake of
// Vonage's SMS REST API and, for MariaDB runs, a fresh database. The tests read what was sent from
// GET /mails and GET /sms on the control port. SIGTERM (after Kluis has stopped) drops the database.
import http from 'node:http'
import process from 'node:process'
import { SMTPServer } from 'smtp-server'

const env = name => Number(process.env[name])
const mails = []
const sms = []

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    let raw = ''
    stream.on('data', chunk => (raw += chunk.toString('utf8')))
    stream.on('end', () => {
      // Undo quoted-printable soft breaks and `=` escapes so links can be read whole.
      const text = raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=')
      mails.push({ to: session.envelope.rcptTo.map(r => r.address), raw: text })
      callback()
    })
  },
})

function readBody(req) {
  return new Promise((resolve) => {
    let body = ''
    req.on('data', chunk => (body += chunk))
    req.on('end', () => resolve(body))
  })
}

const vonage = http.createServer(async (req, res) => {
  const body = await readBody(req)
  if (req.method !== 'POST' || req.url !== '/sms/json' || !(req.headers.authorization ?? '').startsWith('Basic ')) {
    res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}')
    return
  }
  const params = (req.headers['content-type'] ?? '').includes('json') ? JSON.parse(body) : Object.fromEntries(new URLSearchParams(body))
  sms.push({ to: params.to, from: params.from, text: params.text })
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
    'message-count': '1',
    'messages': [{ 'to': params.to, 'message-id': `m${sms.length}`, 'status': '0', 'remaining-balance': '1', 'message-price': '0.05', 'network': '1' }],
  }))
})

const control = http.createServer((req, res) => {
  const json = value => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value))
  if (req.url === '/mails')
    return json(mails)
  if (req.url === '/sms')
    return json(sms)
  if (req.url === '/ready')
    return json({ ready: true })
  res.writeHead(404).end()
})

/** With TEST_DATABASE_URL: the database the server gets, created empty now and dropped at the end. */
const databaseUrl = process.env.E2E_DATABASE_URL
async function withAdmin(statement) {
  const mysql = await import('mysql2/promise')
  const url = new URL(databaseUrl)
  const name = url.pathname.slice(1)
  url.pathname = '/'
  const connection = await mysql.createConnection(url.href)
  try {
    await connection.query(statement(name))
  }
  finally {
    await connection.end()
  }
}

if (databaseUrl)
  await withAdmin(name => `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)

const listen = (server, port) => new Promise(resolve => server.listen(port, '127.0.0.1', resolve))
await listen(smtp, env('E2E_SMTP_PORT'))
await listen(vonage, env('E2E_VONAGE_PORT'))
await listen(control, env('E2E_FAKES_PORT'))
console.log('e2e fakes ready')

let stopping = false
async function stop() {
  if (stopping)
    return
  stopping = true
  try {
    if (databaseUrl)
      await withAdmin(name => `DROP DATABASE IF EXISTS \`${name}\``)
  }
  catch (error) {
    console.error('could not drop the e2e database', error)
  }
  smtp.close(() => {})
  vonage.close()
  control.close()
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
