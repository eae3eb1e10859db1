// Stands in for pwa/src/modules/apollo.ts in the measurement build (see README.md).
import type { App } from 'vue'
import { DefaultApolloClient } from '@vue/apollo-composable'
import { client } from './client'

export const whenCacheRestored = () => Promise.resolve(false)
export async function forgetCachedData() {}
export const createApolloClient = () => client
export const install = (app: App) => void app.provide(DefaultApolloClient, client)
