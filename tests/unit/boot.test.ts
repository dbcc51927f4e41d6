// @vitest-environment happy-dom
import jsQR from 'jsqr'
import { afterEach, describe, expect, it } from 'vitest'
import { bootCard, bootMode } from '@/boot/device'
import { groupDigits, paintCard } from '@/boot/paint-card'
import { qrPath } from '@/boot/qr-path'
import { BOOT_WORDS } from '@/boot/words'
import { createCardToken, parseCardToken, timeStep } from '@/domain/cards/card-token'
import { fromBase64, toBase64 } from '@/domain/shared/crypto'
import enCore from '@/i18n/en/core'
import heCore from '@/i18n/he/core'

/** Draws the path's runs (`M x y h n v1 h-n z`) into pixels and reads them back as a scanner would. */
function decode(value: string): string | null {
  const { size, d } = qrPath(value)
  const scale = 4
  const width = size * scale
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255)
  for (const [, x, y, run] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < Number(run) * scale; dx++) {
        const i = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4
        pixels[i] = pixels[i + 1] = pixels[i + 2] = 0
      }
    }
  }
  return jsQR(pixels, width, width)?.data ?? null
}

const KEY = toBase64(new Uint8Array(32).map((_, i) => i * 7))
const session = { uid: 'u1', email: 'dana@moadon.test', role: 'member', partnerId: null }
const member = { uid: 'u1', memberNo: '12345674', name: 'דנה כהן', balance: 1234, pendingPoints: 0, tierId: 'gold' }
const club = { name: { he: 'מועדון הדגמה', en: 'Demo club' }, logo: '/brand/logo.svg', tiers: [{ id: 'gold', name: { he: 'זהב', en: 'Gold' }, color: '#8a6d1d' }] }

function remember(withKey = true) {
  localStorage.setItem('moadon.cache.session', JSON.stringify(session))
  localStorage.setItem('moadon.cache.member', JSON.stringify({ member, syncedAt: new Date().toISOString() }))
  localStorage.setItem('moadon.cache.club', JSON.stringify(club))
  if (withKey) localStorage.setItem('moadon.cardKey.u1', JSON.stringify({ key: KEY, version: 1 }))
}

afterEach(() => localStorage.clear())

describe('the boot QR', () => {
  it('reads back as the card code, in the compact alphanumeric version', () => {
    const token = 'V1.12345674.59000000.ABCDEFGHIJ'
    expect(decode(token)).toBe(token)
    // Version 2 (25 modules) plus a quiet zone of 2 on each side.
    expect(qrPath(token).size).toBe(29)
  })

  it('reads back for links and non-Latin text (byte mode)', () => {
    for (const value of ['https://moadon.example/check-in?p=cafe-shalom&c=ABCDEF234567', 'קוד קופון 7']) expect(decode(value)).toBe(value)
  })
})

describe('what the first frame shows', () => {
  it('the card for a member on / with everything on the device, the landing page with nothing', () => {
    expect(bootMode('/').mode).toBe('landing')
    remember()
    expect(bootMode('/')).toEqual({ mode: 'card', card: bootCard() })
    expect(bootMode('/history').mode).toBe('app')
  })

  it('the app when the card cannot be drawn (no key yet) or the account is not a member', () => {
    remember(false)
    expect(bootMode('/').mode).toBe('app')
    remember()
    localStorage.setItem('moadon.cache.session', JSON.stringify({ ...session, role: 'staff' }))
    expect(bootMode('/').mode).toBe('app')
  })

  it('never a card of another account: the cached member must be the session\'s', () => {
    remember()
    localStorage.setItem('moadon.cache.member', JSON.stringify({ member: { ...member, uid: 'someone-else' } }))
    expect(bootCard()).toBeNull()
  })

  it('paints the number and a QR signed with the card key, as the app signs it', async () => {
    remember()
    const root = document.createElement('div')
    document.body.append(root)
    let painted = ''
    paintCard(root, bootCard()!, 'he', (token) => (painted = token))
    await expect.poll(() => painted).not.toBe('')
    expect(root.textContent).toContain('1234 5674')
    expect(root.textContent).toContain('מועדון הדגמה')
    const svg = root.querySelector('svg[data-qr-value]')!
    expect(svg.getAttribute('data-qr-value')).toBe(painted)
    const parsed = parseCardToken(painted)!
    expect(parsed.step).toBe(timeStep(Date.now()))
    expect(painted).toBe(await createCardToken(fromBase64(KEY), '12345674', parsed.step * 30_000))
    root.remove()
  })
})

describe('the boot card\'s numbers', () => {
  it('are grouped exactly as the app writes them, in both languages', () => {
    for (const value of [0, 7, 999, 1000, 1234, 99_999, 1_234_567, -1500]) {
      for (const locale of ['he', 'en'] as const) expect(groupDigits(value, locale)).toBe(new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value))
    }
  })
})

describe('the boot words', () => {
  it('are the app\'s own messages, in both languages', () => {
    for (const [words, core] of [
      [BOOT_WORDS.he, heCore],
      [BOOT_WORDS.en, enCore],
    ] as const) {
      expect(words).toEqual({
        appName: core.app.name,
        title: core.wallet.title,
        memberNo: core.wallet.memberNo,
        balance: core.wallet.balance,
        qrLabel: core.wallet.qrLabel,
        showAtTill: core.wallet.showAtTill,
      })
    }
  })
})
