import { createCardToken, timeStep } from '@/domain/cards/card-token'
import { formatMemberNumber } from '@/domain/cards/member-number'
import { fromBase64 } from '@/domain/shared/crypto'
import { localized, type Locale } from '@/domain/shared/locale'
import type { BootCard } from './device'
import { qrPath } from './qr-path'
import { BOOT_WORDS } from './words'

const SVG = 'http://www.w3.org/2000/svg'
/** The QR's size on the card, as the app's card draws it (BaseQrCode's default). */
export const CARD_QR_PX = 232

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

/**
 * "1,234": what Intl.NumberFormat writes for a whole number in both he-IL and en-US, without
 * building a formatter (tens of milliseconds on a slow phone, in the first frame).
 */
export function groupDigits(value: number, locale: Locale): string {
  const text = String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  // Hebrew keeps a minus sign on the left of the number with a left-to-right mark.
  return value < 0 && locale === 'he' ? `\u200e${text}` : text
}

/** The QR as an SVG element, the same drawing the app's BaseQrCode makes. */
export function qrSvg(value: string, label: string, px: number): SVGSVGElement {
  const { size, d } = qrPath(value)
  const svg = document.createElementNS(SVG, 'svg')
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`)
  svg.setAttribute('width', String(px))
  svg.setAttribute('height', String(px))
  svg.setAttribute('role', 'img')
  svg.setAttribute('aria-label', label)
  svg.setAttribute('shape-rendering', 'crispEdges')
  svg.setAttribute('class', 'base-qr-code')
  svg.dataset.qrValue = value
  const path = document.createElementNS(SVG, 'path')
  path.setAttribute('d', d)
  svg.append(path)
  return svg
}

/**
 * Paints the member's card into `root` from the device alone (no framework, no Firebase): the
 * club, the name, the live QR, the member number and the balance as last confirmed. The code
 * is signed here with the member's card key, exactly as the app signs it, and renewed at each
 * 30-second step until the app replaces this markup with its own.
 */
export function paintCard(root: HTMLElement, card: BootCard, locale: Locale, onToken: (token: string) => void): Promise<void> {
  const words = BOOT_WORDS[locale]
  const number = formatMemberNumber(card.memberNo)
  const clubName = card.clubName ? localized(card.clubName, locale) : words.appName

  const header = el('header', 'boot-header')
  const logo = el('img', '')
  logo.src = card.logo
  logo.alt = ''
  logo.width = 32
  logo.height = 32
  header.append(logo, el('span', '', clubName))

  const article = el('article', 'boot-card')
  article.setAttribute('aria-label', words.title)
  article.dataset.testid = 'boot-card'
  if (card.tier) article.style.setProperty('--tier-color', card.tier.color)
  const top = el('p', 'boot-card__top', clubName)
  if (card.tier) top.append(el('span', 'boot-card__tier', localized(card.tier.name, locale)))
  const name = el('p', 'boot-card__name', card.name)
  name.dir = 'auto'
  const qr = el('div', 'boot-card__qr')
  const facts = el('dl', 'boot-card__facts')
  const memberNo = el('dd', '', number)
  memberNo.dir = 'ltr'
  const balance = el('dd', '', groupDigits(card.balance, locale))
  const numberRow = el('div', '')
  numberRow.append(el('dt', '', words.memberNo), memberNo)
  const balanceRow = el('div', '')
  balanceRow.append(el('dt', '', words.balance), balance)
  facts.append(numberRow, balanceRow)
  article.append(top, name, qr, facts)

  const main = el('main', 'boot-main')
  main.id = 'main'
  const title = el('h1', 'visually-hidden', words.title)
  main.append(title, article, el('p', 'boot-hint', words.showAtTill))
  root.replaceChildren(header, main)

  const key = fromBase64(card.key)
  const label = words.qrLabel.replace('{number}', number)
  let shownStep = -1
  const draw = async () => {
    const now = Date.now()
    const step = timeStep(now)
    if (step === shownStep) return
    shownStep = step
    const token = await createCardToken(key, card.memberNo, now)
    qr.replaceChildren(qrSvg(token, label, CARD_QR_PX))
    onToken(token)
  }
  // Until the app takes over (it replaces this markup): a new code at each step, offline too.
  const timer = window.setInterval(() => (qr.isConnected ? void draw() : window.clearInterval(timer)), 1000)
  // Settles after the frame that shows the code.
  return draw().then(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))))
}
