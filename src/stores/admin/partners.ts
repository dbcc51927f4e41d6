import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MaintenanceStats, PosterCodeResult } from '@/domain/contracts/callable-results'
import { getPosterCode, reissuePosterCode, rotateCounterKey, runMaintenance } from '@/services/firebase/admin-api'

function newRequestId(): string {
  return crypto.randomUUID()
}

/** The partners' tools in the console: posters, counter keys, and the nightly job run now. */
export const useAdminPartnersStore = defineStore('admin-partners', () => {
  const posters = ref<Record<string, PosterCodeResult>>({})
  // One request id per store and action until it is answered: a retry re-issues (or rotates) once.
  const pending = new Map<string, string>()

  function requestFor(action: string, partnerId: string): string {
    const key = `${action}\n${partnerId}`
    let id = pending.get(key)
    if (!id) {
      id = newRequestId()
      pending.set(key, id)
    }
    return id
  }

  async function poster(partnerId: string): Promise<PosterCodeResult> {
    const result = await getPosterCode({ partnerId })
    posters.value = { ...posters.value, [partnerId]: result }
    return result
  }

  async function reissuePoster(partnerId: string): Promise<PosterCodeResult> {
    const requestId = requestFor('reissue', partnerId)
    const result = await reissuePosterCode({ partnerId, requestId })
    pending.delete(`reissue\n${partnerId}`)
    posters.value = { ...posters.value, [partnerId]: result }
    return result
  }

  async function rotateKey(partnerId: string): Promise<void> {
    const requestId = requestFor('rotate', partnerId)
    await rotateCounterKey({ partnerId, requestId })
    pending.delete(`rotate\n${partnerId}`)
  }

  const maintenance = ref<MaintenanceStats | null>(null)
  async function maintain(): Promise<MaintenanceStats> {
    maintenance.value = await runMaintenance({})
    return maintenance.value
  }

  return { posters, poster, reissuePoster, rotateKey, maintenance, maintain }
})
