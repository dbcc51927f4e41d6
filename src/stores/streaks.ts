import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { DeclareReserveDutyResult } from '@/domain/earn/reserve-duty'
import { DEFAULT_STREAK_POLICY } from '@/domain/earn/streak-policy'
import { dailyCalendar, streaksOf, streakStatus, weeklyCalendar } from '@/domain/earn/streaks'
import { localDate } from '@/domain/shared/calendar'
import { AppError, isTransient } from '@/domain/shared/errors'
import { DEFAULT_TIME_ZONE } from '@/domain/shared/platform'
import { intentRequestId, settleIntent } from '@/services/device-storage'
import { declareReserveDuty } from '@/services/firebase/earn-api'
import { useClubStore } from './club'
import { useMemberStore } from './member'

/**
 * Visit streaks and reserve duty. The server moves a streak on at each verified visit; how it
 * stands today (counted this week, a freeze used for a missed week, broken, paused) is worked out
 * here by the same rules, so the hub is right on a Thursday without a visit. Declaring duty goes
 * through the server, which checks the dates and stops the clocks.
 */
export const useStreaksStore = defineStore('streaks', () => {
  const members = useMemberStore()
  const club = useClubStore()
  const busy = ref(false)

  const policy = computed(() => club.config?.streaks ?? DEFAULT_STREAK_POLICY)
  const today = computed(() => localDate(new Date(), club.config?.timeZone ?? DEFAULT_TIME_ZONE))
  const duty = computed(() => members.member?.reserveDuty ?? { active: null, pauses: [], declaredFroms: [] })

  const weekly = computed(() => {
    const m = members.member
    if (!m || !policy.value.weekly.enabled) return null
    return streakStatus(streaksOf(m.streak).weekly, today.value, weeklyCalendar(duty.value.pauses), 7)
  })

  const daily = computed(() => {
    const m = members.member
    if (!m || !policy.value.daily.enabled) return null
    return streakStatus(streaksOf(m.streak).daily, today.value, dailyCalendar(duty.value.pauses), 1)
  })

  /** The next milestone ahead of the current weekly streak, if the club has one. */
  const nextMilestone = computed(() => {
    const current = weekly.value?.current ?? 0
    return policy.value.weekly.milestones.filter((m) => m.weeks > current).sort((a, b) => a.weeks - b.weeks)[0] ?? null
  })

  /** One request id per declaration (these dates), kept until an answer, so a retry declares once. */
  async function declare(from: string, until: string): Promise<DeclareReserveDutyResult> {
    const subject = `${from}~${until}`
    const requestId = intentRequestId('reserve-duty', subject)
    busy.value = true
    try {
      const result = await declareReserveDuty({ from, until, requestId })
      settleIntent('reserve-duty', subject)
      return result
    } catch (error) {
      if (!(error instanceof AppError && isTransient(error.code))) settleIntent('reserve-duty', subject)
      throw error
    } finally {
      busy.value = false
    }
  }

  return { policy, today, duty, weekly, daily, nextMilestone, busy, declare }
})
