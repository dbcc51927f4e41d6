import { CALLABLES } from '../../../../src/domain/contracts/callables'
import { ConfigItemInputSchema, ListConfigItemsInputSchema, SaveConfigDraftInputSchema } from '../../../../src/domain/admin/config-items'
import { db } from '../../lib/admin'
import { callable } from '../../lib/callable'
import { requireAdmin } from '../../lib/roles'
import * as drafts from './drafts'

/** `saveConfigDraft`: an operator's draft of one configuration item, valid by its kind's schema. */
export const saveConfigDraft = callable(CALLABLES.saveConfigDraft, { input: SaveConfigDraftInputSchema, authorize: requireAdmin }, (input, admin) =>
  drafts.saveConfigDraft(db(), admin, input),
)

/** `publishConfigDraft`: the draft goes live with a new version, a history entry and an audit entry. */
export const publishConfigDraft = callable(CALLABLES.publishConfigDraft, { input: ConfigItemInputSchema, authorize: requireAdmin }, (input, admin) =>
  drafts.publishConfigDraft(db(), admin, input),
)

export const discardConfigDraft = callable(CALLABLES.discardConfigDraft, { input: ConfigItemInputSchema, authorize: requireAdmin }, (input, admin) =>
  drafts.discardConfigDraft(db(), admin, input),
)

/** `listConfigItems`: a kind's live items (JSON form, version, who published) and its drafts. */
export const listConfigItems = callable(CALLABLES.listConfigItems, { input: ListConfigItemsInputSchema, authorize: requireAdmin }, (input) =>
  drafts.listConfigItems(db(), input.kind),
)
