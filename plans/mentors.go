package plans

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/coach-dev/coach/skills"
)

// Mentor matching pairs every focus skill of every person with a teammate
// who holds it at the level the person is reaching (one above their own),
// or above. The rules, each tested in mentors_test.go:
//   - nobody mentors themselves, their own manager or their own report
//     (a manager already coaches their reports; a mentor is a second voice);
//   - no two people mentor each other, in any skills;
//   - nobody gives time to more than capacity people: their mentees and
//     those they are an onboarding buddy to (busy) together; and nobody has
//     more than capacity mentors of their own;
//   - a new hire, or someone back from a long leave within the plan's 90
//     days, is not a mentor: they have their own ground to find; nor is
//     someone below their own role's bar in coaching;
//   - someone below their own role's bar in a skill never mentors it, nor
//     one of their own focus skills: what they are still growing is not
//     also theirs to teach;
//   - a mentor has an example of the skill written down in their own file
//     (a level on the assessment alone is not something shown), and holds
//     it above the bar of the mentee's target role: one only at the bar
//     the mentee is reaching has no more to show them than the bar;
//   - the person who calibrates someone's assessment (their manager's
//     manager) is not also their mentor: a mentor is a voice apart from the
//     assessment;
//   - the result depends on the people, never on the order of their files:
//     needs are served in rounds (everyone's first focus skill, then the
//     second...), people by id within a round, and the mentor chosen is the
//     least loaded, then the strongest in the skill, then the first by id;
//   - someone leaving people management (a manager whose own file asks for
//     the individual-contributor track) mentors no people-manager skill:
//     the team development skills of the People Manager persona;
//   - one mentor, one skill of a mentee's in a cycle: a second skill with
//     the same mentor halves the time on both and puts one voice on all of
//     a person's growth, so the mentee's next skill goes to the next best
//     mentor, who takes capacity as any other; a skill nobody else can take
//     gets no mentor in the team, and the plan says who could from outside
//     it (unpaired), rather than doubling up;
//   - what people want comes before that order (their aspirations): the
//     needs a mentee wants to grow are served first, in rounds of their
//     own, and a mentor who wants to teach the skill is chosen before one
//     who does not, however loaded, within capacity;
//   - the scarcest need comes before all that: a need fewer people could
//     take (candidates) is served first, so that a focus skill only one
//     person can mentor is not left without them.

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
//
// Each need takes the best mentor there is by the rules above; the holders
// of each skill are kept by level and by load, so that finding that mentor
// looks at the few who cannot take it (the person, their manager and
// reports, their mentors and mentees), not at every holder: a team of
// thousands is matched in time linear in its needs.
func Match(m *skills.Matrix, team []*skills.Person, focus map[string][]string, capacity int, busy map[string]int) []Pair {
	pairs, _ := match(m, team, focus, capacity, busy, nil)
	return pairs
}

// match is [Match], where own, when it has a person's levels, gives the
// levels their step starts from (their plan's), the team's being those a
// mentor is matched on (see heldLevels). second are the focus skills, by
// mentee id, that only a mentor the mentee has already could take: the
// one-skill rule leaves them without a mentor in the team, and the plan
// says who could from outside it.
func match(m *skills.Matrix, team []*skills.Person, focus map[string][]string, capacity int, busy map[string]int, own map[string]map[string]int) (pairs []Pair, second map[string][]string) {
	people := slices.Clone(team)
	slices.SortFunc(people, func(a, b *skills.Person) int { return cmp.Compare(a.ID, b.ID) })
	load := make([]int, len(people)) // person -> mentees and buddies: the time they give
	for i, p := range people {
		load[i] = busy[p.ID]
	}
	// holders are everyone with room who may mentor a skill; teachers those
	// of them who want to teach it, searched first.
	holders, teachers := map[string]*skillHolders{}, map[string]*skillHolders{}
	file := func(i int) {
		p := people[i]
		for id, lvl := range p.Levels {
			if mentorsIn(m, p, id, lvl) && !slices.Contains(focus[p.ID], id) {
				addHolder(holders, id, i, lvl, load[i])
				if wantsToTeach(p, id) {
					addHolder(teachers, id, i, lvl, load[i])
				}
			}
		}
	}
	for i, p := range people {
		if canMentor(m, p) && load[i] < capacity {
			file(i)
		}
	}
	calibrator := calibrators(people)
	mentorsOf := make([][]int, len(people)) // mentee -> their mentors
	// grew re-files person i under their new load, while they have room.
	grew := func(i int) {
		if load[i] < capacity && canMentor(m, people[i]) {
			file(i)
		}
	}
	rounds := 0
	for _, p := range people {
		rounds = max(rounds, len(focus[p.ID]))
	}
	// better reports whether a is a better mentor than b for skill id: one
	// who wants to teach it, then the least loaded, then the strongest,
	// then the first by id (people are sorted by id).
	better := func(id string, a, b holder) bool {
		if ta, tb := wantsToTeach(people[a.person], id), wantsToTeach(people[b.person], id); ta != tb {
			return ta
		}
		if load[a.person] != load[b.person] {
			return load[a.person] < load[b.person]
		}
		if a.level != b.level {
			return a.level > b.level
		}
		return a.person < b.person
	}
	// The needs, in the order they are served: those the mentee wants to
	// grow first, each kind in rounds, people by id within a round.
	type demand struct{ person, round int }
	var needs, later []demand
	for round := range rounds {
		for pi, p := range people {
			if round >= len(focus[p.ID]) {
				continue
			}
			if wantsToGrow(p, focus[p.ID][round]) {
				needs = append(needs, demand{pi, round})
			} else {
				later = append(later, demand{pi, round})
			}
		}
	}
	// The scarcest need first, then that order: one only a few people can
	// take is served before one many can, so that a mentor few others can
	// stand in for is kept for the need that has nobody else.
	scarce := candidates(m, people, focus, own, calibrator)
	all := append(needs, later...)
	count := make(map[demand]int, len(all))
	for _, nd := range all {
		count[nd] = scarce(nd.person, nd.round)
	}
	slices.SortStableFunc(all, func(a, b demand) int { return cmp.Compare(count[a], count[b]) })
	var skipped []int
	var unserved []demand
	for _, nd := range all {
		pi, p, round := nd.person, people[nd.person], nd.round
		s := m.Skill(focus[p.ID][round])
		target := m.Role(p.TargetRole(m))
		if s == nil || target == nil {
			continue
		}
		bar := s.Expect[target.ID]
		// The mentor holds more than the step asks for: above the bar of
		// the target, and above the level past it for a stretch.
		lvl := p.Levels[s.ID]
		if o, ok := own[p.ID][s.ID]; ok {
			lvl = o
		}
		need := max(lvl, bar) + 1
		ok := func(qi int) bool {
			q := people[qi]
			return qi != pi && q.ID != p.Manager && q.Manager != p.ID && q.ID != calibrator[p.ID] && !slices.Contains(mentorsOf[pi], qi) && !slices.Contains(mentorsOf[qi], pi)
		}
		best, found := holder{}, false
		// The best holder who can take p: by load, then level, then id;
		// only while p has room for another mentor (capacity mentors of
		// their own, beside the time they give).
		for _, sh := range []*skillHolders{teachers[s.ID], holders[s.ID]} {
			if sh == nil || len(mentorsOf[pi]) >= capacity {
				continue
			}
			var h holder
			var ok2 bool
			h, ok2, skipped = sh.best(need, load, ok, skipped)
			if ok2 && (!found || better(s.ID, h, best)) {
				best, found = h, true
			}
		}
		if !found {
			unserved = append(unserved, nd)
			continue
		}
		if !slices.Contains(mentorsOf[pi], best.person) {
			mentorsOf[pi] = append(mentorsOf[pi], best.person)
			load[best.person]++
			grew(best.person)
		}
		pairs = append(pairs, Pair{Mentor: people[best.person].ID, Mentee: p.ID, Skill: s.ID, Level: best.level, Expect: bar})
	}
	// A focus skill that only a mentor the person has already holds, or
	// would but for leaving people management, or that the team holds only
	// without an example or only at the bar: the one-skill rule leaves it
	// unpaired rather than put one voice on two skills (or a people-manager
	// skill with someone leaving the job), and that mentor's room for
	// others does not change it: the plan names who could from outside.
	second = map[string][]string{}
	for _, nd := range unserved {
		p := people[nd.person]
		id := focus[p.ID][nd.round]
		lvl := p.Levels[id]
		if o, ok := own[p.ID][id]; ok {
			lvl = o
		}
		floor := max(lvl, targetBar(m, p, id))
		if slices.ContainsFunc(mentorsOf[nd.person], func(qi int) bool {
			q := people[qi]
			return q.Levels[id] > lvl && meetsOwnBar(m, q, id, q.Levels[id])
		}) || slices.ContainsFunc(people, func(q *skills.Person) bool {
			// Someone in the team holds the level being reached, but with
			// no example written down or only at the bar: the team has the
			// skill, not a mentor in it, and the plan names one from outside.
			l := q.Levels[id]
			return q != p && q.ID != p.Manager && q.Manager != p.ID && q.ID != calibrator[p.ID] && canMentor(m, q) &&
				!slices.Contains(focus[q.ID], id) && l > lvl && meetsOwnBar(m, q, id, l) &&
				!(leavesLeading(m, q) && managesPeople(m.Skill(id))) && (l <= floor || !showsSkill(q, id))
		}) {
			second[p.ID] = append(second[p.ID], id)
		}
	}
	order := map[string]int{}
	for _, p := range people {
		for i, id := range focus[p.ID] {
			order[p.ID+"/"+id] = i
		}
	}
	type ordered struct {
		Pair
		order int
	}
	sorted := make([]ordered, len(pairs))
	for i, pr := range pairs {
		sorted[i] = ordered{pr, order[pr.Mentee+"/"+pr.Skill]}
	}
	slices.SortStableFunc(sorted, func(a, b ordered) int {
		return cmp.Or(cmp.Compare(a.Mentee, b.Mentee), cmp.Compare(a.order, b.order))
	})
	for i := range sorted {
		pairs[i] = sorted[i].Pair
	}
	return pairs, second
}

// candidates returns how many people could mentor person pi (an index
// into people, sorted by id) in their focus skill of round, load aside: at
// the level they are reaching or above, at their own role's bar, able to
// mentor, and not pi, pi's manager, one of pi's reports or pi's calibrator.
func candidates(m *skills.Matrix, people []*skills.Person, focus map[string][]string, own map[string]map[string]int, calibrator map[string]string) func(pi, round int) int {
	levels := map[string][]int{} // skill -> levels of those who may mentor it, ascending
	for _, q := range people {
		if !canMentor(m, q) {
			continue
		}
		for id, lvl := range q.Levels {
			if mentorsIn(m, q, id, lvl) && !slices.Contains(focus[q.ID], id) {
				levels[id] = append(levels[id], lvl)
			}
		}
	}
	for _, ls := range levels {
		slices.Sort(ls)
	}
	reports := map[string][]*skills.Person{}
	byID := map[string]*skills.Person{}
	for _, q := range people {
		reports[q.Manager] = append(reports[q.Manager], q)
		byID[q.ID] = q
	}
	return func(pi, round int) int {
		p := people[pi]
		id := focus[p.ID][round]
		lvl := p.Levels[id]
		if o, ok := own[p.ID][id]; ok {
			lvl = o
		}
		floor := max(lvl, targetBar(m, p, id))
		ls := levels[id]
		at, _ := slices.BinarySearch(ls, floor+1)
		n := len(ls) - at
		holds := func(q *skills.Person) bool {
			l := q.Levels[id]
			return q != nil && l > floor && mentorsIn(m, q, id, l) && !slices.Contains(focus[q.ID], id) && canMentor(m, q)
		}
		for _, q := range append([]*skills.Person{p, byID[p.Manager], byID[calibrator[p.ID]]}, reports[p.ID]...) {
			if q != nil && holds(q) {
				n--
			}
		}
		return n
	}
}

// canMentor reports whether p may mentor anyone: not a new hire, not back
// from a long leave within the plan's 90 days, and not below their own
// role's bar in the matrix's coaching skill (the skill mentoring is).
func canMentor(m *skills.Matrix, p *skills.Person) bool {
	if NewHire(p, TodayOf(p).day) {
		return false
	}
	for _, s := range m.Skills {
		id := strings.ToLower(s.ID + " " + s.Name)
		if lvl, ok := p.Levels[s.ID]; ok && (strings.Contains(id, "coach") || strings.Contains(id, "mentor")) && lvl < s.Expect[p.Role] {
			return false
		}
	}
	_, _, back := ReturnFromLeave(p)
	return !back
}

// meetsOwnBar reports whether p's level lvl in skill id meets the bar of p's
// own role: below it, p does not mentor the skill.
func meetsOwnBar(m *skills.Matrix, p *skills.Person, id string, lvl int) bool {
	s := m.Skill(id)
	return s != nil && lvl >= s.Expect[p.Role]
}

// mentorsIn reports whether p, who may mentor (canMentor), may mentor
// skill id at their level lvl in it: at their own role's bar, with an
// example of it written down (showsSkill), and not a people-manager skill
// when p is leaving people management (leavesLeading).
func mentorsIn(m *skills.Matrix, p *skills.Person, id string, lvl int) bool {
	return lvl > 0 && meetsOwnBar(m, p, id, lvl) && showsSkill(p, id) && !(leavesLeading(m, p) && managesPeople(m.Skill(id)))
}

// showsSkill reports whether p's own file has an example of skill id that
// still speaks for it (see StrengthShown): what a mentor can show, not
// only a level on the assessment.
func showsSkill(p *skills.Person, id string) bool {
	latest, _, _ := StrengthShown(p, id)
	return latest != nil
}

// targetBar is the level p's target role asks for in skill id (0 when
// either is unknown).
func targetBar(m *skills.Matrix, p *skills.Person, id string) int {
	s, target := m.Skill(id), m.Role(p.TargetRole(m))
	if s == nil || target == nil {
		return 0
	}
	return s.Expect[target.ID]
}

// managesPeople reports whether s is a people manager's skill: in the
// team development pillar and of the People Manager persona (hiring,
// delegation, development plans), not one anyone who mentors uses
// (coaching and mentoring itself).
func managesPeople(s *skills.Skill) bool {
	return s != nil && s.Pillar == "team-development" && slices.Contains(s.Personas, "people-manager")
}

// calibrators maps each person's id to their manager's manager's id, the
// person who calibrates their assessment, when both are in the team.
func calibrators(people []*skills.Person) map[string]string {
	manager := make(map[string]string, len(people))
	for _, p := range people {
		manager[p.ID] = p.Manager
	}
	out := map[string]string{}
	for _, p := range people {
		if mm := manager[p.Manager]; p.Manager != "" && mm != "" {
			out[p.ID] = mm
		}
	}
	return out
}

// addHolder files person, at level lvl and under load, among the holders
// of skill id.
func addHolder(holders map[string]*skillHolders, id string, person, lvl, load int) {
	sh := holders[id]
	if sh == nil {
		sh = &skillHolders{}
		holders[id] = sh
	}
	sh.add(person, lvl, load)
}

// holder is a person (an index into the people being matched) who holds
// a skill at level.
type holder struct {
	person int
	level  int
}

// skillHolders are the people who hold one skill with room for a mentee:
// free[i][l] are those at levels[i] (strongest first) with load l, a heap
// by index. A person whose load grew is added under the new load and left
// under the old one until a search finds them there.
type skillHolders struct {
	levels []int
	free   [][]indexHeap
}

// add puts person, at level lvl, under load.
func (sh *skillHolders) add(person, lvl, load int) {
	i, found := slices.BinarySearchFunc(sh.levels, lvl, func(a, b int) int { return cmp.Compare(b, a) })
	if !found {
		sh.levels = slices.Insert(sh.levels, i, lvl)
		sh.free = slices.Insert(sh.free, i, nil)
	}
	for len(sh.free[i]) <= load {
		sh.free[i] = append(sh.free[i], nil)
	}
	sh.free[i][load].push(person)
}

// best finds the best holder at level need or above whom ok accepts: the
// least loaded, then the strongest, then the first by index. skipped is
// scratch space, returned for reuse.
func (sh *skillHolders) best(need int, load []int, ok func(int) bool, skipped []int) (holder, bool, []int) {
	for l := 0; ; l++ {
		more := false // a level has holders under load l or more
		for i, lvl := range sh.levels {
			if lvl < need {
				break
			}
			if l >= len(sh.free[i]) {
				continue
			}
			more = true
			h := &sh.free[i][l]
			skipped = skipped[:0]
			chosen := -1
			for len(*h) > 0 {
				q := (*h)[0]
				if load[q] != l {
					h.pop() // their load grew: they are under another one
					continue
				}
				if ok(q) {
					chosen = q
					break
				}
				skipped = append(skipped, h.pop())
			}
			for _, q := range skipped {
				h.push(q)
			}
			if chosen >= 0 {
				return holder{chosen, lvl}, true, skipped
			}
		}
		if !more {
			return holder{}, false, skipped
		}
	}
}

// indexHeap is a min-heap of person indices.
type indexHeap []int

func (h *indexHeap) push(x int) {
	*h = append(*h, x)
	a := *h
	for i := len(a) - 1; i > 0; {
		parent := (i - 1) / 2
		if a[parent] <= a[i] {
			break
		}
		a[parent], a[i] = a[i], a[parent]
		i = parent
	}
}

func (h *indexHeap) pop() int {
	a := *h
	top := a[0]
	last := len(a) - 1
	a[0] = a[last]
	a = a[:last]
	for i := 0; ; {
		small, l, r := i, 2*i+1, 2*i+2
		if l < len(a) && a[l] < a[small] {
			small = l
		}
		if r < len(a) && a[r] < a[small] {
			small = r
		}
		if small == i {
			break
		}
		a[i], a[small] = a[small], a[i]
		i = small
	}
	*h = a
	return top
}

// MentorLink is one side of a pair as a plan shows it: the other person and
// the skill.
type MentorLink struct {
	Person PersonRef `json:"person"`
	Skill  SkillRef  `json:"skill"`
	// IntroducedBy is who introduces the pair, in a mentor's Mentoring: the
	// mentee's manager, whose plan for the mentee commits to it (see
	// TeamIndex.introducer).
	IntroducedBy string `json:"-"`
}

// introducer is how the mentor's plan names the one who introduces mentor
// to mentee: the mentee's manager, whose plan for the mentee commits to
// the introduction (cold read 20, issue "words a VP signs": the mentor's
// plan said "you mentor Alice Example in it" while Alice's plan still
// promised the introduction). "" when the mentor is that manager.
func (ix *TeamIndex) introducer(mentee, mentor string) string {
	q := ix.people[mentee]
	if q == nil || q.Manager == mentor {
		return ""
	}
	if by := ix.managerCall(q); by != "your manager" {
		return by
	}
	return "their manager"
}

// askedToMentor is a pair the mentee's plan has still to introduce, said
// to the mentor as asked of them: "you are asked to mentor Alice Example
// in it, once Priya introduces you".
func askedToMentor(names []string, in string, by []string) string {
	line := "you are asked to mentor " + andList(names)
	if in != "" {
		line += " " + in
	}
	switch {
	case len(by) == 0 || by[0] == "":
		return line
	case len(slices.Compact(slices.Clone(by))) > 1:
		return line + ", once their managers introduce you"
	}
	return line + ", once " + by[0] + " introduces you"
}

// index fills the pairs and names of ix.
func (ix *TeamIndex) index(m *skills.Matrix, cfg skills.Config, team []*skills.Person) {
	ix.names = teamNames(cfg, team)
	// An onboarding buddy is one of the capacity of both the new hire and
	// the buddy.
	busy := map[string]int{}
	ix.buddyTo, ix.buddyOf = map[string][]string{}, map[string]string{}
	ix.goalMentor = goalMentors(ix)
	for _, id := range ix.ids {
		p := ix.people[id]
		if !NewHire(p, TodayOf(p).day) {
			continue
		}
		// The teammate whose goal is to mentor them stays their mentor
		// (counted below); the buddy is a peer beside them.
		b := onboardingBuddyID(m, p, ix)
		if b != "" {
			busy[id]++
			busy[b]++
			ix.buddyTo[b] = append(ix.buddyTo[b], id)
			ix.buddyOf[id] = b
		}
	}
	// A teammate whose own goal is to mentor someone is that person's
	// mentor: both plans say so, and the pairing counts in both loads. A new
	// hire meets few people at once: one buddy, and no mentor matched on
	// top of them.
	focus, cloned := ix.focus, false
	for _, id := range ix.ids {
		p := ix.people[id]
		gm, named := ix.goalMentor[id]
		if named {
			busy[id]++
			busy[gm.Mentor]++
		}
		if !NewHire(p, TodayOf(p).day) || len(focus[id]) == 0 {
			continue
		}
		if !cloned {
			focus, cloned = maps.Clone(ix.focus), true
		}
		focus[id] = nil
	}
	// A plan proposes a mentor for a step to take: a focus skill whose
	// level is known and below the target's bar. One at the bar already
	// is where a goal shows, and one with no level is assessed first.
	held := heldLevels(team, ix.rebased)
	for _, p := range held {
		target := m.Role(p.TargetRole(m))
		steps := slices.DeleteFunc(slices.Clone(focus[p.ID]), func(id string) bool {
			s := m.Skill(id)
			return s == nil || target == nil || p.Levels[id] == 0 || p.Levels[id] >= s.Expect[target.ID]
		})
		if len(steps) == len(focus[p.ID]) {
			continue
		}
		if !cloned {
			focus, cloned = maps.Clone(ix.focus), true
		}
		focus[p.ID] = steps
	}
	own := map[string]map[string]int{} // the levels the steps of the held start from
	for _, p := range team {
		if _, ok := ix.rebased[p.ID]; ok {
			own[p.ID] = p.Levels
		}
	}
	var second map[string][]string
	ix.pairs, second = match(m, held, focus, cfg.Team.MentorCapacity, busy, own)
	ix.byMentor, ix.byMentee = map[string][]Pair{}, map[string][]Pair{}
	for _, pr := range ix.pairs {
		ix.byMentor[pr.Mentor] = append(ix.byMentor[pr.Mentor], pr)
		ix.byMentee[pr.Mentee] = append(ix.byMentee[pr.Mentee], pr)
	}
	ix.unpaired = map[string][]string{}
	for _, p := range held {
		for _, id := range focus[p.ID] {
			if slices.Contains(second[p.ID], id) {
				ix.unpaired[p.ID] = append(ix.unpaired[p.ID], id) // in focus order
			}
		}
	}
}

// GoalMentor is a mentoring a person's own goal names: Mentor's goal
// (Goal, due Due) is to mentor Mentee.
type GoalMentor struct {
	Mentor string `json:"mentor"`
	Mentee string `json:"mentee"`
	Goal   string `json:"goal"`
	Due    string `json:"due,omitempty"`
}

// goalMentors finds the goals that name mentoring or coaching a teammate
// ("Mentor Sam Patel through his first quarter"): the teammate named by
// full name, or by a first name only they have. One mentor a mentee: the
// first by id. Keyed by mentee id.
func goalMentors(ix *TeamIndex) map[string]GoalMentor {
	first := map[string][]string{}
	for _, id := range ix.ids {
		if f := firstWord(ix.people[id].Name); f != "" {
			first[f] = append(first[f], id)
		}
	}
	out := map[string]GoalMentor{}
	for _, id := range ix.ids {
		p := ix.people[id]
		for _, g := range p.Goals {
			w := contentWords(g.Text)
			if !w["mento"] && !w["coach"] {
				continue
			}
			mentee := ""
			for _, qid := range ix.ids {
				if q := ix.people[qid]; qid != id && q.Name != "" && strings.Contains(g.Text, q.Name) {
					mentee = qid
					break
				}
			}
			if mentee == "" {
				for _, word := range strings.FieldsFunc(g.Text, notLetter) {
					if ids := first[word]; len(ids) == 1 && ids[0] != id {
						mentee = ids[0]
						break
					}
				}
			}
			if mentee == "" || ix.people[mentee].Manager == id {
				continue // a manager coaching their report is the job, not a mentoring
			}
			if _, ok := out[mentee]; ok {
				continue
			}
			gm := GoalMentor{Mentor: id, Mentee: mentee, Goal: g.Text}
			if !g.Due.IsZero() {
				gm.Due = date(g.Due)
			}
			out[mentee] = gm
		}
	}
	return out
}

// ShownMentor is a mentoring a teammate's own evidence records: Mentor's
// entry of Date (Text) says they mentored or coached Mentee.
type ShownMentor struct {
	Mentor string
	Date   string
	Text   string
}

// shownMentors finds the evidence entries that record mentoring or
// coaching a teammate ("Mentored Ivy through her first launch review"),
// the teammate named by full name or by a first name only they have, the
// latest entry of each mentor; a manager's entry about their own report
// is the job, not a mentoring. Keyed by mentee id, each list by mentor id.
func shownMentors(ix *TeamIndex) map[string][]ShownMentor {
	out := map[string][]ShownMentor{}
	for _, id := range ix.ids {
		p := ix.people[id]
		latest := map[string]ShownMentor{}
		for _, e := range p.Evidence {
			w := contentWords(e.Text)
			if !w["mento"] && !w["coach"] {
				continue
			}
			mentee := namedIn(ix, e.Text, id)
			if mentee == "" || ix.people[mentee].Manager == id {
				continue
			}
			if was, ok := latest[mentee]; !ok || was.Date < date(e.Date) {
				latest[mentee] = ShownMentor{Mentor: id, Date: date(e.Date), Text: e.Text}
			}
		}
		for _, mentee := range slices.Sorted(maps.Keys(latest)) {
			out[mentee] = append(out[mentee], latest[mentee])
		}
	}
	return out
}

// namedIn is the teammate text names, other than self: by full name, or
// by a first name only they have in the team; "" when none is.
func namedIn(ix *TeamIndex, text, self string) string {
	for _, qid := range ix.ids {
		if q := ix.people[qid]; qid != self && q.Name != "" && strings.Contains(text, q.Name) {
			return qid
		}
	}
	for _, word := range strings.FieldsFunc(text, notLetter) {
		if ids := ix.byFirst[word]; len(ids) == 1 && ids[0] != self {
			return ids[0]
		}
	}
	return ""
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
		mentees = append(mentees, MentorLink{Person: PersonRef{ID: pr.Mentee, Name: ix.names[pr.Mentee]}, Skill: skillRef(m, pr.Skill), IntroducedBy: ix.introducer(pr.Mentee, id)})
	}
	return mentors, mentees
}

// load is how many people id is paired with, as mentor or mentee; ix may
// be nil.
func (ix *TeamIndex) load(id string) int {
	if ix == nil {
		return 0
	}
	seen := map[string]bool{}
	for _, pr := range ix.byMentor[id] {
		seen[pr.Mentee] = true
	}
	for _, pr := range ix.byMentee[id] {
		seen[pr.Mentor] = true
	}
	return len(seen)
}

// heldLevels is team with the levels of each person whose latest
// re-baseline nobody has calibrated taken as they stood before it (the
// lower of the two on each skill): a mentor is matched on a level others
// share, never on a rating not yet calibrated.
func heldLevels(team []*skills.Person, rebased map[string]Baseline) []*skills.Person {
	if len(rebased) == 0 {
		return team
	}
	out := slices.Clone(team)
	for i, q := range out {
		b, ok := rebased[q.ID]
		if !ok || b.prior == nil {
			continue
		}
		c := *q
		c.Levels = make(map[string]int, len(q.Levels))
		for id, lvl := range q.Levels {
			if was, ok := b.prior[id]; ok {
				c.Levels[id] = min(lvl, was)
			}
		}
		out[i] = &c
	}
	return out
}

// outsideMentor is a mentor to find outside the team: for skills nobody
// in it can take this time (the one-skill rule holds rather than doubling
// up), someone in the role the person is reaching (who), introduced
// through via, the manager's manager, when the team names one.
type outsideMentor struct {
	skills   []string
	who, via string
}

// mentorsOutside are the Mentors section's lines for the focus skills ids
// that matching found nobody in the team for, and the commitment's terms;
// above are the names over the person's manager, nearest first.
func mentorsOutside(m *skills.Matrix, ids []string, target *skills.Role, above []string) ([]string, *outsideMentor) {
	if len(ids) == 0 || target == nil {
		return nil, nil
	}
	o := &outsideMentor{who: article(target.Name) + " from another group"}
	if len(above) > 0 {
		o.via = above[0]
	}
	var lines []string
	for _, id := range ids {
		s := m.Skill(id)
		if s == nil {
			continue
		}
		o.skills = append(o.skills, lowerFirst(s.Name))
		lines = append(lines, fmt.Sprintf("%s: nobody in the team this time; %s instead", s.Name, o.who))
	}
	if len(lines) == 0 {
		return nil, nil
	}
	return lines, o
}
