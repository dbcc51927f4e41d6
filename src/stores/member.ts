import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { JoinClubInput } from '@/domain/join'
import type { Member } from '@/domain/member'
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
    settle('loading')
    unsubscribe = watchMember(
      uid,
      (next) => {
        member.value = next
        settle(next ? 'ready' : 'missing')
      },
      () => settle('error'),
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

  return { member, status, isMember, loaded, retry, join, saveProfile }
})
