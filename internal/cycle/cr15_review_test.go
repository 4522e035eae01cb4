package cycle_test

import (
	"strings"
	"testing"

	"github.com/coach-dev/coach/skills"
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

// TestCR15HeaderInPlainWords: the header says a role change as a promotion
// when the new role is the matrix's next one, with its day in words and the
// commit in a comment only, and peer feedback as who brings it, never how
// it is encrypted (VP cold read: "commit 0f554a5", "read apart by those who
// hold the key").
func TestCR15HeaderInPlainWords(t *testing.T) {
	lv := levels(t, "senior-pm", nil)
	src := "name = \"Ana Ruiz\"\nrole = \"senior-pm\"\nmanager = \"lee\"\nassessed = 2026-11-10\n\n[levels]\n" + lv
	hist := append(assessment(t, lv, "c1", "2026-03-10", "Lee Park"),
		skills.Change{Person: "x", Commit: "c2abcdef", Date: day("2026-10-20"), Author: "Lee Park", Kind: skills.KindRole, From: "pm", To: "senior-pm"})
	_, out := reviewCase{src: src, history: hist, feedback: []string{"2026-10-05", "2026-11-02"}}.build(t)
	wantLines(t, out,
		"- Peer feedback in the period: 2 pieces, kept private: Lee brings what they say to the review conversation; never quoted here")
	if !strings.Contains(out, "- Role: Senior Product Manager (promoted from Product Manager on 20 October 2026), working towards ") {
		t.Errorf("the role change is not said in words:\n%s", out)
	}
}
