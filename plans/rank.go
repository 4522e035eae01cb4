package plans

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/coach-dev/coach/skills"
)

// How a plan chooses its focus skills. This file is the whole of it.
//
// Skills pinned in the skill file (focus = [...]) come first, in the file's
// order: the leader and the PM chose them. Then every assessed skill below
// the current role's bar, before any skill that is only short of the target:
// a gap in today's job is the more urgent one. Within each group a score adds
// up the signals below, highest first; ties fall to matrix order, the order
// the leader wrote the skills in, and never to a skill's id, so that renaming
// a skill never changes a plan. Unassessed skills are never ranked: they are
// assessed first, not guessed.
//
// The signals, each measured on the plan's today (TodayOf), never the clock:
//
//   - the gap to the target's bar, times the target role's emphasis on the
//     personas the skill serves (a Group PM leans on Coach/Mentor);
//   - the move from role to target names the skill (a [[transition]]'s skills);
//   - a goal that names the skill is overdue, or due within dueSoonDays;
//   - the PM's self-assessment differs from the manager's by a level or more;
//   - evidence for the skill dated within freshDays (momentum to build on), or
//     none for staleDays though there was some before (time to show it again).
//
// The plan states the signals in words (reasons), never the score.
const (
	dueSoonDays = 30
	freshDays   = 45
	staleDays   = 180

	scoreTransition   = 1.0
	scoreOverdue      = 2.0
	scoreDueSoon      = 1.0
	scoreDisagreement = 0.75
	scoreFresh        = 0.5
	scoreStale        = 0.25
)

// candidate is a skill that could be a focus, with the signals that rank it.
type candidate struct {
	skill     *skills.Skill
	order     int // position in the matrix
	pinned    bool
	belowRole bool
	gap       int
	weight    float64
	// transition is set when the move role -> target names the skill.
	transition bool
	overdue    []skills.Goal
	dueSoon    []skills.Goal
	// self is the self-assessment when it differs from the manager's.
	self int
	// fresh is the newest evidence when dated within freshDays; stale the
	// newest when it is older than staleDays.
	fresh, stale time.Time
}

func (c candidate) score() float64 {
	s := float64(max(c.gap, 0)) * c.weight
	if c.transition {
		s += scoreTransition
	}
	if len(c.overdue) > 0 {
		s += scoreOverdue
	}
	if len(c.dueSoon) > 0 {
		s += scoreDueSoon
	}
	if c.self != 0 {
		s += scoreDisagreement
	}
	if !c.fresh.IsZero() {
		s += scoreFresh
	}
	if !c.stale.IsZero() {
		s += scoreStale
	}
	return s
}

// weight is the target role's emphasis on the skill: the strongest of the
// personas the skill serves (a missing emphasis counts as 1).
func weight(s *skills.Skill, target *skills.Role) float64 {
	w := 0.0
	for _, persona := range s.Personas {
		e, ok := target.Emphasis[persona]
		if !ok {
			e = 1
		}
		w = max(w, e)
	}
	return w
}

// signals measures every signal of skill i of the matrix for p.
func signals(m *skills.Matrix, p *skills.Person, role, target *skills.Role, i int, today time.Time) candidate {
	s := &m.Skills[i]
	lvl := p.Levels[s.ID]
	c := candidate{skill: s, order: i, pinned: slices.Contains(p.Focus, s.ID),
		belowRole: lvl > 0 && lvl < s.Expect[role.ID],
		gap:       s.Expect[target.ID] - lvl, weight: weight(s, target)}
	if t := m.Transition(role.ID, target.ID); t != nil && slices.Contains(t.Skills, s.ID) {
		c.transition = true
	}
	if self, ok := p.Self[s.ID]; ok && lvl > 0 && self != lvl {
		c.self = self
	}
	if today.IsZero() {
		return c
	}
	for _, g := range p.Goals {
		if g.Due.IsZero() || !slices.Contains(g.Skills, s.ID) {
			continue
		}
		switch {
		case g.Due.Before(today):
			c.overdue = append(c.overdue, g)
		case !g.Due.After(today.AddDate(0, 0, dueSoonDays)):
			c.dueSoon = append(c.dueSoon, g)
		}
	}
	var newest time.Time
	for _, e := range p.Evidence {
		if e.Skill == s.ID && !e.Date.After(today) && e.Date.After(newest) {
			newest = e.Date
		}
	}
	switch {
	case newest.IsZero():
	case !newest.Before(today.AddDate(0, 0, -freshDays)):
		c.fresh = newest
	case newest.Before(today.AddDate(0, 0, -staleDays)):
		c.stale = newest
	}
	return c
}

// rank orders the candidate focus skills of p for the move role -> target.
func rank(m *skills.Matrix, p *skills.Person, role, target *skills.Role) []candidate {
	today := TodayOf(p).day
	var pinned []candidate
	rest := make([]candidate, 0, len(m.Skills))
	for _, id := range p.Focus {
		i := slices.IndexFunc(m.Skills, func(s skills.Skill) bool { return s.ID == id })
		if i < 0 || slices.ContainsFunc(pinned, func(c candidate) bool { return c.skill.ID == id }) {
			continue
		}
		c := signals(m, p, role, target, i, today)
		c.gap = max(0, c.gap)
		pinned = append(pinned, c)
	}
	for i := range m.Skills {
		s := &m.Skills[i]
		if _, ok := p.Levels[s.ID]; !ok || slices.Contains(p.Focus, s.ID) {
			continue
		}
		if c := signals(m, p, role, target, i, today); c.gap > 0 || c.belowRole {
			rest = append(rest, c)
		}
	}
	less := func(a, b *candidate) bool {
		if a.belowRole != b.belowRole {
			return a.belowRole
		}
		if a.score() != b.score() {
			return a.score() > b.score()
		}
		return a.order < b.order
	}
	// The comparison is less, both ways, so that the order is less's even
	// for a score that does not compare (NaN).
	slices.SortStableFunc(rest, func(a, b candidate) int {
		switch {
		case less(&a, &b):
			return -1
		case less(&b, &a):
			return 1
		}
		return 0
	})
	return append(pinned, rest...)
}

// rankOwn ranks the candidate focus skills of p for their own role and
// target; ok is false when the matrix has neither.
func rankOwn(m *skills.Matrix, p *skills.Person) (cands []candidate, ok bool) {
	role, target := m.Role(p.Role), m.Role(p.TargetRole(m))
	if role == nil || target == nil {
		return nil, false
	}
	return rank(m, p, role, target), true
}

// focusIDs is the plan's focus skills for p, as ids.
func focusIDs(m *skills.Matrix, cfg skills.Config, p *skills.Person) []string {
	cands, _ := rankOwn(m, p)
	return firstIDs(cands, cfg.Plan.Focus)
}

// firstIDs is the ids of the first n of cands, all of them for n < 0.
func firstIDs(cands []candidate, n int) []string {
	var out []string
	for _, c := range cands {
		if len(out) == n {
			break
		}
		out = append(out, c.skill.ID)
	}
	return out
}

// rankedFor is the ranking of in.Person that IndexTeam kept, when in asks
// for the same one: the same person, matrix and number of focus skills, for
// the person's own role and target. ix may be nil.
func (ix *TeamIndex) rankedFor(in Input, role, target *skills.Role) ([]candidate, bool) {
	if ix == nil || ix.matrix != in.Matrix || ix.planFocus != in.Config.Plan.Focus ||
		role.ID != in.Person.Role || target.ID != in.Person.TargetRole(in.Matrix) {
		return nil, false
	}
	cands, ok := ix.ranked[in.Person]
	return cands, ok
}

// reasons says in plain words why c was chosen, the strongest reason first.
func reasons(m *skills.Matrix, c candidate, role, target *skills.Role, lvl int) []string {
	var out []string
	if c.pinned {
		out = append(out, "you and your manager pinned it in the skill file")
	}
	exp := c.skill.Expect
	switch {
	case lvl == 0:
		out = append(out, "it is not assessed yet: assess it in the next 1:1")
	case c.belowRole:
		out = append(out, fmt.Sprintf("you are at %d, below the %s bar of %d for your current role, so it comes first", lvl, role.Name, exp[role.ID]))
	}
	if lvl > 0 && c.gap > 0 && target.ID != role.ID {
		out = append(out, fmt.Sprintf("%s short of the %s bar of %d", plural(c.gap, "level"), target.Name, exp[target.ID]))
	} else if lvl > 0 && c.gap > 0 {
		out = append(out, fmt.Sprintf("%s short of the bar of %d", plural(c.gap, "level"), exp[target.ID]))
	}
	if lvl > 0 && c.gap <= 0 && !c.belowRole {
		out = append(out, fmt.Sprintf("you already meet the %s bar; the next level makes it a strength", target.Name))
	}
	for _, g := range c.overdue {
		out = append(out, fmt.Sprintf("your goal to %s is overdue (due %s)", goalPhrase(g.Text), date(g.Due)))
	}
	for _, g := range c.dueSoon {
		out = append(out, fmt.Sprintf("your goal to %s is due on %s", goalPhrase(g.Text), date(g.Due)))
	}
	if c.self != 0 {
		out = append(out, fmt.Sprintf("you and your manager see this differently (you say %d, your manager %d)", c.self, lvl))
	}
	if c.transition && target.ID != role.ID {
		out = append(out, fmt.Sprintf("the move from %s to %s turns on it", role.Name, target.Name))
	}
	if e := leaningPersonas(m, c.skill, target); e != "" && c.gap > 0 {
		out = append(out, fmt.Sprintf("a %s leans on it as %s", target.Name, e))
	}
	if !c.fresh.IsZero() {
		out = append(out, fmt.Sprintf("your evidence of %s is fresh: build on it", date(c.fresh)))
	}
	if !c.stale.IsZero() {
		out = append(out, fmt.Sprintf("there is no evidence since %s: time to show it again", date(c.stale)))
	}
	return out
}

// leaningPersonas names the personas of s that the target weighs most (at
// least 1.2), or "" when none stands out.
func leaningPersonas(m *skills.Matrix, s *skills.Skill, target *skills.Role) string {
	var names []string
	for _, id := range s.Personas {
		if target.Emphasis[id] >= 1.2 {
			if pp := m.Persona(id); pp != nil {
				names = append(names, pp.Name)
			}
		}
	}
	return strings.Join(names, " and ")
}

// goalPhrase turns a goal written as an imperative ("Lead the EMEA pricing
// launch") into the rest of "your goal to ...".
func goalPhrase(text string) string {
	text = strings.TrimRight(strings.TrimSpace(text), ".")
	if text == "" {
		return text
	}
	first, rest, _ := strings.Cut(text, " ")
	if len(first) > 1 && strings.ToUpper(first) == first {
		return text // an acronym: keep it as written
	}
	return strings.ToLower(first[:1]) + first[1:] + strings.TrimSuffix(" "+rest, " ")
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
