// The search tokenizer, a line-by-line mirror of Tokenize in
// internal/search/tokenize.go: the index is built by the Go one and queries
// go through this one, so they must agree. Both are tested against
// internal/search/testdata/tokenize.json (this one by the browser test).

const letter = /\p{L}/u
const digit = /\p{Nd}/u
const upper = /\p{Lu}/u
const lower = /\p{Ll}/u

/** Splits s into lower-case tokens: runs of letters and digits, further split where the case changes. */
export function tokenize(s: string): string[] {
  const toks: string[] = []
  let word: string[] = []
  for (const r of s) {
    if (letter.test(r) || digit.test(r)) {
      word.push(r)
      continue
    }
    if (word.length > 0) {
      toks.push(...splitCase(word))
      word = []
    }
  }
  if (word.length > 0) {
    toks.push(...splitCase(word))
  }
  return toks
}

// splitCase splits one run before an upper-case letter that follows a
// lower-case letter or a digit ("rateLimit", "v2Beta"), and before the last
// upper-case letter of a run of them when a lower-case letter follows
// ("HTTPError").
function splitCase(w: string[]): string[] {
  const out: string[] = []
  let start = 0
  for (let i = 1; i < w.length; i++) {
    const prev = w[i - 1]
    const cur = w[i]
    let boundary = upper.test(cur) && (lower.test(prev) || digit.test(prev))
    if (!boundary && upper.test(prev) && upper.test(cur) && i + 1 < w.length && lower.test(w[i + 1])) {
      boundary = true
    }
    if (boundary) {
      out.push(toLower(w.slice(start, i)))
      start = i
    }
  }
  out.push(toLower(w.slice(start)))
  return out
}

// toLower lower-cases code point by code point, as Go's strings.ToLower does
// (String.prototype.toLowerCase alone would apply context rules such as the
// final sigma).
function toLower(rs: string[]): string {
  return rs.map((r) => r.toLowerCase()).join('')
}

/** The tokens of s joined by spaces: the form identifiers are compared in. */
export function norm(s: string): string {
  return tokenize(s).join(' ')
}
