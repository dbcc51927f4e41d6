import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { JoinClubInput } from '@/domain/members/join'
import type { Member } from '@/domain/members/member'
import { recall, remember } from '@/services/device-storage'
import { joinClub, updateProfile, watchMember, type ProfilePatch } from '@/services/firebase'
import { useSessionStore } from './session'

type Status = 'signed-out' | 'loading' | 'missing' | 'ready' | 'error'

/**
 * The signed-in member's document, kept live. Points and tier arrive here only from the
 * server; the store writes profile fields and calls functions, nothing else.
 */
export const useMemberStore = defineStore('member', () => {
  const session = useSessionStore()
  const member = ref<Member | null>(null)
  const status = ref<Status>('signed-out')
  /** When the server last confirmed the member's figures (the card says how old they are). */
  const syncedAt = ref<Date | null>(null)
  let unsubscribe: (() => void) | null = null
  let waiters: (() => void)[] = []

  function settle(next: Status) {
    status.value = next
    if (next !== 'loading') {
      waiters.forEach((resolve) => resolve())
      waiters = []
    }
  }

  function subscribe(uid: string | undefined) {
    unsubscribe?.()
    unsubscribe = null
    member.value = null
    if (!uid) return settle('signed-out')
    // The card as this device last saw it, at once; the live document follows.
    const cached = recall<{ member: Member; syncedAt: Date }>('member')
    if (cached && cached.member.uid === uid) {
      member.value = cached.member
      syncedAt.value = cached.syncedAt
      settle('ready')
    } else {
      settle('loading')
    }
    unsubscribe = watchMember(
      uid,
      (next, fromServer) => {
        // An empty offline cache says nothing about membership: wait for the server.
        if (!next && !fromServer) return
        member.value = next
        if (next && fromServer) {
          syncedAt.value = new Date()
          remember('member', { member: next, syncedAt: syncedAt.value })
        }
        settle(next ? 'ready' : 'missing')
      },
      () => settle(member.value ? 'ready' : 'error'),
    )
  }

  watch(() => session.user?.uid, subscribe, { immediate: true })

  /** Resolves once the member document's existence is known (or loading failed). */
  function loaded(): Promise<void> {
    if (status.value !== 'loading') return Promise.resolve()
    return new Promise((resolve) => waiters.push(resolve))
  }

  function retry() {
    subscribe(session.user?.uid)
  }

  async function join(input: JoinClubInput): Promise<void> {
    await joinClub(input)
    // The callable has committed; wait until the live document shows the new member.
    if (!member.value) {
      await new Promise<void>((resolve) => {
        const stop = watch(member, (value) => {
          if (value) {
            stop()
            resolve()
          }
        })
      })
    }
  }

  async function saveProfile(patch: ProfilePatch): Promise<void> {
    if (!member.value) return
    await updateProfile(member.value.uid, patch)
  }

  const isMember = computed(() => member.value !== null)

  return { member, status, syncedAt, isMember, loaded, retry, join, saveProfile }
})
