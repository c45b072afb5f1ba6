package site

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/errdex/errdex/content/model"
)

// TestMatrixShape checks the matrix on the real catalog: a row per
// provider headed by its name, in the home page's group order, a column
// per category, a cell for every
// pair, every code linked from the row of its provider, and the category
// counts in the headings right.
func TestMatrixShape(t *testing.T) {
	page := string(real.Files["categories/index.html"])
	body := page[strings.Index(page, "<tbody>"):strings.LastIndex(page, "</tbody>")]
	rows := regexp.MustCompile(`(?s)<tr><th scope="row"><a href="([^"]+)">`).FindAllStringSubmatchIndex(body, -1)
	order := inGroupOrder(realCat.Providers)
	if len(rows) != len(order) {
		t.Fatalf("matrix has %d provider rows, want %d", len(rows), len(order))
	}
	heads := strings.Count(page[:strings.Index(page, "</thead>")], `<th scope="col"`)
	if want := len(realCat.Categories) + 1; heads != want {
		t.Errorf("matrix has %d column headings, want %d", heads, want)
	}
	for i, p := range order {
		start, end := rows[i][0], len(body)
		if i+1 < len(rows) {
			end = rows[i+1][0]
		}
		row := body[start:end]
		if href := body[rows[i][2]:rows[i][3]]; href != urls.Path(model.ProviderPath(p.ID)) {
			t.Errorf("row %d is %s, want %s", i, href, p.ID)
		}
		if n := strings.Count(row, "<td>"); n != len(realCat.Categories) {
			t.Errorf("%s: %d cells, want %d", p.ID, n, len(realCat.Categories))
		}
		// Every code is linked from its provider's row, or from the cell's
		// "more" link to the provider's codes on the category's page.
		for _, e := range p.Entries {
			more := `<a class="matrix-more" href="` + urls.Path(model.CategoryPath(e.Category)) + "#" + p.ID + `">`
			if !strings.Contains(row, `href="`+urls.Path(model.Path(p.ID, e.Slug))) && !strings.Contains(row, more) {
				t.Errorf("%s: the matrix row links %s neither itself nor through more", p.ID, e.Slug)
			}
		}
		for _, cell := range strings.Split(row, "<td>")[1:] {
			if strings.Contains(cell, "matrix-more") && strings.Count(cell, "<code>") != matrixCellCodes {
				t.Errorf("%s: a cell with more shows %d codes, want %d", p.ID, strings.Count(cell, "<code>"), matrixCellCodes)
			}
		}
	}
	// A heading row before each group's providers.
	last := 0
	for _, g := range groupProviders(realCat.Providers) {
		at := strings.Index(page, `<tr class="matrix-group" id="`+g.ID+`"><th scope="rowgroup" colspan="`+strconv.Itoa(len(realCat.Categories)+1)+`"><span>`+g.Title+`</span>`)
		if at < last {
			t.Errorf("matrix: group %s has no heading row, or it is out of order", g.ID)
		}
		last = at
	}
	// The count after a category heading is the number of providers with
	// a code in it.
	b := &builder{cat: realCat, urls: urls}
	for _, c := range realCat.Categories {
		n := 0
		for _, p := range realCat.Providers {
			if len(b.inCategory(p, c.Name)) > 0 {
				n++
			}
		}
		want := `<a href="` + urls.Path(model.CategoryPath(c.Name)) + `">` + c.Title + `</a> <span class="matrix-count">` + strconv.Itoa(n) + `<span class="visually-hidden">`
		if !strings.Contains(page, want) {
			t.Errorf("matrix heading of %s should read %s", c.Name, want)
		}
	}
}
