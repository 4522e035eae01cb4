package plans

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coach-dev/coach/skills"
)

// The rules of the cold read of plans handed over unedited (issue 20):
// each reads the person's own file and their team's, never a name.

// A goal that waits on the manager's own overdue goal is not the person's
// to chase: no focus of theirs rests on it alone, its milestone says whose
// hand-over comes first, and someone at the target's bar everywhere has
// the strengths that make their case, measured against today's job.
func TestWaitingGoalIsNotTheirAction(t *testing.T) {
	m := matrix(t)
	mgr := &skills.Person{ID: "max", Name: "Max Rowe", Role: "gpm", Manager: "dee", Assessed: day("2026-11-16"), Levels: atBar(m, "gpm"),
		Goals: []skills.Goal{{Text: "Hand the weekly release review to Tom", Skills: []string{"delegation"}, Due: day("2026-10-30")}}}
	p := &skills.Person{ID: "tom", Name: "Tom Reyes", Role: "senior-pm", Manager: "max", Assessed: day("2026-11-19"), Levels: atBar(m, "gpm"),
		Goals: []skills.Goal{
			{Text: "Present the checkout roadmap to the leadership team", Skills: []string{"communication"}, Due: day("2026-12-15")},
			{Text: "Take over the weekly release review", Skills: []string{"execution-delivery"}, Due: day("2027-01-15")},
		},
		Evidence: []skills.Evidence{{Date: day("2026-06-30"), Skill: "coaching", Text: "Mentored a new APM through her first launch review"}}}
	pl := build(t, p, mgr)
	var focus []string
	for _, f := range pl.Focus {
		focus = append(focus, f.ID)
	}
	if diff := cmp.Diff([]string{"communication"}, focus); diff != "" {
		t.Errorf("focus (-want +got):\n%s", diff)
	}
	if want := `Your goal "Take over the weekly release review" starts once Max hands the work over to you: the hand-over is among Max's commitments below.`; !strings.HasSuffix(pl.FocusNote, want) {
		t.Errorf("focus note = %q, want it to end %q", pl.FocusNote, want)
	}
	// The report's plan never shows the manager's own goal, its date or
	// its lateness: the manager's plan and agendas carry that.
	for _, c := range append(slices.Clone(pl.Commitments), pl.FocusNote) {
		for _, ban := range []string{"overdue", "still open", "2026-10-30", "not yours", "own goal"} {
			if strings.Contains(c, ban) {
				t.Errorf("%q exposes the manager's late goal (%q)", c, ban)
			}
		}
	}
	if !slices.ContainsFunc(pl.Milestones, func(ms Milestone) bool {
		return ms.Text == `"Take over the weekly release review" done, once Max has handed it over.`
	}) {
		t.Errorf("milestones = %+v", pl.Milestones)
	}
	var strengths []string
	for _, s := range pl.Strengths {
		strengths = append(strengths, s.ID)
	}
	if diff := cmp.Diff([]string{"coaching"}, strengths); diff != "" {
		t.Errorf("strengths (-want +got):\n%s", diff)
	}
}

// The move to the target is a reason only in the matrix's own words for
// the skill (the shift that names it), once, and never for someone whose
// plan is about their current role.
func TestTransitionReasonCitesTheShift(t *testing.T) {
	shifts := func(m *skills.Matrix) {
		m.Transitions[0].Skills = []string{"c", "d"}
		m.Skills[2].Name = "Coaching"
		m.Skills[3].Name = "Delegation"
		m.Transitions[0].Shifts = []string{"From doing the work to delegating it.", "From being coached to coaching others."}
	}
	tests := []struct {
		name   string
		matrix func(*skills.Matrix)
		levels map[string]int
		want   map[string]string
	}{
		{name: "each skill its own shift", matrix: shifts, levels: map[string]int{"a": 3, "b": 3, "c": 2, "d": 2, "e": 3},
			want: map[string]string{
				"c": "Lead asks for 3 Three, one level up; the move to Lead is from being coached to coaching others",
				"d": "Lead asks for 3 Three, one level up; the move to Lead is from doing the work to delegating it",
			}},
		{name: "no shift names the skill", matrix: func(m *skills.Matrix) { m.Transitions[0].Skills = []string{"d"} },
			levels: map[string]int{"a": 3, "b": 3, "c": 3, "d": 2, "e": 3},
			want:   map[string]string{"d": "Lead asks for 3 Three, one level up"}},
		{name: "the shift that names it most", matrix: func(m *skills.Matrix) {
			m.Transitions[0].Skills = []string{"d"}
			m.Skills[3].Name = "Hiring strategy"
			m.Transitions[0].Shifts = []string{"From a roadmap to a portfolio strategy.", "From taking part in hiring to owning the hiring strategy."}
		}, levels: map[string]int{"a": 3, "b": 3, "c": 3, "d": 2, "e": 3},
			want: map[string]string{"d": "Lead asks for 3 Three, one level up; the move to Lead is from taking part in hiring to owning the hiring strategy"}},
		{name: "the current role first", matrix: shifts, levels: map[string]int{"a": 1, "b": 3, "c": 3, "d": 2, "e": 3},
			want: map[string]string{
				"a": "at 1 One you are below the 2 Two the PM job asks for today, so it comes first",
				"d": "Lead asks for 3 Three, one level up",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := small()
			tt.matrix(m)
			p := &skills.Person{ID: "p", Name: "P", Path: "skills/p.toml", Role: "pm", Assessed: day("2026-11-20"), Levels: tt.levels}
			pl, err := Build(Input{Matrix: m, Config: skills.DefaultConfig(), Person: p, Team: []*skills.Person{p}})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, f := range pl.Focus {
				if _, ok := tt.want[f.ID]; ok {
					got[f.ID] = f.Why
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("whys (-want +got):\n%s", diff)
			}
		})
	}
}

// A setback that is a number (a survey, a score) is no habit: the action
// asks the people behind it, and the next reading shows it; a habit keeps
// its own words, and the people who work with the person tell the change.
func TestSetbackActions(t *testing.T) {
	tests := []struct {
		name, skill, text string
		want              Action
	}{
		{name: "a measure", skill: "team-health", text: "Team engagement fell 9 points in the August pulse survey; two engineers asked to move teams",
			want: Action{
				Text:     `Start from what the evidence of 2026-08-21 says ("Team engagement fell 9 points in the August pulse survey"): ask the people behind that number what changed for them, agree with your manager the one thing to do about it, and start it in the next two weeks.`,
				Evidence: "The next reading of the same measure, and the people behind it saying what changed for them.",
			}},
		{name: "a habit", skill: "delegation", text: "Still reviews every PRD line by line",
			want: Action{
				Text:     `Start from what the evidence of 2026-08-21 says ("Still reviews every PRD line by line"): name the habit behind it, agree with your manager what you will do instead, and try it in the next two weeks.`,
				Evidence: "Within a month, the people who work with you telling you, unasked, what has changed since the note of 2026-08-21.",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := matrix(t)
			p := &skills.Person{ID: "p", Name: "Pat Doe", Role: "gpm", Assessed: day("2026-11-16"),
				Levels:   with(atBar(m, "gpm"), map[string]int{tt.skill: 2}),
				Evidence: []skills.Evidence{{Date: day("2026-08-21"), Skill: tt.skill, Text: tt.text}}}
			pl := build(t, p)
			if len(pl.Focus) == 0 || pl.Focus[0].ID != tt.skill || len(pl.Focus[0].Actions) == 0 {
				t.Fatalf("focus = %+v", pl.Focus)
			}
			if diff := cmp.Diff(tt.want, pl.Focus[0].Actions[0]); diff != "" {
				t.Errorf("first action (-want +got):\n%s", diff)
			}
		})
	}
}

// "Too early to judge" holds within the first 90 days only: past them, few
// levels are the assessment running late, and what the person has shown
// is said on the first screen.
func TestAssessmentLateAfterOnboarding(t *testing.T) {
	p := &skills.Person{ID: "ivy", Name: "Ivy Lam", Role: "apm", Joined: day("2026-06-01"), Assessed: day("2026-11-10"),
		Levels:   map[string]int{"communication": 2, "customer-insight": 2, "execution-delivery": 2},
		Evidence: []skills.Evidence{{Date: day("2026-10-20"), Skill: "execution-delivery", Text: "Shipped the saved-cards fix on the date she committed to"}}}
	pl := build(t, p)
	want := Verdict{Kind: "not-yet", Text: "not yet: the assessment is late",
		Why: "you joined on 2026-06-01, 162 days ago, and three of 24 skills have a level: too few to judge you against Product Manager, and that is the assessment running late, not you. Your manager assesses the rest with you over the next 1:1s, starting with the ones your goals use"}
	if diff := cmp.Diff(want, pl.Verdict); diff != "" {
		t.Errorf("verdict (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{
		"Assessed so far: Communication up, down and sideways (2), Customer insight (2) and Execution and delivery (2).",
		// Turned into "you", so not in quotation marks: a quote is the
		// note as written, in every document (VP cold read 20, finding 2).
		`Shown on 2026-10-20, in execution and delivery: Shipped the saved-cards fix on the date you committed to.`,
	}, pl.VerdictEvidence); diff != "" {
		t.Errorf("verdict evidence (-want +got):\n%s", diff)
	}
	p.Joined = day("2026-09-01") // day 70: onboarding, not late
	if got := build(t, p).Verdict.Kind; got != "onboarding" {
		t.Errorf("at day 70, verdict kind = %q, want onboarding", got)
	}
}

// A calibration goal is held with the people the repository has: the
// peers under the same leader, else the leader, and the plan says why.
func TestCalibrateWithWhom(t *testing.T) {
	m := matrix(t)
	pia := &skills.Person{ID: "pia", Name: "Pia Shah", Role: "director", Levels: atBar(m, "director")}
	sam := &skills.Person{ID: "sam", Name: "Sam Lo", Role: "gpm", Manager: "pia", Levels: atBar(m, "gpm")}
	ann := &skills.Person{ID: "ann", Name: "Ann Ek", Role: "senior-pm", Manager: "pia", Levels: atBar(m, "senior-pm")}
	gus := &skills.Person{ID: "gus", Name: "Gus Bo", Role: "gpm", Manager: "pia", Levels: atBar(m, "gpm")}
	tests := []struct {
		name       string
		team       []*skills.Person
		want, none string
	}{
		{name: "the only people leader under the leader", team: []*skills.Person{pia, sam, ann},
			none: "no other Group Product Manager reports to Pia"},
		{name: "a peer who leads people", team: []*skills.Person{pia, sam, ann, gus}, want: "with Gus"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := IndexTeam(m, skills.DefaultConfig(), tt.team)
			if got, none := calibrateWithWhom(m, sam, ix); got != tt.want || none != tt.none {
				t.Errorf("got %q, %q, want %q, %q", got, none, tt.want, tt.none)
			}
		})
	}
}

// A level rated down on a return from leave is a refresh, not growth: it
// is never in the progress list.
func TestRefreshIsNotGrowth(t *testing.T) {
	pr := Progress{Moves: []Move{
		{SkillRef: SkillRef{ID: "market-knowledge", Name: "Industry and market knowledge"}, From: 4, To: 3, Reentry: true},
		{SkillRef: SkillRef{ID: "hiring", Name: "Hiring strategy"}, From: 3, To: 4},
	}}
	if diff := cmp.Diff([]string{"hiring"}, moveIDs(pr.Growth())); diff != "" {
		t.Errorf("growth (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Industry and market knowledge"}, pr.Refreshed()); diff != "" {
		t.Errorf("refreshed (-want +got):\n%s", diff)
	}
}

func moveIDs(moves []Move) []string {
	var out []string
	for _, mv := range moves {
		out = append(out, mv.ID)
	}
	return out
}

// A new hire's buddy is a peer from the team; the teammate whose goal is
// to mentor them stays their mentor, not also their buddy (cold read 20,
// finding 3), and no mentor is matched on top; their focus is their own
// goal, one action a skill, and no takeover in their first 90 days.
func TestNewHireOneBuddy(t *testing.T) {
	m := matrix(t)
	lee := &skills.Person{ID: "lee", Name: "Lee Park", Role: "gpm", Levels: atBar(m, "gpm")}
	ana := &skills.Person{ID: "ana", Name: "Ana Ruiz", Role: "senior-pm", Manager: "lee", Levels: atBar(m, "senior-pm"),
		Goals: []skills.Goal{{Text: "Mentor Nia Cole through her first quarter", Skills: []string{"coaching"}, Due: day("2027-01-15")}}}
	ben := &skills.Person{ID: "ben", Name: "Ben Oki", Role: "pm", Manager: "lee", Levels: atBar(m, "pm")}
	nia := &skills.Person{ID: "nia", Name: "Nia Cole", Role: "apm", Manager: "lee", Joined: day("2026-10-12"), Assessed: day("2026-11-17"),
		Levels: map[string]int{"outcome-focus": 1, "communication": 2},
		Goals:  []skills.Goal{{Text: "Ship the first onboarding experiment with its metric defined before build", Skills: []string{"outcome-focus", "stakeholder-relationships"}, Due: day("2027-01-31")}}}
	pl := build(t, nia, lee, ana, ben)
	if !strings.HasPrefix(pl.MentoredBy, "Ana Ruiz mentors you") || len(pl.Mentors) != 0 {
		t.Errorf("mentored by %q, mentors %+v: want Ana as mentor by her goal, and no mentor matched on top", pl.MentoredBy, pl.Mentors)
	}
	if !slices.Contains(pl.Onboarding.Meet, "Ben Oki, your onboarding buddy: ask what they wish they had known in their first month.") {
		t.Errorf("who to meet = %q, want Ben, the peer, as buddy", pl.Onboarding.Meet)
	}
	for _, c := range pl.Commitments {
		if strings.Contains(c, "An introduction to") || strings.Contains(c, "Ana Ruiz as onboarding buddy") {
			t.Errorf("commitment %q: one buddy and the mentor by her goal, nobody on top", c)
		}
	}
	if len(pl.Focus) != 1 || pl.Focus[0].ID != "outcome-focus" {
		t.Errorf("focus = %+v, want the goal once, under outcome-focus", pl.Focus)
	}
	for _, f := range pl.Focus {
		if len(f.Actions) != 1 {
			t.Errorf("%s: %d actions, want one while onboarding", f.ID, len(f.Actions))
		}
	}
	for _, ph := range pl.Onboarding.Phases {
		for _, c := range ph.Checks {
			if strings.HasPrefix(c.Text, "Take over") {
				t.Errorf("onboarding step %q: no takeover while onboarding", c.Text)
			}
		}
	}
}

// Why someone was away is theirs to tell: a plan or a review quotes the
// entry that records a return from leave without it.
func TestQuotedReturnFromLeave(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Back from six months of parental leave; met each of your managers in two weeks", "Back from leave; met each of your managers in two weeks"},
		{"Returned from a sabbatical", "Back from leave"},
		{"Back from the offsite with a plan", "Back from the offsite with a plan"},
		{"Shipped the refund flow", "Shipped the refund flow"},
	} {
		if got := Quoted(tc.in); got != tc.want {
			t.Errorf("Quoted(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
