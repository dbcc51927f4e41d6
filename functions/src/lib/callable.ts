import { onCall, type CallableOptions, type CallableRequest } from 'firebase-functions/v2/https'
import type { ZodType } from 'zod'
import type { CallableInput, CallableName, CallableResult } from '../../../src/domain/contracts/callables'
import { parseInput } from './errors'

/**
 * A callable from its contract (`src/domain/contracts/callables.ts`): who may call it is checked first, so a
 * stranger learns nothing about the input; then the input, by a schema whose input type is the
 * contract's; then the handler, whose answer must be the contract's result. `name` is the
 * function's exported name (a unit test holds `functions/src/index.ts` to it).
 */
export function callable<N extends CallableName, Input, Authorize extends (request: CallableRequest) => unknown>(
  name: N,
  spec: {
    input: ZodType<Input, CallableInput<N>>
    /**
     * Throws `unauthenticated` / `permission-denied`; returns who is calling. May read Firestore
     * (a staff account's standing is kept there, not only in the token), so it may be async.
     */
    authorize: Authorize
    options?: CallableOptions
  },
  handler: (input: Input, caller: Awaited<ReturnType<Authorize>>, request: CallableRequest) => Promise<CallableResult<N>>,
) {
  return onCall({ ...spec.options }, async (request): Promise<CallableResult<N>> => {
    const caller = (await spec.authorize(request)) as Awaited<ReturnType<Authorize>>
    return handler(parseInput(spec.input, request.data ?? {}), caller, request)
  })
}
