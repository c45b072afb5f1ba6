// Entry point of every page: search and the copy-link button. Pages work
// without it; it only adds what needs JavaScript.
import { initCopyLink } from './copylink'
import { initSearch } from './search'

initSearch()
initCopyLink()
