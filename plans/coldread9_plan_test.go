package plans

import (
	"testing"

	"github.com/coach-dev/coach/skills"
)

// TestNewHiresEarlyStepsAreACheckIn: steps of a past onboarding phase
// with no evidence are asked about, so that they can be ticked off, never
// counted against a new hire as "still open" (finding 16).
func TestNewHiresEarlyStepsAreACheckIn(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "n", Name: "Noor Ali", Role: "pm", Levels: atBar(m, "pm"), Joined: day("2026-10-12"), Assessed: day("2026-11-20")}
	pl := build(t, p)
	if len(pl.Milestones) == 0 {
		t.Fatal("no milestones")
	}
	ms := pl.Milestones[0]
	if got, want := ms.Label+": "+ms.Text, "The first 30 days, to tick off: its four steps have nothing written down yet: which are done? Say so at your next 1:1 and they are ticked off; any still to do go alongside the next phase."; got != want {
		t.Errorf("milestone\n%q\nwant\n%q", got, want)
	}
	p.Evidence = []skills.Evidence{{Date: day("2026-10-20"), Skill: "customer-insight", Text: "Sat in on five support calls and wrote up what customers asked"}}
	ms = build(t, p).Milestones[0]
	if got, want := ms.Label+": "+ms.Text, "The first 30 days, to tick off: three of its four steps have nothing written down yet: which are done? Say so at your next 1:1 and they are ticked off; any still to do go alongside the next phase."; got != want {
		t.Errorf("milestone with one step shown\n%q\nwant\n%q", got, want)
	}
}
