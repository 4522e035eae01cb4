package cycle_test

import (
	"strings"
	"testing"
)

// TestCR14NewHireLevelsAreFirstReadings: a new hire's summary agrees with
// the plan: the levels set so far are first readings, not judged until the
// first full assessment (cold read 14, finding 12).
func TestCR14NewHireLevelsAreFirstReadings(t *testing.T) {
	src := "name = \"Sam Patel\"\nrole = \"apm\"\nmanager = \"lee\"\nassessed = 2026-11-17\njoined = 2026-10-12\n\n[levels]\n" +
		"communication = 2\nstakeholder-relationships = 1\ntechnical-fluency = 2\ncustomer-insight = 2\noutcome-focus = 1\n" +
		evidence("2026-11-05", "customer-insight", "Sat in on six support calls and summarised the top three problems")
	_, out := reviewCase{src: src}.build(t)
	wantLines(t, section(out, "The manager's summary"),
		"On 5 November, you sat in on six support calls and summarised the top three problems. You joined on 12 October and are in your first 90 days: the 5 levels I have set so far are first readings, and I judge none of them before your first full assessment on 10 January 2027.")
	if strings.Contains(out, "too early for a level") {
		t.Errorf("says there is no level while the plan has five:\n%s", out)
	}
}

// TestCR14HeldDraftsSayNoRebaseline: the manager's drafts of a review held
// on a calibration never use the tool's word for it.
func TestCR14HeldDraftsSayNoRebaseline(t *testing.T) {
	first := levels(t, "pm", map[string]int{"negotiation": 1})
	rebased := levels(t, "senior-pm", nil)
	_, out := rebaselineCase(t, "Ben Ode", first, rebased, "\n[[goal]]\ntext = \"Write the checkout strategy and use it in Q1 planning\"\nskills = [\"product-strategy\"]\ndue = 2027-01-20\n").build(t)
	if d := drafts(out); strings.Contains(d, "re-baseline") {
		t.Errorf("a draft says re-baseline:\n%s", d)
	}
}
