package plans

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// TestMatchAspirations: what people want changes the pairs, and capacity
// still holds. pm's target is senior-pm, whose negotiation bar is 3: a
// mentor needs 4.
func TestMatchAspirations(t *testing.T) {
	m := defaultMatrix(t)
	person := func(id, role string, neg int, a *skills.Aspiration) *skills.Person {
		return withExamples(&skills.Person{ID: id, Name: id, Role: role, Levels: map[string]int{"negotiation": neg}, Aspiration: a})
	}
	teach := &skills.Aspiration{Teach: []string{"negotiation"}}
	grow := &skills.Aspiration{Grow: []string{"negotiation"}}
	both := map[string][]string{"ann": {"negotiation"}, "bo": {"negotiation"}}
	tests := []struct {
		name     string
		team     []*skills.Person
		focus    map[string][]string
		capacity int
		busy     map[string]int
		want     []string // mentor > mentee: skill
	}{
		{
			name:     "without aspirations, the strongest of the least loaded",
			team:     []*skills.Person{person("ann", "pm", 2, nil), person("cy", "gpm", 4, nil), person("dee", "gpm", 5, nil)},
			focus:    map[string][]string{"ann": {"negotiation"}},
			capacity: 2,
			want:     []string{"dee > ann: negotiation"},
		},
		{
			name:     "a mentor who wants to teach the skill is preferred to a stronger one",
			team:     []*skills.Person{person("ann", "pm", 2, nil), person("cy", "gpm", 4, teach), person("dee", "gpm", 5, nil)},
			focus:    map[string][]string{"ann": {"negotiation"}},
			capacity: 2,
			want:     []string{"cy > ann: negotiation"},
		},
		{
			name:     "and to a less loaded one",
			team:     []*skills.Person{person("ann", "pm", 2, nil), person("cy", "gpm", 4, teach), person("dee", "gpm", 5, nil)},
			focus:    map[string][]string{"ann": {"negotiation"}},
			capacity: 2,
			busy:     map[string]int{"cy": 1},
			want:     []string{"cy > ann: negotiation"},
		},
		{
			name:     "but not beyond capacity",
			team:     []*skills.Person{person("ann", "pm", 2, nil), person("cy", "gpm", 4, teach), person("dee", "gpm", 5, nil)},
			focus:    map[string][]string{"ann": {"negotiation"}},
			capacity: 2,
			busy:     map[string]int{"cy": 2},
			want:     []string{"dee > ann: negotiation"},
		},
		{
			name:     "without aspirations, the first mentee by id takes the only mentor",
			team:     []*skills.Person{person("ann", "pm", 2, nil), person("bo", "pm", 2, nil), person("cy", "gpm", 4, nil)},
			focus:    both,
			capacity: 1,
			want:     []string{"cy > ann: negotiation"},
		},
		{
			name:     "a mentee who wants to grow the skill is matched first",
			team:     []*skills.Person{person("ann", "pm", 2, nil), person("bo", "pm", 2, grow), person("cy", "gpm", 4, nil)},
			focus:    both,
			capacity: 1,
			want:     []string{"cy > bo: negotiation"},
		},
		{
			name: "even when the skill is their second focus",
			team: []*skills.Person{
				{ID: "ann", Role: "pm", Levels: map[string]int{"negotiation": 2}},
				{ID: "bo", Role: "pm", Levels: map[string]int{"negotiation": 2, "hiring": 1}, Aspiration: grow},
				person("cy", "gpm", 4, nil),
			},
			focus:    map[string][]string{"ann": {"negotiation"}, "bo": {"hiring", "negotiation"}},
			capacity: 1,
			want:     []string{"cy > bo: negotiation"},
		},
		{
			name:     "each mentor within capacity: the teacher takes the mentee who wants to grow, the other the next",
			team:     []*skills.Person{person("ann", "pm", 2, nil), person("bo", "pm", 2, grow), person("cy", "gpm", 4, teach), person("dee", "gpm", 5, nil)},
			focus:    both,
			capacity: 1,
			want:     []string{"dee > ann: negotiation", "cy > bo: negotiation"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := pairStrings(Match(m, tt.team, tt.focus, tt.capacity, tt.busy))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("pairs (-want +got):\n%s", diff)
			}
			rev := slices.Clone(tt.team)
			slices.Reverse(rev)
			if diff := cmp.Diff(got, pairStrings(Match(m, rev, tt.focus, tt.capacity, tt.busy))); diff != "" {
				t.Errorf("pairs depend on file order (-forward +reversed):\n%s", diff)
			}
			busy := map[string]int{}
			for id, n := range tt.busy {
				busy[id] = n
			}
			if msg := brokenMatchRule(m, tt.team, tt.focus, tt.capacity, busy, Match(m, tt.team, tt.focus, tt.capacity, busy)); msg != "" {
				t.Error(msg)
			}
		})
	}
}

// TestMatchKeepsItsRulesWithAspirations: random wishes to grow and teach
// never break a rule of matching, capacity first.
func TestMatchKeepsItsRulesWithAspirations(t *testing.T) {
	m := defaultMatrix(t)
	roles := m.RoleIDs()
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 7))
		n := 1 + r.IntN(60)
		team := make([]*skills.Person, n)
		focus := map[string][]string{}
		for i := range team {
			p := &skills.Person{ID: fmt.Sprintf("p%03d", i), Role: roles[r.IntN(len(roles))], Levels: map[string]int{}}
			if r.IntN(3) > 0 {
				p.Manager = fmt.Sprintf("p%03d", r.IntN(n))
			}
			for _, s := range m.Skills {
				if r.IntN(6) > 0 {
					p.Levels[s.ID] = r.IntN(6)
				}
			}
			a := &skills.Aspiration{}
			for range r.IntN(4) {
				a.Grow = append(a.Grow, m.Skills[r.IntN(len(m.Skills))].ID)
			}
			for range r.IntN(4) {
				a.Teach = append(a.Teach, m.Skills[r.IntN(len(m.Skills))].ID)
			}
			p.Aspiration = a
			withExamples(p)
			for range r.IntN(5) {
				focus[p.ID] = append(focus[p.ID], m.Skills[r.IntN(len(m.Skills))].ID)
			}
			team[i] = p
		}
		capacity := r.IntN(4)
		busy := map[string]int{}
		pairs := Match(m, team, focus, capacity, busy)
		shuffled := slices.Clone(team)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if diff := cmp.Diff(pairs, Match(m, shuffled, focus, capacity, busy)); diff != "" {
			t.Fatalf("seed %d: the pairs depend on the order of the files (-sorted +shuffled):\n%s", seed, diff)
		}
		if msg := brokenMatchRule(m, team, focus, capacity, busy, pairs); msg != "" {
			t.Fatalf("seed %d, %d people, capacity %d: %s", seed, n, capacity, msg)
		}
	}
}

// TestRankWantedBreaksTies: between two skills with equal signals, the
// one the person wants to grow comes first; it never beats a stronger signal.
func TestRankWantedBreaksTies(t *testing.T) {
	m := defaultMatrix(t)
	// A pm at 2 in two skills of the same persona weight and bar: equal
	// signals, matrix order decides unless the person wants one.
	var a, b string
	for i := range m.Skills {
		for j := i + 1; j < len(m.Skills); j++ {
			si, sj := &m.Skills[i], &m.Skills[j]
			if a == "" && si.Expect["senior-pm"] == 3 && sj.Expect["senior-pm"] == 3 && si.Expect["pm"] <= 2 && sj.Expect["pm"] <= 2 &&
				weight(si, m.Role("senior-pm")) == weight(sj, m.Role("senior-pm")) {
				a, b = si.ID, sj.ID
			}
		}
	}
	if a == "" {
		t.Fatal("no two skills with equal signals in the default matrix")
	}
	levels := map[string]int{}
	for _, s := range m.Skills {
		levels[s.ID] = max(s.Expect["senior-pm"], 1)
	}
	levels[a], levels[b] = 2, 2
	first := func(asp *skills.Aspiration) []string {
		p := &skills.Person{ID: "ann", Role: "pm", Levels: levels, Aspiration: asp}
		return firstIDs(rank(m, p, m.Role("pm"), m.Role("senior-pm")), 2)
	}
	if diff := cmp.Diff([]string{a, b}, first(nil)); diff != "" {
		t.Errorf("without an aspiration (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{b, a}, first(&skills.Aspiration{Grow: []string{b}})); diff != "" {
		t.Errorf("wanting %s (-want +got):\n%s", b, diff)
	}
	// A stronger signal still wins: a self-rating apart from the manager's.
	p := &skills.Person{ID: "ann", Role: "pm", Levels: levels, Self: map[string]int{a: 3}, Aspiration: &skills.Aspiration{Grow: []string{b}}}
	if diff := cmp.Diff([]string{a, b}, firstIDs(rank(m, p, m.Role("pm"), m.Role("senior-pm")), 2)); diff != "" {
		t.Errorf("a signal beats a wish (-want +got):\n%s", diff)
	}
}
