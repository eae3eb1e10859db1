import type { UserModule } from '@/types'
import { registerServiceWorker } from '@/composables/pwa/useAppUpdate'

export const install: UserModule = () => {
  registerServiceWorker()
}
