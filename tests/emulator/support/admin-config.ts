// Helpers for the configuration tests: the operator's calls, their refusals with the schema's
// issues, and a picture of everything configuration-related to prove a refusal changed nothing.
import type {
  ConfigItemInput,
  ConfigKind,
  JsonObject,
  ListConfigItemsResult,
  PublishConfigDraftResult,
  SaveConfigDraftInput,
  SaveConfigDraftResult,
} from '../../../src/domain/admin/config-items'
import { COLLECTIONS } from '../../../src/domain/shared/paths'
import { exportClub } from '../../../scripts/lib/club-io'
import type { Client } from './club'
import { admin } from './emulators'

export const saveDraft = (who: Client, input: SaveConfigDraftInput) => who.call<SaveConfigDraftInput, SaveConfigDraftResult>('saveConfigDraft', input)
export const publishDraft = (who: Client, input: ConfigItemInput) => who.call<ConfigItemInput, PublishConfigDraftResult>('publishConfigDraft', input)
export const discardDraft = (who: Client, input: ConfigItemInput) => who.call<ConfigItemInput, unknown>('discardConfigDraft', input)
export const listItems = (who: Client, kind: ConfigKind) => who.call<{ kind: ConfigKind }, ListConfigItemsResult>('listConfigItems', { kind })

/** A live item's JSON form and version, as the console reads it. */
export async function liveItem(who: Client, kind: ConfigKind, id: string): Promise<{ data: JsonObject; version: number; digest: string }> {
  const item = (await listItems(who, kind)).items.find((i) => i.id === id)
  if (!item?.data) throw new Error(`no live ${kind} ${id}`)
  return { data: item.data, version: item.version, digest: item.digest }
}

/** The code, reason and schema issues a config callable was refused with. */
export async function configFailure(promise: Promise<unknown>): Promise<{ code: string; reason?: string; issues?: { path: string; message: string }[] }> {
  try {
    await promise
  } catch (error) {
    const e = error as { code?: string; details?: { reason?: string; issues?: { path: string; message: string }[] } }
    return { code: String(e.code).replace(/^functions\//, ''), reason: e.details?.reason, issues: e.details?.issues }
  }
  throw new Error('expected the call to fail, and it succeeded')
}

/** Everything a configuration change touches: the live items (as exported) and the drafts, versions, history. */
export async function configState() {
  const db = admin().db
  const docs = async (name: string) => (await db.collection(name).get()).docs.map((d) => ({ id: d.id, ...d.data() }))
  const [exported, drafts, versions, history] = await Promise.all([
    exportClub(db),
    docs(COLLECTIONS.configDrafts),
    docs(COLLECTIONS.configVersions),
    docs(COLLECTIONS.configHistory),
  ])
  return { live: exported.text, drafts, versions, history }
}
