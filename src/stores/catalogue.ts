import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { Partner, Reward } from '@/domain/shared/club-config'
import { watchPartners, watchRewards } from '@/services/firebase'
import { useSessionStore } from './session'

/** Partner stores and the rewards catalogue, live while signed in. */
export const useCatalogueStore = defineStore('catalogue', () => {
  const session = useSessionStore()
  const partners = ref<Partner[]>([])
  const rewards = ref<Reward[]>([])
  const loaded = ref(false)
  const failed = ref(false)
  let stops: (() => void)[] = []

  watch(
    () => session.signedIn,
    (signedIn) => {
      stops.forEach((stop) => stop())
      stops = []
      if (!signedIn) return
      const onError = () => (failed.value = true)
      stops = [
        watchPartners((next) => (partners.value = next), onError),
        watchRewards((next) => {
          rewards.value = next
          loaded.value = true
        }, onError),
      ]
    },
    { immediate: true },
  )

  const partner = (id: string | null) => (id ? partners.value.find((p) => p.id === id) : undefined)
  const reward = (id: string | null) => (id ? rewards.value.find((r) => r.id === id) : undefined)

  return { partners, rewards, loaded, failed, partner, reward }
})
