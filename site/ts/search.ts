// The search box: an ARIA combobox over a listbox of results. The markup is
// the "search" template in site/templates/partials.html; it stays hidden
// until this runs. The index is fetched on first focus or keystroke.
import { type Doc, type Index, rank } from './rank'

const MAX_RESULTS = 8

/** Text that is probably a whole error response rather than a query. */
export function looksLikeResponse(s: string): boolean {
  return s.length >= 40 && (s.includes('{') || s.includes('HTTP/'))
}

interface Option {
  href: string
  el: HTMLLIElement
}

export function initSearch(): void {
  const box = document.getElementById('site-search')
  const input = document.getElementById('search-input') as HTMLInputElement | null
  const list = document.getElementById('search-results') as HTMLUListElement | null
  const status = document.getElementById('search-status')
  if (!box || !input || !list || !status) return
  box.hidden = false

  let index: Promise<Index> | null = null
  const load = (): Promise<Index> => {
    index ??= fetch(box.dataset.index ?? '').then((r) => {
      if (!r.ok) throw new Error(`search index: HTTP ${r.status}`)
      return r.json() as Promise<Index>
    })
    return index
  }

  let options: Option[] = []
  let active = -1
  let seq = 0
  let pasted: string | null = null // the last paste, newlines intact

  const setOpen = (open: boolean) => {
    list.hidden = !open
    input.setAttribute('aria-expanded', String(open))
    if (!open) setActive(-1)
  }

  const setActive = (i: number) => {
    options.forEach((o, j) => o.el.setAttribute('aria-selected', String(j === i)))
    active = i
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', options[i].el.id)
      options[i].el.scrollIntoView({ block: 'nearest' })
    } else {
      input.removeAttribute('aria-activedescendant')
    }
  }

  const option = (href: string, build: (a: HTMLAnchorElement) => void): HTMLLIElement => {
    const li = document.createElement('li')
    li.id = `search-option-${options.length}`
    li.setAttribute('role', 'option')
    li.setAttribute('aria-selected', 'false')
    const a = document.createElement('a')
    a.href = href
    a.tabIndex = -1
    build(a)
    li.append(a)
    options.push({ href, el: li })
    return li
  }

  const span = (cls: string, text: string): HTMLSpanElement => {
    const s = document.createElement('span')
    s.className = cls
    s.textContent = text
    return s
  }

  const describe = (d: Doc): string => {
    if (d.k === 'provider') return 'Provider'
    if (d.k === 'category') return 'Category'
    if (d.k === 'client') return 'Client retry rule'
    return [d.p, d.s].filter(Boolean).join(' · ')
  }

  const update = async () => {
    const q = input.value
    const text = pasted ?? q
    pasted = null
    const mine = ++seq
    if (q.trim() === '') {
      options = []
      list.replaceChildren()
      status.textContent = ''
      setOpen(false)
      return
    }
    let hits: ReturnType<typeof rank> = []
    try {
      hits = rank(await load(), q, MAX_RESULTS)
    } catch {
      index = null
      if (mine === seq) status.textContent = 'Search is unavailable right now.'
      return
    }
    if (mine !== seq) return // a newer query is on its way
    options = []
    const items: HTMLLIElement[] = []
    if (looksLikeResponse(text)) {
      const href = `${box.dataset.play ?? ''}#input=${encodeURIComponent(text)}`
      items.push(option(href, (a) => {
        a.className = 'search-offer'
        a.append(span('search-title', 'Diagnose this response in the playground'), span('search-meta', 'Opens the playground with your text; it stays in this browser.'))
      }))
    }
    for (const h of hits) {
      items.push(option(h.doc.u, (a) => {
        a.append(span('search-code', h.doc.k === 'code' ? h.doc.c : h.doc.t), span('search-meta', describe(h.doc)))
        if (h.doc.k === 'code') a.append(span('search-title', h.doc.t))
      }))
    }
    if (items.length === 0) {
      const li = document.createElement('li')
      li.className = 'search-empty'
      li.textContent = 'No matching code. Try a status like 429, or fewer words.'
      items.push(li)
    }
    list.replaceChildren(...items)
    setOpen(true)
    setActive(-1)
    status.textContent = hits.length === 1 ? '1 result' : `${hits.length} results`
  }

  input.addEventListener('focus', () => {
    load().catch(() => (index = null))
  })
  input.addEventListener('paste', (e) => {
    pasted = e.clipboardData?.getData('text') ?? null
  })
  input.addEventListener('input', () => {
    void update()
  })
  input.addEventListener('keydown', (e) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault()
        if (list.hidden && options.length > 0) setOpen(true)
        if (options.length > 0) setActive(Math.min(active + 1, options.length - 1))
        break
      case 'ArrowUp':
        e.preventDefault()
        if (options.length > 0) setActive(Math.max(active - 1, 0))
        break
      case 'Enter':
        if (!list.hidden && options.length > 0) {
          e.preventDefault()
          location.assign(options[Math.max(active, 0)].href)
        }
        break
      case 'Escape':
        if (!list.hidden) {
          e.preventDefault()
          setOpen(false)
        }
        break
    }
  })
  box.addEventListener('focusout', (e) => {
    if (!box.contains(e.relatedTarget as Node | null)) setOpen(false)
  })

  // "/" focuses the search box from anywhere but a text field.
  document.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return
    const t = e.target as HTMLElement | null
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return
    e.preventDefault()
    input.focus()
    input.select()
  })
}
