// The paste box folds for very large pastes. A browser needs seconds to lay
// out a textarea holding 5 MB (longer with soft wrapping) and answers no
// click or key meanwhile; the diagnosis does not need the text on screen.
// So when the box holds more than FOLD_CHARS characters it is hidden (its
// value stays: #response-input still holds the whole paste) and a short
// card takes its place: how much was pasted, its first characters, a
// button to show the text in the box anyway (without soft wrapping, the
// quicker layout) and one to clear it.
//
// A paste that big is caught before the browser inserts it: the paste
// handler puts the text in the box itself and folds the box in the same
// task, so no frame ever lays out the 5 MB.
import { button, el, group } from './dom'
import { cutAt } from './longtext'

/** Pastes longer than this fold the box. */
export const FOLD_CHARS = 1_000_000

/** Characters of a folded paste shown on its card. */
const PREVIEW_CHARS = 200

export class Fold {
  /** The card shown in place of the folded box. */
  readonly card: HTMLElement
  private readonly words: HTMLElement
  private readonly preview: HTMLElement
  private readonly unfoldBtn: HTMLButtonElement
  /** The user asked to see this paste in the box: leave it unfolded until the text changes size class. */
  private keepOpen = false

  constructor(
    private readonly box: HTMLTextAreaElement,
    private readonly changed: () => void,
  ) {
    this.words = el('p', 'response-folded-words')
    this.preview = el('code', '')
    this.unfoldBtn = button('Show the text in the box', 'button')
    const clear = button('Clear the box', 'button')
    this.card = el('div', 'response-folded', this.words, el('pre', 'response-preview', this.preview), el('div', 'response-folded-buttons', this.unfoldBtn, ' ', clear))
    this.card.id = 'response-folded'
    this.card.hidden = true
    box.after(this.card)
    this.unfoldBtn.addEventListener('click', () => this.unfold())
    clear.addEventListener('click', () => this.clear())
    box.addEventListener('paste', (e) => this.paste(e))
  }

  get folded(): boolean {
    return this.box.hidden
  }

  /** Folds or unfolds the box for what it holds now. Call it whenever its value changes. */
  update(): void {
    const n = this.box.value.length
    if (n <= FOLD_CHARS) {
      this.keepOpen = false
      this.box.wrap = 'soft'
      if (this.folded) this.show(false)
      return
    }
    if (!this.keepOpen) this.fold()
  }

  /** Focuses the box, or the card's button when the box is folded. */
  focus(): void {
    if (this.folded) this.unfoldBtn.focus()
    else this.box.focus()
  }

  private fold(): void {
    const v = this.box.value
    const hadFocus = document.activeElement === this.box
    const n = lines(v)
    this.words.textContent = `${group(v.length)} characters on ${group(n)} ${n === 1 ? 'line' : 'lines'} are pasted. The box is folded so that the page stays quick to answer; the diagnosis reads all of it.`
    this.preview.textContent = v.slice(0, cutAt(v, PREVIEW_CHARS)) + '…'
    this.box.hidden = true
    this.card.hidden = false
    if (hadFocus) this.unfoldBtn.focus()
  }

  /** Shows the folded text in the box, on request: it may take the browser a few seconds. */
  private unfold(): void {
    this.keepOpen = true
    this.box.wrap = 'off'
    this.show(true)
  }

  private show(focus: boolean): void {
    this.card.hidden = true
    this.box.hidden = false
    if (focus) this.box.focus()
  }

  private clear(): void {
    this.box.value = ''
    this.update()
    this.box.focus()
    this.changed()
  }

  /** A paste over FOLD_CHARS: insert it here and fold before any frame lays it out. */
  private paste(e: ClipboardEvent): void {
    const text = e.clipboardData?.getData('text/plain') ?? ''
    if (text.length <= FOLD_CHARS) return
    e.preventDefault()
    const { selectionStart: a, selectionEnd: b, value } = this.box
    this.box.value = value.slice(0, a) + text + value.slice(b)
    this.keepOpen = false
    this.update()
    this.changed()
  }
}

/** Lines in s, as an editor counts them. */
function lines(s: string): number {
  let n = 1
  for (let i = s.indexOf('\n'); i >= 0 && i < s.length - 1; i = s.indexOf('\n', i + 1)) n++
  return n
}
