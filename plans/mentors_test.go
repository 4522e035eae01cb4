package plans

import (
	"fmt"
	"maps"
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
		return withExamples(&skills.Person{ID: id, Name: id, Role: role, Manager: manager, Levels: levels})
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
		p.Evidence = append(p.Evidence, skills.Evidence{Date: day("2026-10-27"), Skill: "negotiation", Text: "Back from six months of parental leave"})
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
			name:     "below the level being reached is not enough",
			team:     []*skills.Person{person("ann", "pm", "", neg(2)), person("bo", "gpm", "", neg(2))},
			focus:    focusOn("negotiation", "ann"),
			capacity: 2,
		},
		{
			name:     "only at the bar being reached is not enough: a mentor is above it",
			team:     []*skills.Person{person("ann", "pm", "", neg(2)), person("bo", "gpm", "", neg(3))},
			focus:    focusOn("negotiation", "ann"),
			capacity: 2,
		},
		{
			name: "a level with no example written down is not mentored",
			team: []*skills.Person{person("ann", "pm", "", neg(2)), func() *skills.Person {
				q := person("bo", "gpm", "", neg(5))
				q.Evidence = nil
				return q
			}()},
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
			name: "one mentor takes one skill of a mentee's: the next skill goes to none when nobody else holds it",
			team: []*skills.Person{
				person("ann", "pm", "", map[string]int{"negotiation": 2, "hiring": 1}),
				person("bo", "gpm", "", map[string]int{"negotiation": 5, "hiring": 5}),
			},
			focus:    map[string][]string{"ann": {"negotiation", "hiring"}},
			capacity: 1,
			want:     []string{"bo > ann: negotiation"},
		},
		{
			name: "one mentor takes one skill of a mentee's: the next skill goes to the next best mentor",
			team: []*skills.Person{
				person("ann", "pm", "", map[string]int{"negotiation": 2, "hiring": 1}),
				person("bo", "gpm", "", map[string]int{"negotiation": 5, "hiring": 5}),
				person("cy", "gpm", "", map[string]int{"negotiation": 2, "hiring": 4}),
			},
			focus:    map[string][]string{"ann": {"negotiation", "hiring"}},
			capacity: 2,
			want:     []string{"bo > ann: negotiation", "cy > ann: hiring"},
		},
		{
			// Found by TestMatchKeepsItsRulesOnRandomTeams: a mentor already
			// paired took another skill of the mentee's without the check of
			// their own role's bar in it (matchPlain, the old oracle, did the
			// same).
			name: "a mentor already paired takes no skill below their own bar",
			team: []*skills.Person{
				person("ann", "pm", "", map[string]int{"negotiation": 2, "stakeholder-relationships": 1}),
				person("bo", "vp", "", map[string]int{"negotiation": 5, "stakeholder-relationships": 4}),
			},
			focus:    map[string][]string{"ann": {"negotiation", "stakeholder-relationships"}},
			capacity: 2,
			want:     []string{"bo > ann: negotiation"},
		},
		{
			name: "rounds: everyone's first focus skill before anyone's second",
			team: []*skills.Person{
				person("ann", "pm", "", neg(2)), person("bo", "gpm", "", neg(5)), person("cy", "pm", "", neg(2)),
			},
			focus:    map[string][]string{"ann": {"hiring", "negotiation"}, "cy": {"negotiation"}},
			capacity: 1,
			want:     []string{"bo > cy: negotiation"},
		},
		{
			name: "equal load: the strongest, then the first by id",
			team: []*skills.Person{
				person("ann", "pm", "", neg(2)), person("m1", "gpm", "", neg(4)), person("m3", "gpm", "", neg(5)), person("m2", "gpm", "", neg(5)),
			},
			focus:    focusOn("negotiation", "ann"),
			capacity: 2,
			want:     []string{"m2 > ann: negotiation"},
		},
		{
			name:     "an unknown focus skill is skipped",
			team:     []*skills.Person{person("ann", "pm", "", neg(2)), person("bo", "gpm", "", neg(5))},
			focus:    map[string][]string{"ann": {"no-such-skill", "negotiation"}},
			capacity: 2,
			want:     []string{"bo > ann: negotiation"},
		},
		{
			name:     "no capacity, no mentors",
			team:     []*skills.Person{person("ann", "pm", "", neg(2)), person("bo", "gpm", "", neg(5))},
			focus:    focusOn("negotiation", "ann"),
			capacity: 0,
		},
		{
			name:     "above the bar already, a mentor stands above the mentee",
			team:     []*skills.Person{person("ann", "pm", "", neg(4)), person("bo", "gpm", "", neg(4)), person("cy", "gpm", "", neg(5))},
			focus:    focusOn("negotiation", "ann"),
			capacity: 2,
			want:     []string{"cy > ann: negotiation"},
		},
		{
			name: "a buddy's time given does not keep them from mentors of their own",
			team: []*skills.Person{
				person("ann", "pm", "", map[string]int{"negotiation": 2, "hiring": 1}),
				person("bo", "gpm", "", map[string]int{"negotiation": 5}), person("cy", "gpm", "", map[string]int{"hiring": 5}),
			},
			focus:    map[string][]string{"ann": {"negotiation", "hiring"}},
			capacity: 2,
			busy:     map[string]int{"ann": 1},
			want:     []string{"bo > ann: negotiation", "cy > ann: hiring"},
		},
		{
			name: "nobody has more mentors than the capacity",
			team: []*skills.Person{
				person("ann", "pm", "", map[string]int{"negotiation": 2, "hiring": 1}),
				person("bo", "gpm", "", map[string]int{"negotiation": 5}), person("cy", "gpm", "", map[string]int{"hiring": 5}),
			},
			focus:    map[string][]string{"ann": {"negotiation", "hiring"}},
			capacity: 1,
			want:     []string{"bo > ann: negotiation"},
		},
		{
			name: "a skill nobody else can take gets no mentor, rather than doubling up",
			team: []*skills.Person{
				person("ann", "pm", "", map[string]int{"negotiation": 2, "hiring": 1}),
				person("bo", "gpm", "", map[string]int{"negotiation": 5, "hiring": 3}),
			},
			focus:    map[string][]string{"ann": {"negotiation", "hiring"}},
			capacity: 2,
			want:     []string{"bo > ann: negotiation"},
		},
		{
			name: "a manager leaving people management mentors no people-manager skill, but still coaching",
			team: []*skills.Person{
				person("ann", "senior-pm", "", map[string]int{"delegation": 2, "coaching": 2, "negotiation": 2}),
				func() *skills.Person {
					q := person("bo", "gpm", "", map[string]int{"delegation": 4, "coaching": 4, "negotiation": 2})
					q.Aspiration = &skills.Aspiration{Track: skills.TrackIC}
					return q
				}(),
				person("cy", "gpm", "", map[string]int{"delegation": 4, "coaching": 3, "negotiation": 2}),
			},
			focus:    map[string][]string{"ann": {"delegation", "coaching"}},
			capacity: 2,
			want:     []string{"cy > ann: delegation", "bo > ann: coaching"},
		},
		{
			name: "the scarcest need first: the one mentor only one need can have is kept for it",
			team: []*skills.Person{
				person("ann", "pm", "", map[string]int{"negotiation": 2}), person("cy", "pm", "", map[string]int{"product-strategy": 2}),
				person("bo", "gpm", "", map[string]int{"negotiation": 5, "product-strategy": 5}), person("di", "gpm", "", map[string]int{"negotiation": 4}),
			},
			focus:    map[string][]string{"ann": {"negotiation"}, "cy": {"product-strategy"}},
			capacity: 1,
			want:     []string{"di > ann: negotiation", "bo > cy: product-strategy"},
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
		team = append(team, withExamples(p))
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
		case mentor.Levels[pr.Skill] < mentee.Levels[pr.Skill]+1:
			t.Errorf("%s mentors %s in %s at %d, below the %d the mentee is reaching", pr.Mentor, pr.Mentee, pr.Skill, mentor.Levels[pr.Skill], mentee.Levels[pr.Skill]+1)
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
	skillsOf := map[string]int{}
	for _, pr := range ix.Pairs() {
		if skillsOf[pr.Mentor]++; skillsOf[pr.Mentor] > cfg.Team.MentorCapacity {
			t.Errorf("%s mentors %d skills in all, capacity %d", pr.Mentor, skillsOf[pr.Mentor], cfg.Team.MentorCapacity)
		}
	}
	mentorsOf := map[string]map[string]bool{}
	for _, pr := range ix.Pairs() {
		if mentorsOf[pr.Mentee] == nil {
			mentorsOf[pr.Mentee] = map[string]bool{}
		}
		mentorsOf[pr.Mentee][pr.Mentor] = true
	}
	for id, ms := range mentorsOf {
		if len(ms) > cfg.Team.MentorCapacity {
			t.Errorf("%s has %d mentors, capacity %d", id, len(ms), cfg.Team.MentorCapacity)
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

// TestMatchKeepsItsRulesOnRandomTeams checks every rule of matching on
// random teams (levels, managers, capacities, buddies, focus lists with
// unknown and repeated skills): each pair keeps the rules, the pairs do not
// depend on the order of the files, and no need is left unserved while a
// mentor who could take it still has room.
func TestMatchKeepsItsRulesOnRandomTeams(t *testing.T) {
	m := defaultMatrix(t)
	roles := append(m.RoleIDs(), "no-such-role")
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 1))
		n := 1 + r.IntN(120)
		team := make([]*skills.Person, n)
		ids := r.Perm(1000)
		focus := map[string][]string{}
		for i := range team {
			p := &skills.Person{ID: fmt.Sprintf("p%03d", ids[i]), Role: roles[r.IntN(len(roles))], Levels: map[string]int{}}
			if r.IntN(4) > 0 {
				p.Manager = fmt.Sprintf("p%03d", ids[r.IntN(n)])
			}
			for _, s := range m.Skills {
				if r.IntN(6) > 0 {
					p.Levels[s.ID] = r.IntN(6)
					if r.IntN(4) > 0 {
						p.Evidence = append(p.Evidence, skills.Evidence{Skill: s.ID, Text: "Did the work"})
					}
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

// brokenMatchRule says which rule of matching pairs break, or "".
func brokenMatchRule(m *skills.Matrix, team []*skills.Person, focus map[string][]string, capacity int, busy map[string]int, pairs []Pair) string {
	byID := map[string]*skills.Person{}
	for _, p := range team {
		byID[p.ID] = p
	}
	calibrator := calibrators(team)
	need := func(p *skills.Person, skill string) (int, bool) {
		s, target := m.Skill(skill), m.Role(p.TargetRole(m))
		if s == nil || target == nil {
			return 0, false
		}
		return max(p.Levels[skill], s.Expect[target.ID]) + 1, true
	}
	mentors := map[string]map[string]bool{} // mentee -> their mentors
	served := map[string]bool{}             // mentee/skill
	carries := map[string]int{}             // mentor -> skills
	for _, pr := range pairs {
		mentor, mentee := byID[pr.Mentor], byID[pr.Mentee]
		want, ok := need(mentee, pr.Skill)
		switch {
		case mentor == nil || mentee == nil:
			return fmt.Sprintf("%v pairs someone not in the team", pr)
		case !slices.Contains(focus[pr.Mentee], pr.Skill) || !ok:
			return fmt.Sprintf("%v is not a focus skill of the mentee", pr)
		case pr.Mentor == pr.Mentee || mentee.Manager == pr.Mentor || mentor.Manager == pr.Mentee:
			return fmt.Sprintf("%v pairs someone with themselves, their manager or their report", pr)
		case calibrator[pr.Mentee] == pr.Mentor:
			return fmt.Sprintf("%v: the mentor calibrates the mentee", pr)
		case mentor.Levels[pr.Skill] < want || pr.Level != mentor.Levels[pr.Skill]:
			return fmt.Sprintf("%v: the mentor's level is not %d or more", pr, want)
		case !canMentor(m, mentor) || !mentorsIn(m, mentor, pr.Skill, mentor.Levels[pr.Skill]):
			return fmt.Sprintf("%v: the mentor may not mentor this skill", pr)
		}
		if mentors[pr.Mentee] == nil {
			mentors[pr.Mentee] = map[string]bool{}
		}
		if mentors[pr.Mentee][pr.Mentor] {
			return fmt.Sprintf("%v: a second skill with a mentor the mentee has", pr)
		}
		mentors[pr.Mentee][pr.Mentor] = true
		served[pr.Mentee+"/"+pr.Skill] = true
		if carries[pr.Mentor]++; carries[pr.Mentor] > capacity {
			return fmt.Sprintf("%v: the mentor carries more than %d skills", pr, capacity)
		}
	}
	load := maps.Clone(busy) // the time each gives: mentees and buddies
	for mentee, ms := range mentors {
		if len(ms) > capacity {
			return fmt.Sprintf("%s has %d mentors, capacity %d", mentee, len(ms), capacity)
		}
		for mentor := range ms {
			if mentors[mentor][mentee] {
				return fmt.Sprintf("%s and %s mentor each other", mentor, mentee)
			}
			load[mentor]++
		}
	}
	for id, l := range load {
		if l > max(capacity, busy[id]) {
			return fmt.Sprintf("%s gives time to %d people, capacity %d", id, l, capacity)
		}
	}
	for _, p := range team {
		for _, skill := range focus[p.ID] {
			want, ok := need(p, skill)
			if !ok || served[p.ID+"/"+skill] {
				continue
			}
			for _, q := range team {
				lvl := q.Levels[skill]
				if q == p || q.ID == p.Manager || q.Manager == p.ID || q.ID == calibrator[p.ID] || mentors[q.ID][p.ID] ||
					lvl < want || !canMentor(m, q) || !mentorsIn(m, q, skill, lvl) || slices.Contains(focus[q.ID], skill) ||
					mentors[p.ID][q.ID] || load[q.ID] >= capacity || len(mentors[p.ID]) >= capacity {
					continue
				}
				return fmt.Sprintf("%s's need of %s is unserved, and %s could take it", p.ID, skill, q.ID)
			}
		}
	}
	return ""
}

// A focus skill only a mentor the person has already could take is left
// unpaired rather than doubled up, and named as such for the plan to say
// who could mentor it from outside the team; a skill nobody holds is not.
func TestMatchNamesTheSecondSkillLeftOutside(t *testing.T) {
	m := matrix(t)
	team := []*skills.Person{
		{ID: "ann", Name: "ann", Role: "pm", Levels: map[string]int{"negotiation": 2, "hiring": 1, "product-strategy": 1}},
		withExamples(&skills.Person{ID: "bo", Name: "bo", Role: "gpm", Levels: map[string]int{"negotiation": 5, "hiring": 3}}),
	}
	focus := map[string][]string{"ann": {"negotiation", "hiring", "product-strategy"}}
	pairs, second := match(m, team, focus, 2, nil, nil)
	if got := pairStrings(pairs); !slices.Equal(got, []string{"bo > ann: negotiation"}) {
		t.Errorf("pairs %q", got)
	}
	if got := second["ann"]; !slices.Equal(got, []string{"hiring"}) {
		t.Errorf("left for outside the team: %q, want hiring only", got)
	}
	lines, o := mentorsOutside(m, second["ann"], m.Role("senior-pm"), []string{"Vic Amadi"})
	if want := []string{"Hiring strategy: nobody in the team this time; a Senior Product Manager from another group instead"}; !slices.Equal(lines, want) {
		t.Errorf("mentors section %q, want %q", lines, want)
	}
	if o == nil || o.via != "Vic Amadi" || o.who != "a Senior Product Manager from another group" {
		t.Errorf("outside mentor %+v", o)
	}
}

// withExamples gives p an example written down in every skill it has a
// level in, as a mentor needs (see showsSkill), and returns p.
func withExamples(p *skills.Person) *skills.Person {
	for _, id := range slices.Sorted(maps.Keys(p.Levels)) {
		p.Evidence = append(p.Evidence, skills.Evidence{Skill: id, Text: "Did the work in " + id})
	}
	return p
}
