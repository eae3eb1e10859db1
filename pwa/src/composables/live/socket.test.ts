import { describe, expect, it } from 'vitest'
import { retryDelay } from './backoff'

describe('reconnect backoff', () => {
  it('doubles from one second up to thirty, with jitter down to half', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map(retries => retryDelay(retries, () => 1))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000])
    expect([0, 1, 5].map(retries => retryDelay(retries, () => 0))).toEqual([500, 1000, 15000])
  })

  it('spreads clients that retry at the same moment', () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelay(3)))
    expect(delays.size).toBeGreaterThan(1)
    for (const delay of delays)
      expect(delay).toBeGreaterThanOrEqual(4000)
  })
})
