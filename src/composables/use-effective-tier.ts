import { computed } from 'vue'
import { effectiveTier } from '@/domain/points/tiers'
import { useClubStore } from '@/stores/club'
import { useMemberStore } from '@/stores/member'
import { useClubToday } from './use-club-today'

/** The tier whose benefits apply today (a lent higher tier while it lasts), as the server reckons. */
export function useEffectiveTier() {
  const club = useClubStore()
  const member = useMemberStore()
  const today = useClubToday()
  return computed(() => {
    const m = member.member
    if (!m || club.tiers.length === 0) return null
    const tier = effectiveTier(m.tierId, m.tierBoost, club.tiers, today.value)
    return { tier, boostedUntil: tier.id !== m.tierId ? (m.tierBoost?.until ?? null) : null }
  })
}
