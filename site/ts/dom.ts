// Small DOM builders for the diagnosis panel. Strings passed as children
// become text nodes: nothing here parses HTML.

export type Child = Node | string | null | undefined | false

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag)
  if (cls) e.className = cls
  for (const c of children) if (c) e.append(c) // strings become text nodes
  return e
}

export function code(text: string): HTMLElement {
  return el('code', '', text)
}

export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  const a = el('a', '', ...children)
  a.href = href
  return a
}

export function button(label: string, cls = 'button button-small'): HTMLButtonElement {
  const b = el('button', cls, label)
  b.type = 'button'
  return b
}

/** A number for people: "5,242,880". */
export function group(n: number): string {
  return n.toLocaleString('en')
}
