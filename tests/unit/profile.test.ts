import { describe, expect, it } from 'vitest'
import { ClubConfigSchema, type ClubConfig } from '@/domain/shared/club-config'
import { JoinClubInputSchema } from '@/domain/members/join-schema'
import { profileGaps } from '@/domain/members/member'
import { demoConfig } from '../../scripts/demo-club'

const club: ClubConfig = ClubConfigSchema.parse(demoConfig)
const real = { name: 'Dana Levi', birthday: '1990-04-01', interests: ['coffee', 'books', 'kids'] }

describe('a real profile (the profile reward)', () => {
  it('is a clean name, enough interests from the club list and the birthday the club asks for', () => {
    expect(profileGaps(real, club)).toEqual([])
    expect(profileGaps({ ...real, name: 'דָּנָה לֵוִי 👩‍💻' }, club)).toEqual([])
  })

  it.each([
    ['five junk interests', { interests: ['<img src=x onerror=alert(1)>', 'x'.repeat(5000), 'coffee\u202E', 'nope', 'zzz'] }, ['interests']],
    ['one interest off the list', { interests: ['coffee', 'books', 'skydiving'] }, ['interests']],
    ['the same interest three times', { interests: ['coffee', 'coffee', 'coffee'] }, ['interests']],
    ['too few interests', { interests: ['coffee', 'books'] }, ['interests']],
    ['interests that are not a list', { interests: 'coffee,books,kids' }, ['interests']],
    ['a U+202E name', { name: 'Dana\u202EiveL' }, ['name']],
    ['a zero-width name', { name: 'Da\u200Bna Levi' }, ['name']],
    ['a name stored with doubled spaces', { name: 'Dana  Levi' }, ['name']],
    ['a name without a letter', { name: '12345' }, ['name']],
    ['no name', { name: undefined }, ['name']],
    ['no birthday', { birthday: null }, ['birthday']],
    ['a future birthday', { birthday: '2999-01-01' }, ['birthday']],
  ])('is not %s', (_label, patch, gaps) => {
    expect(profileGaps({ ...real, ...patch }, club)).toEqual(gaps)
  })

  it('asks for a birthday only when the club does, and for the club’s number of interests', () => {
    const relaxed = { ...club, profileReward: { requireBirthday: false, minInterests: 1 } }
    expect(profileGaps({ ...real, birthday: null, interests: ['eco'] }, relaxed)).toEqual([])
  })
})

describe('the club configuration', () => {
  it('carries the interest ids, derived in order from the interests', () => {
    expect(club.interestIds).toEqual(demoConfig.interests.map((interest) => interest.id))
    expect(ClubConfigSchema.safeParse({ ...demoConfig, interestIds: [...demoConfig.interestIds, 'extra'] }).success).toBe(false)
    expect(ClubConfigSchema.safeParse({ ...demoConfig, interestIds: [...demoConfig.interestIds].reverse() }).success).toBe(false)
    expect(ClubConfigSchema.safeParse({ ...demoConfig, interestIds: undefined }).success).toBe(false)
  })
})

describe('joinClub input names', () => {
  const valid = { name: 'Dana Levi', interests: ['coffee'], language: 'he', marketingConsent: true }
  it.each([
    ['Dana\u202EiveL', 'forbidden-characters'],
    ['Da\u200Bna', 'forbidden-characters'],
    ['D', 'too-short'],
    ['x'.repeat(61), 'too-long'],
    ['x'.repeat(5000), 'too-long'],
    ['!!!', 'only-symbols'],
  ])('refuses %j as %s, the reason the app translates', (name, reason) => {
    const result = JoinClubInputSchema.safeParse({ ...valid, name })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['name', reason]])
  })
  it('keeps Hebrew with niqqud and stores the NFC form', () => {
    expect(JoinClubInputSchema.parse({ ...valid, name: ' יוֹסֵף  כֹּהֵן ' }).name).toBe('יוֹסֵף כֹּהֵן')
    expect(JoinClubInputSchema.parse({ ...valid, name: 'Rene\u0301' }).name).toBe('Ren\u00E9')
  })
  it('refuses interests that are not ids', () => {
    expect(JoinClubInputSchema.safeParse({ ...valid, interests: ['<b>coffee</b>'] }).success).toBe(false)
    expect(JoinClubInputSchema.safeParse({ ...valid, interests: ['x'.repeat(5000)] }).success).toBe(false)
  })
})
