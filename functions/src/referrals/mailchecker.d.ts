// The package ships its types as types.d.ts without pointing package.json at them.
declare module 'mailchecker' {
  /** Every throwaway domain the package knows, lower case. */
  export function blacklist(): Set<string>
}
