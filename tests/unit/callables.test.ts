import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CALLABLES } from '@/domain/contracts/callables'

const FUNCTIONS = join(__dirname, '../../functions/src')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : []
  })
}

describe('one contract per callable', () => {
  const index = readFileSync(join(FUNCTIONS, 'index.ts'), 'utf8')
  const exported = [...index.matchAll(/export \{ ([^}]+) \} from '\.\/(.+)'/g)].flatMap(([, names, file]) => {
    const source = readFileSync(join(FUNCTIONS, `${file}.ts`), 'utf8')
    return names!.split(',').map((part) => {
      const [local, alias] = part.trim().split(/\s+as\s+/) as [string, string | undefined]
      return { name: alias ?? local, local, source }
    })
  })

  it('exports every contract under its own name, defined from that contract', () => {
    for (const name of Object.keys(CALLABLES)) {
      const entry = exported.find((e) => e.name === name)
      expect(entry, `${name} is exported by functions/src/index.ts`).toBeDefined()
      expect(entry!.source).toMatch(new RegExp(`export const ${entry!.local} = callable\\(\\s*CALLABLES\\.${name},`))
    }
  })

  it('defines no callable outside the contracts', () => {
    const offenders = sources(FUNCTIONS)
      .filter((path) => !path.endsWith(join('lib', 'callable.ts')))
      .filter((path) => /\bonCall\(/.test(readFileSync(path, 'utf8')))
    expect(offenders).toEqual([])
  })
})
