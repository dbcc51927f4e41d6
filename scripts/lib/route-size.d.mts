export declare const CARD_ROUTE: string[]
export declare const gzipSize: (bytes: Uint8Array | string) => number
export declare function cardRouteSize(dist: string): {
  rows: { file: string; gzip: number }[]
  js: number
  css: number
  /** The boot scripts inlined in index.html, each gzipped on its own. */
  inline: { file: string; gzip: number }[]
  inlineJs: number
}
