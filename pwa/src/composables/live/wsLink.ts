import { GraphQLWsLink } from '@apollo/client/link/subscriptions'
import { graphqlSocket } from './socket'

/** Subscriptions over the tab's one socket. */
export function createWsLink() {
  return new GraphQLWsLink(graphqlSocket().client)
}
