// A configuration change the demo operator has started and not published: a new reward waiting as
// a draft, so the console's configuration screen shows a draft to review, publish or discard.
import type { Firestore } from 'firebase-admin/firestore'
import type { Reward } from '../src/domain/shared/club-config'
import { saveConfigDraft } from '../functions/src/admin/config/drafts'
import { demoAdmin } from './demo-club'

export const demoRewardDraft: Reward = {
  id: 'pastry-box',
  name: { he: 'מארז מאפים לשבת', en: 'Shabbat pastry box' },
  description: { he: 'שישה מאפים טריים מקפה שחר, לאסוף ביום שישי', en: 'Six fresh pastries from Café Shachar, to collect on Friday' },
  kind: 'item',
  cost: 240,
  valueShekels: null,
  partnerId: 'cafe-shachar',
  tierIds: [],
  stock: 30,
  image: '/rewards/pastry.svg',
  active: true,
}

/** Saved through the same code as `saveConfigDraft`, by the demo operator (with its audit entry). */
export async function seedDemoConfigDraft(db: Firestore): Promise<void> {
  const operator = { uid: 'demo-admin', role: 'admin' as const, partnerId: null, email: demoAdmin.email, memberUid: null }
  await saveConfigDraft(db, operator, { kind: 'reward', id: demoRewardDraft.id, data: { ...demoRewardDraft } })
}
