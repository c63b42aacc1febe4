/**
 * Prints one card of the page as a document (a receipt, a certificate, a notice): everything else is hidden while
 * the browser prints, which can also save it as a PDF. The card carries `data-print` and the styles in styles.css.
 */
export function printCard(card: HTMLElement, win: Window = window) {
  const root = win.document.documentElement
  root.classList.add('print-card')
  card.classList.add('printing')
  const done = () => {
    root.classList.remove('print-card')
    card.classList.remove('printing')
    win.removeEventListener('afterprint', done)
  }
  win.addEventListener('afterprint', done)
  win.print()
}
