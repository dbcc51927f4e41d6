import { defineStore } from 'pinia'
import { reactive } from 'vue'
import {
  CONFIG_KINDS,
  parseConfigItem,
  sameConfigJson,
  type ConfigDraftView,
  type ConfigIssue,
  type ConfigItemView,
  type ConfigKind,
  type JsonObject,
  type ListConfigItemsResult,
} from '@/domain/admin/config-items'
import { AppError } from '@/domain/shared/errors'
import * as api from '@/services/firebase/admin-config-api'

/** The live item a draft was started from. */
export interface ConfigBase {
  version: number | undefined
  digest: string | null | undefined
}

/** Where an item's draft stands: none, saved and valid, or saved but no longer valid. */
export type DraftState = 'none' | 'saved' | 'invalid'

/** An action's answer for the screen: done, or refused with the error and the schema's issues. */
export type ConfigOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown; issues: ConfigIssue[] }

interface KindState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  result: ListConfigItemsResult | null
  error: unknown
}

async function attempt<T>(run: () => Promise<T>): Promise<ConfigOutcome<T>> {
  try {
    return { ok: true, value: await run() }
  } catch (error) {
    const issues: ConfigIssue[] = error instanceof AppError ? error.issues : []
    return { ok: false, error, issues }
  }
}

/**
 * The club's configuration as the console shows it: each kind's live items with their versions
 * and drafts, read through `listConfigItems`; saving, publishing and discarding go through the
 * draft callables, and each answer refreshes the kind it touched.
 */
export const useAdminConfigStore = defineStore('admin-config', () => {
  const kinds = reactive(Object.fromEntries(CONFIG_KINDS.map((kind) => [kind, { status: 'idle', result: null, error: null }])) as Record<ConfigKind, KindState>)

  async function load(kind: ConfigKind): Promise<void> {
    const state = kinds[kind]
    state.status = 'loading'
    try {
      state.result = await api.listConfigItems({ kind })
      state.status = 'ready'
      state.error = null
    } catch (error) {
      state.error = error
      state.status = 'error'
    }
  }

  const loadAll = () => Promise.all(CONFIG_KINDS.map(load))

  function live(kind: ConfigKind, id: string): ConfigItemView | null {
    return kinds[kind].result?.items.find((item) => item.id === id) ?? null
  }

  function draft(kind: ConfigKind, id: string): ConfigDraftView | null {
    return kinds[kind].result?.drafts.find((item) => item.id === id) ?? null
  }

  /** Ids of the kind's items, live or only drafted (a new item exists only as a draft until published). */
  function ids(kind: ConfigKind): string[] {
    const result = kinds[kind].result
    if (!result) return []
    return [...new Set([...result.items.map((i) => i.id), ...result.drafts.map((d) => d.id)])].sort()
  }

  function draftState(kind: ConfigKind, id: string): DraftState {
    const saved = draft(kind, id)
    if (!saved) return 'none'
    // Checked as the server will check it at publishing: the schema may have tightened since.
    return parseConfigItem(kind, id, saved.data).ok ? 'saved' : 'invalid'
  }

  /**
   * `base` is the live item the form started from (its version and digest); publishing refuses
   * when the live item moved past it. Left out, the server takes the draft's own base.
   */
  async function save(kind: ConfigKind, id: string, data: JsonObject, base: ConfigBase) {
    // The SDK would send an absent base as null, which the contract refuses: leave the keys out.
    const input = {
      kind,
      id,
      data,
      ...(base.version === undefined ? {} : { baseVersion: base.version }),
      ...(base.digest ? { baseDigest: base.digest } : {}),
    }
    const outcome = await attempt(() => api.saveConfigDraft(input))
    if (outcome.ok) await load(kind)
    return outcome
  }

  async function publish(kind: ConfigKind, id: string) {
    const outcome = await attempt(() => api.publishConfigDraft({ kind, id }))
    await load(kind)
    return outcome
  }

  async function discard(kind: ConfigKind, id: string) {
    const outcome = await attempt(() => api.discardConfigDraft({ kind, id }))
    if (outcome.ok) await load(kind)
    return outcome
  }

  /** Whether the form still says what the saved draft (or, without one, the live item) says. */
  function unchanged(kind: ConfigKind, id: string, data: JsonObject): boolean {
    const base = draft(kind, id)?.data ?? live(kind, id)?.data
    return base ? sameConfigJson(base, data) : false
  }

  return { kinds, load, loadAll, live, draft, ids, draftState, save, publish, discard, unchanged }
})
