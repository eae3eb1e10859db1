import type { SecondFactorMethod, SignInStep } from '@/gql/graphql'
import { useRouter } from 'vue-router'

/** Where a session stands from the PWA's view: a server step, or not signed in at all. */
export type FlowStep = SignInStep | 'ANONYMOUS'

/** The one page for each step; every page navigates through this after a mutation returns `step`. */
export const stepRoutes: Record<FlowStep, string> = {
  ANONYMOUS: '/sign-in',
  SECOND_FACTOR: '/sign-in/second-factor',
  ACCEPT_TERMS: '/terms',
  SET_UP_SECOND_FACTOR: '/set-up-second-factor',
  COMPLETE_PROFILE: '/profile',
  DONE: '/',
}

export function routeForStep(step: SignInStep | null | undefined): string {
  return stepRoutes[step ?? 'ANONYMOUS']
}

/**
 * Where a navigation may go: `true` to let it through, or the path of the page for the current step.
 * Public pages (a link from an e-mail) are open at every step; every other page belongs to one step.
 */
export function guardTarget(to: { path: string, meta: { public?: boolean, step?: FlowStep } }, step: SignInStep | null | undefined): true | string {
  if (to.meta.public)
    return true
  const current = step ?? 'ANONYMOUS'
  if (to.meta.step === current)
    return true
  return stepRoutes[current]
}

const returnKey = 'kluis.returnTo'

/** A path on this origin only: never `//host`, `/\\host` or a scheme, so a link cannot send anyone elsewhere. */
export function safeReturnPath(path: unknown): string | null {
  return typeof path === 'string' && /^\/(?![/\\])/.test(path) ? path : null
}

/** The page a signed-out visitor asked for (a link from an e-mail, /graphiql), to open once signed in. */
export function rememberReturnTo(path: unknown) {
  const safe = safeReturnPath(path)
  if (safe && safe !== '/')
    sessionStorage.setItem(returnKey, safe)
}

export function takeReturnTo(): string | null {
  const path = safeReturnPath(sessionStorage.getItem(returnKey))
  sessionStorage.removeItem(returnKey)
  return path
}

const methodsKey = 'kluis.signInMethods'
const allMethods: SecondFactorMethod[] = ['SMS', 'TOTP', 'RECOVERY_CODE']

/** The second factors offered by the last sign-in, kept for this tab so a reload still offers them. */
export function rememberMethods(methods: readonly SecondFactorMethod[]) {
  sessionStorage.setItem(methodsKey, JSON.stringify(methods))
}

export function rememberedMethods(): SecondFactorMethod[] {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(methodsKey) ?? 'null')
    if (Array.isArray(stored) && stored.length > 0)
      return allMethods.filter(method => stored.includes(method))
  }
  catch {}
  return allMethods
}

export function useSignInFlow() {
  const router = useRouter()
  return {
    /** Goes to the page of the step a mutation returned; once signed in, to the page first asked for. */
    async goToStep(payload: { step: SignInStep, methods?: readonly SecondFactorMethod[] }) {
      if (payload.step === 'SECOND_FACTOR' && payload.methods)
        rememberMethods(payload.methods)
      const back = payload.step === 'DONE' ? takeReturnTo() : null
      if (back && router.resolve(back).meta.step !== 'DONE')
        return window.location.assign(back) // served by the server, such as /graphiql
      return router.push(back ?? routeForStep(payload.step))
    },
  }
}
