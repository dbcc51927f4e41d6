import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { WalletKind } from '@/domain/members/wallet-pass'
import { getWalletPass } from '@/services/firebase/wallet-pass-api'

/** The bytes of a base64 string, without Node's Buffer (the app runs in the browser). */
function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * The member's card as a wallet pass. The server builds and signs it on request: the Google link
 * is a signed JWT (fetched when the profile opens, so the link is a real link the member taps),
 * the Apple pass a signed `.pkpass` that Safari offers to add when it is downloaded as one.
 */
export const useWalletPassStore = defineStore('wallet-pass', () => {
  const googleUrl = ref<string | null>(null)
  const busy = ref<WalletKind | null>(null)

  async function prepareGoogle(): Promise<void> {
    busy.value = 'google'
    try {
      const pass = await getWalletPass({ kind: 'google' })
      if (pass.kind === 'google') googleUrl.value = pass.saveUrl
    } finally {
      busy.value = null
    }
  }

  /** The `.pkpass` as a file to hand to the browser (a download Safari opens in Wallet). */
  async function applePass(): Promise<File | null> {
    busy.value = 'apple'
    try {
      const pass = await getWalletPass({ kind: 'apple' })
      if (pass.kind !== 'apple') return null
      return new File([bytesOf(pass.base64)], pass.fileName, { type: pass.mimeType })
    } finally {
      busy.value = null
    }
  }

  function reset() {
    googleUrl.value = null
    busy.value = null
  }

  return { googleUrl, busy, prepareGoogle, applePass, reset }
})
