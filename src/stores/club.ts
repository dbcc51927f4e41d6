import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { ClubConfig } from '@/domain/shared/club-config'
import { findTier } from '@/domain/points/tiers'
import { recall, remember } from '@/services/device-storage'
import { watchClubConfig } from '@/services/firebase'
import { useSessionStore } from './session'

/** The club's public configuration (readable once signed in), kept live. */
export const useClubStore = defineStore('club', () => {
  const session = useSessionStore()
  const config = ref<ClubConfig | null>(recall<ClubConfig>('club'))
  const failed = ref(false)
  let unsubscribe: (() => void) | null = null

  watch(
    () => session.signedIn,
    (signedIn) => {
      unsubscribe?.()
      unsubscribe = null
      if (!signedIn) return
      unsubscribe = watchClubConfig(
        (next) => {
          if (!next) return
          config.value = next
          remember('club', next)
          failed.value = false
        },
        () => (failed.value = true),
      )
    },
    { immediate: true },
  )

  const tiers = computed(() => config.value?.tiers ?? [])

  function tier(tierId: string) {
    return findTier(tierId, tiers.value)
  }

  return { config, failed, tiers, tier }
})
