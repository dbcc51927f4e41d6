// qrcode's encoder alone, without its canvas and SVG-string renderers (the card draws its own path).
declare module 'qrcode/lib/core/qrcode.js' {
  export { create } from 'qrcode'
}
