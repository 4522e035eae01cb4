package plans

import (
	"fmt"
	"slices"
	"testing"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

func TestMatch(t *testing.T) {
	m := defaultMatrix(t)
	// pm's target is senior-pm, whose negotiation bar is 3: a mentor needs 4.
	person := func(id, role, manager string, levels map[string]int) *skills.Person {
		return &skills.Person{ID: id, Name: id, Role: role, Manager: manager, Levels: levels}
	}
	neg := func(n int) map[string]int { return map[string]int{"negotiation": n} }
	focusOn := func(skill string, ids ...string) map[string][]string {
		out := map[string][]string{}
		for _, id := range ids {
			out[id] = []string{skill}
		}
		return out
	}
	tests := []struct {
		name     string
		team     []*skills.Person
		focus    map[string][]string
		capacity int
		want     []string // mentor > mentee: skill
	}{
		{
			name:     "a mentor one level above the target's bar",
			team:     []*skills.Person{person("ann", "pm", "", neg(2)), person("bo", "gpm", "", neg(4))},
			focus:    focusOn("negotiation", "ann"),
			capacity: 2,
			want:     []string{"bo > ann: negotiation"},
		},
		{
			name:     "at the bar is not enough",
			team:     []*skills.Person{person("ann", "pm", "", neg(2)), person("bo", "gpm", "", neg(3))},
			focus:    focusOn("negotiation", "ann"),
			capacity: 2,
		},
		{
			name:     "nobody mentors themselves",
			team:     []*skills.Person{person("ann", "pm", "", neg(5))},
			focus:    focusOn("negotiation", "ann"),
			capacity: 2,
		},
		{
			name:     "nobody mentors their manager, and a manager does not mentor their report",
			team:     []*skills.Person{person("ann", "gpm", "", neg(2)), person("bo", "pm", "ann", neg(5)), person("cy", "pm", "bo", neg(1))},
			focus:    focusOn("negotiation", "ann", "cy"),
			capacity: 2,
		},
		{
			name: "capacity: the third mentee goes to the next mentor",
			team: []*skills.Person{
				person("a1", "pm", "", neg(1)), person("a2", "pm", "", neg(1)), person("a3", "pm", "", neg(1)),
				person("m1", "gpm", "", neg(5)), person("m2", "gpm", "", neg(4)),
			},
			focus:    focusOn("negotiation", "a1", "a2", "a3"),
			capacity: 1,
			want:     []string{"m1 > a1: negotiation", "m2 > a2: negotiation"},
		},
		{
			name: "balanced: the least loaded mentor first",
			team: []*skills.Person{
				person("a1", "pm", "", neg(1)), person("a2", "pm", "", neg(1)),
				person("m1", "gpm", "", neg(5)), person("m2", "gpm", "", neg(4)),
			},
			focus:    focusOn("negotiation", "a1", "a2"),
			capacity: 2,
			want:     []string{"m1 > a1: negotiation", "m2 > a2: negotiation"},
		},
		{
			name: "no cycles: two people never mentor each other",
			team: []*skills.Person{
				person("ann", "pm", "", map[string]int{"negotiation": 1, "hiring": 5}),
				person("bo", "pm", "", map[string]int{"negotiation": 5, "hiring": 1}),
			},
			focus:    map[string][]string{"ann": {"negotiation"}, "bo": {"hiring"}},
			capacity: 2,
			want:     []string{"bo > ann: negotiation"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := pairStrings(Match(m, tt.team, tt.focus, tt.capacity))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("pairs (-want +got):\n%s", diff)
			}
			// The same pairs whatever the order of the files.
			rev := slices.Clone(tt.team)
			slices.Reverse(rev)
			if diff := cmp.Diff(got, pairStrings(Match(m, rev, tt.focus, tt.capacity))); diff != "" {
				t.Errorf("pairs depend on file order (-forward +reversed):\n%s", diff)
			}
		})
	}
}

// TestMatchRules checks every rule of matching on a larger generated team.
func TestMatchRules(t *testing.T) {
	m := defaultMatrix(t)
	cfg := skills.DefaultConfig()
	roles := m.RoleIDs()
	var team []*skills.Person
	for i := range 60 {
		p := &skills.Person{ID: fmt.Sprintf("p%02d", i), Name: fmt.Sprintf("P %d", i), Role: roles[i%5], Levels: map[string]int{}}
		if i >= 3 {
			p.Manager = fmt.Sprintf("p%02d", i/3)
		}
		for j, s := range m.Skills {
			p.Levels[s.ID] = 1 + (i*7+j*3)%5
		}
		team = append(team, p)
	}
	ix := IndexTeam(m, cfg, team)
	byID := map[string]*skills.Person{}
	for _, p := range team {
		byID[p.ID] = p
	}
	mentees := map[string]map[string]bool{}
	for _, pr := range ix.Pairs() {
		mentor, mentee := byID[pr.Mentor], byID[pr.Mentee]
		switch {
		case pr.Mentor == pr.Mentee:
			t.Errorf("%s mentors themselves", pr.Mentor)
		case mentee.Manager == pr.Mentor:
			t.Errorf("%s mentors their report %s", pr.Mentor, pr.Mentee)
		case mentor.Manager == pr.Mentee:
			t.Errorf("%s mentors their manager %s", pr.Mentor, pr.Mentee)
		case mentor.Levels[pr.Skill] < pr.Expect+1:
			t.Errorf("%s mentors %s in %s at %d, bar %d", pr.Mentor, pr.Mentee, pr.Skill, mentor.Levels[pr.Skill], pr.Expect)
		}
		if mentees[pr.Mentor] == nil {
			mentees[pr.Mentor] = map[string]bool{}
		}
		mentees[pr.Mentor][pr.Mentee] = true
	}
	for mentor, ms := range mentees {
		if len(ms) > cfg.Team.MentorCapacity {
			t.Errorf("%s mentors %d people, capacity %d", mentor, len(ms), cfg.Team.MentorCapacity)
		}
		for mentee := range ms {
			if mentees[mentee][mentor] {
				t.Errorf("%s and %s mentor each other", mentor, mentee)
			}
		}
	}
	if len(ix.Pairs()) == 0 {
		t.Error("no pairs in a team of 60")
	}
}

func pairStrings(ps []Pair) []string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s > %s: %s", p.Mentor, p.Mentee, p.Skill))
	}
	return out
}

func defaultMatrix(t *testing.T) *skills.Matrix {
	t.Helper()
	m, err := skills.DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	return m
}
