import { defineStore } from 'pinia'
import { onScopeDispose, ref } from 'vue'
import { onForgetAll } from '@/services/device-storage'
import { scannerFailure, startQrScanner, type ScannerFailure } from '@/services/scanner'

export type { ScannerFailure }

/**
 * The camera, one scanner at a time: a scanning screen starts it into its video element and gets
 * each code read; leaving the screen, or signing out, turns the camera off.
 */
export const useScannerStore = defineStore('scanner', () => {
  const active = ref(false)
  const failure = ref<ScannerFailure | null>(null)
  let stopCamera: (() => void) | null = null

  function stop() {
    stopCamera?.()
    stopCamera = null
    active.value = false
  }

  async function start(video: HTMLVideoElement, onCode: (text: string) => void): Promise<void> {
    stop()
    failure.value = null
    active.value = true
    try {
      stopCamera = await startQrScanner(video, onCode)
    } catch (error) {
      active.value = false
      failure.value = scannerFailure(error)
    }
  }

  const unregister = onForgetAll(stop)

  onScopeDispose(() => unregister())

  return { active, failure, start, stop }
})
