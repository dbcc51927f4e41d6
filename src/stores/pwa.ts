import { defineStore } from 'pinia'
import { ref } from 'vue'

const DISMISSED_KEY = 'moadon.install.dismissedAt'
const QUIET_DAYS = 30

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>
}

/**
 * The app as an installed PWA: the update waiting to be applied, and the install invitation
 * (the browser's prompt where it offers one, instructions on iOS Safari), quiet for 30 days once
 * dismissed.
 */
export const usePwaStore = defineStore('pwa', () => {
  const updateReady = ref(false)
  const installEvent = ref<InstallPromptEvent | null>(null)
  const iosInstructions = ref(false)
  let applyUpdate: () => void = () => {}

  function recentlyDismissed(): boolean {
    const at = Number(localStorage.getItem(DISMISSED_KEY) ?? 0)
    return Date.now() - at < QUIET_DAYS * 86_400_000
  }

  const standalone =
    window.matchMedia?.('(display-mode: standalone)').matches || (navigator as { standalone?: boolean }).standalone === true

  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault()
    if (!standalone && !recentlyDismissed()) installEvent.value = event as InstallPromptEvent
  })
  window.addEventListener('appinstalled', () => (installEvent.value = null))
  // iOS Safari has no install prompt: explain Share → Add to Home Screen instead.
  const ios = /iphone|ipad|ipod/i.test(navigator.userAgent) && !/crios|fxios/i.test(navigator.userAgent)
  if (ios && !standalone && !recentlyDismissed()) iosInstructions.value = true

  async function install() {
    const event = installEvent.value
    if (!event) return
    await event.prompt()
    await event.userChoice
    installEvent.value = null
  }

  function dismissInstall() {
    localStorage.setItem(DISMISSED_KEY, String(Date.now()))
    installEvent.value = null
    iosInstructions.value = false
  }

  function offerUpdate(apply: () => void) {
    applyUpdate = apply
    updateReady.value = true
  }

  function reload() {
    applyUpdate()
  }

  return { updateReady, installEvent, iosInstructions, install, dismissInstall, offerUpdate, reload }
})
