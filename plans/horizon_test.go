package plans

import "testing"

// Cold read 7, finding 5: nothing in a 92-day plan takes six months. A
// later clause with the long span comes after the plan; a text that is the
// long span is a first step by the plan's end; a quotation of the matrix's
// words, or a short span, is left as it is.
func TestScopeToPlan(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Write the business case for your next significant investment with a revenue and cost forecast reviewed by finance, and check it against the actuals six months later.",
			"Write the business case for your next significant investment with a revenue and cost forecast reviewed by finance, by 2027-02-17; after this plan: check it against the actuals six months later."},
		{"Design the operating rhythm with the other department heads and run it for two quarters.",
			"Design the operating rhythm with the other department heads, by 2027-02-17; after this plan: run it for two quarters."},
		{"Write the product principles the organisation plans from, and retell it at every planning cycle, all-hands and leadership offsite for two quarters.",
			"Write the product principles the organisation plans from, by 2027-02-17; after this plan: retell it at every planning cycle, all-hands and leadership offsite for two quarters."},
		{"Six months of meetings, and the partner head naming you as the person they go to for product questions.",
			"By 2027-02-17, a first step; in full, after this plan: six months of meetings, and the partner head naming you as the person they go to for product questions."},
		{`The goal done, in terms like these: "visibly better at the craft within two quarters".`, `The goal done, in terms like these: "visibly better at the craft within two quarters".`},
		{"Two months of critiques, and fewer features built without a test.", "Two months of critiques, and fewer features built without a test."},
		{"Run the guild for ONE YEAR.", "By 2027-02-17, a first step; in full, after this plan: run the guild for ONE YEAR."},
		{"Hold a weekly critique with each report.", "Hold a weekly critique with each report."},
	} {
		if got := scopeToPlan(tt.in, "2027-02-17"); got != tt.want {
			t.Errorf("scopeToPlan(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
	if got := scopeToPlan("Run it for two quarters.", ""); got != "Run it for two quarters." {
		t.Errorf("no plan end, got %q", got)
	}
}

// Cold read 17, finding 15: evidence written for a span of one thing says
// what can be seen of it by a date at its action's rhythm, in one reading
// for the plan, its checkpoints and the agendas; a span that fits, or an
// action with no rhythm, is left to the other rewrites.
func TestVisibleBy(t *testing.T) {
	meet := "Become the product contact for one partner-function head (sales, support or finance): meet monthly, bring them what product is learning, and take back what their side needs."
	six := "Six months of meetings, and the partner head naming you as the person they go to for product questions."
	for _, tt := range []struct {
		action, evidence string
		days             int
		want             string
	}{
		{meet, six, 92, "three meetings held"},
		{meet, six, 85, "three meetings held"},
		{meet, six, 60, "two meetings held"},
		{meet, six, 20, "one meeting held"},
		{meet, six, 200, ""},
		{"Hold a critique fortnightly.", "A quarter of critiques, and fewer features built without a test.", 60, "four critiques held"},
		{"Meet them.", six, 92, ""},
		{meet, "A quarter of sessions held without cancellation.", 60, ""},
	} {
		if got := visibleBy(tt.action, tt.evidence, tt.days); got != tt.want {
			t.Errorf("visibleBy(%q, %d) = %q, want %q", tt.evidence, tt.days, got, tt.want)
		}
	}
	if got, want := checkpointSees("Hold a critique fortnightly.", "A quarter of critiques, and fewer features built without a test.", 60, 92), "four critiques held, and fewer features built without a test"; got != want {
		t.Errorf("a span inside the plan: %q, want %q", got, want)
	}
	if got, want := checkpointSees(meet, six, 60, 92), "two meetings held"; got != want {
		t.Errorf("a span past the plan: %q, want %q", got, want)
	}
}
