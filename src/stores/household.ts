import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { HouseholdMemberRow } from '@/domain/members/household'
import type { CreateHouseholdInviteResult } from '@/domain/members/household-schema'
import { intentRequestId, settleIntent } from '@/services/device-storage'
import {
  acceptHouseholdInvite,
  createHouseholdInvite,
  removeHouseholdMember,
  watchHousehold,
} from '@/services/firebase/household-api'

const INVITE_INTENT = 'household-invite'

/**
 * The household card: the owner's list of members (live, from their own subcollection), the
 * invite they just made, and the three callables. Membership itself is on the member document.
 */
export const useHouseholdStore = defineStore('household', () => {
  const rows = ref<HouseholdMemberRow[]>([])
  const loadFailed = ref(false)
  const invite = ref<CreateHouseholdInviteResult | null>(null)
  let stop: (() => void) | null = null

  function watch(ownerUid: string) {
    stop?.()
    loadFailed.value = false
    stop = watchHousehold(
      ownerUid,
      (next) => (rows.value = next),
      () => (loadFailed.value = true),
    )
  }

  function unwatch() {
    stop?.()
    stop = null
    rows.value = []
  }

  async function createInvite(): Promise<CreateHouseholdInviteResult> {
    const requestId = intentRequestId(INVITE_INTENT, 'new')
    const result = await createHouseholdInvite({ requestId })
    settleIntent(INVITE_INTENT, 'new')
    invite.value = result
    return result
  }

  const accept = (code: string) => acceptHouseholdInvite({ code })
  const remove = (uid: string) => removeHouseholdMember({ uid })

  return { rows, loadFailed, invite, watch, unwatch, createInvite, accept, remove }
})
