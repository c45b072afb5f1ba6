// The playground's state in the URL fragment. The fragment never reaches a
// server: browsers do not send it, so a shared link carries the paste from
// one browser to another without any server seeing it.
//
//   #example=<provider>/<slug>/<index>   an example response of a code page,
//                                        from the examples file (data-examples)
//   #input=<encodeURIComponent(text)>    text handed over by the search box
//   #v1=<payload>                        a permalink (below)
//
// A permalink's payload is the UTF-8 JSON object
//
//   {"input": "<the redacted input>", "provider": "<override id, or empty>"}
//
// compressed with raw DEFLATE (CompressionStream("deflate-raw"), RFC 1951)
// and written in unpadded base64url (RFC 4648 §5). The input is the
// classifier's redacted_input: the secrets were masked before the link was
// made. "v1" names this encoding; a later one gets a new key, and old links
// keep working. A browser without CompressionStream writes #input= instead.

export interface Fragment {
  example?: string
  input?: string
  v1?: string
}

/** Reads the playground's state from a location hash. */
export function parseFragment(hash: string): Fragment {
  const out: Fragment = {}
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    const key = part.slice(0, eq)
    let value: string
    try {
      value = decodeURIComponent(part.slice(eq + 1))
    } catch {
      continue // a malformed escape: ignore the field
    }
    if (key === 'example' || key === 'input' || key === 'v1') out[key] = value
  }
  return out
}

/** What a permalink restores. */
export interface Shared {
  input: string
  provider: string
}

const canCompress = typeof CompressionStream === 'function' && typeof DecompressionStream === 'function'

/** Makes the fragment of a permalink, "#v1=...". */
export async function encodePermalink(s: Shared): Promise<string> {
  const json = JSON.stringify({ input: s.input, provider: s.provider })
  if (!canCompress) return '#input=' + encodeURIComponent(s.input)
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'))
  return '#v1=' + base64url(packed)
}

/** Reads a #v1= payload. It throws on anything that is not one. */
export async function decodePermalink(payload: string): Promise<Shared> {
  if (!canCompress) throw new Error('this browser cannot decompress permalinks (no DecompressionStream)')
  const bytes = unbase64url(payload)
  const json = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(bytes, new DecompressionStream('deflate-raw')))
  const v: unknown = JSON.parse(json)
  if (typeof v !== 'object' || v === null) throw new Error('not a permalink object')
  const o = v as Record<string, unknown>
  if (typeof o.input !== 'string') throw new Error('the permalink has no input')
  return { input: o.input, provider: typeof o.provider === 'string' ? o.provider : '' }
}

async function pipe(data: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([data as BlobPart]).stream().pipeThrough(stream)
  return new Uint8Array(await new Response(out).arrayBuffer())
}

function base64url(b: Uint8Array): string {
  let s = ''
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000))
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function unbase64url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('not base64url')
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4))
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}
