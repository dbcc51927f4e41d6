import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import core from '@/i18n/en/core'

const SRC = join(__dirname, '../../src')
// What the card route renders before anything else loads (App.vue's frame and the wallet).
const CARD_ROUTE = [
  'App.vue',
  'views/WalletView.vue',
  'components/TheAppHeader.vue',
  'components/TheBottomNav.vue',
  'components/ThePwaPrompts.vue',
  'components/wallet/WalletCard.vue',
  'components/tiers/TiersProgressBar.vue',
  'components/settings/SettingsLanguageSwitch.vue',
  'composables/use-error-message.ts',
  'composables/use-format.ts',
]
// Shown only after a failure or an action, by when the rest of the language has arrived.
const AFTER_PAINT = ['errors.', 'auth.failure.']

function has(messages: Record<string, unknown>, path: string): boolean {
  let node: unknown = messages
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false
    node = (node as Record<string, unknown>)[part]
  }
  return true
}

describe('the card route’s messages', () => {
  it('are all in the core section, loaded before the first paint', () => {
    const missing: string[] = []
    for (const file of CARD_ROUTE) {
      const source = readFileSync(join(SRC, file), 'utf8')
      for (const [, key] of source.matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z.-]+[a-zA-Z])'/g)) {
        if (AFTER_PAINT.some((prefix) => key!.startsWith(prefix))) continue
        if (!has(core, key!)) missing.push(`${file}: ${key}`)
      }
    }
    expect(missing).toEqual([])
  })
})
