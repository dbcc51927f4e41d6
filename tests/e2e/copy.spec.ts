import { expect, test, type Locator } from '@playwright/test'
import { demoConfig, demoPartners } from '../../scripts/demo-club'
import { recordPurchase } from '../../functions/src/purchases/record'
import { paths } from '../../src/domain/shared/paths'
import { admin } from '../emulator/support/emulators'
import { awardServerSide, createMember, memberByEmail, signInAs } from './support/club'

interface Box {
  left: number
  right: number
}

/**
 * Where the browser drew each of the given characters of an element's text (the first text node
 * that holds them): the order on screen after the bidi algorithm, not the order in the string.
 */
async function drawn(element: Locator, pieces: string[]): Promise<Record<string, Box>> {
  return element.evaluate((el, wanted) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    const out: Record<string, { left: number; right: number }> = {}
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? ''
      for (const piece of wanted) {
        const at = text.indexOf(piece)
        if (at < 0 || out[piece]) continue
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + piece.length)
        const rect = range.getBoundingClientRect()
        out[piece] = { left: rect.left, right: rect.right }
      }
    }
    return out
  }, pieces)
}

/** `a` is drawn entirely to the left of `b` (half a pixel of rounding allowed). */
function leftOf(a: Box | undefined, b: Box | undefined): boolean {
  return a !== undefined && b !== undefined && a.right <= b.left + 0.5
}

test.describe('in Hebrew', () => {
  test.use({ locale: 'he-IL' })

  test('a signed "+N נקודות" and a Latin partner name are drawn in reading order', async ({ page }) => {
    // A partner with a Latin name, kept out of the store directory (other tests count its stores).
    const base = demoPartners.find((p) => p.id === 'super-hashchuna')!
    const partner = { ...base, id: `h-and-o-${Date.now()}`, name: { he: 'H&O', en: 'H&O' }, active: false }
    const { db } = admin()
    await db.doc(paths.partner(partner.id)).set(partner)

    const account = await createMember('נועה ביטון', { language: 'he' })
    const { uid } = await memberByEmail(account.email)
    await signInAs(page, account)
    await expect(page.getByTestId('wallet-balance')).toHaveText('50')

    // Points arriving while the card is open: "+30 נקודות!", never "30+".
    await awardServerSide(uid, 30, `copy-${uid}`)
    const toast = page.getByTestId('wallet-toast')
    await expect(toast).toContainText('נקודות!')
    const text = (await toast.textContent()) ?? ''
    expect(text).toContain('\u2066+30\u2069 נקודות!')
    const signed = await drawn(toast, ['+', '3', '0', 'נקודות!'])
    expect(leftOf(signed['+'], signed['3']), JSON.stringify(signed)).toBe(true)
    expect(leftOf(signed['3'], signed['0']), JSON.stringify(signed)).toBe(true)
    // Right to left: the number comes first, so it stands to the right of the word.
    expect(leftOf(signed['נקודות!'], signed['+']), JSON.stringify(signed)).toBe(true)

    // A purchase at the Latin-named store, through the server's own code: "קנייה ב־H&O".
    await recordPurchase(db, {
      uid,
      partner,
      amount: 20,
      receiptId: `copy-${uid}`,
      staff: { uid: `staff-${base.id}`, email: null, memberUid: null, tillId: `copy-till-${uid}` },
      config: demoConfig,
    })
    await page.getByRole('navigation', { name: 'ראשי' }).getByRole('link', { name: 'היסטוריה' }).click()
    const words = page.locator('li.history-entry-row .history-entry-row__words').first()
    await expect(words).toHaveText('קנייה ב־\u2068H&O\u2069')
    const named = await drawn(words, ['ק', 'ב־', 'H', '&', 'O'])
    expect(leftOf(named['H'], named['&']), JSON.stringify(named)).toBe(true)
    expect(leftOf(named['&'], named['O']), JSON.stringify(named)).toBe(true)
    expect(leftOf(named['O'], named['ב־']), JSON.stringify(named)).toBe(true)
    expect(leftOf(named['ב־'], named['ק']), JSON.stringify(named)).toBe(true)
    // The entry's own points: "+20", sign first.
    const points = page.locator('li.history-entry-row .history-entry-row__points').first()
    const entry = await drawn(points, ['+', '2'])
    expect(leftOf(entry['+'], entry['2']), JSON.stringify(entry)).toBe(true)
  })

  test('counts read as Hebrew: "נקודה על כל שקל", not "1 נקודות לכל ₪1"', async ({ page }) => {
    const account = await createMember('אורי כץ', { language: 'he' })
    await signInAs(page, account)
    await page.getByRole('navigation', { name: 'ראשי' }).getByRole('link', { name: 'חנויות' }).click()
    await page.getByRole('link', { name: /בית מרקחת הדר/ }).click()
    await expect(page.getByTestId('partner-earn')).toHaveText('נקודה על כל שקל (לפני תוספת הדרגה)')
    await page.goto('/tiers')
    await expect(page.getByTestId('tier-current')).toHaveText('סילבר')
    // The entry tier needs nothing to keep it: no promise to keep it.
    await expect(page.getByTestId('tier-keep')).toHaveCount(0)
  })
})
