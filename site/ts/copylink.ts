// The "Copy link" button of a code page: copies the page's canonical URL.
// Progressive enhancement: the button is hidden until this runs.

export function initCopyLink(): void {
  const status = document.getElementById('copy-status')
  for (const btn of document.querySelectorAll<HTMLButtonElement>('button.copy-link')) {
    const url = btn.dataset.copy
    if (!url) continue
    btn.hidden = false
    btn.addEventListener('click', () => {
      const say = (msg: string) => {
        if (status) status.textContent = msg
      }
      if (!navigator.clipboard) {
        say(`Copy this link: ${url}`)
        return
      }
      navigator.clipboard.writeText(url).then(
        () => {
          btn.dataset.copied = url
          say('Link copied.')
        },
        () => say(`Copy this link: ${url}`),
      )
    })
  }
}
