// Package search builds the site's client-side search index: a small JSON
// file the browser fetches the first time someone uses the search box, and
// the tokenizer that both the index and the browser's queries go through.
//
// # Tokens
//
// Error codes are identifiers, so [Tokenize] splits on every character that
// is not a letter or a digit (`_ - . : /`, spaces, punctuation) and on case
// changes inside a word (rateLimitExceeded → rate, limit, exceeded;
// HTTPError → http, error), then lower-cases each piece. NOT_ENOUGH_BALANCE,
// not_enough_balance, notEnoughBalance and "not enough balance" all become
// [not enough balance]. The index also holds each word unsplit
// ("clawhosters" beside "claw" and "hosters"), so a CamelCase name typed as
// one word is found too. site/ts/tokenize.ts is a line-by-line mirror; both
// are tested against testdata/tokenize.json (the TypeScript one by the
// browser test in internal/browsertest), so index and query never disagree.
//
// # Ranking
//
// The browser ranks in two tiers. First the identifiers: a code or alias
// equal to the query (ignoring case), then one whose tokens equal the
// query's, then an HTTP status equal to a numeric query, then codes whose
// token string starts with or contains the query's. Only then full text:
// every query token looked up in the title and text postings below (the
// last token also as a prefix), titles weighing more than text.
//
// # Index format (version 1)
//
//	{
//	  "v": 1,
//	  "docs": [Doc, ...],          // see [Doc]; a doc's number is its position
//	  "title": {"token": [n, ...]}, // postings: docs whose title has the token
//	  "text":  {"token": [n, ...]}  // docs whose meaning or summary has it
//	}
//
// Doc numbers in a posting list are ascending. The file is written with
// sorted keys and no spaces, so two builds of the same content are
// byte-identical.
package search
