package plans

import (
	"slices"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// TestStallCountsFromTheFocusBeingSet: a focus set at an assessment three
// weeks before the 1:1 has not stalled, whatever the plan start, and a
// level raised on another skill the day before changes nothing (cold read
// 8, finding 7); evidence on a focus skill restarts the count.
func TestStallCountsFromTheFocusBeingSet(t *testing.T) {
	m := matrix(t)
	said := func(prep []string) bool {
		for _, l := range prep {
			if len(l) > 20 && (l[:20] == "No focus skill has m" || l[:8] == "None of ") {
				return true
			}
		}
		return false
	}
	p := stalledPerson(m, "to", "To Ruiz", "senior-pm", "")
	p.Assessed = day("2026-11-03")
	other := skills.Change{Person: "to", Commit: "r", Date: day("2026-11-23"), Kind: skills.KindLevel, Skill: "execution-delivery", From: "3", To: "4"}
	if a := stalledAgenda(t, p, nil, other); said(a.Prep) {
		t.Errorf("a focus set on 3 November is called stalled on 24 November: %q", a.Prep)
	}
	p.Assessed = day("2026-10-01")
	ev := skills.Change{Person: "to", Commit: "e", Date: day("2026-11-02"), Kind: skills.KindEvidence, Skill: "negotiation", Text: "Held the scope line with Sales", On: day("2026-11-02")}
	if a := stalledAgenda(t, p, nil, ev); said(a.Prep) {
		t.Errorf("evidence on a focus skill on 2 November, and it is called stalled on 24 November: %q", a.Prep)
	}
	want := "No focus skill has moved since 1 October (Negotiation and trade-offs, Coaching and mentoring and Delegation and team performance): ask To what would help most now, and whether these are still the right skills."
	a := stalledAgenda(t, p, nil)
	if !said(a.Prep) || !slices.Contains(a.Prep, want) {
		t.Errorf("prep %q\nwant the line %q", a.Prep, want)
	}
}

// TestOnboardingPromisesEndWithTheirWindow: the introductions are asked
// about in the first two weeks, checked once in the first agenda after
// them, and never again; the deadline-free month is asked about until day
// 30 and dropped after it (cold read 8, finding 16).
func TestOnboardingPromisesEndWithTheirWindow(t *testing.T) {
	c := "Onboarding: a weekly 1:1 through day 90."
	for _, tt := range []struct {
		day, number int
		want        string
	}{
		{10, 2, "Have I made every introduction I promised Nia in the first two weeks?"},
		{17, 3, "Did every introduction I promised Nia for the first two weeks happen? Make any that did not this week."},
		{24, 4, "Has Nia stayed free of delivery deadlines, as I promised until day 30?"},
		{37, 1, "Did every introduction I promised Nia for the first two weeks happen? Make any that did not this week."},
		{44, 2, ""},
		{51, 3, ""},
	} {
		a := &Agenda{FirstName: "Nia", Number: tt.number, Onboarding: &OnboardingWeek{Day: tt.day}}
		if got := commitmentQuestion(c, &Plan{}, &skills.Person{}, a, ""); got != tt.want {
			t.Errorf("day %d, agenda %d: %q, want %q", tt.day, tt.number, got, tt.want)
		}
	}
}

// TestWhatWaitsIsSaidOnlyWhenTheirs: feedback left for next week goes
// unsaid; a work review left is said as what to bring (cold read 8,
// finding 20).
func TestWhatWaitsIsSaidOnlyWhenTheirs(t *testing.T) {
	six := []string{"a?", "b?", "c?", "d?", "e?", "f?"}
	a := &Agenda{Feedback: six}
	fit(a, false)
	if a.Waits != "" || len(a.Feedback) != 0 {
		t.Errorf("feedback waits: %q, %q", a.Waits, a.Feedback)
	}
	a = &Agenda{Review: six}
	fit(a, false)
	if want := "The work review moves to next week: bring the piece of work you most want a second view on."; a.Waits != want {
		t.Errorf("waits %q, want %q", a.Waits, want)
	}
	// The week's own prompt is what waits, so that it turns as the
	// prompts do (cold read 13).
	a = &Agenda{Review: []string{"Bring the metric you watch most closely: what moved, and what will you do about it?"}, Feedback: six}
	fit(a, false)
	if want := "The work review moves to next week: bring the metric you watch most closely: what moved, and what will you do about it?"; a.Waits != want {
		t.Errorf("waits %q, want %q", a.Waits, want)
	}
}

// TestOneCommitsRaisesAreOneLine: levels raised in one commit read as one
// line, and the prep still names each skill (cold read 8, finding 20).
func TestOneCommitsRaisesAreOneLine(t *testing.T) {
	m := matrix(t)
	p := pm(t)
	raise := func(skill, from, to string) skills.Change {
		return skills.Change{Person: "pat", Commit: "c", Date: day("2026-11-17"), Kind: skills.KindLevel, Skill: skill, From: from, To: to}
	}
	got := describeCommit(m, p, []skills.Change{raise("negotiation", "1", "2"), raise("execution-delivery", "1", "2")}, nil, day("2026-11-24"))
	if len(got) != 1 || got[0].Text != "Up a level in one assessment, from 1 Aware to 2 Practising: Negotiation and trade-offs and Execution and delivery." {
		t.Errorf("same levels: %+v", got)
	}
	got = describeCommit(m, p, []skills.Change{raise("negotiation", "1", "2"), raise("execution-delivery", "2", "3")}, nil, day("2026-11-24"))
	if len(got) != 1 || got[0].Text != "Up a level in one assessment: Negotiation and trade-offs (to 2 Practising) and Execution and delivery (to 3 Proficient)." {
		t.Errorf("different levels: %+v", got)
	}
	got = describeCommit(m, p, []skills.Change{raise("negotiation", "1", "2")}, nil, day("2026-11-24"))
	if len(got) != 1 || got[0].Text != "Negotiation and trade-offs up from 1 Aware to 2 Practising." {
		t.Errorf("one raise: %+v", got)
	}
}
