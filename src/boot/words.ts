import type { Locale } from '@/domain/shared/locale'

/**
 * The few words the boot script's card needs, in both languages, before any message file loads.
 * They are the app's own `wallet.*` / `app.name` messages: tests/unit/boot.test.ts keeps them equal.
 */
export const BOOT_WORDS: Record<Locale, { appName: string; title: string; memberNo: string; balance: string; qrLabel: string; showAtTill: string }> = {
  he: {
    appName: 'מועדון',
    title: 'הכרטיס שלי',
    memberNo: 'מספר חבר',
    balance: 'נקודות',
    qrLabel: 'קוד QR של כרטיס המועדון, מספר חבר {number}',
    showAtTill: 'מציגים את הקוד בקופה של כל חנות שותפה.',
  },
  en: {
    appName: 'Moadon',
    title: 'My card',
    memberNo: 'Member number',
    balance: 'Points',
    qrLabel: 'Club card QR code for member number {number}',
    showAtTill: 'Show this code at the till of any partner store.',
  },
}
