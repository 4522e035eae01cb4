package cycle_test

import (
	"testing"
)

// TestCR15SameFirstNameDraftMarker: when the manager's first name is the
// person's, the drafts name the manager in full, and a latest assessment
// that set no level says it kept the levels set before it (VP cold read:
// "Draft, for Sam to edit" in Sam Patel's review edited by Sam Lee; "Read
// as of: 2026-11-17" above levels set on 2026-10-12).
func TestCR15SameFirstNameDraftMarker(t *testing.T) {
	lv := "communication = 2\nstakeholder-relationships = 1\ncustomer-insight = 2\n"
	src := "name = \"Lee Brown\"\nrole = \"apm\"\nmanager = \"lee\"\nassessed = 2026-11-17\njoined = 2026-10-12\n\n[levels]\n" + lv +
		evidence("2026-11-05", "customer-insight", "Sat in on six support calls and summarised the top three problems")
	hist := assessment(t, lv, "c1", "2026-10-12", "Lee Park")
	_, out := reviewCase{src: src, history: hist}.build(t)
	wantLines(t, section(out, "The manager's summary"), "*Draft, for Lee Park to edit.* <!-- coach:draft -->")
	wantLines(t, section(out, "Levels that moved"), "The latest assessment, on 2026-11-17, kept these levels: it is the one this review reads.")
}
