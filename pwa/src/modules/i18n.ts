import type { UserModule } from '@/types'
import type messages from '@/locales/nl.json'
import { createI18n } from 'vue-i18n'

export type MessageSchema = typeof messages

declare module 'vue-i18n' {
  export interface DefineLocaleMessage extends MessageSchema {}
}

export const locales = ['nl', 'en'] as const
export type Locale = (typeof locales)[number]

const storageKey = 'kluis.locale'
const loaders = import.meta.glob<MessageSchema>('../locales/*.json', { import: 'default' })

export const i18n = createI18n({
  legacy: false,
  locale: 'nl',
  fallbackLocale: 'en',
  messages: {},
})

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
