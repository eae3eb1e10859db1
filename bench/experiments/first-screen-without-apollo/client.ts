// A measurement build only, never served: the portal with Apollo Client replaced by plain `fetch` (see README.md).
import type { DocumentNode } from 'graphql'
import { print } from 'graphql'

const inFlight = new Map<string, Promise<{ data?: any, errors?: { message: string }[] }>>()
const printed = new WeakMap<DocumentNode, string>()

/** One POST per query and variables; requests made while one is in flight (the router's prefetch, the page) share it. */
export function fetchQuery(query: DocumentNode, variables?: Record<string, unknown> | null) {
  let text = printed.get(query)
  if (!text)
    printed.set(query, (text = print(query)))
  const body = JSON.stringify({ query: text, variables: variables ?? {} })
  let answer = inFlight.get(body)
  if (!answer) {
    answer = fetch('/graphql', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body }).then(response => response.json())
    inFlight.set(body, answer)
    void answer.finally(() => setTimeout(() => inFlight.delete(body), 2000))
  }
  return answer
}

/** Whatever else the app asks of the client at start-up (subscriptions, cache writes): accepted and ignored. */
function ignored(): any {
  const hole: any = new Proxy(() => hole, { get: (_target, key) => (key === 'then' || typeof key === 'symbol' ? undefined : hole), apply: () => hole })
  return hole
}

export const client: any = new Proxy({
  query: async ({ query, variables }: { query: DocumentNode, variables?: Record<string, unknown> }) => {
    const { data, errors } = await fetchQuery(query, variables)
    if (errors)
      throw Object.assign(new Error(errors[0]!.message), { graphQLErrors: errors })
    return { data }
  },
  readQuery: () => null,
}, { get: (target, key) => (key in target ? target[key] : typeof key === 'symbol' ? undefined : ignored()) })
