import type { QueuedMessage, SendOutcome } from './outbox'
import { beforeEach, describe, expect, it } from 'vitest'
import { clearOutbox, enqueue, flushOutbox, queuedMessages } from './outbox'
import 'fake-indexeddb/auto'

function message(key: string, overrides: Partial<QueuedMessage> = {}): QueuedMessage {
  return { idempotencyKey: key, userId: 'user-1', dossierId: 'dossier-1', subject: `Subject ${key}`, body: 'Body', replyToId: null, queuedAt: `2026-01-01T10:00:0${key}.000Z`, ...overrides }
}

describe('the offline outbox', () => {
  beforeEach(() => clearOutbox())

  it('keeps queued messages in IndexedDB, oldest first', async () => {
    await enqueue(message('2'))
    await enqueue(message('1'))
    expect((await queuedMessages()).map(m => m.idempotencyKey)).toEqual(['1', '2'])
  })

  it('sends each message once, with its idempotency key, and removes it after', async () => {
    await enqueue(message('1'))
    await enqueue(message('2'))
    const sent: string[] = []
    const count = await flushOutbox('user-1', async (m) => {
      sent.push(m.idempotencyKey)
      return { kind: 'sent' }
    })
    expect(count).toBe(2)
    expect(sent).toEqual(['1', '2'])
    expect(await queuedMessages()).toEqual([])
  })

  it('stops at a message that cannot go now and keeps it and those after it', async () => {
    await enqueue(message('1'))
    await enqueue(message('2'))
    const tried: string[] = []
    await flushOutbox('user-1', async (m) => {
      tried.push(m.idempotencyKey)
      return { kind: 'later' }
    })
    expect(tried).toEqual(['1'])
    expect((await queuedMessages()).map(m => m.idempotencyKey)).toEqual(['1', '2'])
  })

  it('keeps a refused message with the reason, sends the rest, and does not try it again', async () => {
    await enqueue(message('1'))
    await enqueue(message('2'))
    const outcomes: Record<string, SendOutcome> = { 1: { kind: 'refused', error: 'errors.NOT_FOUND' }, 2: { kind: 'sent' } }
    expect(await flushOutbox('user-1', async m => outcomes[m.idempotencyKey]!)).toBe(1)
    expect(await queuedMessages()).toEqual([{ ...message('1'), error: 'errors.NOT_FOUND' }])

    let tried = 0
    await flushOutbox('user-1', async () => {
      tried++
      return { kind: 'sent' }
    })
    expect(tried).toBe(0)
  })

  it('never sends what another account wrote on this device', async () => {
    await enqueue(message('1', { userId: 'someone-else' }))
    await enqueue(message('2', { userId: null }))
    const sent: string[] = []
    await flushOutbox('user-1', async (m) => {
      sent.push(m.idempotencyKey)
      return { kind: 'sent' }
    })
    expect(sent).toEqual(['2'])
    expect(await queuedMessages()).toEqual([])
  })

  it('sends a message once when flushes overlap, and what was queued meanwhile in a second round', async () => {
    await enqueue(message('1'))
    const sent: string[] = []
    let release!: () => void
    const gate = new Promise<void>(resolve => (release = resolve))
    const send = async (m: QueuedMessage): Promise<SendOutcome> => {
      sent.push(m.idempotencyKey)
      await gate
      return { kind: 'sent' }
    }
    const first = flushOutbox('user-1', send)
    await new Promise(resolve => setTimeout(resolve, 10))
    await enqueue(message('2'))
    const second = flushOutbox('user-1', send)
    release()
    await Promise.all([first, second])
    expect(sent).toEqual(['1', '2'])
    expect(await queuedMessages()).toEqual([])
  })
})
