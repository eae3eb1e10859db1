/** The number on the installed app's icon, where the browser has the Badging API; no badge at 0. */
export async function setAppBadge(count: number) {
  if (typeof navigator === 'undefined' || !('setAppBadge' in navigator))
    return
  try {
    await (count > 0 ? navigator.setAppBadge(count) : navigator.clearAppBadge())
  }
  catch {}
}

export function clearAppBadge() {
  return setAppBadge(0)
}
