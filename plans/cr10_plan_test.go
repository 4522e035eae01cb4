package plans

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coach-dev/coach/skills"
)

// Cold read 10, finding 1: evidence that already records part of the next
// level's rubric is weighed: the focus's why names it and what is not shown
// yet, the goal's evidence asks for the rest, and the disagreement's
// question asks about the rest, never as if nothing showed it.
func TestCR10EvidenceShowsPartOfNextLevel(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "ravi", Name: "Ravi Kumar", Role: "senior-pm", Target: "gpm", Manager: "mia", Assessed: day("2026-11-10"),
		Levels: with(atBar(m, "senior-pm"), map[string]int{"negotiation": 2}),
		Self:   map[string]int{"negotiation": 3},
		Goals:  []skills.Goal{{Text: "Lead the partner pricing launch end to end", Skills: []string{"negotiation"}, Due: day("2027-03-31")}},
		Evidence: []skills.Evidence{
			{Date: day("2026-11-03"), Skill: "negotiation", Text: "Agreed the partner launch scope with Marketing without escalation"},
		}}
	pl := build(t, p)
	var f *Focus
	for i := range pl.Focus {
		if pl.Focus[i].ID == "negotiation" {
			f = &pl.Focus[i]
		}
	}
	if f == nil {
		t.Fatalf("negotiation is no focus: %+v", pl.Focus)
	}
	wantWhy := `your goal "Lead the partner pricing launch end to end" depends on it, due 2027-03-31; your evidence of 2026-11-03 ("Agreed the partner launch scope with Marketing without escalation") already shows part of what 3 Proficient asks, but not yet "prepares every important negotiation: each side's interests, their own walk-away point and two or three options"; at 2 Practising you are below the 3 Proficient the Senior Product Manager job asks for today, so it comes first`
	p.Focus = []string{"negotiation"}
	pl = build(t, p)
	f = &pl.Focus[0]
	if diff := cmp.Diff(wantWhy, f.Why); diff != "" {
		t.Errorf("why (-want +got):\n%s", diff)
	}
	wantEv := `The goal done by 2027-03-31, with the people it involved able to point to where you did what 3 Proficient asks beyond your evidence of 2026-11-03: "prepares every important negotiation: each side's interests, their own walk-away point and two or three options".`
	if diff := cmp.Diff(wantEv, f.Actions[0].Evidence); diff != "" {
		t.Errorf("goal's evidence (-want +got):\n%s", diff)
	}
	var q string
	for _, c := range pl.Conversations {
		if c.ID == "negotiation" {
			q = c.Question
		}
	}
	wantQ := `You rate your negotiation and trade-offs at 3 and your manager sees 2. 'Agreed the partner launch scope with Marketing without escalation' already shows part of 3: where have you also shown "prepares every important negotiation: each side's interests, their own walk-away point and two or three options", and who saw it?`
	if diff := cmp.Diff(wantQ, q); diff != "" {
		t.Errorf("question (-want +got):\n%s", diff)
	}

	// Without that entry, the rubric's last clause is asked for as before.
	p.Evidence = []skills.Evidence{{Date: day("2026-11-03"), Skill: "negotiation", Text: "Negotiated the sprint scope with engineering"}}
	pl = build(t, p)
	wantEv = `The goal done by 2027-03-31, with the people it involved able to point to where you did what 3 Proficient asks: "agrees scope with sales or marketing without escalation".`
	if diff := cmp.Diff(wantEv, pl.Focus[0].Actions[0].Evidence); diff != "" {
		t.Errorf("goal's evidence, nothing shown (-want +got):\n%s", diff)
	}
}

// Cold read 10, finding 2: a level lowered on the return from a long leave
// is "not counted as a gap", so it is no focus beside a skill the person's
// own goal brings: the goal's other skill carries it, and the entry that
// records the return is not read as the skill moving. With nothing else to
// carry the goal, the re-entry skill stays its place.
func TestCR10ReentryIsNotTheOnlyFocus(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "lea", Name: "Lea Brandt", Role: "director", Target: "vp", Assessed: day("2026-11-03"),
		Levels:   with(atBar(m, "director"), map[string]int{"market-knowledge": 3}),
		Goals:    []skills.Goal{{Text: "Visit the four largest insurers again and redraw the partner map", Skills: []string{"market-knowledge", "stakeholder-relationships"}, Due: day("2026-12-18")}},
		Evidence: []skills.Evidence{{Date: day("2026-10-19"), Skill: "stakeholder-relationships", Text: "Back from five months of leave; met each insurer's account lead"}}}
	pl := build(t, p)
	var got []string
	for _, f := range pl.Focus {
		got = append(got, f.Name+": "+f.Why)
	}
	want := []string{`Stakeholder relationships: your goal "Visit the four largest insurers again and redraw the partner map" depends on it, due 2026-12-18; VP of Product asks for 5 Shaping, one level up`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("focus (-want +got):\n%s", diff)
	}
	p.Goals[0].Skills = []string{"market-knowledge"}
	pl = build(t, p)
	if len(pl.Focus) != 1 || pl.Focus[0].ID != "market-knowledge" || len(pl.Focus[0].Actions) != 1 {
		t.Errorf("the goal's only skill, re-entry, is not its focus with the goal alone: %+v", pl.Focus)
	}
}

// Cold read 10, finding 4: while a new manager's re-baseline waits on its
// calibration, At a glance does not state "at or above the bar on every
// assessed skill": it says what the calibration decides, and states the
// fact once it is calibrated.
func TestCR10AtTheBarNotStatedBeforeCalibration(t *testing.T) {
	m := matrix(t)
	rebased, history := rebasedByLee(m, "jo")
	team := []*skills.Person{
		{ID: "lee", Name: "Lee Park", Role: "gpm", Manager: "robin", Levels: atBar(m, "gpm"), Assessed: day("2026-11-17")},
		{ID: "robin", Name: "Robin Hart", Role: "director", Levels: atBar(m, "director"), Assessed: day("2026-11-17")},
		{ID: "jo", Name: "Jo Adeyemi", Role: "pm", Manager: "lee", Levels: rebased, Assessed: day("2026-11-18"), PlanStart: day("2026-09-01")},
	}
	plans, _ := teamOf(t, skills.DefaultConfig(), team, history)
	pl := plans["jo"]
	if pl.Verdict.Kind != "held" {
		t.Fatalf("verdict %+v, want held", pl.Verdict)
	}
	want := "The calibration decides whether the new levels stand, and with them whether you meet the Senior Product Manager bar on every assessed skill."
	if !slices.Contains(pl.VerdictEvidence, want) {
		t.Errorf("at a glance %q, want %q", pl.VerdictEvidence, want)
	}
	for _, l := range pl.VerdictEvidence {
		if strings.HasPrefix(l, "At or above") {
			t.Errorf("stated before the calibration: %q", l)
		}
	}
}

// Cold read 10, finding 14: fewer focus skills than asked, when At a glance
// already says every assessed skill meets the bar, is not followed by
// "everything else is where it should be".
func TestCR10NoFillerFocusNote(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "eli", Name: "Eli Stone", Role: "pm", Target: "senior-pm", Assessed: day("2026-11-18"),
		Levels: with(atBar(m, "senior-pm"), map[string]int{"negotiation": 2})}
	pl := build(t, p)
	if !slices.Contains(pl.VerdictEvidence, "Every assessed skill meets the Product Manager bar.") {
		t.Fatalf("at a glance %q", pl.VerdictEvidence)
	}
	if len(pl.Focus) >= 3 || pl.FocusNote != "" {
		t.Errorf("focus %d, note %q, want no note", len(pl.Focus), pl.FocusNote)
	}
}

// Cold read 10, finding 17: the Progress section lists only the entries of
// the period the plan quotes nowhere else, and counts the others.
func TestCR10ProgressListsOnlyUnquotedEvidence(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "ravi", Name: "Ravi Kumar", Role: "senior-pm", Target: "gpm", Assessed: day("2026-11-10"), PlanStart: day("2026-09-01"),
		Levels: with(atBar(m, "senior-pm"), map[string]int{"negotiation": 2}),
		Focus:  []string{"negotiation"},
		Evidence: []skills.Evidence{
			{Date: day("2026-10-01"), Skill: "communication", Text: "Ran the quarterly all-hands demo for the payments group"},
			{Date: day("2026-10-03"), Skill: "communication", Text: "Wrote the payments launch note the sales team now reuses"},
			{Date: day("2026-11-03"), Skill: "negotiation", Text: "Agreed the partner launch scope with Marketing without escalation"},
		}}
	pl := build(t, p)
	var own []string
	for _, e := range pl.ProgressEvidence() {
		own = append(own, e.Text)
	}
	if diff := cmp.Diff([]string{"Ran the quarterly all-hands demo for the payments group"}, own); diff != "" {
		t.Errorf("listed (-want +got):\n%s", diff)
	}
	// The newest communication entry is what the plan builds on, and the
	// negotiation entry is in the focus's why: both quoted above.
	if pl.ProgressQuoted() != 2 || len(pl.Progress.Evidence) != 3 {
		t.Errorf("quoted %d of %d, want 2 of 3", pl.ProgressQuoted(), len(pl.Progress.Evidence))
	}
}
