import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { ReferredFriend } from '@/domain/referrals/referrals'
import { watchReferredFriends } from '@/services/firebase'
import { useMemberStore } from './member'

/** The friends the signed-in member brought, newest first, live while signed in. */
export const useReferralsStore = defineStore('referrals', () => {
  const member = useMemberStore()
  const friends = ref<ReferredFriend[]>([])
  const failed = ref(false)
  let stop: (() => void) | null = null

  watch(
    () => member.member?.uid,
    (uid) => {
      stop?.()
      stop = null
      friends.value = []
      failed.value = false
      if (uid) {
        stop = watchReferredFriends(
          uid,
          (next) => (friends.value = next),
          () => (failed.value = true),
        )
      }
    },
    { immediate: true },
  )

  /** Friends whose first purchase is waiting for the club's review (the velocity hold). */
  const underReview = computed(() => friends.value.filter((friend) => friend.status === 'held').length)

  return { friends, failed, underReview }
})
