import { readonly, ref } from 'vue'
import { registerSW } from 'virtual:pwa-register'

const needRefresh = ref(false)
let activateWaitingWorker: (() => Promise<void>) | undefined

/** Registers `/sw.js`; a new version waits until the user accepts it. */
export function registerServiceWorker() {
  const updateServiceWorker = registerSW({
    immediate: true,
    onNeedRefresh: () => {
      needRefresh.value = true
    },
  })
  activateWaitingWorker = () => updateServiceWorker(true)
}

export function useAppUpdate() {
  return {
    needRefresh: readonly(needRefresh),
    update: () => activateWaitingWorker?.(),
    dismiss: () => {
      needRefresh.value = false
    },
  }
}
