import { z } from 'zod'
import { WALLET_KINDS, type GetWalletPassInput } from './wallet-pass'

/** Server-side validation of `getWalletPass` input; kept apart so zod stays out of the app bundle. */
export const GetWalletPassInputSchema: z.ZodType<GetWalletPassInput, GetWalletPassInput> = z.strictObject({
  kind: z.enum(WALLET_KINDS),
})

/**
 * What a club supplies to issue passes, kept server-only in `secrets/walletPasses` (see
 * functions/src/members/wallet-pass.ts). Each kind is optional: a club may offer one wallet only.
 */
export const WalletCredentialsSchema = z.object({
  google: z
    .object({
      issuerId: z.string().regex(/^\d{1,25}$/),
      classSuffix: z.string().regex(/^[\w.-]{1,64}$/),
      serviceAccountEmail: z.string().email(),
      privateKey: z.string().includes('PRIVATE KEY'),
    })
    .optional(),
  apple: z
    .object({
      passTypeIdentifier: z.string().regex(/^pass\.[\w.-]+$/),
      teamIdentifier: z.string().regex(/^[A-Z0-9]{10}$/),
      signerCert: z.string().includes('BEGIN CERTIFICATE'),
      signerKey: z.string().includes('PRIVATE KEY'),
      signerKeyPassphrase: z.string().optional(),
      wwdr: z.string().includes('BEGIN CERTIFICATE'),
    })
    .optional(),
})

export type WalletCredentials = z.infer<typeof WalletCredentialsSchema>
