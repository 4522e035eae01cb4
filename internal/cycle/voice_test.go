package cycle

import "testing"

// TestCR17EvidenceSaidToThePerson: an entry that opens with the person's
// act is said to them, its clauses joined as one sentence a manager would
// write, never with the file's semicolon, and its pronouns for them turned
// to "you" (VP cold read 17: "On 1 June, Ben summarised twelve onboarding
// interviews; dropped the tour carousel from the roadmap." read broken).
func TestCR17EvidenceSaidToThePerson(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Summarised twelve onboarding interviews; dropped the tour carousel from the roadmap",
			"On 1 June, you summarised twelve onboarding interviews and dropped the tour carousel from the roadmap."},
		{"Published the EMEA pricing landscape from 14 interviews; used in Q3 planning",
			"On 1 June, you published the EMEA pricing landscape from 14 interviews, used in Q3 planning."},
		{"Tested the pricing page prototype with five customers before build; two changes made",
			"On 1 June, you tested the pricing page prototype with five customers before build, with two changes made."},
		{"Wrote the pricing decision as an exec memo; Sales leads restated it correctly",
			"On 1 June, you wrote the pricing decision as an exec memo, and Sales leads restated it correctly."},
		{"Met each of her managers in her first two weeks",
			"On 1 June, you met each of your managers in your first two weeks."},
		{"Shipped the fix on the date she committed to",
			"On 1 June, you shipped the fix on the date you committed to."},
		{"Chloe has run sprint planning since March",
			"On 1 June: \"Chloe has run sprint planning since March\"."},
	} {
		if got := did("1 June", c.text); got != c.want {
			t.Errorf("did(%q) = %q, want %q", c.text, got, c.want)
		}
	}
	for _, c := range []struct{ clause, want string }{
		{"Still reviews every PRD line by line", "as of 13 November, you still review every PRD line by line."},
		{"still carries the on-call rota alone", "as of 13 November, you still carry the on-call rota alone."},
		{"Team engagement fell 9 points", "the note of 13 November reads \"Team engagement fell 9 points\"."},
	} {
		if got := still("13 November", c.clause); got != c.want {
			t.Errorf("still(%q) = %q, want %q", c.clause, got, c.want)
		}
	}
}
