import { describe, expect, it } from 'vitest'
import {
  HOUSEHOLD_INVITE_CODE,
  acceptRefusal,
  householdEntryId,
  householdInviteLink,
  inviteExpiry,
  inviteRefusal,
  openInviteCount,
  removalOwner,
  type HouseholdSide,
  type InviteFacts,
} from '@/domain/members/household'
import { ClubConfigSchema } from '@/domain/shared/club-config'
import { demoConfig } from '../../scripts/demo-club'

const now = new Date('2026-11-27T10:00:00Z')
const on = { enabled: true, maxMembers: 2 }
const side = (uid: string, over: Partial<HouseholdSide> = {}): HouseholdSide => ({ uid, household: null, householdMembers: [], ...over })
const link = (ownerUid: string) => ({ ownerUid, ownerName: 'Dana', since: now.toISOString() })
const invite = (over: Partial<InviteFacts> = {}): InviteFacts => ({ ownerUid: 'owner', expiresAt: inviteExpiry(now), usedBy: null, ...over })

describe('household invites', () => {
  it('last a week and count only unused, unexpired ones as open', () => {
    expect(inviteExpiry(now).toISOString()).toBe('2026-12-04T10:00:00.000Z')
    const past = new Date(now.getTime() - 1)
    expect(openInviteCount([invite(), invite({ usedBy: 'x' }), invite({ expiresAt: past }), invite({ expiresAt: now })], now)).toBe(1)
  })

  it('are made by an owner with room, in a club that allows households', () => {
    expect(inviteRefusal(on, side('owner'))).toBeNull()
    expect(inviteRefusal({ ...on, enabled: false }, side('owner'))).toBe('household-disabled')
    expect(inviteRefusal(on, side('owner', { household: link('other') }))).toBe('household-member-cannot-invite')
    expect(inviteRefusal(on, side('owner', { householdMembers: ['a', 'b'] }))).toBe('household-full')
  })

  it('are accepted once, in time, by someone free to join a household with room', () => {
    const owner = side('owner', { householdMembers: ['a'] })
    expect(acceptRefusal(on, invite(), side('friend'), owner, now)).toBeNull()
    expect(acceptRefusal({ ...on, enabled: false }, invite(), side('friend'), owner, now)).toBe('household-disabled')
    expect(acceptRefusal(on, invite({ usedBy: 'someone' }), side('friend'), owner, now)).toBe('invite-used')
    expect(acceptRefusal(on, invite({ expiresAt: now }), side('friend'), owner, now)).toBe('invite-expired')
    expect(acceptRefusal(on, invite(), side('owner'), owner, now)).toBe('household-self')
    expect(acceptRefusal(on, invite(), side('friend', { household: link('other') }), owner, now)).toBe('household-already-member')
    expect(acceptRefusal(on, invite(), side('friend', { householdMembers: ['c'] }), owner, now)).toBe('household-has-members')
    expect(acceptRefusal(on, invite(), side('friend'), side('owner', { household: link('other') }), now)).toBe('invite-unusable')
    expect(acceptRefusal(on, invite(), side('friend'), side('owner', { householdMembers: ['a', 'b'] }), now)).toBe('household-full')
  })

  it('use codes of 128 random bits in a link', () => {
    expect(HOUSEHOLD_INVITE_CODE.test('AbCdEfGhIjKlMnOpQrSt_-')).toBe(true)
    expect(HOUSEHOLD_INVITE_CODE.test('short')).toBe(false)
    expect(HOUSEHOLD_INVITE_CODE.test('AbCdEfGhIjKlMnOpQrSt/-')).toBe(false)
    expect(householdInviteLink('https://club.test', 'AbCdEfGhIjKlMnOpQrSt_-')).toBe('https://club.test/household/join?code=AbCdEfGhIjKlMnOpQrSt_-')
  })
})

describe('household membership', () => {
  it('is ended by the owner or by the member, nobody else', () => {
    const member = side('m', { household: link('owner') })
    expect(removalOwner('owner', 'm', member)).toBe('owner')
    expect(removalOwner('m', 'm', member)).toBe('owner')
    expect(removalOwner('stranger', 'm', member)).toBeNull()
    expect(removalOwner('owner', 'm', side('m'))).toBeNull()
    expect(removalOwner('owner', 'm', null)).toBeNull()
  })

  it('keeps each member’s entries apart in the owner’s ledger', () => {
    const visit = 'checkin~cafe~2026-11-27'
    expect(householdEntryId('noa', visit)).not.toBe(householdEntryId('dana', visit))
    expect(householdEntryId('noa', visit)).not.toBe(visit)
    expect(householdEntryId('a~b', 'c')).not.toBe(householdEntryId('a', 'b~c'))
  })
})

describe('household configuration', () => {
  it('is off in a configuration from before households, on in the demo club', () => {
    const older: Record<string, unknown> = { ...demoConfig }
    delete older.household
    expect(ClubConfigSchema.parse(older).household).toEqual({ enabled: false, maxMembers: 4 })
    expect(demoConfig.household).toEqual({ enabled: true, maxMembers: 4 })
  })
})
