import type { FlowStep } from './useSignInFlow'
import { beforeEach, describe, expect, it } from 'vitest'
import { routes } from '@/modules/router'
import { guardTarget, rememberedMethods, rememberMethods, rememberReturnTo, routeForStep, safeReturnPath, stepRoutes, takeReturnTo } from './useSignInFlow'

describe('routeForStep', () => {
  it.each([
    [null, '/sign-in'],
    [undefined, '/sign-in'],
    ['SECOND_FACTOR', '/sign-in/second-factor'],
    ['ACCEPT_TERMS', '/terms'],
    ['SET_UP_SECOND_FACTOR', '/set-up-second-factor'],
    ['COMPLETE_PROFILE', '/profile'],
    ['DONE', '/'],
  ] as const)('sends step %s to %s', (step, path) => {
    expect(routeForStep(step)).toBe(path)
  })

  it('points every step at a route that belongs to that step', () => {
    for (const [step, path] of Object.entries(stepRoutes))
      expect(routes.find(route => route.path === path)?.meta?.step, path).toBe(step)
  })
})

describe('guardTarget', () => {
  const page = (path: string, meta: { public?: boolean, step?: FlowStep }) => ({ path, meta })

  it('sends anonymous visitors to sign-in, but lets them open e-mail links', () => {
    expect(guardTarget(page('/', { step: 'DONE' }), null)).toBe('/sign-in')
    expect(guardTarget(page('/my-data', { step: 'DONE' }), null)).toBe('/sign-in')
    expect(guardTarget(page('/sign-in', { step: 'ANONYMOUS' }), null)).toBe(true)
    expect(guardTarget(page('/set-password', { public: true }), null)).toBe(true)
    expect(guardTarget(page('/forgot-password', { public: true }), null)).toBe(true)
  })

  it('keeps a session at an unfinished step on that step\'s page', () => {
    expect(guardTarget(page('/', { step: 'DONE' }), 'ACCEPT_TERMS')).toBe('/terms')
    expect(guardTarget(page('/profile', { step: 'COMPLETE_PROFILE' }), 'SET_UP_SECOND_FACTOR')).toBe('/set-up-second-factor')
    expect(guardTarget(page('/terms', { step: 'ACCEPT_TERMS' }), 'ACCEPT_TERMS')).toBe(true)
  })

  it('sends a signed-in user away from the sign-in pages', () => {
    expect(guardTarget(page('/sign-in', { step: 'ANONYMOUS' }), 'DONE')).toBe('/')
    expect(guardTarget(page('/company', { step: 'DONE' }), 'DONE')).toBe(true)
  })
})

describe('remembered methods', () => {
  beforeEach(() => sessionStorage.clear())

  it('offers every method when none were remembered', () => {
    expect(rememberedMethods()).toEqual(['SMS', 'TOTP', 'RECOVERY_CODE'])
  })

  it('offers the methods of the last sign-in', () => {
    rememberMethods(['TOTP', 'RECOVERY_CODE'])
    expect(rememberedMethods()).toEqual(['TOTP', 'RECOVERY_CODE'])
  })
})

describe('the page asked for before signing in', () => {
  beforeEach(() => sessionStorage.clear())

  it('keeps a path on this origin once, and nothing that leads elsewhere', () => {
    rememberReturnTo('/actions/42?x=1')
    expect(takeReturnTo()).toBe('/actions/42?x=1')
    expect(takeReturnTo()).toBeNull()
    for (const path of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '', '/', ['/x'], undefined]) {
      rememberReturnTo(path)
      expect(takeReturnTo(), String(path)).toBeNull()
    }
    expect(safeReturnPath('/graphiql')).toBe('/graphiql')
  })
})
