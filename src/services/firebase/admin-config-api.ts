// The configuration screens' door to Firebase (the operator console only: its lazy chunk imports
// it, never the card). Items and drafts are read through `listConfigItems`, which answers them in
// their JSON form with their versions; every change goes through the draft callables.
import { CALLABLES, type CallableInput } from '@/domain/contracts/callables'
import { call } from './functions'

// A refusal of an invalid draft is an AppError whose `issues` hold the schema's problems by path.
export const listConfigItems = (input: CallableInput<'listConfigItems'>) => call(CALLABLES.listConfigItems, input)
/** The draft as the server stored it (defaults filled in); refused with the schema's issues when invalid. */
export const saveConfigDraft = (input: CallableInput<'saveConfigDraft'>) => call(CALLABLES.saveConfigDraft, input)
/** Refused with `config-conflict` when someone published a newer version since the draft began. */
export const publishConfigDraft = (input: CallableInput<'publishConfigDraft'>) => call(CALLABLES.publishConfigDraft, input)
export const discardConfigDraft = (input: CallableInput<'discardConfigDraft'>) => call(CALLABLES.discardConfigDraft, input)
