import type { BootCard, BootMode } from './device'
import type { QrPath } from './qr-path'

/**
 * What the boot scripts hand to the app: which page the first frame showed and, on the card, the
 * code it drew, so the app takes over the same code without drawing a blank frame in between.
 */
export interface BootState {
  mode: BootMode
  /** The card the head script read from the device (mode `card`). */
  card?: BootCard
  /** The card code the boot script painted (the app shows it until the next step). */
  token?: string
  /** Settles once the boot script's card, QR included, has been painted. */
  painted?: Promise<void>
  /** The boot script's QR encoder, which the app draws with too rather than bundling a second copy. */
  qrPath?: (value: string) => QrPath
}

declare global {
  interface Window {
    __moadonBoot?: BootState
  }
}

export function bootState(): BootState | undefined {
  return typeof window === 'undefined' ? undefined : window.__moadonBoot
}
