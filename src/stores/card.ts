import { defineStore } from 'pinia'
import { onScopeDispose, ref, shallowRef } from 'vue'
import type { CardKeyResult } from '@/domain/contracts/callable-results'
import { fromBase64 } from '@/domain/shared/crypto'
import { DEVICE_KEYS, onForgetAll, readJson, writeJson } from '@/services/device-storage'
import { getCardKey, rotateCardKey } from '@/services/firebase'

function stored(uid: string): CardKeyResult | null {
  const value = readJson<CardKeyResult>(DEVICE_KEYS.cardKey(uid))
  return value && typeof value.key === 'string' && typeof value.version === 'number' ? value : null
}

/**
 * The member's card key, which signs the rotating QR on this phone. Fetched once (and again when
 * the member rotates it on another device) and kept on the device, so the card works offline.
 * Sign-out forgets it.
 */
export const useCardStore = defineStore('card', () => {
  const key = shallowRef<Uint8Array | null>(null)
  /** No key on this device and none could be fetched (offline on first use). */
  const keyMissing = ref(false)

  /** Counts sign-outs: a key still on its way from the server when one happens is not kept. */
  let forgotten = 0
  const unregister = onForgetAll(() => {
    forgotten++
    key.value = null
    keyMissing.value = false
  })

  function keep(uid: string, fetched: CardKeyResult) {
    writeJson(DEVICE_KEYS.cardKey(uid), fetched)
    key.value = fromBase64(fetched.key)
    keyMissing.value = false
  }

  /** The key for this member at (at least) `version`, from the device or the server. */
  async function ensureKey(uid: string, version: number): Promise<void> {
    const local = stored(uid)
    if (local && local.version >= version) {
      key.value = fromBase64(local.key)
      keyMissing.value = false
      return
    }
    const before = forgotten
    try {
      const fetched = await getCardKey()
      // Signed out meanwhile: the key must not land on the device after forgetAll() cleared it.
      if (forgotten === before) keep(uid, fetched)
    } catch {
      // Offline: an older key still signs (the server refuses it only if it was rotated meanwhile).
      if (local) key.value = fromBase64(local.key)
      else keyMissing.value = true
    }
  }

  /** A lost phone: a new key here, and every code the old one signed stops working. */
  async function renew(uid: string): Promise<void> {
    keep(uid, await rotateCardKey())
  }

  onScopeDispose(() => unregister())

  return { key, keyMissing, ensureKey, renew }
})
