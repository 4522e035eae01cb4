package cycle

import "testing"

// TestCR14SummaryOpensInWords: a piece of work that is no act of the
// person's opens the summary as the state it reached, by its month, never
// as a bare dated quote; the calibration is said in plain words, never as
// a re-baseline (cold read 14, finding 9).
func TestCR14SummaryOpensInWords(t *testing.T) {
	r := &Review{First: "Chloe", Since: "2026-10-01"}
	for _, c := range []struct{ text, want string }{
		{"Monthly checkout update now read and quoted by Finance and Support", "By October, your monthly checkout update was read and quoted by Finance and Support."},
		{"Weekly release notes now used by three teams", "By October, your weekly release notes were used by three teams."},
		{"Checkout conversion up from 20% to 24%", "Checkout conversion up from 20% to 24%, as of October."},
		{"She now runs the launch review", "She now runs the launch review, as of October."},
		{"Ran twelve merchant interviews", "On 2026-10-14, you ran twelve merchant interviews."},
		// A practice kept up is a habit, said in a whole sentence (VP
		// cold read 20: "Fortnightly artifact reviews with Sam Patel since
		// he joined, as of November.").
		{"Fortnightly artifact reviews with Sam Patel since he joined", "You have kept up fortnightly artifact reviews with Sam Patel since he joined."},
		{"Weekly 1:1s with the design lead", "Weekly 1:1s with the design lead, as of October."},
	} {
		if got := r.opening("2026-10-14", c.text, nil); got != c.want {
			t.Errorf("opening(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
