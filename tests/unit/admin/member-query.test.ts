import { describe, expect, it } from 'vitest'
import { parseMemberQuery } from '@/domain/admin/members'
import { formatMemberNumber, generateMemberNumber } from '@/domain/cards/member-number'

describe('how the console reads a member search', () => {
  const number = generateMemberNumber(() => 0.42)

  it('reads a member number typed plain or as printed', () => {
    expect(parseMemberQuery(number)).toEqual({ kind: 'memberNo', memberNo: number })
    expect(parseMemberQuery(` ${formatMemberNumber(number)} `)).toEqual({ kind: 'memberNo', memberNo: number })
  })

  it('says a number with a wrong check digit is nothing, rather than looking it up as an account id', () => {
    const wrong = number.slice(0, -1) + String((Number(number.at(-1)) + 1) % 10)
    expect(parseMemberQuery(wrong)).toBeNull()
  })

  it('reads an address without case, and refuses one that is not an address', () => {
    expect(parseMemberQuery('Dana@Moadon.TEST')).toEqual({ kind: 'email', email: 'dana@moadon.test' })
    expect(parseMemberQuery('dana@')).toBeNull()
    expect(parseMemberQuery('da na@moadon.test')).toBeNull()
  })

  it('reads anything else of an account id’s shape as a uid, and nothing else', () => {
    expect(parseMemberQuery('demo-dana')).toEqual({ kind: 'uid', uid: 'demo-dana' })
    expect(parseMemberQuery('../members')).toBeNull()
    expect(parseMemberQuery('a/b/c/d/e')).toBeNull()
  })
})
