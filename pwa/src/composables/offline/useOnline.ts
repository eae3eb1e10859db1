import { readonly, ref } from 'vue'

const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine)
let listening = false

function listen() {
  if (listening || typeof window === 'undefined')
    return
  listening = true
  window.addEventListener('online', () => (online.value = true))
  window.addEventListener('offline', () => (online.value = false))
}

/**
 * Whether the browser has a network connection, live. Actions that need the server (downloads, uploads, sending
 * questionnaire pages) are disabled while it is false, with a reason beside them.
 */
export function useOnline() {
  listen()
  online.value = navigator.onLine
  return readonly(online)
}
