// The configuration screens' door to Firebase (the operator console only: its lazy chunk imports
// it, never the card). Items and drafts are read through `listConfigItems`, which answers them in
// their JSON form with their versions; every change goes through the draft callables.
import { FirebaseError } from 'firebase/app'
import { httpsCallable } from 'firebase/functions'
import { CALLABLES, type CallableInput, type CallableName, type CallableResult } from '@/domain/contracts/callables'
import type { ConfigIssue } from '@/domain/admin/config-items'
import { AppError, toAppErrorCode } from '@/domain/shared/errors'
import { functions } from './app'

/** A refusal that carries the schema's issues (`details.issues`) for the form to show at its fields. */
export class ConfigRefusal extends AppError {
  constructor(
    code: AppError['code'],
    message: string,
    reason: string | null,
    readonly issues: ConfigIssue[],
  ) {
    super(code, message, issues.map((i) => i.path), reason)
    this.name = 'ConfigRefusal'
  }
}

function issuesOf(details: unknown): ConfigIssue[] {
  const list = details && typeof details === 'object' ? (details as { issues?: unknown }).issues : undefined
  if (!Array.isArray(list)) return []
  return list.flatMap((issue) =>
    issue && typeof issue === 'object' && typeof issue.path === 'string' && typeof issue.message === 'string' ? [{ path: issue.path, message: issue.message }] : [],
  )
}

async function call<N extends CallableName>(name: N, data: CallableInput<N>): Promise<CallableResult<N>> {
  try {
    return (await httpsCallable<CallableInput<N>, CallableResult<N>>(functions, name)(data)).data
  } catch (error) {
    if (error instanceof FirebaseError) {
      const details = (error as FirebaseError & { details?: unknown }).details
      const reason = details && typeof details === 'object' && typeof (details as { reason?: unknown }).reason === 'string' ? (details as { reason: string }).reason : null
      throw new ConfigRefusal(toAppErrorCode(error.code), error.message, reason, issuesOf(details))
    }
    throw new AppError('internal', String(error))
  }
}

export const listConfigItems = (input: CallableInput<'listConfigItems'>) => call(CALLABLES.listConfigItems, input)
/** The draft as the server stored it (defaults filled in); refused with the schema's issues when invalid. */
export const saveConfigDraft = (input: CallableInput<'saveConfigDraft'>) => call(CALLABLES.saveConfigDraft, input)
/** Refused with `config-conflict` when someone published a newer version since the draft began. */
export const publishConfigDraft = (input: CallableInput<'publishConfigDraft'>) => call(CALLABLES.publishConfigDraft, input)
export const discardConfigDraft = (input: CallableInput<'discardConfigDraft'>) => call(CALLABLES.discardConfigDraft, input)
