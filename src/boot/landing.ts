import { readClubLanding, type ClubLanding } from '@/domain/members/club-landing'
import { rememberInviteIn, storedInvite, type ReferralInvite } from '@/domain/referrals/invite'
import { LOCALE_DIRECTION, isLocale, type Locale } from '@/domain/shared/locale'
import { rememberLocale } from '@/services/device-storage'

/**
 * The visitors' landing page (`#landing` in index.html, static in both languages) brought to life
 * without the app: the club's name, tiers and partner stores from `/club/landing.json` (painted
 * first from the device's last copy, so a return visit and an offline one show them at once), an
 * invitation from a referral link on top, and the language switch. Everything from outside goes
 * in as text (`textContent`), never as markup.
 */

const CACHE_KEY = 'moadon.landing'

const CATEGORIES: Record<Locale, Record<string, string>> = {
  he: { cafe: 'בית קפה', supermarket: 'סופרמרקט', 'gas-station': 'תחנת דלק', 'toy-store': 'חנות צעצועים', bookstore: 'חנות ספרים', pharmacy: 'בית מרקחת' },
  en: { cafe: 'Café', supermarket: 'Supermarket', 'gas-station': 'Gas station', 'toy-store': 'Toy store', bookstore: 'Bookstore', pharmacy: 'Pharmacy' },
}

const number = (locale: Locale, n: number) => new Intl.NumberFormat(locale === 'he' ? 'he-IL' : 'en-US').format(n)
const money = (locale: Locale, shekels: number) =>
  new Intl.NumberFormat(locale === 'he' ? 'he-IL' : 'en-US', { style: 'currency', currency: 'ILS', maximumFractionDigits: 0 }).format(shekels)
/** Counts through the plural forms (COPY.md): נקודה אחת, שתי נקודות, 5 נקודות. */
const points = (locale: Locale, n: number) =>
  locale === 'he'
    ? n === 1
      ? 'נקודה אחת'
      : n === 2
        ? 'שתי נקודות'
        : `${number('he', n)} נקודות`
    : `${number('en', n)} ${n === 1 ? 'point' : 'points'}`
/** A one-letter Hebrew prefix joins a Hebrew word, and takes a maqaf before digits or Latin. */
const prefix = (letter: string, word: string) => (/^[\u0590-\u05FF]/.test(word) ? letter : `${letter}־`)

function all<T extends Element>(parent: ParentNode, selector: string): T[] {
  return Array.from(parent.querySelectorAll<T>(selector))
}

function storage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

function element(tag: string, text?: string, className?: string): HTMLElement {
  const node = document.createElement(tag)
  if (text !== undefined) node.textContent = text
  if (className) node.className = className
  return node
}

/** The inviter's name, isolated: whatever its direction, it cannot reorder the sentence around it. */
function isolated(name: string): HTMLElement {
  const node = element('bdi', name)
  node.dir = 'auto'
  return node
}

function inviteLine(locale: Locale, invite: ReferralInvite, data: ClubLanding | null): (Node | string)[] {
  // A club without a friend's gift still shows who invited, without a gift of 0 points.
  const offer = data?.referral && data.referral.friendPoints > 0 ? data.referral : null
  const club = data?.name[locale]
  const from = invite.from ? [isolated(invite.from)] : []
  if (locale === 'he') {
    const minSpend = money('he', offer?.minSpendShekels ?? 0)
    const gift = offer
      ? `: מצטרפים ומקבלים ${points('he', offer.friendPoints)} מתנה בקנייה הראשונה ${prefix('ב', minSpend)}${minSpend} ומעלה.`
      : ` להצטרף ${club ? `${prefix('ל', club)}${club}` : 'למועדון'}.`
    return invite.from ? [`קיבלת הזמנה ${prefix('מ', invite.from)}`, ...from, gift] : ['קיבלת הזמנה', gift]
  }
  const gift = offer
    ? ` — join and get ${points('en', offer.friendPoints)} with your first purchase of ${money('en', offer.minSpendShekels)} or more.`
    : ` to join ${club ?? 'the club'}.`
  return [...from, invite.from ? ' invited you' : 'You’re invited', gift]
}

function tierLine(locale: Locale, data: ClubLanding, threshold: number): string {
  if (threshold === 0) return locale === 'he' ? 'מרגע ההצטרפות' : 'From joining'
  const amount = data.tierMeasure === 'spend' ? money(locale, threshold) : points(locale, threshold)
  return locale === 'he' ? `${prefix('מ', amount)}${amount} בשנה` : `From ${amount} a year`
}

function fill(block: HTMLElement, locale: Locale, data: ClubLanding | null, invite: ReferralInvite | null): void {
  const slots = (name: string) => all<HTMLElement>(block, `[data-fill="${name}"]`)
  for (const banner of slots('invite')) {
    banner.hidden = !invite
    if (invite) banner.replaceChildren(...inviteLine(locale, invite, data))
  }
  if (!data) return
  for (const node of slots('club-name')) node.textContent = data.name[locale]
  for (const node of slots('tagline')) node.textContent = data.tagline[locale]
  for (const node of slots('offer')) {
    node.textContent =
      data.welcomePoints > 0
        ? locale === 'he'
          ? `מצטרפים בחינם ומקבלים ${points('he', data.welcomePoints)} מתנה.`
          : `Join for free and get ${points('en', data.welcomePoints)} as a gift.`
        : locale === 'he'
          ? 'מצטרפים בחינם.'
          : 'Joining is free.'
  }
  for (const list of slots('tiers')) {
    list.replaceChildren(
      ...data.tiers.map((tier) => {
        const item = element('li', undefined, 'landing__tier')
        item.style.setProperty('--tier-color', tier.color)
        const benefits = element('ul')
        benefits.append(...tier.benefits.map((benefit) => element('li', benefit[locale])))
        item.append(element('h3', tier.name[locale]), element('p', tierLine(locale, data, tier.threshold), 'landing__muted'), benefits)
        return item
      }),
    )
  }
  for (const list of slots('partners')) {
    list.replaceChildren(
      ...data.partners.map((partner) => {
        const item = element('li')
        const category = CATEGORIES[locale][partner.category]
        item.append(element('strong', partner.name[locale]), element('span', category ? `${category} · ${partner.address[locale]}` : partner.address[locale], 'landing__muted'))
        return item
      }),
    )
  }
}

function paint(root: HTMLElement, data: ClubLanding | null, invite: ReferralInvite | null): void {
  for (const block of all<HTMLElement>(root, '[data-landing-locale]')) {
    if (isLocale(block.lang)) fill(block, block.lang, data, invite)
  }
  const locale = document.documentElement.lang
  if (data && isLocale(locale)) document.title = data.name[locale]
}

/** Shows the page in `locale` and remembers the choice, as the app's language switch does. */
function switchLocale(root: HTMLElement, locale: Locale, data: ClubLanding | null): void {
  rememberLocale(locale)
  document.documentElement.lang = locale
  document.documentElement.dir = LOCALE_DIRECTION[locale]
  if (data) document.title = data.name[locale]
  // The pressed button has just been hidden with its language: focus its counterpart.
  root.querySelector<HTMLElement>(`[data-landing-locale="${locale}"] [data-switch-locale]`)?.focus()
}

export function startLanding(): void {
  const root = document.getElementById('landing')
  if (!root) return
  const store = storage()
  const query = new URLSearchParams(location.search)
  const fromLink = { ref: query.get('ref') ?? undefined, from: query.get('from') ?? undefined }
  const invite = store ? (rememberInviteIn(store, fromLink) ?? storedInvite(store)) : null
  // Joining carries the invitation in the link too, for a browser that keeps nothing.
  const join = invite ? `/sign-up?${new URLSearchParams({ ref: invite.code, from: invite.from })}` : '/sign-up'
  for (const link of all<HTMLAnchorElement>(root, '[data-landing-join]')) link.href = join

  let data: ClubLanding | null = null
  try {
    data = readClubLanding(JSON.parse(store?.getItem(CACHE_KEY) ?? 'null'))
  } catch {
    data = null
  }
  paint(root, data, invite)

  for (const button of all<HTMLButtonElement>(root, '[data-switch-locale]')) {
    const locale = button.dataset.switchLocale
    if (!isLocale(locale)) continue
    button.hidden = false
    button.addEventListener('click', () => switchLocale(root, locale, data))
  }

  fetch('/club/landing.json')
    .then((response) => (response.ok ? response.json() : null))
    .then((json: unknown) => {
      const fresh = readClubLanding(json)
      if (!fresh) return
      data = fresh
      try {
        store?.setItem(CACHE_KEY, JSON.stringify(fresh))
      } catch {
        // Storage full or blocked: the next visit fetches again.
      }
      paint(root, data, invite)
    })
    // Offline or the function unreachable: the device's copy (or the page's own words) stays.
    .catch(() => undefined)
}
