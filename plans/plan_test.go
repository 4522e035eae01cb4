package plans

import (
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

func TestFocusRanking(t *testing.T) {
	m := matrix(t)
	cfg := skills.DefaultConfig()
	tests := []struct {
		name   string
		person skills.Person
		want   []string
	}{
		{
			name: "gap weighted by the target's persona emphasis",
			// A senior PM at their bar everywhere: every gap to gpm is one
			// level, so the skills serving Coach/Mentor (weight 1.5 for a
			// gpm) lead: career-development, coaching, customer-insight,
			// delegation, feedback, ux-discovery; ties go by skill id.
			person: skills.Person{ID: "a", Role: "senior-pm", Levels: atBar(m, "senior-pm")},
			want:   []string{"career-development", "coaching", "customer-insight"},
		},
		{
			name: "a bigger gap outranks a heavier weight",
			person: skills.Person{ID: "a", Role: "senior-pm",
				Levels: with(atBar(m, "senior-pm"), map[string]int{"product-strategy": 1})},
			// product-strategy: gap 2 x weight 1.0 = 2.0 > 1.5
			want: []string{"product-strategy", "career-development", "coaching"},
		},
		{
			name: "pinned skills come first, in the file's order",
			person: skills.Person{ID: "a", Role: "senior-pm", Focus: []string{"technical-fluency", "negotiation"},
				Levels: atBar(m, "senior-pm")},
			want: []string{"technical-fluency", "negotiation", "career-development"},
		},
		{
			name: "below the current role's bar comes before any gap to the target",
			person: skills.Person{ID: "a", Role: "senior-pm",
				Levels: with(atBar(m, "senior-pm"), map[string]int{"communication": 2})},
			want: []string{"communication", "career-development", "coaching"},
		},
		{
			name: "unassessed skills are never ranked",
			person: skills.Person{ID: "a", Role: "senior-pm",
				Levels: with(atBar(m, "senior-pm"), map[string]int{"career-development": 0, "coaching": 0})},
			want: []string{"customer-insight", "delegation", "feedback"},
		},
		{
			name:   "an explicit target is planned for",
			person: skills.Person{ID: "a", Role: "senior-pm", Target: "director", Levels: atBar(m, "senior-pm")},
			// director weighs People Manager 1.5: team-design is 3 levels
			// short (4.5); career-development, delegation, hiring,
			// portfolio-strategy and product-operations tie at 2 x 1.5.
			want: []string{"team-design", "career-development", "delegation"},
		},
		{
			name:   "already meeting the target: no focus",
			person: skills.Person{ID: "a", Role: "pm", Target: "pm", Levels: atBar(m, "pm")},
			want:   nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, focusIDs(m, cfg, &tt.person)); diff != "" {
				t.Errorf("focus (-want +got):\n%s", diff)
			}
		})
	}
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
	if diff := cmp.Diff([]Strength{{SkillRef: SkillRef{"customer-insight", "Customer and market insight"}, Level: 5, LevelName: "Shaping",
		Expect: 4, Mentees: []string{"Ben"}}}, pl.Strengths); diff != "" {
		t.Errorf("strengths (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Conversation{{SkillRef: SkillRef{"negotiation", "Negotiation and trade-offs"}, Self: 3, SelfName: "Proficient",
		Manager: 2, ManagerName: "Practising"}}, pl.Conversations); diff != "" {
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
	wantProgress := Progress{Since: "2026-09-01", Started: true, Known: true, Start: "2026-07-01", Unchanged: 15, Moves: []Move{
		{SkillRef: SkillRef{"negotiation", "Negotiation and trade-offs"}, From: 1, FromName: "Aware", To: 2, ToName: "Practising"},
		{SkillRef: SkillRef{"customer-insight", "Customer and market insight"}, From: 4, FromName: "Leading", To: 5, ToName: "Shaping"},
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

func TestReadyPersonGetsStretch(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "a", Name: "A", Path: "skills/a.toml", Role: "senior-pm", Levels: atBar(m, "gpm")}
	pl, err := Build(Input{Matrix: m, Config: skills.DefaultConfig(), Person: p, Team: []*skills.Person{p}})
	if err != nil {
		t.Fatal(err)
	}
	if !pl.Ready || pl.Stretch == nil || pl.Stretch.ID != "director" {
		t.Errorf("ready %v stretch %+v, want ready with director as the stretch", pl.Ready, pl.Stretch)
	}
	// The stretch skills are planned against the director bar.
	var ids []string
	for _, f := range pl.Focus {
		ids = append(ids, f.ID)
	}
	if diff := cmp.Diff([]string{"team-design", "career-development", "delegation"}, ids); diff != "" {
		t.Errorf("stretch focus (-want +got):\n%s", diff)
	}
	if !strings.Contains(pl.Readiness.Role.Name, "Group") || pl.Readiness.Met != 17 {
		t.Errorf("readiness %+v", pl.Readiness)
	}
}
