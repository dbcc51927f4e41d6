import { z } from 'zod'

/** Devices a member may have notifications on; a new one beyond this replaces the one seen longest ago. */
export const MAX_PUSH_TOKENS = 5

// What FCM hands a browser: URL-safe base64 with `:` and `-`/`_`, about 150–200 characters.
const FCM_TOKEN = /^[A-Za-z0-9_:-]{32,512}$/

export const PushTokenInputSchema = z.strictObject({ token: z.string().regex(FCM_TOKEN, 'a push token') })
export type PushTokenInput = z.input<typeof PushTokenInputSchema>

export interface RegisterPushTokenResult {
  /** Devices the member has notifications on, this one included. */
  devices: number
  /** A device replaced to stay within MAX_PUSH_TOKENS. */
  replaced: boolean
}

export interface UnregisterPushTokenResult {
  removed: boolean
}
