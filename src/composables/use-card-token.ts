import { onBeforeUnmount, ref, shallowRef, watch } from 'vue'
import { createCardToken, secondsToNextStep, timeStep } from '@/domain/card-token'
import { fromBase64 } from '@/domain/crypto'
import { getCardKey, rotateCardKey } from '@/services/firebase'
import { useMemberStore } from '@/stores/member'

const storageKey = (uid: string) => `moadon.cardKey.${uid}`

interface StoredKey {
  key: string
  version: number
}

function readStored(uid: string): StoredKey | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(storageKey(uid)) ?? 'null') as StoredKey | null
    return parsed && typeof parsed.key === 'string' ? parsed : null
  } catch {
    return null
  }
}

/**
 * The card's rotating QR value: signed on the phone with the member's card key, a new code every
 * 30 seconds, online or not. The key is fetched once (and again when the member rotates it on
 * another device) and kept on this device.
 */
export function useCardToken() {
  const member = useMemberStore()
  const token = ref<string | null>(null)
  const secondsLeft = ref(0)
  const keyMissing = ref(false)
  const key = shallowRef<Uint8Array | null>(null)
  let lastStep = -1

  async function ensureKey() {
    const m = member.member
    if (!m) return
    const stored = readStored(m.uid)
    if (stored && stored.version >= m.cardKeyVersion) {
      key.value = fromBase64(stored.key)
      return
    }
    try {
      const fetched = await getCardKey()
      localStorage.setItem(storageKey(m.uid), JSON.stringify(fetched))
      key.value = fromBase64(fetched.key)
      keyMissing.value = false
    } catch {
      // Offline on first use: an older key still signs (the server will refuse it only if rotated).
      if (stored) key.value = fromBase64(stored.key)
      else keyMissing.value = true
    }
  }

  async function tick() {
    const m = member.member
    const now = Date.now()
    secondsLeft.value = secondsToNextStep(now)
    if (!m || !key.value) return
    const step = timeStep(now)
    if (step === lastStep && token.value) return
    lastStep = step
    token.value = await createCardToken(key.value, m.memberNo, now)
  }

  watch(
    () => [member.member?.uid, member.member?.cardKeyVersion],
    async () => {
      lastStep = -1
      await ensureKey()
      await tick()
    },
    { immediate: true },
  )
  const timer = window.setInterval(() => void tick(), 1000)
  onBeforeUnmount(() => window.clearInterval(timer))

  /** A lost phone: a new key here, and every code the old one signed stops working. */
  async function renew() {
    const m = member.member
    if (!m) return
    const fetched = await rotateCardKey()
    localStorage.setItem(storageKey(m.uid), JSON.stringify(fetched))
    key.value = fromBase64(fetched.key)
    lastStep = -1
    await tick()
  }

  return { token, secondsLeft, keyMissing, retry: ensureKey, renew }
}
