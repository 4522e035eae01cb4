package plans

import (
	stdcmp "cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

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
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	// newHire joined five weeks before their assessment; back returned from
	// six months of leave two weeks before it.
	newHire := func(p *skills.Person) *skills.Person {
		p.Assessed, p.Joined = day("2026-11-10"), day("2026-10-06")
		return p
	}
	back := func(p *skills.Person) *skills.Person {
		p.Assessed = day("2026-11-10")
		p.Evidence = []skills.Evidence{{Date: day("2026-10-27"), Skill: "negotiation", Text: "Back from six months of parental leave"}}
		return p
	}
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
		busy     map[string]int
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
	tests = append(tests, []struct {
		name     string
		team     []*skills.Person
		focus    map[string][]string
		capacity int
		busy     map[string]int
		want     []string
	}{
		{
			name:     "a new hire is not a mentor",
			team:     []*skills.Person{person("ann", "pm", "", neg(2)), newHire(person("bo", "gpm", "", neg(5))), person("cy", "gpm", "", neg(4))},
			focus:    focusOn("negotiation", "ann"),
			capacity: 2,
			want:     []string{"cy > ann: negotiation"},
		},
		{
			name:     "someone back from leave is not a mentor",
			team:     []*skills.Person{person("ann", "pm", "", neg(2)), back(person("bo", "gpm", "", neg(5)))},
			focus:    focusOn("negotiation", "ann"),
			capacity: 2,
		},
		{
			name: "below their own role's bar in coaching, nobody mentors at all",
			team: []*skills.Person{
				person("ann", "pm", "", neg(2)), person("bo", "gpm", "", map[string]int{"negotiation": 5, "coaching": 1}),
				person("cy", "gpm", "", map[string]int{"negotiation": 4, "coaching": 3}),
			},
			focus:    focusOn("negotiation", "ann"),
			capacity: 2,
			want:     []string{"cy > ann: negotiation"},
		},
		{
			name:     "below their own role's bar, nobody mentors the skill",
			team:     []*skills.Person{person("ann", "apm", "", neg(1)), person("bo", "vp", "", neg(3))},
			focus:    focusOn("negotiation", "ann"),
			capacity: 2,
		},
		{
			name: "the manager's manager calibrates, so does not mentor",
			team: []*skills.Person{
				person("ann", "pm", "bo", neg(2)), person("bo", "gpm", "cy", neg(3)), person("cy", "director", "", neg(5)),
				person("di", "gpm", "", neg(4)),
			},
			focus:    focusOn("negotiation", "ann"),
			capacity: 2,
			want:     []string{"di > ann: negotiation"},
		},
		{
			name:     "a buddy counts against the mentor's capacity",
			team:     []*skills.Person{person("ann", "pm", "", neg(2)), person("bo", "gpm", "", neg(5)), person("cy", "gpm", "", neg(4))},
			focus:    focusOn("negotiation", "ann"),
			capacity: 1,
			busy:     map[string]int{"bo": 1},
			want:     []string{"cy > ann: negotiation"},
		},
		{
			name: "a mentee's own mentors count against their capacity too",
			team: []*skills.Person{
				person("ann", "pm", "", map[string]int{"negotiation": 2, "hiring": 1}),
				person("bo", "gpm", "", map[string]int{"negotiation": 5}), person("cy", "gpm", "", map[string]int{"hiring": 5}),
			},
			focus:    map[string][]string{"ann": {"negotiation", "hiring"}},
			capacity: 2,
			busy:     map[string]int{"ann": 1},
			want:     []string{"bo > ann: negotiation"},
		},
	}...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := pairStrings(Match(m, tt.team, tt.focus, tt.capacity, tt.busy))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("pairs (-want +got):\n%s", diff)
			}
			// The same pairs whatever the order of the files.
			rev := slices.Clone(tt.team)
			slices.Reverse(rev)
			if diff := cmp.Diff(got, pairStrings(Match(m, rev, tt.focus, tt.capacity, tt.busy))); diff != "" {
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
	people := map[string]map[string]bool{} // everyone paired with each person, both ways
	for _, pr := range ix.Pairs() {
		for _, x := range [][2]string{{pr.Mentor, pr.Mentee}, {pr.Mentee, pr.Mentor}} {
			if people[x[0]] == nil {
				people[x[0]] = map[string]bool{}
			}
			people[x[0]][x[1]] = true
		}
	}
	for id, ps := range people {
		if len(ps) > cfg.Team.MentorCapacity {
			t.Errorf("%s is paired with %d people across mentors and mentees, capacity %d", id, len(ps), cfg.Team.MentorCapacity)
		}
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

// TestMatchMatchesPlain compares Match with matchPlain on random teams:
// levels, managers, capacities, focus lists with unknown and repeated
// skills.
func TestMatchMatchesPlain(t *testing.T) {
	m := defaultMatrix(t)
	roles := append(m.RoleIDs(), "no-such-role")
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 1))
		n := 1 + r.IntN(120)
		team := make([]*skills.Person, n)
		focus := map[string][]string{}
		for i := range team {
			p := &skills.Person{ID: fmt.Sprintf("p%03d", r.IntN(1000)), Role: roles[r.IntN(len(roles))], Levels: map[string]int{}}
			if r.IntN(4) > 0 {
				p.Manager = fmt.Sprintf("p%03d", r.IntN(1000))
			}
			for _, s := range m.Skills {
				if r.IntN(6) > 0 {
					p.Levels[s.ID] = r.IntN(6)
				}
			}
			for range r.IntN(5) {
				id := m.Skills[r.IntN(len(m.Skills))].ID
				if r.IntN(20) == 0 {
					id = "no-such-skill"
				}
				focus[p.ID] = append(focus[p.ID], id)
			}
			team[i] = p
		}
		capacity := r.IntN(5)
		busy := map[string]int{}
		for range r.IntN(4) {
			busy[team[r.IntN(n)].ID]++
		}
		got, want := Match(m, team, focus, capacity, busy), matchPlain(m, team, focus, capacity, busy)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("seed %d, %d people, capacity %d (-plain +Match):\n%s", seed, n, capacity, diff)
		}
	}
}

// matchPlain is Match as it was first written, a scan of every holder of
// the skill for every need: the plain twin Match is tested against.
func matchPlain(m *skills.Matrix, team []*skills.Person, focus map[string][]string, capacity int, busy map[string]int) []Pair {
	people := slices.Clone(team)
	slices.SortFunc(people, func(a, b *skills.Person) int { return stdcmp.Compare(a.ID, b.ID) })
	index := make(map[string]int, len(people))
	for i, p := range people {
		index[p.ID] = i
	}
	// For each skill, who holds it: strongest first, then by id. A mentor
	// who reaches capacity is dropped from a list when the list is next
	// read, so a team of thousands is matched over short lists.
	holders := map[string][]holder{}
	for i, p := range people {
		for id, lvl := range p.Levels {
			if lvl > 0 && canMentor(m, p) && meetsOwnBar(m, p, id, lvl) {
				holders[id] = append(holders[id], holder{i, lvl})
			}
		}
	}
	calibrator := calibrators(people)
	for _, hs := range holders {
		slices.SortStableFunc(hs, func(a, b holder) int { return stdcmp.Compare(b.level, a.level) })
	}
	load := make([]int, len(people))        // person -> mentees, mentors and buddies
	mentorsOf := make([][]int, len(people)) // mentee -> their mentors
	for i, p := range people {
		load[i] = busy[p.ID]
	}
	var pairs []Pair
	rounds := 0
	for _, p := range people {
		rounds = max(rounds, len(focus[p.ID]))
	}
	// better reports whether a is a better mentor than b: the least loaded,
	// then the strongest, then the first by id (people are sorted by id).
	better := func(a, b holder) bool {
		if load[a.person] != load[b.person] {
			return load[a.person] < load[b.person]
		}
		if a.level != b.level {
			return a.level > b.level
		}
		return a.person < b.person
	}
	for round := range rounds {
		for pi, p := range people {
			if round >= len(focus[p.ID]) {
				continue
			}
			s := m.Skill(focus[p.ID][round])
			target := m.Role(p.TargetRole(m))
			if s == nil || target == nil {
				continue
			}
			bar := s.Expect[target.ID]
			need := max(bar+1, p.Levels[s.ID]+1)
			ok := func(qi int) bool {
				q := people[qi]
				return qi != pi && q.ID != p.Manager && q.Manager != p.ID && q.ID != calibrator[p.ID] && !slices.Contains(mentorsOf[pi], qi) && !slices.Contains(mentorsOf[qi], pi)
			}
			best, found := holder{}, false
			// Those who mentor p already take another skill without using
			// capacity.
			for _, qi := range mentorsOf[pi] {
				q := people[qi]
				h := holder{qi, q.Levels[s.ID]}
				if h.level >= need && qi != pi && q.ID != p.Manager && q.Manager != p.ID && !slices.Contains(mentorsOf[qi], pi) &&
					(!found || better(h, best)) {
					best, found = h, true
				}
			}
			hs := holders[s.ID]
			if load[pi] >= capacity {
				hs = nil // no room for another mentor: nobody new is looked at
			}
			kept := hs[:0]
			i := 0
			for ; i < len(hs); i++ {
				h := hs[i]
				if load[h.person] >= capacity {
					continue // full: dropped for good
				}
				kept = append(kept, h)
				if h.level < need || found && load[best.person] == 0 {
					// Strongest first: nobody further on is better.
					i++
					break
				}
				if ok(h.person) && (!found || better(h, best)) {
					best, found = h, true
				}
			}
			if hs != nil {
				holders[s.ID] = append(kept, hs[i:]...)
			}
			if !found {
				continue
			}
			if !slices.Contains(mentorsOf[pi], best.person) {
				mentorsOf[pi] = append(mentorsOf[pi], best.person)
				load[best.person]++
				load[pi]++
			}
			pairs = append(pairs, Pair{Mentor: people[best.person].ID, Mentee: p.ID, Skill: s.ID, Level: best.level, Expect: bar})
		}
	}
	order := map[string]int{}
	for _, p := range people {
		for i, id := range focus[p.ID] {
			order[p.ID+"/"+id] = i
		}
	}
	slices.SortStableFunc(pairs, func(a, b Pair) int {
		return stdcmp.Or(stdcmp.Compare(a.Mentee, b.Mentee), stdcmp.Compare(order[a.Mentee+"/"+a.Skill], order[b.Mentee+"/"+b.Skill]))
	})
	return pairs
}
