package plans

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

func matrix(t testing.TB) *skills.Matrix {
	t.Helper()
	m, err := skills.DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// atBar returns levels meeting role's bar on every skill.
func atBar(m *skills.Matrix, role string) map[string]int {
	out := map[string]int{}
	for _, s := range m.Skills {
		out[s.ID] = s.Expect[role]
	}
	return out
}

func with(levels map[string]int, changes map[string]int) map[string]int {
	out := map[string]int{}
	for k, v := range levels {
		out[k] = v
	}
	for k, v := range changes {
		if v == 0 {
			delete(out, k)
		} else {
			out[k] = v
		}
	}
	return out
}

func TestBuild(t *testing.T) {
	m := matrix(t)
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	alice := &skills.Person{ID: "alice", Path: "skills/alice.toml", Name: "Alice", Role: "senior-pm",
		PlanStart: day("2026-09-01"), Assessed: day("2026-11-10"),
		Levels: with(atBar(m, "senior-pm"), map[string]int{"negotiation": 2, "customer-insight": 5}),
		Self:   map[string]int{"negotiation": 3},
		Goals: []skills.Goal{
			{Text: "Later", Due: day("2027-03-31")},
			{Text: "Open-ended"},
			{Text: "Late", Skills: []string{"negotiation"}, Due: day("2026-10-31")},
		},
		Evidence: []skills.Evidence{
			{Date: day("2026-09-29"), Skill: "coaching", Text: "on time"},
			{Date: day("2026-07-30"), Skill: "coaching", Text: "before"},
			{Date: day("2026-09-28"), Skill: "negotiation", Text: "late entry"},
		}}
	ben := &skills.Person{ID: "ben", Name: "Ben", Role: "pm", Levels: with(atBar(m, "pm"), map[string]int{"customer-insight": 2}),
		Focus: []string{"customer-insight"}}
	// The first commit assesses every skill; two move afterwards.
	first := &skills.Person{ID: "alice", Role: "pm", Levels: with(atBar(m, "senior-pm"), map[string]int{"negotiation": 1, "customer-insight": 3}),
		Goals: []skills.Goal{{Text: "Later"}, {Text: "Open-ended"}}}
	history := skills.Diff(nil, first)
	for i := range history {
		history[i].Date = day("2026-05-12")
	}
	history = append(history,
		skills.Change{Person: "alice", Date: day("2026-07-01"), Kind: skills.KindLevel, Skill: "customer-insight", From: "3", To: "4"},
		skills.Change{Person: "alice", Date: day("2026-10-01"), Kind: skills.KindLevel, Skill: "negotiation", From: "1", To: "2"},
		// Changes in the period are not the starting point: the file as it
		// is now says where she stands.
		skills.Change{Person: "alice", Date: day("2026-10-02"), Kind: skills.KindGoal, Skill: "negotiation", Text: "Late"},
		skills.Change{Person: "alice", Date: day("2026-10-15"), Kind: skills.KindRole, From: "pm", To: "senior-pm"},
		// A change committed on the first day of the period belongs to it,
		// in the committer's own time zone.
		skills.Change{Person: "alice", Date: time.Date(2026, 9, 1, 0, 30, 0, 0, time.FixedZone("+11", 11*3600)), Kind: skills.KindLevel,
			Skill: "customer-insight", From: "4", To: "5"},
	)
	pl, err := Build(Input{Matrix: m, Config: skills.DefaultConfig(), Person: alice, Team: []*skills.Person{alice, ben},
		History: history})
	if err != nil {
		t.Fatal(err)
	}
	if got := pl.Target; got != (RoleRef{ID: "gpm", Name: "Group Product Manager", Default: true}) {
		t.Errorf("target = %+v", got)
	}
	if pl.Focus[0].ID != "negotiation" || !pl.Focus[0].BelowRole {
		t.Errorf("first focus = %s (below role %v), want negotiation below its role's bar", pl.Focus[0].ID, pl.Focus[0].BelowRole)
	}
	if n := len(pl.Focus[0].Actions); n < 2 || n > 3 {
		t.Errorf("%d actions for the first focus skill, want 2 or 3", n)
	}
	if diff := cmp.Diff([]Conversation{{SkillRef: SkillRef{"negotiation", "Negotiation and trade-offs"}, Self: 3, SelfName: "Proficient",
		Manager: 2, ManagerName: "Practising", Direction: "higher",
		Question: "You rate your negotiation and trade-offs at 3 and your manager sees 2, with 'late entry' written down: what have you done since that shows 3?"}}, pl.Conversations); diff != "" {
		t.Errorf("conversations (-want +got):\n%s", diff)
	}
	var goals []string
	for _, g := range pl.Goals {
		goals = append(goals, g.Due+" "+g.Text+" "+map[bool]string{true: "overdue", false: ""}[g.Overdue])
	}
	if diff := cmp.Diff([]string{"2026-10-31 Late overdue", "2027-03-31 Later ", " Open-ended "}, goals); diff != "" {
		t.Errorf("goals (-want +got):\n%s", diff)
	}
	// Progress: levels at the plan start (replayed from history) against now.
	wantProgress := Progress{Since: "2026-09-01", Started: true, Known: true, Start: "2026-07-01", Unchanged: 22, Moves: []Move{
		{SkillRef: SkillRef{"negotiation", "Negotiation and trade-offs"}, From: 1, FromName: "Aware", To: 2, ToName: "Practising"},
		{SkillRef: SkillRef{"customer-insight", "Customer insight"}, From: 4, FromName: "Leading", To: 5, ToName: "Shaping", NoEvidence: true},
	},
		Roles: []RoleChange{{From: RoleRef{ID: "pm", Name: "Product Manager"}, To: RoleRef{ID: "senior-pm", Name: "Senior Product Manager"}}},
		Evidence: []EvidenceItem{
			{Date: "2026-09-28", Skill: SkillRef{"negotiation", "Negotiation and trade-offs"}, Text: "late entry"},
			{Date: "2026-09-29", Skill: SkillRef{"coaching", "Coaching and mentoring"}, Text: "on time"},
		},
		Goals: []string{"Late"},
	}
	if diff := cmp.Diff(wantProgress, pl.Progress); diff != "" {
		t.Errorf("progress (-want +got):\n%s", diff)
	}
	if want := (Today{Date: "2026-11-10", Source: "assessed", day: day("2026-11-10")}); pl.Today != want {
		t.Errorf("today = %+v, want %+v", pl.Today, want)
	}
	// Without history the plan says so rather than inventing a start; the
	// evidence of the period is still the file's own.
	pl, _ = Build(Input{Matrix: m, Config: skills.DefaultConfig(), Person: alice, Team: []*skills.Person{alice}})
	if pl.Progress.Known || len(pl.Progress.Moves) != 0 || len(pl.Progress.Evidence) != 2 || !pl.Goals[0].Overdue {
		t.Errorf("no history: progress %+v, first goal overdue %v", pl.Progress, pl.Goals[0].Overdue)
	}
}

// TestReadyPersonIsNotPlannedPastTheTarget: someone at the target's bar
// everywhere is ready, and the role after it is named, but never planned
// against (cold read 2, finding 3): with no goal, the file asks for no
// focus.
func TestReadyPersonIsNotPlannedPastTheTarget(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "a", Name: "A", Path: "skills/a.toml", Role: "senior-pm", Levels: atBar(m, "gpm")}
	pl, err := Build(Input{Matrix: m, Config: skills.DefaultConfig(), Person: p, Team: []*skills.Person{p}})
	if err != nil {
		t.Fatal(err)
	}
	if !pl.Ready || pl.Stretch == nil || pl.Stretch.ID != "director" {
		t.Errorf("ready %v stretch %+v, want ready with director as the role after", pl.Ready, pl.Stretch)
	}
	if len(pl.Focus) != 0 {
		t.Errorf("focus %+v planned past the target", pl.Focus)
	}
	if !strings.Contains(pl.Readiness.Role.Name, "Group") || pl.Readiness.Met != len(m.Skills) {
		t.Errorf("readiness %+v", pl.Readiness)
	}
}

func ptr[T any](v T) *T { return &v }

// advice is a skill whose questions and actions are keyed to levels and
// audiences, to test how a plan picks from them.
var advice = skills.Skill{
	ID: "coaching",
	Questions: []skills.Question{
		{Level: 2, Text: "q2"},
		{Level: 3, Text: "q3 leader", Leads: ptr(true)},
		{Level: 3, Text: "q3 others", Leads: ptr(false)},
		{Level: 4, Text: "q4"},
		{Level: 5, Text: "q5 leader", Leads: ptr(true)},
	},
	Actions: []skills.Action{
		{To: 2, Text: "a2", Evidence: "e"},
		{To: 3, Text: "a3 leader", Evidence: "e", Leads: ptr(true)},
		{To: 3, Text: "a3 others", Evidence: "e", Leads: ptr(false)},
		{To: 4, Text: "a4 leader", Evidence: "e", Leads: ptr(true)},
	},
	Resources: []skills.Resource{
		{Kind: "practice", Title: "p"},
		{Kind: "person", Title: "m"},
		{Kind: "reading", Title: "R", Author: "A"},
	},
}

func TestQuestionBank(t *testing.T) {
	tests := []struct {
		name  string
		next  int
		leads bool
		want  []string
	}{
		// Never a question written above the level being reached: it asks
		// about a higher role's work (cold read 8, finding 4).
		{name: "reaching 2, no reports: not the level 3 question", next: 2, leads: false, want: []string{"q2"}},
		{name: "reaching 2, leads people", next: 2, leads: true, want: []string{"q2"}},
		{name: "reaching 3, leads people: the level below, not above", next: 3, leads: true, want: []string{"q2", "q3 leader"}},
		{name: "reaching 5, no reports: the leader's question is not theirs", next: 5, leads: false, want: []string{"q4"}},
		{name: "reaching 5, leads people", next: 5, leads: true, want: []string{"q4", "q5 leader"}},
		{name: "not assessed: the questions for getting started", next: 1, leads: false, want: []string{"q2"}},
	}
	// The other week's question, where the level has one, is about the
	// person's own work.
	if got, want := ownWorkQuestion(&skills.Goal{Text: "Ship the first onboarding experiment to 10% of new teams"}), "What on the first onboarding experiment are you least sure of, and who could tell you?"; got != want {
		t.Errorf("own work:\n got %q\nwant %q", got, want)
	}
	if got, want := ownWorkQuestion(nil), "Which piece of your own work this month are you least sure of, and who could tell you?"; got != want {
		t.Errorf("own work, no goal:\n got %q\nwant %q", got, want)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, questionBank(&advice, tt.next, tt.leads)); diff != "" {
				t.Errorf("bank (-want +got):\n%s", diff)
			}
		})
	}
	// A plan's one question is written for the level being reached, or
	// the nearest level, for the person's audience.
	for _, tt := range []struct {
		next  int
		leads bool
		want  string
	}{{3, true, "q3 leader"}, {3, false, "q3 others"}, {5, false, "q4"}, {5, true, "q5 leader"}, {1, false, "q2"}} {
		if got := question("a", &advice, tt.next, tt.leads); got != tt.want {
			t.Errorf("question(reaching %d, leads %v) = %q, want %q", tt.next, tt.leads, got, tt.want)
		}
	}
	onlyLeaders := skills.Skill{Questions: []skills.Question{{Level: 3, Text: "x", Leads: ptr(true)}}}
	if got := question("a", &onlyLeaders, 3, false); got != "" {
		t.Errorf("a question for leaders only reached someone without reports: %q", got)
	}
}

func TestActionsByLevelAndAudience(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "a", Path: "skills/a.toml"}
	tests := []struct {
		name      string
		lvl, next int
		leads     bool
		want      []string
	}{
		{name: "1 to 2, for everyone", lvl: 1, next: 2, leads: false, want: []string{"a2"}},
		{name: "2 to 3, no reports", lvl: 2, next: 3, leads: false, want: []string{"a3 others"}},
		{name: "2 to 3, leads people", lvl: 2, next: 3, leads: true, want: []string{"a3 leader"}},
		{name: "3 to 4, no reports: no manager action, the practice instead", lvl: 3, next: 4, leads: false, want: []string{"p"}},
		{name: "3 to 4, leads people", lvl: 3, next: 4, leads: true, want: []string{"a4 leader"}},
		// The reading is under "Learn from", never an action as well.
		{name: "at the top: the practice at work", lvl: 5, next: 5, leads: true, want: []string{"p"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, a := range actions(m, &advice, p, candidate{skill: &advice}, tt.lvl, tt.next, tt.leads, map[string]bool{}) {
				got = append(got, a.Text)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("actions (-want +got):\n%s", diff)
			}
		})
	}
}

// In the built-in matrix, no advice marked for people leaders reaches
// someone without reports, at any level, and everyone gets a question.
func TestBuiltInAdviceKeepsManagerActionsFromICs(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "a", Path: "skills/a.toml"}
	for i := range m.Skills {
		s := &m.Skills[i]
		leaderOnly := map[string]bool{}
		for _, a := range s.Actions {
			if a.Leads != nil && *a.Leads {
				leaderOnly[a.Text] = true
			}
		}
		for _, q := range s.Questions {
			if q.Leads != nil && *q.Leads {
				leaderOnly[q.Text] = true
			}
		}
		for lvl := 0; lvl <= m.MaxLevel(); lvl++ {
			next := min(lvl+1, m.MaxLevel())
			for _, a := range actions(m, s, p, candidate{skill: s}, lvl, next, false, map[string]bool{}) {
				if leaderOnly[a.Text] {
					t.Errorf("%s at %d: leader action for someone without reports: %q", s.ID, lvl, a.Text)
				}
			}
			for _, leads := range []bool{false, true} {
				bank := questionBank(s, next, leads)
				if len(bank) == 0 {
					t.Errorf("%s at %d (leads %v): no question", s.ID, lvl, leads)
				}
				for _, q := range bank {
					if !leads && leaderOnly[q] {
						t.Errorf("%s at %d: leader question for someone without reports: %q", s.ID, lvl, q)
					}
				}
			}
		}
	}
}

// TestBuildReusesTheIndexRanking: a plan built with the team's index, whose
// ranking of the person it reuses, is the plan built with an index that
// ranked copies of the people, which it cannot reuse.
func TestBuildReusesTheIndexRanking(t *testing.T) {
	repo, err := skills.Load("../repo-example")
	if err != nil {
		t.Fatal(err)
	}
	m, cfg := repo.Matrix, repo.Config
	copies := make([]*skills.Person, len(repo.People))
	for i, p := range repo.People {
		q := *p
		copies[i] = &q
	}
	shared, other := IndexTeam(m, cfg, repo.People), IndexTeam(m, cfg, copies)
	for _, p := range repo.People {
		if _, ok := shared.rankedFor(Input{Matrix: m, Config: cfg, Person: p}, m.Role(p.Role), m.Role(p.TargetRole(m))); !ok {
			t.Errorf("%s: the index's ranking is not reused", p.ID)
		}
		want, err := Build(Input{Matrix: m, Config: cfg, Person: p, Team: repo.People, Index: other})
		if err != nil {
			t.Fatal(err)
		}
		got, err := Build(Input{Matrix: m, Config: cfg, Person: p, Team: repo.People, Index: shared})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(Today{}, Plan{}, owedItem{}, handover{}, move{}, datePace{}, outsideMentor{})); diff != "" {
			t.Errorf("%s (-ranked again +reused):\n%s", p.ID, diff)
		}
	}
}

// TestResources: ways to learn a skill alternate by kind (practice,
// person, reading), each kind in the matrix's order; none is nil.
func TestResources(t *testing.T) {
	practice := func(n string) skills.Resource { return skills.Resource{Kind: "practice", Title: n} }
	person := func(n string) skills.Resource { return skills.Resource{Kind: "person", Title: n} }
	reading := func(n string) skills.Resource { return skills.Resource{Kind: "reading", Title: n} }
	tests := []struct {
		name string
		in   []skills.Resource
		want []skills.Resource
	}{
		{"none", nil, nil},
		{"one kind", []skills.Resource{reading("r1"), reading("r2")}, []skills.Resource{reading("r1"), reading("r2")}},
		{"alternating", []skills.Resource{reading("r1"), reading("r2"), person("p1"), practice("w1"), practice("w2")},
			[]skills.Resource{practice("w1"), person("p1"), reading("r1"), practice("w2"), reading("r2")}},
		{"an unknown kind is left out", []skills.Resource{{Kind: "video", Title: "v"}, person("p1")}, []skills.Resource{person("p1")}},
		{"only unknown kinds", []skills.Resource{{Kind: "video", Title: "v"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := resources(&skills.Skill{Resources: tt.in}, 0)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Error(diff)
			}
			if (got == nil) != (tt.want == nil) {
				t.Errorf("got nil %v, want nil %v", got == nil, tt.want == nil)
			}
		})
	}
}

// A disagreement is opened with one question in the plan's one voice (the
// person is "you", the manager is named), citing the evidence when there is
// some: a setback behind a lower rating, or work that says an under-rating
// is too modest. A note written about the person in the third person is
// pointed to by its date, never quoted to them (cold read finding 3).
func TestConversationQuestions(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "p", Name: "Pat", Path: "skills/p.toml", Role: "gpm",
		Levels: with(atBar(m, "gpm"), map[string]int{"delegation": 2, "coaching": 3, "feedback": 3}),
		Self:   map[string]int{"delegation": 3, "coaching": 2, "feedback": 4},
		Evidence: []skills.Evidence{
			{Date: day("2026-11-01"), Skill: "delegation", Text: "Still signs off every spec himself"},
			{Date: day("2026-11-02"), Skill: "coaching", Text: "Ran a weekly critique with both reports for a quarter"},
		}}
	got := map[string]string{}
	for _, c := range conversations(m, p, "Dana") {
		got[c.ID] = c.Direction + ": " + c.Question
	}
	want := map[string]string{
		"delegation": "higher: You rate your delegation and team performance at 3 and Dana sees 2, because of the evidence of 2026-11-01: what do you see that Dana does not?",
		"coaching":   "lower: You rate your coaching and mentoring lower than Dana does, and 'Ran a weekly critique with both reports for a quarter' says otherwise: what makes you say 2?",
		"feedback":   "higher: You rate your feedback at 4 and Dana sees 3, with nothing on it written down yet: where in your work have you shown what 4 asks, \"makes feedback a habit of the group: retrospectives that name behaviour, peer feedback in reviews, and no surprises at performance time\", and who saw it?",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("questions (-want +got):\n%s", diff)
	}
}

// TestCommitmentsKeepToTheManagersOwnFile: a manager whose own evidence
// records a setback in how they review work is not promised to "review it
// without rewriting it"; every open goal has the manager's backing, goals of
// one kind in one commitment, and each kind in words that fit it.
func TestCommitmentsKeepToTheManagersOwnFile(t *testing.T) {
	tests := []struct {
		name     string
		evidence string
		review   bool // the plan promises the manager's review
	}{
		{"no setback: the review is promised", "Shipped the redesign on the date promised", true},
		{"rewrites others' work", "Still rewrites every spec before it goes out", false},
		{"reviews line by line", "Still reviews every PRD line by line; specs wait two days", false},
		{"holds work for sign-off", "Releases slipped a week waiting for sign-off", false},
		{"a setback elsewhere keeps the promise", "Missed the Q3 hiring target by two engineers", true},
		{"a partial win is no setback", "Brought three teams to one plan; one team still holds out", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := small()
			mgr := &skills.Person{ID: "mgr", Name: "Mo Manager", Path: "skills/mgr.toml", Role: "lead", Assessed: day("2026-11-10"),
				Levels:   map[string]int{"a": 3, "b": 3, "c": 3, "d": 3, "e": 3},
				Evidence: []skills.Evidence{{Date: day("2026-11-01"), Skill: "a", Text: tt.evidence}}}
			p := &skills.Person{ID: "p", Name: "Pat Person", Path: "skills/p.toml", Role: "pm", Manager: "mgr", Assessed: day("2026-11-10"),
				Levels: map[string]int{"a": 2, "b": 2, "c": 2, "d": 2, "e": 2},
				Goals: []skills.Goal{{Text: "Improve it", Skills: []string{"a"}, Due: day("2027-01-20")},
					{Text: "Tidy the backlog", Skills: []string{"e"}, Due: day("2027-04-30")},
					{Text: "Write the onboarding guide", Skills: []string{"b"}, Due: day("2027-02-20")}}}
			pl, err := Build(Input{Matrix: m, Config: skills.DefaultConfig(), Person: p, Team: []*skills.Person{p, mgr}})
			if err != nil {
				t.Fatal(err)
			}
			all := strings.Join(pl.Commitments, "\n")
			if got := strings.Contains(all, "reviews them without rewriting them") && strings.Contains(all, "never rewriting it"); got != tt.review {
				t.Errorf("review promised %v, want %v:\n%s", got, tt.review, all)
			}
			if !tt.review && (strings.Count(all, "leaves the how to you") != 2 || strings.Contains(all, "rewriting")) {
				t.Errorf("no hands-off backing instead:\n%s", all)
			}
			// Cold read 2, finding 7: the goals of one kind share one
			// commitment, never the same promise once a goal; a goal of
			// another kind gets the promise that fits it.
			if !strings.Contains(all, `Backing for "Improve it" (due 2027-01-20) and "Tidy the backlog" (due 2027-04-30): you do the work and make the calls; Mo clears the time for them, `) ||
				!strings.Contains(all, `Backing for "Write the onboarding guide" (due 2027-02-20): you write it and make the calls in it; Mo `) ||
				strings.Count(all, "Backing for") != 2 {
				t.Errorf("not one backing a kind:\n%s", all)
			}
		})
	}
}

// TestMilestonesFromTheFocus: a goal due after the 90 days is a checkpoint
// at day 90; the day-30 and day-60 lines name the focus skills no goal
// carries, with their own first action and what would show it, never a
// generic line.
func TestMilestonesFromTheFocus(t *testing.T) {
	m := small()
	m.Skills[0].Actions = []skills.Action{{To: 3, Text: "Run the a-review with two teams", Evidence: "Both teams using the review."}}
	p := &skills.Person{ID: "p", Name: "Pat", Path: "skills/p.toml", Role: "pm", Assessed: day("2026-11-10"),
		Levels: map[string]int{"a": 2, "b": 3, "c": 3, "d": 3, "e": 3},
		Goals:  []skills.Goal{{Text: "Hire a second engineer", Skills: []string{"e"}, Due: day("2027-04-30")}}}
	pl, err := Build(Input{Matrix: m, Config: skills.DefaultConfig(), Person: p, Team: []*skills.Person{p}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ms := range pl.Milestones {
		got = append(got, fmt.Sprintf("%d: %s", ms.Days, ms.Text))
	}
	want := []string{
		"30: Started and talked through at a 1:1: A: run the a-review with two teams.",
		"60: What others can see: A: both teams using the review.",
		// The 90-day checkpoint is the review of 2027-02-10: one date.
		// E is at the Lead bar already: its stretch past it is started in
		// the 90 days, not reached.
		`92: Ready to reassess: A at 3 Three, each backed by what others saw. The stretch past the Lead bar under way, with a first piece of work others saw: E towards 4 Four. On track for "Hire a second engineer" (due 2027-04-30), with what is left to do named.`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("milestones (-want +got):\n%s", diff)
	}
}

// TestNoMoreMenteesForAFullLoad: a matrix action that adds mentees is left
// out for someone whose mentoring load has no room for them, and the next
// action takes its place.
func TestNoMoreMenteesForAFullLoad(t *testing.T) {
	s := skills.Skill{ID: "coach", Name: "Coaching", Actions: []skills.Action{
		{To: 3, Text: "Take on two mentees outside your reporting line for a quarter", Evidence: "Session notes."},
		{To: 3, Text: "Hold a fortnightly work critique with each report", Evidence: "A quarter of critiques."},
	}}
	p := &skills.Person{ID: "a"}
	for _, tt := range []struct {
		busy bool
		want []string
	}{
		{false, []string{"Take on two mentees outside your reporting line for a quarter", "Hold a fortnightly work critique with each report"}},
		{true, []string{"Hold a fortnightly work critique with each report"}},
	} {
		var got []string
		for _, a := range actions(matrix(t), &s, p, candidate{skill: &s, busy: tt.busy}, 2, 3, true, map[string]bool{}) {
			got = append(got, a.Text)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("busy %v: actions (-want +got):\n%s", tt.busy, diff)
		}
	}
}
