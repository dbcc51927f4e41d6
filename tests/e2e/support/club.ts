/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import jsQR from 'jsqr'
import QRCode from 'qrcode'
import { PNG } from 'pngjs'
import { demoConfig } from '../../../scripts/demo-club'
import { adjustPoints } from '../../../functions/src/admin/adjust'
import { joinMember } from '../../../functions/src/members/join-member'
import { posterCodeFor } from '../../../functions/src/partners/poster-key'
import { paths } from '../../../src/domain/shared/paths'
import { admin } from '../../emulator/support/emulators'

export function uniqueEmail(prefix: string): string {
  return `${prefix}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.test`
}

/** Decodes the QR code in a PNG screenshot, as a till scanner would. */
export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png)
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null
}

export async function memberByEmail(email: string) {
  const { db } = admin()
  const found = await db.collection('members').where('email', '==', email).limit(1).get()
  const doc = found.docs[0]
  if (!doc) throw new Error(`no member with email ${email}`)
  return { uid: doc.id, ...(doc.data() as { memberNo: string; balance: number; tierId: string }) }
}

/** An operator's adjustment through the server code, to watch the card update live. */
export async function awardServerSide(uid: string, points: number, requestId: string) {
  const { db } = admin()
  await adjustPoints(db, { uid, points, note: 'e2e live update', requestId, by: 'demo-admin', config: demoConfig })
  return (await db.doc(paths.member(uid)).get()).get('balance') as number
}

/** A member created through the server's join code, ready to sign in through the app. */
export async function createMember(name: string, options: { extraPoints?: number; language?: 'he' | 'en' } = {}) {
  const { db, auth } = admin()
  const email = uniqueEmail('member')
  const user = await auth.createUser({ email, password: 'secret-123' })
  await joinMember(db, {
    uid: user.uid,
    email,
    input: { name, birthday: null, interests: ['coffee'], language: options.language ?? 'en', marketingConsent: false, referralCode: null },
    config: demoConfig,
    now: new Date(),
    random: Math.random,
  })
  if (options.extraPoints) await awardServerSide(user.uid, options.extraPoints, `extra-${user.uid}`)
  return { uid: user.uid, email, password: 'secret-123' }
}

export async function signInAs(page: Page, account: { email: string; password: string }) {
  await page.goto('/sign-in')
  await page.locator('input[type=email]').fill(account.email)
  await page.locator('input[type=password]').fill(account.password)
  await page.locator('button[type=submit]').click()
  await page.getByTestId('wallet-card').waitFor()
}

export async function posterCode(partnerId: string): Promise<string> {
  return posterCodeFor(admin().db, partnerId)
}

/**
 * Replaces the camera with a canvas showing `text` as a QR code, so the app's scanner reads it
 * as it would from a real card held up to a real camera.
 */
export async function fakeCameraShowing(page: Page, text: string) {
  const dataUrl = await QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 4, width: 480 })
  await page.addInitScript((src: string) => {
    navigator.mediaDevices.getUserMedia = async () => {
      const canvas = document.createElement('canvas')
      canvas.width = 640
      canvas.height = 480
      const context = canvas.getContext('2d')!
      const image = new Image()
      image.src = src
      await image.decode()
      const paint = () => {
        context.fillStyle = '#fff'
        context.fillRect(0, 0, 640, 480)
        context.drawImage(image, 80, 0, 480, 480)
      }
      paint()
      setInterval(paint, 100)
      return canvas.captureStream(10)
    }
  }, dataUrl)
}
