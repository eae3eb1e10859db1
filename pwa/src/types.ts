import type { App } from 'vue'

/** What every file in `modules/` exports; `main.ts` awaits them all before mounting. */
export type UserModule = (app: App) => void | Promise<void>
