import type { ApolloClient } from '@apollo/client/core'
import type { UserModule } from '@/types'
import { DefaultApolloClient } from '@vue/apollo-composable'
import { inject } from 'vue'
import { startLiveSession } from '@/composables/live/liveSession'

/** Installed before the router, so it hears the first navigation's sign-in state. */
export const install: UserModule = (app) => {
  startLiveSession(app.runWithContext(() => inject(DefaultApolloClient)) as ApolloClient<unknown>)
}
