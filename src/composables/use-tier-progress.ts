import { computed } from 'vue'
import { monthOf } from '@/domain/shared/calendar'
import { qualifyingTotals } from '@/domain/points/qualifying'
import { progressToNextTier, toKeepTier } from '@/domain/points/tiers'
import { useClubStore } from '@/stores/club'
import { useMemberStore } from '@/stores/member'
import { useClubToday } from './use-club-today'
import { useFormat } from './use-format'

/** The member's tier progress, computed by the same domain code the server decides with. */
export function useTierProgress() {
  const club = useClubStore()
  const member = useMemberStore()
  const today = useClubToday()
  const format = useFormat()
  const progress = computed(() => {
    const config = club.config
    const m = member.member
    if (!config || !m) return null
    const totals = qualifyingTotals(m.qualifyingMonths, monthOf(today.value))
    const qualifying = config.tierMeasure === 'spend' ? totals.spend : totals.points
    return {
      measure: config.tierMeasure,
      qualifying,
      ...progressToNextTier(qualifying, m.tierId, config.tiers),
      toKeep: toKeepTier(qualifying, m.tierId, config.tiers),
      // The server's review date: the end of the tier year, moved on by any reserve duty.
      yearEnds: m.tierReviewOn || m.tierYearEnds,
    }
  })
  /** A qualifying amount in the club's measure: "₪240" or "240 points". */
  const amount = (value: number) =>
    club.config?.tierMeasure === 'spend' ? format.shekels(value) : format.pointsText(value)
  return { progress, amount }
}
