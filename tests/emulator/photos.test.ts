import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ModerateReviewInput, ModerateReviewResult } from '../../src/domain/earn/review-schema'
import { ClubConfigSchema } from '../../src/domain/shared/club-config'
import { localDate } from '../../src/domain/shared/calendar'
import { idOf, paths } from '../../src/domain/shared/paths'
import { runMaintenance } from '../../functions/src/maintenance/run'
import { demoConfig } from '../../scripts/demo-club'
import { seedClubData } from '../../scripts/seed-club'
import { failure, joinedMember, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, newClient, roleClient } from './support/emulators'
import { FULL, THUMB, b64, fetchPhoto, photosOf, upload, webpClaiming } from './support/photos'
import { review, visitedMember } from './support/reviews'

let operator: Client
const config = ClubConfigSchema.parse(demoConfig)
const HELD_TEXT = 'השירות היה מטומטם לגמרי, לא אחזור לשם'

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  operator = await roleClient({ role: 'admin' })
})

afterAll(async () => {
  await closeAdmin()
})

const moderate = (input: ModerateReviewInput) => operator.call<ModerateReviewInput, ModerateReviewResult>('moderateReview', input)

describe('uploadPhoto', () => {
  it('stores a resized photo as pending, with its size read from its own bytes and an id from the server', async () => {
    const member = await joinedMember()
    const result = await upload(member)
    expect(result).toEqual({ photoId: expect.stringMatching(/^[A-Za-z0-9]{20}$/), type: 'image/webp', width: 1200, height: 900, remainingToday: 19 })
    const record = (await admin().db.doc(paths.photo(result.photoId)).get()).data()!
    expect(record).toMatchObject({ uid: member.uid, status: 'pending', owner: null, type: 'image/webp', width: 1200, height: 900, size: FULL.length })
    const full = (await admin().db.doc(paths.photoVariant(result.photoId, 'full')).get()).data()!
    const thumb = (await admin().db.doc(paths.photoVariant(result.photoId, 'thumb')).get()).data()!
    expect(Buffer.from(full.bytes).equals(FULL)).toBe(true)
    expect(Buffer.from(thumb.bytes).equals(THUMB)).toBe(true)
    expect(thumb).toMatchObject({ type: 'image/webp', width: 400, height: 300 })
    // Pending: served to no one, not even to the person who uploaded it.
    expect((await fetchPhoto(result.photoId)).status).toBe(404)
  })

  it('refuses an oversized photo, an SVG or an HTML page named .webp, and a thumbnail that is a full image; nothing is stored', async () => {
    const member = await joinedMember()
    const oversized = webpClaiming(1200, 900, 600_001)
    expect(await failure(upload(member, { full: b64(oversized) }))).toEqual({ code: 'invalid-argument', reason: 'photo-too-large' })
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900"><script>alert(1)</script></svg>'
    expect(await failure(upload(member, { full: b64(svg) }))).toEqual({ code: 'invalid-argument', reason: 'photo-type' })
    expect(await failure(upload(member, { thumb: b64('<!doctype html><title>photo.webp</title>') }))).toEqual({ code: 'invalid-argument', reason: 'photo-type' })
    expect(await failure(upload(member, { thumb: b64(FULL) }))).toEqual({ code: 'invalid-argument', reason: 'photo-dimensions' })
    expect(await failure(upload(member, { full: b64(webpClaiming(2000, 1500)) }))).toEqual({ code: 'invalid-argument', reason: 'photo-dimensions' })
    expect(await photosOf(member.uid)).toEqual([])
    expect((await admin().db.collection('photoUsage').where('uid', '==', member.uid).get()).size).toBe(0)
  })

  it('counts uploads per member per day: past the cap, resource-exhausted, even in parallel', async () => {
    const member = await joinedMember()
    const cap = config.photos.dailyUploads
    // The count as if the member had uploaded all but two today.
    const day = localDate(new Date(), config.timeZone)
    const usage = admin().db.doc(paths.photoUsage(idOf(member.uid, day)))
    await usage.set({ uid: member.uid, day, count: cap - 2 })
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => upload(member)))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2)
    for (const refused of results.filter((r) => r.status === 'rejected')) {
      expect(await failure(Promise.reject((refused as PromiseRejectedResult).reason))).toEqual({ code: 'resource-exhausted', reason: 'photo-daily-cap' })
    }
    expect(await photosOf(member.uid)).toHaveLength(2)
    expect((await usage.get()).get('count')).toBe(cap)
  })

  it('refuses anyone signed out', async () => {
    const stranger = await newClient({ signUp: false })
    expect(await failure(upload(stranger))).toEqual({ code: 'unauthenticated', reason: undefined })
  })
})

describe('a photo on a review', () => {
  it('attaches the member’s own photo; the partner page’s review names it and the photo function serves it with immutable headers', async () => {
    const member = await visitedMember('Photo Writer')
    const { photoId } = await upload(member)
    const result = await review(member, { photoId })
    expect(result.status).toBe('published')
    expect((await admin().db.doc(paths.review(result.reviewId)).get()).get('photoId')).toBe(photoId)
    expect((await admin().db.doc(paths.photo(photoId)).get()).data()).toMatchObject({ status: 'attached', owner: { kind: 'review', id: result.reviewId } })

    const full = await fetchPhoto(photoId)
    expect(full.status).toBe(200)
    expect(full.headers.get('content-type')).toBe('image/webp')
    expect(full.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(full.headers.get('x-content-type-options')).toBe('nosniff')
    const etag = full.headers.get('etag')
    expect(etag).toMatch(/^"[\w-]{27}"$/)
    expect(Buffer.from(await full.arrayBuffer()).equals(FULL)).toBe(true)

    const thumb = await fetchPhoto(`${photoId}/thumb`)
    expect(thumb.status).toBe(200)
    expect(Buffer.from(await thumb.arrayBuffer()).equals(THUMB)).toBe(true)
    expect(thumb.headers.get('etag')).not.toBe(etag)

    const again = await fetchPhoto(photoId, { headers: { 'If-None-Match': etag! } })
    expect(again.status).toBe(304)
    expect((await fetchPhoto('AAAAAAAAAAAAAAAAAAAA')).status).toBe(404)
    expect((await fetchPhoto(`${photoId}/original`)).status).toBe(404)
  })

  it('refuses someone else’s photo on a review, and writes nothing: no review, the photo still pending', async () => {
    const owner = await joinedMember('Photo Owner')
    const { photoId } = await upload(owner)
    const thief = await visitedMember('Photo Thief')
    expect(await failure(review(thief, { photoId }))).toEqual({ code: 'permission-denied', reason: 'photo-not-yours' })
    expect((await admin().db.collection(paths.myReviews(thief.uid)).get()).size).toBe(0)
    expect((await admin().db.doc(paths.photo(photoId)).get()).data()).toMatchObject({ uid: owner.uid, status: 'pending', owner: null })
  })

  it('a held review’s photo is unreadable until approved, and again once the review is removed', async () => {
    const member = await visitedMember('Held Photo')
    const { photoId } = await upload(member)
    const result = await review(member, { photoId, text: HELD_TEXT })
    expect(result.status).toBe('held')
    const held = await fetchPhoto(photoId)
    expect(held.status).toBe(404)
    expect(held.headers.get('cache-control')).toBe('no-store')
    expect((await fetchPhoto(`${photoId}/thumb`)).status).toBe(404)

    await moderate({ reviewId: result.reviewId, decision: 'approve', note: 'Fine after all.' })
    expect((await fetchPhoto(`${photoId}/thumb`)).status).toBe(200)

    await moderate({ reviewId: result.reviewId, decision: 'remove', note: 'Abusive after all.' })
    expect((await fetchPhoto(photoId)).status).toBe(404)
    expect((await fetchPhoto(`${photoId}/thumb`)).status).toBe(404)
  })
})

describe('the nightly clean-up', () => {
  it('deletes photos never attached after a day, and keeps attached ones', async () => {
    const member = await visitedMember('Abandoned Photo')
    const abandoned = await upload(member)
    const kept = await upload(member)
    await review(member, { photoId: kept.photoId })
    const stats = await runMaintenance(admin().db, config, new Date(Date.now() + 25 * 3_600_000))
    expect(stats.photosRemoved).toBeGreaterThanOrEqual(1)
    expect((await admin().db.doc(paths.photo(abandoned.photoId)).get()).exists).toBe(false)
    expect((await admin().db.doc(paths.photoVariant(abandoned.photoId, 'full')).get()).exists).toBe(false)
    expect((await admin().db.doc(paths.photoVariant(abandoned.photoId, 'thumb')).get()).exists).toBe(false)
    expect((await admin().db.doc(paths.photo(kept.photoId)).get()).get('status')).toBe('attached')
    expect((await fetchPhoto(kept.photoId)).status).toBe(200)
  })

  it('keeps a pending photo younger than a day', async () => {
    const member = await joinedMember()
    const fresh = await upload(member)
    await runMaintenance(admin().db, config, new Date(Date.now() + 23 * 3_600_000))
    expect((await admin().db.doc(paths.photo(fresh.photoId)).get()).get('status')).toBe('pending')
  })
})
