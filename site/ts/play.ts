// Entry point of the playground page (site/templates/play.html).
//
// For now it only restores the response box from the URL fragment, which
// never reaches a server:
//
//   #example=<provider>/<slug>/<index>   an example response of a code page,
//                                        from the examples file in data-examples
//   #input=<encodeURIComponent(text)>    text handed over by the search box
//
// Filling the box fires an "input" event, like typing does, so the
// classifier can later be attached with one listener on #response-input
// (and one "change" listener on #provider-override) and render into
// #diagnosis.

export interface Fragment {
  example?: string
  input?: string
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
    if (key === 'example' || key === 'input') out[key] = value
  }
  return out
}

let examples: Promise<Record<string, string>> | null = null

function loadExamples(url: string): Promise<Record<string, string>> {
  examples ??= fetch(url).then((r) => {
    if (!r.ok) throw new Error(`examples: HTTP ${r.status}`)
    return r.json() as Promise<Record<string, string>>
  })
  return examples
}

function fill(box: HTMLTextAreaElement, text: string): void {
  box.value = text
  box.dispatchEvent(new Event('input', { bubbles: true }))
}

async function restore(): Promise<void> {
  const root = document.getElementById('play')
  const box = document.getElementById('response-input') as HTMLTextAreaElement | null
  if (!root || !box) return
  const f = parseFragment(location.hash)
  if (f.input !== undefined) {
    fill(box, f.input)
    return
  }
  if (f.example === undefined) return
  try {
    const text = (await loadExamples(root.dataset.examples ?? ''))[f.example]
    if (text !== undefined) fill(box, text)
  } catch {
    examples = null // leave the box as it is; a reload may work
  }
}

window.addEventListener('hashchange', () => void restore())
void restore()
