package plans

import (
	"slices"
	"strings"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// The third cold read's agenda findings, one rule each: ideas to try from
// the person's own skill at their level (1), no bookkeeping lines (2), a
// short agenda for a new hire (3), openers that ask (4), notes attributed
// to who wrote them (5).

// TestHabitIsTheSkillsOwnStep: a focus skill's week after its goal's step
// is the matrix's practice at work for the skill, or at an even level the
// person to learn it from, begun on the person's own goal when one names
// the skill and the practice can be done on it (cold read 8, finding 2:
// ", starting with" only for a practice on every one of the goal's kind, a
// sentence of its own for one that names the kind once, else what it
// teaches brought to the goal); what would show it is one question a
// manager would ask (finding 3); nothing
// when the plan's actions hold it already.
func TestHabitIsTheSkillsOwnStep(t *testing.T) {
	res := []skills.Resource{
		{Kind: "practice", Title: "Write a one-page preparation (interests, options, walk-away) before every negotiation this month, and compare it with the outcome."},
		{Kind: "person", Title: "The account executive who closes the hardest renewals: ask to sit in on one of their negotiations and debrief it with them."},
		{Kind: "reading", Title: "Getting to Yes"},
	}
	// The matrix's words for the next level, where the test gives them:
	// the evidence line then quotes their first clause.
	desc := map[int]string{3: "Prepares every important negotiation: each side's interests and two or three options.", 5: "The company's reference for hard trade-offs."}
	strategy := []skills.Resource{{Kind: "practice", Title: "Give your strategy to a PM from another team and ask them to use it to rank your next five roadmap items; compare with your own ranking."}}
	goal := skills.Goal{Text: "Lead the renewal-flow scope conversation with Customer Success", Skills: []string{"negotiation"}, Due: day("2027-01-31")}
	for _, tt := range []struct {
		name     string
		next     int
		goals    []skills.Goal
		actions  []Action
		res      []skills.Resource
		text, ev string
	}{
		{"practice, the goal not of its kind: what it teaches brought to it", 3, []skills.Goal{goal}, nil, res,
			"Write a one-page preparation (interests, options, walk-away) before every negotiation this month, and compare it with the outcome. Bring what it teaches you to the renewal-flow scope conversation.",
			"In negotiation and trade-offs, did your first try show you as someone who “prepares every important negotiation”, as level 3 asks?"},
		{"practice on every one of the goal's kind", 3, []skills.Goal{{Text: "Lead the Q1 negotiation with Customer Success", Skills: []string{"negotiation"}, Due: day("2027-01-31")}}, nil, res,
			"Write a one-page preparation (interests, options, walk-away) before every negotiation this month, and compare it with the outcome, starting with the Q1 negotiation.",
			"In negotiation and trade-offs, did your first try on the Q1 negotiation show you as someone who “prepares every important negotiation”, as level 3 asks?"},
		{"practice naming the goal's kind once", 3, []skills.Goal{{Text: "Write the two-page strategy for the checkout area", Skills: []string{"negotiation"}, Due: day("2027-01-31")}}, nil, strategy,
			"Give your strategy to a PM from another team and ask them to use it to rank your next five roadmap items; compare with your own ranking. Try it first on the two-page strategy.",
			"In negotiation and trade-offs, did your first try on the two-page strategy show you as someone who “prepares every important negotiation”, as level 3 asks?"},
		{"practice, no goal", 3, nil, nil, res,
			"Write a one-page preparation (interests, options, walk-away) before every negotiation this month, and compare it with the outcome.",
			"In negotiation and trade-offs, did your first try show you as someone who “prepares every important negotiation”, as level 3 asks?"},
		{"a level that opens with no verb", 5, nil, nil, res[:1],
			"Write a one-page preparation (interests, options, walk-away) before every negotiation this month, and compare it with the outcome.",
			"In negotiation and trade-offs, how close did your first try come to level 5: “The company's reference for hard trade-offs”?"},
		{"a person at an even level, on the goal", 4, []skills.Goal{goal}, nil, res,
			"Go to the account executive who closes the hardest renewals: ask to sit in on one of their negotiations and debrief it with them, with the renewal-flow scope conversation as the case you bring.",
			"Negotiation and trade-offs: what your first try on the renewal-flow scope conversation changed."},
		{"a person at an even level, no goal", 2, nil, nil, res,
			"Go to the account executive who closes the hardest renewals: ask to sit in on one of their negotiations and debrief it with them.",
			"Negotiation and trade-offs: what your first try changed."},
		{"no person: the practice at any level", 2, nil, nil, res[:1],
			"Write a one-page preparation (interests, options, walk-away) before every negotiation this month, and compare it with the outcome.",
			"Negotiation and trade-offs: what your first try changed."},
		{"the plan holds it already", 3, nil, []Action{{Text: res[0].Title}}, res, "", ""},
		{"no practice, no person", 3, nil, nil, res[2:], "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := pm(t)
			p.Goals = tt.goals
			f := Focus{SkillRef: SkillRef{ID: "negotiation", Name: "Negotiation and trade-offs"}, Level: LevelText{Value: max(tt.next-1, 0)}, Next: LevelText{Value: tt.next, Name: "Level", Descriptor: desc[tt.next]}, Actions: tt.actions, Resources: tt.res}
			got := habit(p, f)
			switch {
			case tt.text == "" && got != nil:
				t.Errorf("got %+v, want none", got)
			case tt.text != "" && (got == nil || got.Text != tt.text || got.Evidence != tt.ev):
				t.Errorf("got %+v\nwant %q\n     %q", got, tt.text, tt.ev)
			}
		})
	}
}

// TestTryTurnsThroughTheSkillsOwnSteps: a skill with one goal, the
// matrix's action for the next level and its practice gives three
// different weeks: the goal's step, the level's action, the person to
// learn it from (level 2 is even) with the goal as the case; the later steps of a goal start from a different place for
// different people.
func TestTryTurnsThroughTheSkillsOwnSteps(t *testing.T) {
	p := pm(t)
	p.Goals = []skills.Goal{{Text: "Write the pricing brief with Finance", Skills: []string{"negotiation"}, Due: day("2027-01-31")}}
	var tries []string
	var prev *PreviousAgenda
	for k, ws := range []string{"2026-W47", "2026-W48", "2026-W49"} {
		if k > 0 {
			prev = prevAt(t, []string{"2026-W46", "2026-W47", "2026-W48"}[k], k)
			prev.TryThis, prev.Focus, prev.FocusWeek = tries[k-1], "Negotiation and trade-offs", k
		}
		a := agendaFor(t, p, nil, ws, prev)
		if a.Focus == nil || a.Focus.Action == nil {
			t.Fatalf("%s: no idea to try", ws)
		}
		tries = append(tries, a.Focus.Action.Text)
	}
	want := []string{
		"Write the first page of the pricing brief before our next 1:1, show it to Finance, and bring the question it raised.",
		"Before your next scope discussion, write one page: what you need, what they need, what you can give, and where you stop; debrief it with your manager afterwards.",
		"Go to the account executive or partnerships lead who closes the hardest renewals: ask to sit in on one of their negotiations and debrief it with them, with the pricing brief as the case you bring.",
	}
	for i, w := range want {
		if tries[i] != w {
			t.Errorf("week %d: %q\nwant %q", i+1, tries[i], w)
		}
	}
	// Two people a week apart on the same goal's later steps: different
	// sentences.
	g := p.Goals[0]
	f := Focus{SkillRef: SkillRef{ID: "negotiation", Name: "Negotiation and trade-offs"}, Next: LevelText{Value: 2, Name: "Practising", Descriptor: "Negotiates scope with their own engineering team."}}
	seen := map[string]string{}
	for _, id := range []string{"ann", "bo", "cy", "di"} {
		q := pm(t)
		q.ID, q.Goals = id, []skills.Goal{g}
		a, _ := weeklyTry(Action{Text: g.Text + "."}, q, f, day("2026-12-01"), "", 1)
		seen[a.Text] = id
	}
	if len(seen) < 2 {
		t.Errorf("four people's later steps are one sentence: %q", slices.Collect(func(yield func(string) bool) {
			for s := range seen {
				yield(s)
			}
		}))
	}
}

// TestNotesAttributedToWhoWroteThem: the agenda is the manager's script,
// so the manager's own note is "my note", the person's "your note", and
// someone else's note carries their name.
func TestNotesAttributedToWhoWroteThem(t *testing.T) {
	text := "Still reviews every PRD line by line"
	p := pm(t)
	p.Evidence = []skills.Evidence{{Date: day("2026-11-13"), Skill: "delegation", Text: text}}
	for _, tt := range []struct{ author, want string }{
		{"Dana Whitfield", "my note"},
		{"Pat Doe", "your note"},
		{"Rosa Lindqvist", "Rosa's note"},
		{"", ""},
	} {
		hist := []skills.Change{{Kind: skills.KindEvidence, Skill: "delegation", Text: text, Author: tt.author}}
		if got := notedBy(hist, p, "Dana Whitfield", &p.Evidence[0]); got != tt.want {
			t.Errorf("written by %q: %q, want %q", tt.author, got, tt.want)
		}
	}
	f := Focus{SkillRef: SkillRef{ID: "delegation", Name: "Delegation"}, Noted: "my note"}
	got := goalStep(skills.Goal{Text: "Hand the weekly release review to Tomás", Due: day("2026-10-30")}, day("2026-11-19"), &p.Evidence[0], f.Noted, true)
	want := "Once we have agreed what happens to the hand-over, give Tomás one part of the weekly release review to run alone before our next 1:1, and stay out of it, with my note of 13 November in mind (“Still reviews every PRD line by line”)."
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestNewHireAgendaIsShort: a new hire's agenda holds the onboarding item
// of the week, one question and the buddy; no check-in, work review or
// feedback besides, no rating dispute in the focus or the career
// conversation, which asks how the first weeks went and what they want.
func TestNewHireAgendaIsShort(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "nia", Path: "skills/nia.toml", Name: "Nia Roe", Role: "pm", Joined: day("2026-10-12"),
		Assessed: day("2026-11-20"), Levels: map[string]int{"negotiation": 2, "execution-delivery": 2},
		Self: map[string]int{"negotiation": 3, "execution-delivery": 3}}
	buddy := &skills.Person{ID: "lee", Path: "skills/lee.toml", Name: "Lee Park", Role: "pm", Assessed: day("2026-06-01"), Levels: atBar(m, "pm")}
	cfg := skills.DefaultConfig()
	pl, err := Build(Input{Matrix: m, Config: cfg, Person: p, Team: []*skills.Person{p, buddy}})
	if err != nil {
		t.Fatal(err)
	}
	if pl.Verdict.Kind != "onboarding" {
		t.Fatalf("verdict %q, want onboarding", pl.Verdict.Kind)
	}
	for k, ws := range []string{"2026-W48", "2026-W49"} {
		w, _ := ParseWeek(ws)
		a := BuildAgenda(AgendaInput{Plan: pl, Matrix: m, Config: cfg, Person: p, Week: w, Previous: prevAt(t, []string{"2026-W47", "2026-W48"}[k], k+1)})
		if a.CheckIn != "" || len(a.Review) != 0 || len(a.Feedback) != 0 || a.Waits != "" {
			t.Errorf("%s: check-in %q, review %q, feedback %q, waits %q", ws, a.CheckIn, a.Review, a.Feedback, a.Waits)
		}
		if a.Onboarding == nil || a.Onboarding.Ask == "" || len(a.Onboarding.Open) != 0 || a.Onboarding.Assess != "" {
			t.Errorf("%s: onboarding %+v, want one item and no bookkeeping", ws, a.Onboarding)
		}
		wantBuddy := []string{
			"Your onboarding buddy, Lee Park: if this week's half-hour has not happened yet, book it before our next 1:1.",
			"Your onboarding buddy, Lee Park: bring one thing from this week's half-hour that nobody writes down.",
		}[k]
		if a.Onboarding != nil && a.Onboarding.Buddy != wantBuddy {
			t.Errorf("%s: buddy %q, want %q", ws, a.Onboarding.Buddy, wantBuddy)
		}
		if a.Focus != nil && a.Focus.Ask != "" {
			t.Errorf("%s: the focus opens with a rating dispute: %q", ws, a.Focus.Ask)
		}
		if t2 := a.Career; t2 != nil {
			for _, pt := range t2.Points {
				if strings.Contains(pt, " against my ") || strings.Contains(pt, "rate yourself") {
					t.Errorf("%s: the career conversation opens a rating dispute: %q", ws, pt)
				}
			}
			want := []string{
				"How have the first weeks gone, in your own words: what has been easier than you expected, and what harder?",
				"What do you want from this role, and what would make your first 90 days a success for you?",
			}
			if !slices.Equal(t2.Questions, want) && !slices.Equal(t2.Questions, []string{want[1], want[0]}) {
				t.Errorf("%s: career questions %q, want %q", ws, t2.Questions, want)
			}
		}
	}
}

// TestOnboardingItemsAreTheTeamsOwn: the business a new hire learns and
// the leads they meet start from the team their first open goal works
// with; no generic software company's sign-ups, sales pipeline or lost
// deals are assumed.
func TestOnboardingItemsAreTheTeamsOwn(t *testing.T) {
	disputes := skills.Goal{Text: "Ship the dispute status page with Disputes Operations", Due: day("2027-01-29")}
	ended := skills.Goal{Text: "Agree the payout SLA with Treasury", Done: day("2026-11-01")}
	for _, tt := range []struct {
		name            string
		goals           []skills.Goal
		business, leads string
	}{
		{"a goal with a team", []skills.Goal{ended, disputes},
			"Learn the business: how your area earns or saves money, who its largest customers or partners are, and what would make them leave. Ask Disputes Operations for one recent case to walk through.",
			"The leads of the teams your area works with most, Disputes Operations first, or the people they delegate to."},
		{"no goal", nil,
			"Learn the business: how your area earns or saves money, who its largest customers or partners are, and what would make them leave. Ask the team closest to them for one recent case to walk through.",
			"The leads of the teams your area works with most, or the people they delegate to."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := learnBusiness(tt.goals); got != tt.business {
				t.Errorf("business %q\nwant     %q", got, tt.business)
			}
			if got := leadsToMeet(tt.goals); got != tt.leads {
				t.Errorf("leads %q\nwant  %q", got, tt.leads)
			}
		})
	}
	m := matrix(t)
	o := onboarding(m, m.Role("pm"), "Dana Whitfield", "", day("2026-10-12"), nil, []skills.Goal{disputes})
	for _, ph := range o.Phases {
		for _, it := range append(ph.Items, o.Meet...) {
			for _, saas := range []string{"sign up", "lost deal", "Sales loses", "customer success manager", "Marketing"} {
				if strings.Contains(it, saas) {
					t.Errorf("a generic software company's onboarding: %q in %q", saas, it)
				}
			}
		}
	}
}
