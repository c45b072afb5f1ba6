// Ranking of the search index built by internal/search (see its package doc
// for the format and the tiers).
import { norm, tokenize } from './tokenize'

export interface Doc {
  k: 'code' | 'provider' | 'category' | 'client'
  c: string // code, provider id or category name
  a?: string[] // aliases
  n: string[] // norm of c, then of each alias
  p?: string // provider name
  t: string // title
  s?: string // "429", "400, 409", "in stream", "varies"
  g?: string // category name
  u: string // URL
}

export interface Index {
  v: number
  docs: Doc[]
  title: Record<string, number[]>
  text: Record<string, number[]>
}

export interface Hit {
  doc: Doc
  score: number
}

// Scores of the identifier tier; full-text scores stay below 650.
const EXACT = 1000
const SAME_TOKENS = 950
const STATUS = 900
const PREFIX = 800
const INFIX = 700
const SUBSTRING = 650

/** Ranks the index's docs for a query: identifiers first, full text second. */
export function rank(ix: Index, query: string, limit = 10): Hit[] {
  const q = query.trim().toLowerCase()
  if (q === '') return []
  // Tokens come from the query as typed: its case changes split words.
  const qn = norm(query)
  const qt = tokenize(query)
  const scores = new Map<number, number>()
  const bump = (i: number, s: number) => {
    if (s > (scores.get(i) ?? 0)) scores.set(i, s)
  }

  ix.docs.forEach((d, i) => {
    const names = [d.c, ...(d.a ?? [])].map((x) => x.toLowerCase())
    if (names.includes(q)) bump(i, EXACT)
    else if (qn !== '' && d.n.includes(qn)) bump(i, SAME_TOKENS)
    else if (/^\d{3}$/.test(q) && (d.s ?? '').split(', ').includes(q)) bump(i, STATUS)
    else if (qn !== '' && d.n.some((x) => x.startsWith(qn))) bump(i, PREFIX)
    else if (qn !== '' && d.n.some((x) => x.includes(' ' + qn))) bump(i, INFIX)
    else if (q.length >= 3 && names.some((x) => x.includes(q))) bump(i, SUBSTRING)
  })

  // Full text: every query token in titles and texts, the last one also as a
  // prefix (the user may still be typing it).
  if (qt.length > 0) {
    const matched = new Map<number, number>()
    const weight = new Map<number, number>()
    qt.forEach((tok, j) => {
      const hits = new Map<number, number>()
      const add = (post: Record<string, number[]>, key: string, w: number) => {
        for (const n of post[key] ?? []) {
          if (w > (hits.get(n) ?? 0)) hits.set(n, w)
        }
      }
      add(ix.title, tok, 10)
      add(ix.text, tok, 4)
      if (j === qt.length - 1 && tok.length >= 2) {
        for (const key of Object.keys(ix.title)) if (key !== tok && key.startsWith(tok)) add(ix.title, key, 6)
        for (const key of Object.keys(ix.text)) if (key !== tok && key.startsWith(tok)) add(ix.text, key, 2)
      }
      for (const [n, w] of hits) {
        matched.set(n, (matched.get(n) ?? 0) + 1)
        weight.set(n, (weight.get(n) ?? 0) + w)
      }
    })
    for (const [n, m] of matched) {
      const base = m === qt.length ? 300 : Math.round((200 * m) / qt.length)
      bump(n, base + Math.min(weight.get(n) ?? 0, 299))
    }
  }

  return [...scores]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([n, score]) => ({ doc: ix.docs[n], score }))
}
