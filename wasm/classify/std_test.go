package classify

import "github.com/errdex/errdex/wasm/catalog"

// std is the classifier of the generated catalog, which the golden corpus
// and most tests read.
var std = New(catalog.Default)
