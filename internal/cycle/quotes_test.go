package cycle_test

import (
	"regexp"
	"strings"
	"testing"
)

// quoted are the spans a document puts in quotation marks, straight or
// curly.
var quoted = regexp.MustCompile(`"([^"\n]+)"|“([^”\n]+)”`)

// TestReviewQuotesAreVerbatim (VP cold read 20, finding 2): text in
// quotation marks is the note's own words, as the person's file has them,
// the same in every document. The review tells the person's work in the
// third person and quotes it as written ("in his first three weeks");
// its drafts, said to the person, turn a note into "you" only outside
// quotation marks ("you sat in on six support calls in your first three
// weeks"), never inside them.
func TestReviewQuotesAreVerbatim(t *testing.T) {
	cases := map[string]string{
		// A new hire: the strengths quote the latest note.
		"onboarding": "name = \"Sam Patel\"\nrole = \"apm\"\nmanager = \"lee\"\nassessed = 2026-11-17\njoined = 2026-10-12\n\n[levels]\n" +
			"communication = 2\ncustomer-insight = 2\n" +
			evidence("2026-11-05", "customer-insight", "Sat in on six support calls in his first three weeks and summarised the top three problems"),
		// A setback in the third person, a strength on a note with "she".
		"setback": "name = \"Marcus Bell\"\nrole = \"gpm\"\nmanager = \"lee\"\nassessed = 2026-11-16\n\n[levels]\n" +
			levels(t, "gpm", map[string]int{"delegation": 2, "execution-delivery": 4}) +
			evidence("2026-11-13", "delegation", "Still reviews every PRD line by line; specs wait two days for his sign-off") +
			evidence("2026-10-05", "execution-delivery", "Shipped the checkout redesign on the date she promised to Sales") +
			"\n[[goal]]\ntext = \"Hand the weekly release review to his deputy\"\nskills = [\"delegation\"]\ndue = 2026-12-30\n",
	}
	for name, src := range cases {
		r, out := reviewCase{src: src}.build(t)
		pronoun := false
		for _, m := range quoted.FindAllStringSubmatch(out, -1) {
			q := strings.TrimSuffix(strings.TrimSuffix(m[1]+m[2], "…"), ".")
			if q == r.Verdict.Text || strings.HasPrefix(q, "<!--") {
				continue
			}
			if !strings.Contains(src, q) {
				t.Errorf("%s: quoted, but not the file's words: %q", name, m[0])
			}
			pronoun = pronoun || regexp.MustCompile(`\b(his|she|her|he)\b`).MatchString(q)
		}
		if !pronoun {
			t.Errorf("%s: no note in the third person is quoted: the case tests nothing\n%s", name, out)
		}
	}
}
