package plans

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// The cold read's agenda findings, one rule each: evidence dated by itself
// (5), the manager's commitments checked in turn (9), a manager's words
// (11), no repetition (12), career questions that fit the person.

// TestSinceLastTimeDatesEvidenceByItsOwnDate: evidence is dated by when it
// happened: committed weeks after, it is not news of the window and is
// left out (cold read 6, finding 12); the prep and the week's why name the
// same date for a setback.
func TestSinceLastTimeDatesEvidenceByItsOwnDate(t *testing.T) {
	for _, tt := range []struct {
		name, on, commit, want string
	}{
		{"written down later", "2026-07-22", "2026-11-18", ""},
		{"written down later, inside the window", "2026-11-20", "2026-11-24", "20 November"},
		{"written down the same day", "2026-11-18", "2026-11-18", "18 November"},
		{"written down the same day, after the last 1:1", "2026-11-20", "2026-11-20", "20 November"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := pm(t)
			text := "Redesigned the checkout experiment guardrails"
			p.Evidence = []skills.Evidence{{Date: day(tt.on), Skill: "data", Text: text}}
			hist := []skills.Change{{Commit: "c", Date: day(tt.commit), Kind: skills.KindEvidence, Skill: "data", Text: text, On: day(tt.on)}}
			a := agendaFor(t, p, hist, "2026-W48", prevAt(t, "2026-W47", 1))
			if tt.want == "" {
				if len(a.Changes) != 0 {
					t.Errorf("changes %+v, want none: dated before the last 1:1", a.Changes)
				}
				return
			}
			if len(a.Changes) != 1 || a.Changes[0].When != tt.want || a.Changes[0].Date != tt.on {
				t.Errorf("changes %+v, want when %q", a.Changes, tt.want)
			}
		})
	}
	// A setback committed on 24 November about 20 November: one date
	// everywhere.
	p := pm(t)
	text := "Gave the roadmap away, but still rewrites the updates"
	p.Evidence = []skills.Evidence{{Date: day("2026-11-20"), Skill: "negotiation", Text: text}}
	hist := []skills.Change{{Commit: "c", Date: day("2026-11-24"), Kind: skills.KindEvidence, Skill: "negotiation", Text: text, On: day("2026-11-20")}}
	for k, prev := range []*PreviousAgenda{nil, prevAt(t, "2026-W47", 1)} {
		a := agendaFor(t, p, hist, "2026-W48", prev)
		all := strings.Join(a.Prep, "\n")
		if a.Focus.Of == 1 { // the why is written on a skill's first week
			all += "\n" + a.Focus.Why
		}
		if strings.Contains(all, "24 November") {
			t.Errorf("agenda %d dates the setback by its commit:\n%s", k, all)
		}
		if !strings.Contains(all, "20 November") {
			t.Errorf("agenda %d names no date for the setback:\n%s", k, all)
		}
		if n := strings.Count(all, "records a setback"); n != 1 {
			t.Errorf("agenda %d names the setback %d times:\n%s", k, n, all)
		}
	}
}

// TestCommitmentsCheckedInTurn: each agenda's prep checks one of the
// manager's commitments in the plan, a different one each week, and never
// one backing a goal the agenda asks about already.
func TestCommitmentsCheckedInTurn(t *testing.T) {
	p := pm(t)
	p.Goals = []skills.Goal{{Text: "Hand the release notes to the team", Due: day("2026-10-31")}}
	pl := &Plan{Person: Who{ID: "pat", Name: "Pat Doe"}, Commitments: []string{
		"An introduction to Sam Roe as a mentor in negotiation.",
		"Backing for \"Hand the release notes to the team\": a new date agreed.",
		"Sponsorship: a slot for Pat at the next leadership review.",
	}, Mentors: []MentorLink{{Person: PersonRef{ID: "sam", Name: "Sam Roe"}, Skill: SkillRef{ID: "negotiation", Name: "Negotiation"}}}}
	var got []string
	for n := 1; n <= 4; n++ {
		a := &Agenda{Number: n, FirstName: "Pat", GoalsDue: []GoalDue{{Text: p.Goals[0].Text, Overdue: true}}}
		got = append(got, commitmentToCheck(pl, p, a))
	}
	// Week 2's turn is the goal's backing, asked about under Goals due: it
	// goes to the next; week 3's turn then is not last week's again.
	intro, slot := "Have I introduced Pat to Sam Roe yet, for a first session on negotiation?", "Have I booked Pat's slot at the next leadership review?"
	want := []string{intro, slot, intro, slot}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("agenda %d checks %q, want %q", i+1, got[i], want[i])
		}
	}
	for i := 1; i < len(got); i++ {
		if got[i] == got[i-1] {
			t.Errorf("agenda %d checks last week's commitment again: %q", i+1, got[i])
		}
	}
	a := agendaFor(t, pm(t), nil, "2026-W48", prevAt(t, "2026-W47", 1))
	if strings.Contains(strings.Join(a.Prep, "\n"), "Nothing new written down since") || !strings.Contains(strings.Join(a.Prep, "\n"), "Ask yourself before you go in: ") {
		t.Errorf("prep %q", a.Prep)
	}
}

// TestQuietWeekSaysNothing: a week with nothing new in the file adds no
// line saying so: the prep is only what the manager can act on.
func TestQuietWeekSaysNothing(t *testing.T) {
	a := agendaFor(t, pm(t), nil, "2026-W48", prevAt(t, "2026-W47", 1))
	for _, s := range a.Prep {
		if strings.HasPrefix(s, "Nothing") || strings.Contains(s, "written down since") {
			t.Errorf("bookkeeping line in the prep: %q", s)
		}
	}
	if len(a.Prep) != 1 || !strings.HasPrefix(a.Prep[0], "Ask yourself before you go in: ") {
		t.Errorf("prep %q, want the manager's one question to themselves", a.Prep)
	}
}

// TestWorkReviewTurnsThroughEveryGoal: over as many weeks as there are
// goals and one, every goal that is not under Goals due is reviewed,
// including the long one, and no week repeats the last.
func TestWorkReviewTurnsThroughEveryGoal(t *testing.T) {
	p := pm(t)
	p.Levels["negotiation"] = 2 // at the bar: below it, the agenda holds one topic
	p.Goals = []skills.Goal{
		{Text: "Hand the release notes to the team", Due: day("2026-10-31")},
		{Text: "Lead the pricing launch end to end", Skills: []string{"negotiation"}, Due: day("2027-03-31")},
		{Text: "Mentor the new PM through the first quarter", Due: day("2027-01-15")},
	}
	seen := map[string]bool{}
	last := ""
	for k := range 6 {
		var prev *PreviousAgenda
		if k > 0 {
			prev = prevAt(t, fmt.Sprintf("2026-W%d", 46+k), k)
			prev.Review = last
		}
		a := agendaFor(t, p, nil, fmt.Sprintf("2026-W%d", 47+k), prev)
		if len(a.Review) == 0 {
			// A week over the questions' cap leaves it for the next, and
			// says so.
			if !strings.Contains(a.Waits, "the work review") {
				t.Errorf("week %d: no work review, and none waiting: %q", k+1, a.Waits)
			}
			last = ""
			continue
		}
		r := a.Review[0]
		if r == last {
			t.Errorf("week %d repeats last week's review %q", k+1, r)
		}
		if strings.Contains(r, p.Goals[0].Text) {
			t.Errorf("week %d reviews the goal under Goals due: %q", k+1, r)
		}
		for _, g := range p.Goals {
			if strings.Contains(r, g.Text) {
				seen[g.Text] = true
			}
		}
		last = r
	}
	for _, g := range p.Goals[1:] {
		if !seen[g.Text] {
			t.Errorf("%q never reviewed", g.Text)
		}
	}
}

// TestOnboardingCarriesUnfinishedItems: a new hire's agenda asks about one
// item a week, the items of earlier phases still open first, a different
// one each week, never the whole list.
func TestOnboardingCarriesUnfinishedItems(t *testing.T) {
	p := pm(t)
	p.Joined = day("2026-10-12")
	p.Evidence = []skills.Evidence{{Date: day("2026-10-30"), Skill: "customer-insight",
		Text: "Sat in on at least five customer or support calls, and read the last month of support tickets for your area. Write down the three problems you heard most, in customers' words."}}
	// Day 38 (W47's Tuesday), the phase began on day 31: after a 1:1 in
	// the first phase, the list in full.
	a := agendaFor(t, p, nil, "2026-W47", prevAt(t, "2026-W46", 4))
	o := a.Onboarding
	if o == nil || o.Phase.Days != 60 || !o.FirstOfPhase {
		t.Fatalf("onboarding %+v", o)
	}
	// Two of the first phase's four items are open (the pm's role runs the
	// team's planning rather than shadowing it, and the evidence shows one
	// done), and the second phase's four: one is asked, five wait.
	if want := "Learn the business: how your area earns or saves money, who its largest customers or partners are, and what would make them leave. Ask the team closest to them for one recent case to walk through."; len(o.Carried) != 0 || len(o.Open) != 0 || o.Ask != want || o.Left != 5 {
		t.Errorf("first agenda of the phase: carried %d, open %d, ask %q, left %d; want ask %q, left 5", len(o.Carried), len(o.Open), o.Ask, o.Left, want)
	}
	// The weeks after: one item each, different each week.
	b := agendaFor(t, p, nil, "2026-W48", prevAt(t, "2026-W47", 5))
	c := agendaFor(t, p, nil, "2026-W49", prevAt(t, "2026-W48", 6))
	for _, x := range []*Agenda{b, c} {
		if x.Onboarding.FirstOfPhase || len(x.Onboarding.Open) != 0 || len(x.Onboarding.Carried) != 0 || x.Onboarding.Ask == "" || x.Onboarding.Left != 0 || strings.HasPrefix(x.Onboarding.Ask, "Sit in on") || x.Onboarding.Ask == o.Ask {
			t.Errorf("%s: %+v", x.Week, x.Onboarding)
		}
	}
	// Nothing new in the file: the count said at the phase's first 1:1 is
	// not said again (above, Left 0). An item the evidence shows done after
	// a 1:1 is counted from the next one, not before (cold read 7, finding
	// 5).
	p.Evidence = append(p.Evidence, skills.Evidence{Date: day("2026-11-20"), Skill: "cross-functional-collaboration",
		Text: "Met every engineer, designer and analyst I work with, one to one: what they are proud of and what slows them down"})
	if a := agendaFor(t, p, nil, "2026-W47", prevAt(t, "2026-W46", 4)); a.Onboarding.Left != 5 {
		t.Errorf("W47 counts evidence of 20 November: %d left, want 5", a.Onboarding.Left)
	}
	if b := agendaFor(t, p, nil, "2026-W48", prevAt(t, "2026-W47", 5)); b.Onboarding.Left != 4 {
		t.Errorf("W48 after an item done: %d left, want 4", b.Onboarding.Left)
	}
	if b.Onboarding.Ask == c.Onboarding.Ask {
		t.Errorf("the same item two weeks running: %q", b.Onboarding.Ask)
	}
}

// TestCareerQuestionsFitThePerson: a returner is asked how the return is
// going, a first-time manager about managing, someone below their role's
// bar about the current role; none of them to try out the next role.
func TestCareerQuestionsFitThePerson(t *testing.T) {
	m := matrix(t)
	for _, tt := range []struct {
		name  string
		setup func(p *skills.Person, pl *Plan)
		want  string
	}{
		{"a return from leave", func(p *skills.Person, pl *Plan) { pl.Returned = "2026-10-19" }, "How is the return going: what has been easier than you expected, and what harder?"},
		{"a first-time manager", func(p *skills.Person, pl *Plan) { pl.FirstTimeManager = true }, ""},
		{"below the current bar", func(p *skills.Person, pl *Plan) { pl.Current.Below = []SkillGap{{Level: 1, Expect: 3}} }, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := pm(t)
			pl, err := Build(Input{Matrix: m, Config: skills.DefaultConfig(), Person: p, Team: []*skills.Person{p}})
			if err != nil {
				t.Fatal(err)
			}
			tt.setup(p, pl)
			for month := 0; month < 12; month++ {
				d := day("2026-11-03").AddDate(0, month, 0)
				talk := career(AgendaInput{Plan: pl, Matrix: m, Config: skills.DefaultConfig(), Person: p}, d, nil)
				if len(talk.Questions) != 2 {
					t.Fatalf("questions %q", talk.Questions)
				}
				for _, q := range talk.Questions {
					if strings.Contains(q, "role would you most like to try") {
						t.Errorf("month %d asks to try the next role: %q", month+1, q)
					}
				}
				if tt.want != "" && talk.Questions[0] != tt.want {
					t.Errorf("month %d opens with %q, want %q", month+1, talk.Questions[0], tt.want)
				}
				if tt.name == "below the current bar" && !contains(currentRoleQuestions, talk.Questions[0]) {
					t.Errorf("someone below the bar asked %q", talk.Questions[0])
				}
				if pl.FirstTimeManager && !contains(firstManagerQuestions, talk.Questions[0]) {
					t.Errorf("a first-time manager asked %q", talk.Questions[0])
				}
			}
		})
	}
}

// TestReturnerTriesOwnWork: back from a long leave, the week's idea to try
// comes from the person's own goal, never the level's stretch actions.
func TestReturnerTriesOwnWork(t *testing.T) {
	p := pm(t)
	p.Evidence = []skills.Evidence{{Date: day("2026-10-19"), Skill: "communication", Text: "Back from six months of parental leave; met every lead in two weeks"}}
	p.Goals = []skills.Goal{{Text: "Meet the five largest partners again", Skills: []string{"negotiation"}, Due: day("2027-01-29")}}
	for k := range 4 {
		var prev *PreviousAgenda
		if k > 0 {
			prev = prevAt(t, fmt.Sprintf("2026-W%d", 46+k), k)
		}
		a := agendaFor(t, p, nil, fmt.Sprintf("2026-W%d", 47+k), prev)
		if a.Focus == nil || a.Focus.ID != "negotiation" {
			continue
		}
		if a.Focus.Action == nil || a.Focus.Goal == nil || a.Focus.Goal.Text != p.Goals[0].Text || !strings.Contains(a.Focus.Action.Text+a.Focus.Action.Evidence, "the five largest partners") {
			t.Errorf("%s: a returner's try is %+v", a.Week, a.Focus.Action)
		}
	}
}

// TestSetbackQuotedByItsClause: an action that quotes only the clause of
// an evidence entry that records the setback counts as quoting it, so the
// entry is not written out again beside it.
func TestSetbackQuotedByItsClause(t *testing.T) {
	ev := "Gave the roadmap away, but still rewrites the updates before they go out"
	for _, tt := range []struct {
		text string
		want bool
	}{
		{`Start from what the evidence says: "still rewrites the updates before they go out". Name the habit.`, true},
		{"Start from what the evidence says: \"" + ev + "\".", true},
		{`Start from what the evidence says: "still". Name the habit.`, false},
		{`Start from what the evidence says: "writes the brief". Name the habit.`, false},
	} {
		if got := quotes(tt.text, ev); got != tt.want {
			t.Errorf("quotes(%q) = %v", tt.text, got)
		}
	}
}

// TestTryNotLastWeeksAgain: while the focus has another action, the week's
// idea to try is not last week's again.
func TestTryNotLastWeeksAgain(t *testing.T) {
	p := pm(t)
	p.Goals = []skills.Goal{{Text: "Agree the renewal scope with Support", Skills: []string{"negotiation"}, Due: day("2027-03-31")}}
	first := agendaFor(t, p, nil, "2026-W47", nil)
	if first.Focus == nil || first.Focus.Action == nil {
		t.Fatalf("focus %+v", first.Focus)
	}
	prev := prevAt(t, "2026-W47", 1)
	prev.TryThis = first.Focus.Action.Text
	second := agendaFor(t, p, nil, "2026-W48", prev)
	if second.Focus.ID == first.Focus.ID && second.Focus.Action.Text == first.Focus.Action.Text {
		t.Errorf("the same try two weeks running: %q", second.Focus.Action.Text)
	}
}

// TestReturnerWithoutOwnWorkCatchesUp: back from leave with no goal or
// setback on the week's skill, the idea to try is to catch up, never the
// level's stretch action.
func TestReturnerWithoutOwnWorkCatchesUp(t *testing.T) {
	p := pm(t)
	p.Evidence = []skills.Evidence{{Date: day("2026-10-19"), Skill: "communication", Text: "Back from six months of parental leave; met every lead in two weeks"}}
	a := agendaFor(t, p, nil, "2026-W47", nil)
	if a.Focus == nil || a.Focus.Action == nil {
		t.Fatalf("focus %+v", a.Focus)
	}
	want := "Before our next 1:1, catch up with one person you worked with on " + lowerFirst(a.Focus.Name) + " before your leave: what changed while you were away, and what do they need from you now?"
	if a.Focus.Action.Text != want {
		t.Errorf("try %q\nwant %q", a.Focus.Action.Text, want)
	}
}

// TestWeekTurn: the week's focus is what cannot wait first (a skill below
// the person's own role's bar, or one a goal past its date needs), then a
// skill a goal due within two weeks needs, then the plan's focus in turn.
func TestWeekTurn(t *testing.T) {
	today := day("2026-12-01")
	f := func(id string, below bool) Focus { return Focus{SkillRef: SkillRef{ID: id}, BelowRole: below} }
	goal := func(skill, due string) skills.Goal {
		return skills.Goal{Text: "a goal", Skills: []string{skill}, Due: day(due)}
	}
	for _, tt := range []struct {
		name  string
		focus []Focus
		goals []skills.Goal
		want  []int
	}{
		{"nothing urgent: the plan's order", []Focus{f("a", false), f("b", false), f("c", false)}, nil, []int{0, 1, 2}},
		{"below the current bar first", []Focus{f("a", false), f("b", true)}, nil, []int{1}},
		{"an overdue goal's skill first", []Focus{f("a", false), f("b", false)}, []skills.Goal{goal("b", "2026-10-31")}, []int{1}},
		{"below the bar and overdue in the plan's order", []Focus{f("a", true), f("b", false)}, []skills.Goal{goal("b", "2026-11-30")}, []int{0, 1}},
		{"both kinds turn together, the plan's order", []Focus{f("a", true), f("b", false), f("c", true)}, []skills.Goal{goal("b", "2026-11-01")}, []int{0, 1, 2}},
		{"due within two weeks next", []Focus{f("a", false), f("b", false)}, []skills.Goal{goal("b", "2026-12-15")}, []int{1}},
		{"due today counts as within two weeks", []Focus{f("a", false), f("b", false)}, []skills.Goal{goal("b", "2026-12-01")}, []int{1}},
		{"due in fifteen days does not", []Focus{f("a", false), f("b", false)}, []skills.Goal{goal("b", "2026-12-16")}, []int{0, 1}},
		{"below the bar outranks due soon", []Focus{f("a", false), f("b", true)}, []skills.Goal{goal("a", "2026-12-10")}, []int{1}},
		{"an undated goal is not urgent", []Focus{f("a", false), f("b", false)}, []skills.Goal{{Text: "x", Skills: []string{"b"}}}, []int{0, 1}},
		{"a goal on a skill outside the focus", []Focus{f("a", false), f("b", false)}, []skills.Goal{goal("z", "2026-10-01")}, []int{0, 1}},
	} {
		if got := weekTurn(tt.focus, tt.goals, today); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
