import { describe, expect, it } from 'vitest'
import { INVITE_STORAGE_KEY, inviteFromQuery, inviterName, rememberInviteIn, storedInvite } from '@/domain/referrals/invite'

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial))
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  }
}

describe('the invitation a referral link brings', () => {
  it('needs a valid code, any case', () => {
    expect(inviteFromQuery({ ref: 'abcdefg', from: 'Dana' })).toEqual({ code: 'ABCDEFG', from: 'Dana' })
    expect(inviteFromQuery({ ref: 'ABCDEF0', from: 'Dana' })).toBeNull()
    expect(inviteFromQuery({ ref: ['ABCDEFG'], from: 'Dana' })).toBeNull()
    expect(inviteFromQuery({ from: 'Dana' })).toBeNull()
  })

  it('keeps the inviter’s name as text that cannot reorder the page: no bidi or invisible characters, at most 40 characters', () => {
    expect(inviterName('Maya\u202EoripahS')).toBe('MayaoripahS')
    expect(inviterName('\u2067דנה\u2069\u200F \u200B')).toBe('דנה')
    expect(inviterName('Dana\u0000\n\tLevi')).toBe('Dana Levi')
    expect(inviterName('👩‍💻 Noa')).toBe('👩‍💻 Noa')
    expect(inviterName('ש'.repeat(5000))).toBe('ש'.repeat(40))
    expect(inviterName('👍🏽'.repeat(50))).toBe('👍🏽'.repeat(40))
    expect(inviterName(42)).toBe('')
  })

  it('is remembered under the app’s key, and a link without a valid code leaves the stored one', () => {
    const storage = memoryStorage()
    expect(rememberInviteIn(storage, { ref: 'ABCDEFG', from: 'Dana\u202E' })).toEqual({ code: 'ABCDEFG', from: 'Dana' })
    expect(JSON.parse(storage.items.get(INVITE_STORAGE_KEY)!)).toEqual({ code: 'ABCDEFG', from: 'Dana' })
    expect(rememberInviteIn(storage, { ref: 'nope' })).toBeNull()
    expect(storedInvite(storage)).toEqual({ code: 'ABCDEFG', from: 'Dana' })
  })

  it('reads back only a valid stored invitation, cleaned again', () => {
    expect(storedInvite(memoryStorage({ [INVITE_STORAGE_KEY]: '{"code":"ABCDEFG","from":"\u202Eanad"}' }))).toEqual({ code: 'ABCDEFG', from: 'anad' })
    expect(storedInvite(memoryStorage({ [INVITE_STORAGE_KEY]: '{"code":"<script>","from":"x"}' }))).toBeNull()
    expect(storedInvite(memoryStorage({ [INVITE_STORAGE_KEY]: 'not json' }))).toBeNull()
    expect(storedInvite(memoryStorage())).toBeNull()
  })
})
