// "Copy as Markdown": a diagnosis as a block to paste into a support ticket.
// Only the redacted input goes in, fenced so that nothing in it renders.
// Text from the paste (codes, request ids) is put in code spans, and prose
// is escaped so that a message cannot turn into a link, an image or HTML
// in the ticket.
import { sortClients, verdictLabels } from './clients'
import { type Diagnosis, refURL, retryWord, waitWords, whereWords } from './diagnosis'
import { retry, verdicts, wait } from './gen/wording'

/** Other errors listed in the Markdown before "… and N more". */
export const MARKDOWN_ERRORS = 20

/** A code span that holds s whatever backticks it contains. */
export function codeSpan(s: string): string {
  s = s.replace(/[\r\n]+/g, ' ')
  const runs = s.match(/`+/g) ?? []
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1)
  const pad = s.startsWith('`') || s.endsWith('`') || s === '' ? ' ' : ''
  return fence + pad + s + pad + fence
}

/** A fenced code block for text: the fence is longer than any backtick run in it. */
export function fenced(text: string, info = 'text'): string {
  const runs = text.match(/`{3,}/g) ?? []
  const fence = '`'.repeat(Math.max(2, ...runs.map((r) => r.length)) + 1)
  return fence + info + '\n' + text.replace(/\n?$/, '\n') + fence
}

/** Escapes Markdown outside `code spans`: no links, images, HTML or emphasis from prose. */
export function prose(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .split(/(`[^`]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/([\\<>[\]!*_|#~])/g, '\\$1')))
    .join('')
}

/** The whole block. siteURL is the absolute URL of the site root. */
export function toMarkdown(d: Diagnosis, siteURL: string, names: Map<string, string>): string {
  const lines: string[] = []
  lines.push(`### ${prose(d.title)}`, '')
  if (d.provider) {
    lines.push(`- **Provider:** ${prose(d.provider_name ?? d.provider)} (${codeSpan(d.provider)}), confidence ${Math.round(d.confidence * 100)}%`)
  } else if (d.candidates.length > 0) {
    const c = d.candidates.map((c) => `${prose(names.get(c.provider) ?? c.provider)} ${Math.round(c.confidence * 100)}%`).join(', ')
    lines.push(`- **Provider:** not decided (candidates: ${c})`)
  } else {
    lines.push('- **Provider:** not identified')
  }
  lines.push(`- **Code:** ${d.code !== null ? codeSpan(d.code) : 'none found'}${d.variant ? ` (variant ${codeSpan(d.variant)})` : ''}`)
  lines.push(`- **HTTP status:** ${d.status ?? 'not in the response'}`)
  lines.push(`- **Category:** ${codeSpan(d.category)}${d.root_cause ? ' (from the root cause)' : ''}`)
  if (d.root_cause) lines.push(rootCauseLine(d, names))
  const where = whereWords(d)
  if (where) lines.push(`- **Where:** ${where}`)
  const verdict = verdicts[retryWord(d.retry.retryable)].label
  const waitText = d.retry.wait_seconds !== null ? `, ${wait} ${waitWords(d.retry.wait_seconds)}` : ''
  lines.push(`- **Retryable:** ${verdict}${waitText}. ${prose(d.retry.reason)}`)
  lines.push(`- **Request ID:** ${d.request_id !== null ? codeSpan(d.request_id) : 'none in the response'}`)
  const ref = refURL(siteURL, d.reference)
  if (ref) lines.push(`- **Reference:** ${ref}`)
  const flags = [d.mid_stream && 'the error came mid-stream, after HTTP 200', d.partial_output && 'output was already produced', d.truncated && 'the response was cut off'].filter(Boolean)
  if (flags.length > 0) lines.push(`- **Notes:** ${flags.join('; ')}`)
  lines.push('', `**What happened:** ${prose(d.explanation)}`)
  if (d.fix.length > 0) {
    lines.push('', '**How to fix it:**', '')
    d.fix.forEach((f, i) => lines.push(`${i + 1}. ${prose(f)}`))
  }
  lines.push(...clientLines(d))
  lines.push(...otherErrors(d, names))
  const masked = d.redactions.length > 0 ? `, ${d.redactions.length} secret${d.redactions.length > 1 ? 's' : ''} masked` : ''
  lines.push('', `**Response** (as pasted${masked}):`, '', fenced(d.redacted_input ?? ''), '', `Diagnosed with errdex: ${siteURL}play/`)
  return lines.join('\n') + '\n'
}

/**
 * What each client's default retry rule does with the error: a line per
 * client that disagrees with the docs (or cannot be told), then the names
 * of those that agree.
 */
function clientLines(d: Diagnosis): string[] {
  const cs = d.clients ?? []
  if (cs.length === 0) return []
  const out = ['', "**What your client would do** (each client's default retry rule):", '']
  const agree: string[] = []
  for (const c of sortClients(cs)) {
    if (c.verdict === 'agrees') {
      agree.push(prose(c.name))
      continue
    }
    const does = c.retries === true ? `retries, ${c.attempts ?? '?'} requests in all` : c.retries === false ? 'does not retry' : 'depends'
    out.push(`- ${prose(c.name)}: ${verdictLabels[c.verdict] ?? c.verdict} (${does}). ${prose(c.note)}`)
  }
  if (agree.length > 0) out.push(`- ${verdictLabels.agrees}: ${agree.join(', ')}`)
  return out
}

/** The root cause in one line. */
function rootCauseLine(d: Diagnosis, names: Map<string, string>): string {
  const rc = d.root_cause!
  const who = rc.provider ? prose(names.get(rc.provider) ?? rc.provider) : 'the upstream service'
  const what = rc.code !== null ? codeSpan(short(rc.code)) : rc.status !== null ? `HTTP ${rc.status}` : 'an error'
  const msg = rc.message ? `: ${prose(short(rc.message))}` : ''
  return `- **Root cause:** ${who} said ${what}${msg} (category ${codeSpan(rc.category)}), found in ${prose(short(rc.where))}; the advice follows it.`
}

/** The other errors of the paste, one line each, at most MARKDOWN_ERRORS. */
function otherErrors(d: Diagnosis, names: Map<string, string>): string[] {
  const all = d.errors ?? []
  if (all.length < 2) return []
  const out = ['', `**Errors in the paste** (${all.length}, in paste order):`, '']
  for (const e of all.slice(0, MARKDOWN_ERRORS)) {
    const at = typeof e.line === 'number' ? `line ${e.line}` : 'line unknown'
    const who = e.provider ? prose(names.get(e.provider) ?? e.provider) : 'provider unknown'
    const what = e.code !== null ? codeSpan(short(e.code)) : 'no code'
    const times = (e.occurrences ?? 1) > 1 ? `, ${e.occurrences} times` : ''
    out.push(`- ${at}: ${who} ${what}, ${codeSpan(e.category)}, ${retry} ${retryWord(e.retry.retryable)}${times}`)
  }
  if (all.length > MARKDOWN_ERRORS) out.push(`- … and ${all.length - MARKDOWN_ERRORS} more`)
  return out
}

/** A value from the paste cut for a one-line mention. */
function short(s: string): string {
  return s.length > 200 ? s.slice(0, 199) + '…' : s
}
