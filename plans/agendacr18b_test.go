package plans

import "testing"

// TestRecurringPracticeTriedOnce: a practice that recurs monthly is tried
// as its first instance, and what would show it is that first one, not the
// level's words (cold read 18, finding 16).
func TestRecurringPracticeTriedOnce(t *testing.T) {
	cases := []struct{ practice, text, shows string }{
		{"Rebuild your product's unit economics in a spreadsheet from finance's numbers, and update it every month.",
			"Build the first version before our next 1:1: rebuild your product's unit economics in a spreadsheet from finance's numbers, and bring the one figure in it that surprised you.",
			"The first version, and the one figure in it that surprised you."},
		{"Listen to five support calls or read fifty tickets for your area each month, and write down the three problems you heard most.",
			"Listen to five support calls or read fifty tickets for your area before our next 1:1, and write down the three problems you heard most.",
			"What the first round showed you, and the one thing in it that surprised you."},
		{"Give one piece of situation-behaviour-impact feedback every working day for two weeks, half of it praise.", "", ""},
	}
	for _, c := range cases {
		text, shows := firstInstance(c.practice)
		if text != c.text || shows != c.shows {
			t.Errorf("firstInstance(%q) =\n%q\n%q\nwant\n%q\n%q", c.practice, text, shows, c.text, c.shows)
		}
	}
}
