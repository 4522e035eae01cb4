package cycle_test

import (
	"strings"
	"testing"

	"github.com/coach-dev/coach/internal/cycle"
	"github.com/coach-dev/coach/skills"
)

// TestCR17HeadlineFirst: the summary opens with the period's biggest
// outcome: a role change in it, with the result the person's own
// self-review names, before smaller dated work; with a goal met and its
// outcome written down, that goal is the headline instead. Said by the
// manager to the person, never of them (VP cold read 17, findings 17 and
// 18).
func TestCR17HeadlineFirst(t *testing.T) {
	lv := levels(t, "senior-pm", nil)
	src := "name = \"Ana Ruiz\"\nrole = \"senior-pm\"\nmanager = \"lee\"\nassessed = 2026-11-10\n\n[levels]\n" + lv +
		evidence("2026-11-02", "communication", "Wrote the refunds decision as a one-page memo; Support leads restated it correctly")
	hist := append(assessment(t, lv, "c1", "2026-03-10", "Lee Park"),
		skills.Change{Person: "x", Commit: "c2abcdef", Date: day("2026-10-20"), Author: "Lee Park", Kind: skills.KindRole, From: "pm", To: "senior-pm"})
	self := []cycle.SelfSection{{Title: "What I did", Text: "I took the refunds rework from research to launch. Refund tickets halved by November, and Support closed its backlog.\n\nI also mentored Ivo."}}
	_, out := reviewCase{src: src, history: hist, self: self}.build(t)
	wantLines(t, section(out, "The manager's summary"),
		`You became Senior Product Manager on 20 October, and the quarter's biggest result is the one your self-review names: "Refund tickets halved by November, and Support closed its backlog". On 2 November, you wrote the refunds decision as a one-page memo, and Support leads restated it correctly. You are solid as a Senior Product Manager, with the Group Product Manager bar still ahead in communication up, down and sideways, coaching and mentoring and delegation and team performance, among others, realistically 18-24 months away.`)
	if strings.Contains(drafts(out), "Ana ") {
		t.Errorf("a draft speaks of Ana in the third person:\n%s", drafts(out))
	}

	// The second team's kind of file: a Group PM with a goal met and its
	// outcome, and a self-review too: the goal leads, in the manager's
	// words, and the self-review stays below, quoted as written.
	gpm := levels(t, "gpm", nil)
	src2 := "name = \"Kwame Osei\"\nrole = \"gpm\"\nmanager = \"lee\"\nassessed = 2026-11-16\n\n[levels]\n" + gpm +
		"\n[[goal]]\ntext = \"Move payouts onto the new ledger\"\nskills = [\"execution-delivery\"]\ndue = 2026-11-30\ndone = 2026-11-04\noutcome = \"Cut over in one weekend; no payout was late\"\n" +
		evidence("2026-11-12", "team-health", "Ran the team's first blameless review after the outage")
	self2 := []cycle.SelfSection{{Title: "What I did", Text: "Merchants now get paid a day earlier since the ledger moved."}}
	_, out2 := reviewCase{src: src2, self: self2}.build(t)
	wantLines(t, section(out2, "The manager's summary"),
		`You met your goal "Move payouts onto the new ledger" on 4 November: you cut over in one weekend, and no payout was late. On 12 November, you ran the team's first blameless review after the outage. You are solid as a Group Product Manager, with the Director of Product bar still ahead in team health and engagement, hiring strategy and team design and topology, among others, realistically 18-24 months away.`)
	if d := drafts(out2); strings.Contains(d, "Kwame") || strings.Contains(d, "a day earlier") {
		t.Errorf("the draft names Kwame or quotes the self-review over the goal met:\n%s", d)
	}
}

// TestCR17ExampleBeforeThePeriodSaidOnce: two strengths whose examples
// both predate the period are said each with its example, and that they
// predate it once, with the months, in the manager's words (VP cold read
// 17: "carried from earlier in the year…" and "likewise carried" under
// each strength).
func TestCR17ExampleBeforeThePeriodSaidOnce(t *testing.T) {
	src := "name = \"Ines Varga\"\nrole = \"pm\"\nmanager = \"lee\"\nassessed = 2026-11-16\n\n[levels]\n" +
		levels(t, "pm", map[string]int{"customer-insight": 4, "ux-discovery": 4}) +
		evidence("2026-05-10", "customer-insight", "Interviewed nine merchants; rewrote the checkout backlog from what they said") +
		evidence("2026-06-12", "ux-discovery", "Tested two checkout flows with six customers; one dropped")
	_, out := reviewCase{src: src}.build(t)
	d := drafts(out)
	for _, want := range []string{
		"Customer insight is still your strongest suit: on 10 May, you interviewed nine merchants and rewrote the checkout backlog from what they said.",
		"Product discovery and UX is close behind: on 12 June, you tested two checkout flows with six customers, with one dropped.",
		"Both were in May and June: I'd like a Q4 example of each.",
	} {
		if !strings.Contains(d, want) {
			t.Errorf("missing %q in\n%s", want, d)
		}
	}
	for _, bad := range []string{"carried", "nothing new on it", "Ines"} {
		if strings.Contains(d, bad) {
			t.Errorf("the growth draft says %q:\n%s", bad, d)
		}
	}
	wantLines(t, section(out, "Strengths"), "Both examples are carried from earlier in the year; nothing new on either this quarter yet.")
}
