import type { ApolloClient } from '@apollo/client/core'
import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router'
import type { FlowStep } from '@/composables/auth/useSignInFlow'
import type { SignInStepQuery as SessionState } from '@/gql/graphql'
import type { UserModule } from '@/types'
import { DefaultApolloClient } from '@vue/apollo-composable'
import { inject } from 'vue'
import { createRouter, createWebHistory, START_LOCATION } from 'vue-router'
import { setSignedIn } from '@/composables/auth/session'
import { guardTarget, rememberReturnTo } from '@/composables/auth/useSignInFlow'
import { prefetchDossierList } from '@/composables/dossier/useDossiers'
import { errorCodeOf } from '@/composables/errors/useErrorMessage'
import { graphql } from '@/gql'
import { whenCacheRestored } from '@/modules/apollo'
import { loadLocale } from '@/modules/i18n'

declare module 'vue-router' {
  interface RouteMeta {
    /** Open at every step: the pages e-mail links lead to. */
    public?: boolean
    /** The sign-in step a page belongs to; the guard sends everyone else to their own step's page. */
    step?: FlowStep
    /** Starts fetching what the page first shows, alongside the guard's session check. */
    prefetch?: (client: ApolloClient<unknown>) => void
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('@/pages/HomePage.vue'), meta: { step: 'DONE' } },
  { path: '/dossiers', name: 'dossiers', component: () => import('@/pages/DossiersPage.vue'), meta: { step: 'DONE', prefetch: prefetchDossierList } },
  { path: '/dossiers/:id', name: 'dossier', component: () => import('@/pages/DossierPage.vue'), meta: { step: 'DONE' } },
  { path: '/actions', name: 'actions', component: () => import('@/pages/ActionsPage.vue'), meta: { step: 'DONE' } },
  // E-mails about a new questionnaire link here.
  { path: '/actions/:id', name: 'action', component: () => import('@/pages/QuestionnairePage.vue'), meta: { step: 'DONE' } },
  { path: '/my-data', name: 'my-data', component: () => import('@/pages/MyDataPage.vue'), meta: { step: 'DONE' } },
  { path: '/company', name: 'company', component: () => import('@/pages/CompanyPage.vue'), meta: { step: 'DONE' } },
  { path: '/sign-in', name: 'sign-in', component: () => import('@/pages/SignInPage.vue'), meta: { step: 'ANONYMOUS' } },
  { path: '/sign-in/second-factor', name: 'second-factor', component: () => import('@/pages/SecondFactorPage.vue'), meta: { step: 'SECOND_FACTOR' } },
  { path: '/forgot-password', name: 'forgot-password', component: () => import('@/pages/ForgotPasswordPage.vue'), meta: { public: true } },
  { path: '/set-password', name: 'set-password', component: () => import('@/pages/SetPasswordPage.vue'), meta: { public: true } },
  { path: '/terms', name: 'terms', component: () => import('@/pages/TermsPage.vue'), meta: { step: 'ACCEPT_TERMS' } },
  { path: '/set-up-second-factor', name: 'set-up-second-factor', component: () => import('@/pages/SetUpSecondFactorPage.vue'), meta: { step: 'SET_UP_SECOND_FACTOR' } },
  { path: '/profile', name: 'profile', component: () => import('@/pages/ProfilePage.vue'), meta: { step: 'COMPLETE_PROFILE' } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

/** Where the session stands, and the language saved with the account, in one round trip. */
const SignInStepQuery = graphql(`
  query SignInStep {
    signInStep
    me {
      id
      language
    }
  }
`)

/**
 * Asks the server each time: the session may have moved on (or ended) in another tab. Offline (or with the server
 * out of reach) what the persisted cache last heard stands in, so that a client can still read what they saw.
 */
async function currentState(client: ApolloClient<unknown>): Promise<SessionState | null> {
  try {
    const { data } = await client.query({ query: SignInStepQuery, fetchPolicy: 'network-only' })
    return data
  }
  catch (error) {
    if (['NETWORK', 'SERVICE_UNAVAILABLE'].includes(errorCodeOf(error)))
      return client.readQuery({ query: SignInStepQuery })
    return null
  }
}

/** Starts loading the page a navigation leads to (every page is a lazy import) while the guard asks the server. */
function preloadPage(to: RouteLocationNormalized) {
  for (const record of to.matched) {
    const load = record.components?.default
    // A failed load is the router's to report, when it loads the page itself.
    if (typeof load === 'function')
      void (load as () => Promise<unknown>)().catch(() => undefined)
  }
}

export const install: UserModule = (app) => {
  const router = createRouter({ history: createWebHistory(), routes })
  let signedIn = false
  router.beforeEach(async (to) => {
    if (to.meta.public)
      return true
    preloadPage(to)
    const client = app.runWithContext(() => inject(DefaultApolloClient)) as ApolloClient<unknown>
    await whenCacheRestored()
    // Signed in, or not known yet (first navigation): a request without a session is refused, and the guard shows
    // nothing of it.
    if (signedIn || router.currentRoute.value === START_LOCATION)
      to.meta.prefetch?.(client)
    const state = await currentState(client)
    const step = state?.signInStep ?? null
    // The language saved with the account applies from the moment its session is signed in.
    if (step === 'DONE' && !signedIn && state?.me)
      await loadLocale(state.me.language === 'EN' ? 'en' : 'nl').catch(() => undefined)
    signedIn = step === 'DONE'
    await setSignedIn(signedIn)
    if (to.meta.step === 'DONE' && step !== 'DONE')
      rememberReturnTo(to.fullPath)
    return guardTarget(to, step)
  })
  app.use(router)
}
