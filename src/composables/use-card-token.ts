import { onBeforeUnmount, ref, watch } from 'vue'
import { storeToRefs } from 'pinia'
import { bootState } from '@/boot/state'
import { createCardToken, parseCardToken, secondsToNextStep, timeStep } from '@/domain/cards/card-token'
import { useCardStore } from '@/stores/card'
import { useMemberStore } from '@/stores/member'

/**
 * The card's rotating QR value: signed on the phone with the member's card key (the card store),
 * a new code every 30 seconds, online or not.
 */
export function useCardToken() {
  const member = useMemberStore()
  const card = useCardStore()
  const { keyMissing } = storeToRefs(card)
  // The code the boot script already painted, while it is current: no blank frame at take-over.
  const painted = bootState()?.token
  const paintedStep = painted ? parseCardToken(painted)?.step : undefined
  const token = ref<string | null>(paintedStep === timeStep(Date.now()) ? painted! : null)
  const secondsLeft = ref(secondsToNextStep(Date.now()))
  let lastStep = -1

  async function ensureKey() {
    const m = member.member
    if (m) await card.ensureKey(m.uid, m.cardKeyVersion)
  }

  async function tick() {
    const m = member.member
    const now = Date.now()
    secondsLeft.value = secondsToNextStep(now)
    if (!m || !card.key) {
      token.value = null
      return
    }
    const step = timeStep(now)
    if (step === lastStep && token.value) return
    lastStep = step
    token.value = await createCardToken(card.key, m.memberNo, now)
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

  async function renew() {
    const m = member.member
    if (!m) return
    await card.renew(m.uid)
    lastStep = -1
    await tick()
  }

  return { token, secondsLeft, keyMissing, retry: ensureKey, renew }
}
