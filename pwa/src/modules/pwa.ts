import type { UserModule } from '@/types'
import { registerServiceWorker } from '@/composables/pwa/useAppUpdate'

export const install: UserModule = () => {
  // Once the page has loaded: neither workbox-window nor the precache download competes with the first screen.
  if (document.readyState === 'complete')
    registerServiceWorker()
  else
    window.addEventListener('load', registerServiceWorker, { once: true })
}
