package plans

import (
	"cmp"
	"slices"

	"github.com/coach-dev/coach/skills"
)

// Mentor matching pairs every focus skill of every person with a teammate
// who holds it at least one level above the bar of the person's target
// role. The rules, each tested in mentors_test.go:
//   - nobody mentors themselves, their own manager or their own report
//     (a manager already coaches their reports; a mentor is a second voice);
//   - no two people mentor each other, in any skills;
//   - no mentor carries more than capacity mentees;
//   - the result depends on the people, never on the order of their files:
//     needs are served in rounds (everyone's first focus skill, then the
//     second...), people by id within a round, and the mentor chosen is the
//     least loaded, then the strongest in the skill, then the first by id. A
//     mentor already paired with the person takes another skill of theirs
//     without using capacity.

// Pair is one mentoring pair: Mentor helps Mentee with Skill, one of the
// mentee's focus skills.
type Pair struct {
	Mentor string `json:"mentor"`
	Mentee string `json:"mentee"`
	Skill  string `json:"skill"`
	// Level is the mentor's level in the skill, Expect the bar of the
	// mentee's target role.
	Level  int `json:"level"`
	Expect int `json:"expect"`
}

// Match computes the mentoring pairs of team, given each person's focus
// skill ids (focus[id]), with at most capacity mentees per mentor. Pairs
// come out ordered by mentee id, then the mentee's focus order.
func Match(m *skills.Matrix, team []*skills.Person, focus map[string][]string, capacity int) []Pair {
	people := slices.Clone(team)
	slices.SortFunc(people, func(a, b *skills.Person) int { return cmp.Compare(a.ID, b.ID) })
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
			if lvl > 0 {
				holders[id] = append(holders[id], holder{i, lvl})
			}
		}
	}
	for _, hs := range holders {
		slices.SortStableFunc(hs, func(a, b holder) int { return cmp.Compare(b.level, a.level) })
	}
	load := make([]int, len(people))        // mentor -> how many mentees
	mentorsOf := make([][]int, len(people)) // mentee -> their mentors
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
				return qi != pi && q.ID != p.Manager && q.Manager != p.ID && !slices.Contains(mentorsOf[pi], qi) && !slices.Contains(mentorsOf[qi], pi)
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
			holders[s.ID] = append(kept, hs[i:]...)
			if !found {
				continue
			}
			if !slices.Contains(mentorsOf[pi], best.person) {
				mentorsOf[pi] = append(mentorsOf[pi], best.person)
				load[best.person]++
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
		return cmp.Or(cmp.Compare(a.Mentee, b.Mentee), cmp.Compare(order[a.Mentee+"/"+a.Skill], order[b.Mentee+"/"+b.Skill]))
	})
	return pairs
}

// holder is a person (an index into the people being matched) who holds
// a skill at level.
type holder struct {
	person int
	level  int
}

// MentorLink is one side of a pair as a plan shows it: the other person and
// the skill.
type MentorLink struct {
	Person PersonRef `json:"person"`
	Skill  SkillRef  `json:"skill"`
}

// index fills the pairs and names of ix.
func (ix *TeamIndex) index(m *skills.Matrix, cfg skills.Config, team []*skills.Person) {
	ix.names = make(map[string]string, len(team)+len(cfg.Leaders))
	for _, l := range cfg.Leaders {
		ix.names[l.ID] = l.Name
	}
	for _, p := range team {
		ix.names[p.ID] = cmp.Or(p.Name, p.ID)
	}
	ix.pairs = Match(m, team, ix.focus, cfg.Team.MentorCapacity)
	ix.byMentor, ix.byMentee = map[string][]Pair{}, map[string][]Pair{}
	for _, pr := range ix.pairs {
		ix.byMentor[pr.Mentor] = append(ix.byMentor[pr.Mentor], pr)
		ix.byMentee[pr.Mentee] = append(ix.byMentee[pr.Mentee], pr)
	}
}

// name is the name of person or leader id, "" when unknown; ix may be nil.
func (ix *TeamIndex) name(id string) string {
	if ix == nil {
		return ""
	}
	return ix.names[id]
}

// Pairs returns the team's mentoring pairs.
func (ix *TeamIndex) Pairs() []Pair { return ix.pairs }

// mentoring returns who mentors id and whom id mentors, as a plan lists them.
func (ix *TeamIndex) mentoring(m *skills.Matrix, id string) (mentors, mentees []MentorLink) {
	mentors, mentees = []MentorLink{}, []MentorLink{}
	for _, pr := range ix.byMentee[id] {
		mentors = append(mentors, MentorLink{Person: PersonRef{ID: pr.Mentor, Name: ix.names[pr.Mentor]}, Skill: skillRef(m, pr.Skill)})
	}
	for _, pr := range ix.byMentor[id] {
		mentees = append(mentees, MentorLink{Person: PersonRef{ID: pr.Mentee, Name: ix.names[pr.Mentee]}, Skill: skillRef(m, pr.Skill)})
	}
	return mentors, mentees
}
