import type { UserModule } from '@/types'
import { createRouter, createWebHistory } from 'vue-router'

export const routes = [
  // The home screen comes with the accounts work; until then everyone starts at sign-in.
  { path: '/', redirect: '/sign-in' },
  { path: '/sign-in', name: 'sign-in', component: () => import('@/pages/SignInPage.vue') },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export const install: UserModule = (app) => {
  app.use(createRouter({ history: createWebHistory(), routes }))
}
