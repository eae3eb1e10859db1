import type { UserModule } from '@/types'
import { createI18n } from 'vue-i18n'
import nl from '@/locales/nl.json'

export type MessageSchema = typeof nl

declare module 'vue-i18n' {
  export interface DefineLocaleMessage extends MessageSchema {}
}

export const locales = ['nl', 'en'] as const
export type Locale = (typeof locales)[number]

const storageKey = 'kluis.locale'
// The default language comes with the first chunk, so that the first screen need not wait for it; others on demand.
const loaders = import.meta.glob<MessageSchema>(['../locales/*.json', '!../locales/nl.json'], { import: 'default' })

export const i18n = createI18n({
  legacy: false,
  locale: 'nl',
  fallbackLocale: 'en',
  messages: {},
})
i18n.global.setLocaleMessage('nl', nl)

export function isLocale(value: unknown): value is Locale {
  return locales.includes(value as Locale)
}

/** Loads the locale's messages once and makes it the page's language. */
export async function loadLocale(locale: Locale) {
  if (!i18n.global.availableLocales.includes(locale))
    i18n.global.setLocaleMessage(locale, await loaders[`../locales/${locale}.json`]!())
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
}

/** The user's choice: applied now and remembered on this device. */
export async function setLocale(locale: Locale) {
  await loadLocale(locale)
  localStorage.setItem(storageKey, locale)
}

export const install: UserModule = async (app) => {
  app.use(i18n)
  const remembered = localStorage.getItem(storageKey)
  await loadLocale(isLocale(remembered) ? remembered : 'nl')
}
