import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { AwardResult } from '@/domain/contracts/callable-results'
import type { ClaimableAction } from '@/domain/earn/actions'
import { badgeShelf, type BadgeId, type EarnedBadge } from '@/domain/earn/badges'
import { hubRules, profileItem, ruleItem, sortEarnItems, type EarnItem } from '@/domain/earn/hub'
import { profileGaps } from '@/domain/members/member'
import { localDate } from '@/domain/shared/calendar'
import { AppError, isTransient } from '@/domain/shared/errors'
import { intentRequestId, settleIntent } from '@/services/device-storage'
import { claimAction, claimProfileReward, setBirthday as sendBirthday, watchBadges } from '@/services/firebase/earn-api'
import type { BirthdayCalendar } from '@/domain/members/birthday-calendars'
import type { BirthdayResult } from '@/domain/members/birthday-schema'
import { useClubStore } from './club'
import { useMemberStore } from './member'
import { followAccount } from './follow-account'

/**
 * The Earn hub: every earning rule with its status from the usage the server copies onto the
 * member document, the member's badges (live), and the honour-based claims. Points and badges only
 * ever arrive from the server; `lastAward` and `newBadges` let the screen say so in place.
 */
export const useEarnStore = defineStore('earn', () => {
  const members = useMemberStore()
  const club = useClubStore()
  const badges = ref<EarnedBadge[]>([])
  const badgesLoaded = ref(false)
  /** Badges granted while this device watched (not the ones it found on opening). */
  const newBadges = ref<BadgeId[]>([])
  const lastAward = ref<{ ruleId: string; points: number } | null>(null)
  const busy = ref<string | null>(null)

  followAccount(
    (uid) => [
      watchBadges(
        uid,
        (next) => {
          if (badgesLoaded.value) {
            const known = new Set(badges.value.map((badge) => badge.id))
            newBadges.value = [...newBadges.value, ...next.filter((badge) => !known.has(badge.id)).map((badge) => badge.id)]
          }
          badges.value = next
          badgesLoaded.value = true
        },
        () => (badgesLoaded.value = true),
      ),
    ],
    () => {
      badges.value = []
      badgesLoaded.value = false
      newBadges.value = []
      lastAward.value = null
    },
  )

  const shelf = computed(() => badgeShelf(badges.value))

  const gaps = computed(() => (members.member && club.config ? profileGaps(members.member, club.config) : []))

  const items = computed<EarnItem[]>(() => {
    const config = club.config
    const member = members.member
    if (!config || !member) return []
    const today = localDate(new Date(), config.timeZone)
    const parts = config.profileReward.requireBirthday ? 3 : 2
    return sortEarnItems(
      hubRules(config.earning.activities).map((rule) => {
        const item = ruleItem(rule, member.earnUsage?.[rule.id], today)
        return rule.id === 'profile-complete' ? profileItem(item, parts, gaps.value.length) : item
      }),
    )
  })

  async function claiming(ruleId: string, run: () => Promise<AwardResult>): Promise<AwardResult> {
    busy.value = ruleId
    try {
      const result = await run()
      if (!result.replayed) lastAward.value = { ruleId, points: result.points }
      return result
    } finally {
      busy.value = null
    }
  }

  /** The profile reward: the server checks the stored profile and pays once (a replay pays nothing). */
  function claimProfile(): Promise<AwardResult> {
    return claiming('profile-complete', () => claimProfileReward())
  }

  /**
   * An honour-based action, after the member did it (the share sheet resolved, the club's page
   * opened). One request id per intent, kept until an answer, so a retry after a lost answer pays once.
   */
  function claim(actionId: ClaimableAction): Promise<AwardResult> {
    return claiming(actionId, async () => {
      const requestId = intentRequestId('claim-action', actionId)
      try {
        const result = await claimAction({ actionId, requestId })
        settleIntent('claim-action', actionId)
        return result
      } catch (error) {
        if (!(error instanceof AppError && isTransient(error.code))) settleIntent('claim-action', actionId)
        throw error
      }
    })
  }

  /**
   * The birthday, once: the server stores it (the rules refuse it from the app) and the member
   * document brings it back; a second try is refused (`birthday-already-set`).
   */
  function setBirthday(birthday: string, calendar: BirthdayCalendar): Promise<BirthdayResult> {
    return sendBirthday({ birthday, calendar })
  }

  /** The screen has said it: the next arrival is announced afresh. */
  function acknowledge() {
    newBadges.value = []
    lastAward.value = null
  }

  return { badges, badgesLoaded, shelf, newBadges, lastAward, busy, gaps, items, claimProfile, claim, setBirthday, acknowledge }
})
