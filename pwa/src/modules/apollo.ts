import type { UserModule } from '@/types'
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, split } from '@apollo/client/core'
import { GraphQLWsLink } from '@apollo/client/link/subscriptions'
import { getMainDefinition } from '@apollo/client/utilities'
import { DefaultApolloClient } from '@vue/apollo-composable'
import { createClient } from 'graphql-ws'

function graphqlSocketUrl() {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`
}

/** Queries and mutations over HTTP, subscriptions over one lazily opened WebSocket; the session cookie authenticates both. */
export function createGraphqlLink(): ApolloLink {
  const http = new HttpLink({
    uri: '/graphql',
    credentials: 'same-origin',
    headers: { 'Apollo-Require-Preflight': 'true' },
  })
  const ws = new GraphQLWsLink(createClient({ url: graphqlSocketUrl(), lazy: true }))
  return split(
    ({ query }) => {
      const definition = getMainDefinition(query)
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription'
    },
    ws,
    http,
  )
}

export function createApolloClient(link: ApolloLink = createGraphqlLink()) {
  return new ApolloClient({ link, cache: new InMemoryCache() })
}

export const install: UserModule = (app) => {
  app.provide(DefaultApolloClient, createApolloClient())
}
