// Attacks on the photo store, as a script calling uploadPhoto and submitReview, or fetching /p/<id>,
// would try them. Every refusal is asserted by code and reason, and shown to change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { UploadPhotoInput } from '../../../src/domain/photos/photo-schema'
import { ClubConfigSchema } from '../../../src/domain/shared/club-config'
import { localDate } from '../../../src/domain/shared/calendar'
import { idOf, paths } from '../../../src/domain/shared/paths'
import { demoConfig } from '../../../scripts/demo-club'
import { seedClubData } from '../../../scripts/seed-club'
import { failure, joinedMember, type Client } from '../support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from '../support/emulators'
import { FULL, GOOD_UPLOAD, THUMB, b64, fetchPhoto, photosOf, upload, webpClaiming, webpWithExif } from '../support/photos'
import { purchaseDaysAgo, review, visitedMember } from '../support/reviews'

const config = ClubConfigSchema.parse(demoConfig)

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
})

afterAll(async () => {
  await closeAdmin()
})

/** Nothing stored for the attacker: no photo record, no upload counted. */
async function nothingStored(member: Client) {
  expect(await photosOf(member.uid!)).toEqual([])
  expect((await admin().db.collection('photoUsage').where('uid', '==', member.uid).get()).size).toBe(0)
}

describe('uploading around the checks', () => {
  it('the declared type means nothing: markup, a GIF or a PDF under any name is photo-type', async () => {
    const attacker = await joinedMember()
    for (const body of [
      '<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/steal")</script></svg>',
      '<html><body onload="alert(document.cookie)"></body></html>',
      'GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff',
      '%PDF-1.7\n1 0 obj',
      // A JPEG's first bytes, then HTML: no frame header, so no image.
      `\xff\xd8\xff\xd9<html><script>alert(1)</script></html>`,
    ]) {
      const bytes = Buffer.from(body, 'latin1')
      expect(await failure(upload(attacker, { full: b64(bytes) }))).toEqual({ code: 'invalid-argument', reason: 'photo-type' })
      expect(await failure(upload(attacker, { thumb: b64(bytes) }))).toEqual({ code: 'invalid-argument', reason: 'photo-type' })
    }
    await nothingStored(attacker)
  })

  it('a header that lies about its size, a thumbnail that is a full photo, and metadata left in are refused', async () => {
    const attacker = await joinedMember()
    expect(await failure(upload(attacker, { full: b64(webpClaiming(16_000, 100)) }))).toEqual({ code: 'invalid-argument', reason: 'photo-dimensions' })
    expect(await failure(upload(attacker, { thumb: b64(webpClaiming(401, 300)) }))).toEqual({ code: 'invalid-argument', reason: 'photo-dimensions' })
    expect(await failure(upload(attacker, { full: b64(THUMB), thumb: b64(FULL) }))).toEqual({ code: 'invalid-argument', reason: 'photo-dimensions' })
    expect(await failure(upload(attacker, { full: b64(webpWithExif(1200, 900)) }))).toEqual({ code: 'invalid-argument', reason: 'photo-metadata' })
    await nothingStored(attacker)
  })

  it('too many bytes: a thumbnail over 80 KB, a full image over 600 KB, and megabytes refused unread', async () => {
    const attacker = await joinedMember()
    expect(await failure(upload(attacker, { thumb: b64(webpClaiming(400, 300, 80_001)) }))).toEqual({ code: 'invalid-argument', reason: 'photo-too-large' })
    expect(await failure(upload(attacker, { full: b64(webpClaiming(1600, 1200, 600_001)) }))).toEqual({ code: 'invalid-argument', reason: 'photo-too-large' })
    expect((await failure(upload(attacker, { full: b64(webpClaiming(1600, 1200, 3_000_000)) }))).code).toBe('invalid-argument')
    await nothingStored(attacker)
  })

  it('no field lets the caller choose the owner, the status or the id', async () => {
    const attacker = await joinedMember()
    const victim = await joinedMember()
    for (const extra of [{ uid: victim.uid }, { status: 'attached' }, { photoId: 'AAAAAAAAAAAAAAAAAAAA' }, { type: 'image/webp' }]) {
      const input = { ...GOOD_UPLOAD, ...extra } as UploadPhotoInput
      expect((await failure(attacker.call('uploadPhoto', input))).code).toBe('invalid-argument')
    }
    expect((await failure(attacker.call('uploadPhoto', { full: 'not base64 at all!', thumb: GOOD_UPLOAD.thumb }))).code).toBe('invalid-argument')
    await nothingStored(attacker)
    await nothingStored(victim)
  })

  it('the daily cap holds against a burst from one account', async () => {
    const attacker = await joinedMember()
    const cap = config.photos.dailyUploads
    // Most of today's uploads already made (counted as the server counts them), then the burst.
    const day = localDate(new Date(), config.timeZone)
    const usage = admin().db.doc(paths.photoUsage(idOf(attacker.uid!, day)))
    await usage.set({ uid: attacker.uid, day, count: cap - 6 })
    // Uploads in small parallel waves, as a script would, well past what is left.
    const outcomes: { code: string; reason?: string }[] = []
    for (let wave = 0; wave < 3; wave += 1) {
      const results = await Promise.allSettled(Array.from({ length: 4 }, () => upload(attacker)))
      for (const r of results) outcomes.push(r.status === 'fulfilled' ? { code: 'ok' } : await failure(Promise.reject(r.reason)))
    }
    expect(outcomes.filter((o) => o.code === 'ok')).toHaveLength(6)
    expect(outcomes.filter((o) => o.code !== 'ok')).toEqual(Array.from({ length: 6 }, () => ({ code: 'resource-exhausted', reason: 'photo-daily-cap' })))
    expect(await photosOf(attacker.uid!)).toHaveLength(6)
    expect((await usage.get()).get('count')).toBe(cap)
  })
})

describe('taking over photos', () => {
  it('another member’s photo on a review: permission-denied, nothing attached, no review', async () => {
    const victim = await joinedMember()
    const { photoId } = await upload(victim)
    const attacker = await visitedMember()
    expect(await failure(review(attacker, { photoId }))).toEqual({ code: 'permission-denied', reason: 'photo-not-yours' })
    expect((await admin().db.doc(paths.photo(photoId)).get()).data()).toMatchObject({ status: 'pending', owner: null, uid: victim.uid })
    expect((await admin().db.collection(paths.myReviews(attacker.uid!)).get()).size).toBe(0)
  })

  it('one photo on two reviews: the second is refused, and the first keeps it', async () => {
    const member = await visitedMember()
    const { photoId } = await upload(member)
    const first = await review(member, { photoId })
    await purchaseDaysAgo(member.uid!, 'carmel-books', 1, config)
    expect(await failure(review(member, { photoId, partnerId: 'carmel-books' }))).toEqual({ code: 'failed-precondition', reason: 'photo-already-used' })
    expect((await admin().db.doc(paths.photo(photoId)).get()).get('owner')).toEqual({ kind: 'review', id: first.reviewId })
    expect((await admin().db.collection(paths.myReviews(member.uid!)).get()).size).toBe(1)
  })

  it('an unknown or malformed photo id refuses the review', async () => {
    const member = await visitedMember()
    expect(await failure(review(member, { photoId: 'AAAAAAAAAAAAAAAAAAAA' }))).toEqual({ code: 'not-found', reason: 'unknown-photo' })
    expect((await failure(review(member, { photoId: '../../secrets/posterKey' }))).code).toBe('invalid-argument')
    expect((await admin().db.collection(paths.myReviews(member.uid!)).get()).size).toBe(0)
  })

  it('staff and operators cannot put someone’s photo on a review either (they write no reviews)', async () => {
    const victim = await joinedMember()
    const { photoId } = await upload(victim)
    const staff = await roleClient({ role: 'staff', partnerId: 'cafe-shachar' })
    expect((await failure(review(staff, { photoId }))).code).toBe('permission-denied')
    expect((await admin().db.doc(paths.photo(photoId)).get()).get('status')).toBe('pending')
  })
})

describe('reading photos around the function', () => {
  it('a pending photo is not served to anyone, by id or by path tricks, and writes are not allowed', async () => {
    const member = await joinedMember()
    const { photoId } = await upload(member)
    expect((await fetchPhoto(photoId)).status).toBe(404)
    expect((await fetchPhoto(`${photoId}/thumb`)).status).toBe(404)
    expect((await fetchPhoto(`../${photoId}`)).status).toBe(404)
    expect((await fetchPhoto(`${photoId}%2Fthumb`)).status).toBe(404)
    const post = await fetchPhoto(photoId, { method: 'POST', body: 'x' })
    expect(post.status).toBe(405)
    expect((await admin().db.doc(paths.photo(photoId)).get()).get('status')).toBe('pending')
  })
})
