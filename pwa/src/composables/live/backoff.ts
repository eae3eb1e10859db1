const firstDelayMs = 1_000
const maxDelayMs = 30_000

/**
 * How long to wait before reconnect attempt `retries` (0-based): exponential backoff with jitter, between half and
 * all of 1 s, 2 s, 4 s, … capped at 30 s, so that many clients coming back after an outage do not return in step.
 */
export function retryDelay(retries: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, firstDelayMs * 2 ** retries)
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}
