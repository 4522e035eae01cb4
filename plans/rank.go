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
// a gap in today's job is the more urgent one. For someone below that bar,
// a skill their own open goal names comes before a gap only to the target's
// bar: that gap is a stretch to the next role, last. Within each group a score adds
// up the signals below, highest first; ties fall to matrix order, the order
// the leader wrote the skills in, and never to a skill's id, so that renaming
// a skill never changes a plan. Unassessed skills are never ranked: they are
// assessed first, not guessed; a goal's skill with no level is the goal's
// focus all the same, to assess first, ahead of a skill of the same goal
// already at the bar.
//
// A skill already at or above the target role's bar that is a focus all the
// same (a goal names it, or it is pinned) asks for the level above it: the
// stretch past the target's bar, named with the first role up the ladder
// that works at that level (see stretch). Its goal is where the bar shows,
// and, for someone at the bar everywhere, part of the promotion case. At the
// top of the scale there is no level past it: the focus is the goal the skill
// serves. A new hire, and someone back from a long leave, are asked for
// nothing new: their focus at the bar stays at the bar.
// One goal counts for one focus skill: a second skill that only the same
// goal brings in waits behind the gaps the person's own file touches
// (evidence, a rating of their own apart), and is dropped when it is
// already at the bar; below the bar it still comes before a gap that
// nothing in the file names, only the bar and the move's transition: a
// written goal outranks those.
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
// Between skills with equal signals, one the person wants to grow (their
// aspiration) comes before the matrix order: it breaks a tie, never a
// signal.
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
	// goals are the goals that name the skill, in the file's order; within
	// those due in the plan's 90 days (or overdue).
	goals  []skills.Goal
	within bool
	// self is the self-assessment when it differs from the manager's.
	self int
	// fresh is the newest evidence when dated within freshDays; stale the
	// newest when it is older than staleDays.
	fresh, stale time.Time
	// latest is the newest evidence of the skill, setback set when it
	// records one ("still", "missed", "slipped"...).
	latest  *skills.Evidence
	setback bool
	// part is the person's evidence read against the next level's rubric:
	// what of it is already on file.
	part levelReading
	// seen is set when the newest evidence is dated on or before the
	// file's assessment: the assessor had it when they set the level, so
	// it is no case for a higher one.
	seen bool
	// reentry is set when the level was lowered after a return from leave;
	// back for every skill of someone back from one within the plan's 90
	// days.
	reentry, back bool
	tier          int
	// onboard is set for a new hire: the next role is not theirs to plan.
	onboard bool
	// ready is set when the person meets the target's bar on every
	// assessed skill, most of them assessed: a goal at the bar is then part
	// of their promotion case.
	ready bool
	// busy is set when the person's mentoring load leaves no room for the
	// two mentees a matrix action would add.
	busy bool
	// wanted is set when the person wants to grow the skill.
	wanted bool
	// held is set when the levels stand on a re-baseline nobody has
	// calibrated: nothing past the target's bar is planned on them.
	held bool
}

// The tiers of the ranking, strongest first: a gap in today's job that the
// file touches (a goal, evidence, the transition, a disagreement), then the
// skills the person's own goals and setbacks name, then an untouched gap in
// today's job and the target's gaps. A rating the person gives themselves apart from the manager's, on
// a skill at the target's bar, is a conversation (see the plan's
// conversations), never a step past the bar: someone who underrates
// themselves needs confidence, not a stretch.
const (
	tierBelowTouched = iota
	// tierBelowCarried is a gap in today's job that the file touches,
	// whose goals an earlier focus already carries: a gap that a goal no
	// focus carries yet needs comes first (cold read 20, point 3).
	tierBelowCarried
	tierGoal
	// tierReentry is a level lowered on a return from leave.
	tierReentry
	tierBelow
	// tierGoalFirst is a shared goal's skill below the target's bar, for
	// someone below their current role's bar: there the target's gaps are
	// a stretch to the next role, and a skill their own open goal names
	// comes before them, after every gap in today's job.
	tierGoalFirst
	// tierTarget is a gap only to the target's bar that the person's own
	// file touches: evidence, or a rating of their own apart.
	tierTarget
	// tierSharedGap is a goal's skill below the target's bar whose goal an
	// earlier focus already carries: the person's own written goal needs
	// it, so it comes before a gap their file does not touch (cold read 20).
	tierSharedGap
	// tierTargetBare is a gap to the target's bar that nothing in the
	// person's file names: the bar, and at most the move's transition,
	// which every move between the two roles names alike.
	tierTargetBare
	// tierGoalAtBar is a goal's skill already at the target's bar, for
	// someone not yet at it everywhere: the gaps come first.
	tierGoalAtBar
	// tierShared is a goal's skill whose goal an earlier focus already
	// carries: one goal counts for one focus skill, and the others come
	// from other signals first.
	tierShared
)

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
	if c.within {
		s += scoreDueSoon
	}
	if c.setback {
		s += scoreOverdue
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
		gap:       s.Expect[target.ID] - lvl, weight: weight(s, target), wanted: wantsToGrow(p, s.ID)}
	if t := m.Transition(role.ID, target.ID); t != nil && slices.Contains(t.Skills, s.ID) {
		c.transition = true
	}
	if self, ok := p.Self[s.ID]; ok && lvl > 0 && self != lvl {
		c.self = self
	}
	if today.IsZero() {
		return c
	}
	for _, g := range p.OpenGoals() {
		if !goalNames(g, s) {
			continue
		}
		c.goals = append(c.goals, g)
		if g.Due.IsZero() {
			continue
		}
		switch {
		case g.Due.Before(today):
			c.overdue = append(c.overdue, g)
			c.within = true
		case !g.Due.After(today.AddDate(0, 0, dueSoonDays)):
			c.dueSoon = append(c.dueSoon, g)
			c.within = true
		case !g.Due.After(today.AddDate(0, 0, planDays)):
			c.within = true
		}
	}
	var newest time.Time
	for k, e := range p.Evidence {
		if e.Skill == s.ID && !e.Date.After(today) && (e.Date.After(newest) || c.latest == nil) {
			newest = e.Date
			c.latest = &p.Evidence[k]
		}
	}
	if c.latest != nil {
		c.setback = Setback(c.latest.Text)
		c.seen = !p.Assessed.IsZero() && !c.latest.Date.After(p.Assessed)
	}
	if lvl > 0 {
		c.part = readLevel(p, s, lvl+1, today)
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

// stretch is the level a focus skill at or above the target's bar asks for
// (the one above lvl, past the target's bar), and the first role up the
// ladder from the target whose bar is that level, nil when none is; next is
// 0 when the skill asks for no new level: it is below the bar, at the top of
// the scale, or the person is onboarding or back from a long leave.
//
// A stretch is sized to the person's scope: it is the bar of the role just
// past the target (or, at the end of the ladder, the level above), never a
// level only a role further up works at, and never the top of the scale (a
// step of a year or more). Someone at the target's bar everywhere gets the
// promotion case instead, and levels held until a calibration hold no
// stretch: it waits for the calibration.
func stretch(m *skills.Matrix, c candidate, target *skills.Role, lvl int) (next int, works *skills.Role) {
	if lvl <= 0 || lvl < c.skill.Expect[target.ID] || lvl+1 >= m.MaxLevel() || c.onboard || c.back || c.reentry || c.ready || c.held {
		return 0, nil
	}
	next = lvl + 1
	r := m.Role(target.Next)
	switch {
	case r == nil:
		return next, nil // the end of the ladder: the level above is the stretch
	case r.ID != target.ID && c.skill.Expect[r.ID] >= next:
		return next, r
	}
	return 0, nil // only a role further up works at it: not this plan's
}

// stretchWords is the stretch past a bar in words: "4 Leading, what a
// Director of Product works at", or the level alone when no role up the
// ladder works at it.
func stretchWords(level string, works string) string {
	if works == "" {
		return level
	}
	return fmt.Sprintf("%s, what %s works at", level, article(works))
}

// goalNames reports whether goal g counts for skill s. A goal that takes
// work over from someone ("Take over the weekly release review") does not
// count for a delegation skill: the delegation is the giver's, and the taker
// practises the work itself.
func goalNames(g skills.Goal, s *skills.Skill) bool {
	if !slices.Contains(g.Skills, s.ID) {
		return false
	}
	return !(receives(g.Text) && delegationSkill(s))
}

// receives reports whether a goal's text takes work over from someone
// rather than giving it away.
func receives(text string) bool {
	t := strings.ToLower(strings.TrimSpace(text))
	for _, p := range []string{"take over ", "take on ", "takes over ", "pick up ", "inherit "} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// delegationSkill reports whether s is the matrix's skill of giving work
// away, by its id or name.
func delegationSkill(s *skills.Skill) bool {
	return strings.Contains(strings.ToLower(s.ID+" "+s.Name), "delegat")
}

// planDays is the span of a plan: its milestones run to day 90.
const planDays = 90

// Setback (agendawords.go) tells an evidence entry that records a setback.

// rank orders the candidate focus skills of p for the move role -> target.
// A new hire's come only from their goals and their current role's bar.
// Someone at the target's bar on every assessed skill is not planned
// against the role after it: their focus is their case for the target (see
// the top of this file).
func rank(m *skills.Matrix, p *skills.Person, role, target *skills.Role) []candidate {
	today := TodayOf(p).day
	onboard := NewHire(p, today)
	back, _, _ := ReturnFromLeave(p)
	ready := !onboard && target.ID != role.ID && len(p.Levels)*2 >= len(m.Skills) // else too little assessed to say they are at the bar
	for _, s := range m.Skills {
		if lvl, ok := p.Levels[s.ID]; ok && lvl < s.Expect[target.ID] {
			ready = false
			break
		}
	}
	var pinned []candidate
	rest := make([]candidate, 0, len(m.Skills))
	for _, id := range p.Focus {
		i := slices.IndexFunc(m.Skills, func(s skills.Skill) bool { return s.ID == id })
		if i < 0 || slices.ContainsFunc(pinned, func(c candidate) bool { return c.skill.ID == id }) {
			continue
		}
		c := signals(m, p, role, target, i, today)
		c.gap = max(0, c.gap)
		c.ready, c.onboard = ready, onboard
		// Pinned by the person and their manager: a focus, with nothing
		// new asked in it when the return from leave lowered it.
		c.reentry = !back.IsZero() && c.belowRole
		c.back = !back.IsZero()
		pinned = append(pinned, c)
	}
	for i := range m.Skills {
		s := &m.Skills[i]
		if slices.Contains(p.Focus, s.ID) {
			continue
		}
		lvl, assessed := p.Levels[s.ID]
		c := signals(m, p, role, target, i, today)
		c.onboard, c.ready = onboard, ready
		c.back = !back.IsZero()
		c.reentry = c.back && c.belowRole
		touched := len(c.goals) > 0 || c.latest != nil || c.transition || c.self != 0
		switch {
		case !assessed && len(c.goals) == 0:
			continue // assessed first, never guessed
		case c.reentry:
			// A level lowered on the return from a long leave is
			// re-assessed together, not counted as a gap: it comes after
			// the skills the person's own goals name, which carry those
			// goals first (see Build: it is a focus only when nothing else
			// is).
			c.tier = tierReentry
		case c.belowRole && touched:
			c.tier = tierBelowTouched
		case c.setback || (len(c.goals) > 0 && (!assessed || lvl <= s.Expect[target.ID] && lvl < m.MaxLevel())):
			// A goal's skill already above the target's bar is a strength
			// the goal uses, not a focus.
			c.tier = tierGoal
			if assessed && lvl >= s.Expect[target.ID] && !ready && !c.setback && !onboard {
				c.tier = tierGoalAtBar
			}
		case c.belowRole:
			c.tier = tierBelow
		case onboard:
			continue // a new hire is not planned against the next role
		case c.gap > 0 && (c.latest != nil || c.self != 0):
			c.tier = tierTarget
		case c.gap > 0:
			c.tier = tierTargetBare
		default:
			continue
		}
		if !assessed {
			c.gap = max(s.Expect[role.ID], 1)
		}
		rest = append(rest, c)
	}
	less := func(a, b *candidate) bool {
		if a.tier != b.tier {
			return a.tier < b.tier
		}
		if a.score() != b.score() {
			return a.score() > b.score()
		}
		if a.wanted != b.wanted {
			return a.wanted
		}
		return a.order < b.order
	}
	// The comparison is less, both ways, so that the order is less's even
	// for a score that does not compare (NaN).
	cmp := func(a, b candidate) int {
		switch {
		case less(&a, &b):
			return -1
		case less(&b, &a):
			return 1
		}
		return 0
	}
	slices.SortStableFunc(rest, cmp)
	// One goal counts for one focus skill: a skill that only its goals
	// bring in, when an earlier skill already carries every one of them,
	// waits behind the skills other signals bring.
	carried := map[string]bool{}
	for _, c := range pinned {
		for _, g := range c.goals {
			carried[g.Text] = true
		}
	}
	for i := range rest {
		c := &rest[i]
		shared := !c.setback && len(c.goals) > 0 &&
			!slices.ContainsFunc(c.goals, func(g skills.Goal) bool { return !carried[g.Text] })
		switch {
		case shared && onboard:
			c.tier = -1 // a new hire's goal is one focus, not one a skill it names
			continue
		case shared && (c.tier == tierGoal || c.tier == tierGoalAtBar) && c.gap <= 0 && p.Levels[c.skill.ID] > 0:
			c.tier = -1 // at the bar, and its goal is carried: nothing to add
			continue
		case shared && c.tier == tierGoal && c.gap > 0 && p.Levels[c.skill.ID] > 0:
			c.tier = tierSharedGap
			continue
		case shared && (c.tier == tierGoal || c.tier == tierGoalAtBar):
			c.tier = tierShared
			continue
		case shared && c.tier == tierBelowTouched && c.latest == nil && !c.transition && c.self == 0:
			// A gap in today's job that only a goal already carried
			// touches: still a gap, after the gaps other signals touch.
			c.tier = tierBelow
			continue
		case shared && c.tier == tierBelowTouched:
			c.tier = tierBelowCarried
			continue
		}
		for _, g := range c.goals {
			carried[g.Text] = true
		}
	}
	rest = slices.DeleteFunc(rest, func(c candidate) bool { return c.tier < 0 })
	if slices.ContainsFunc(rest, func(c candidate) bool { return c.belowRole && !c.reentry }) {
		// Below the current role's bar: the target's gaps are a stretch,
		// after the skills the person's own goals name.
		for i := range rest {
			if rest[i].tier == tierShared || rest[i].tier == tierSharedGap {
				rest[i].tier = tierGoalFirst
			}
		}
	}
	slices.SortStableFunc(rest, cmp)
	return append(pinned, rest...)
}

// NewHire reports whether p joined (the skill file's joined date) within the
// 90 days up to today: their plan is an onboarding plan.
func NewHire(p *skills.Person, today time.Time) bool {
	return !p.Joined.IsZero() && !today.IsZero() && !p.Joined.After(today) && !p.Joined.Before(today.AddDate(0, 0, -planDays))
}

// ReturnFromLeave finds the evidence entry that records p's return from a
// long leave within the plan's 90 days: its date and text. A skill rated
// below the bar then is re-entry, not a lost skill.
func ReturnFromLeave(p *skills.Person) (time.Time, string, bool) {
	today := TodayOf(p).day
	for _, e := range slices.Backward(p.Evidence) {
		if recordsReturn(e.Text) && !e.Date.After(today) && !e.Date.Before(today.AddDate(0, 0, -planDays)) {
			return e.Date, e.Text, true
		}
	}
	return time.Time{}, "", false
}

// recordsReturn reports whether an evidence text records a return from a
// long leave.
func recordsReturn(text string) bool {
	t := strings.ToLower(text)
	back := strings.Contains(t, "back from") || strings.Contains(t, "returned from") || strings.Contains(t, "return from")
	away := strings.Contains(t, "leave") || strings.Contains(t, "sabbatical") || strings.Contains(t, "months away") || strings.Contains(t, "months off")
	return back && away
}

// Quoted is an evidence text as a plan or a review lists it: an entry that
// records a return from leave is quoted without why or how long the
// person was away, which is theirs to tell ("Back from six months of
// parental leave; met each manager" reads "Back from leave; met each
// manager").
func Quoted(text string) string {
	if !recordsReturn(text) {
		return text
	}
	if _, rest, ok := strings.Cut(text, ";"); ok {
		return "Back from leave;" + rest
	}
	return "Back from leave"
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

// firstIDs is the ids of the focus skills the first n of cands make (see
// chosen), all of cands for n < 0.
func firstIDs(cands []candidate, n int) []string {
	var out []string
	for _, c := range chosen(cands, n) {
		out = append(out, c.skill.ID)
	}
	return out
}

// chosen is the focus the first n of cands make (all of them for n < 0),
// in the order the plan says them. The ranking chooses which skills are a
// focus: a written goal outranks a gap in today's job that nothing touches.
// The plan then says them in the order the verdict works in: pins first,
// then every gap in today's job, then the rest, each group in ranking
// order. Someone held to the current role first sees today's gaps before a
// stretch to the next role, and the goal's skill stays in the focus.
func chosen(cands []candidate, n int) []candidate {
	if n >= 0 && len(cands) > n {
		cands = cands[:n]
	}
	out := slices.Clone(cands)
	group := func(c candidate) int {
		switch {
		case c.pinned:
			return 0
		case c.belowRole && !c.reentry:
			return 1
		}
		return 2
	}
	slices.SortStableFunc(out, func(a, b candidate) int { return group(a) - group(b) })
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

// reasons says in plain words why c was chosen, the strongest reason first,
// each resting on the file's own words: its goals, its evidence, its levels.
// first is set for the first focus below the current role's bar: that one
// comes first, and says so.
//
// roleFirst is set when the person is below their current role's bar: the
// move to the target is then not the reason for anything. usedShifts are the
// transition's shifts an earlier focus already cited: each is cited once.
func reasons(m *skills.Matrix, c candidate, role, target *skills.Role, lvl int, first bool, back time.Time, roleFirst bool, usedShifts map[string]bool) []string {
	var out []string
	if c.pinned {
		out = append(out, "you and your manager chose it as a focus together")
	}
	exp := c.skill.Expect
	switch {
	case lvl == 0 && len(c.goals) > 0:
		g := c.goals[0]
		assess := "assess it together first, and "
		if c.onboard {
			assess = "" // learning before being assessed
		}
		out = append(out, fmt.Sprintf("your goal \"%s\" needs %s, which has no level yet: %sthe goal will show where you stand", g.Text, lowerFirst(c.skill.Name), assess))
		c.goals = c.goals[1:]
	case lvl == 0:
		out = append(out, "it is not assessed yet: assess it in the next 1:1")
	case c.reentry:
		out = append(out, fmt.Sprintf("it is rated %d on this assessment, against the %d the %s job asks for: a level to re-assess together at the calibration, not counted as a gap", lvl, exp[role.ID], role.Name))
	case c.belowRole && first:
		out = append(out, fmt.Sprintf("at %s you are below the %s the %s job asks for today, so it comes first", levelWords(m, lvl), levelWords(m, exp[role.ID]), role.Name))
	case c.belowRole:
		out = append(out, fmt.Sprintf("at %s it is also below the %d the %s job asks for today", levelWords(m, lvl), exp[role.ID], role.Name))
	}
	// At or above the target's bar, the level above it is the stretch past
	// that bar; at the top of the scale there is none, and the focus is the
	// goal the skill serves, said as such.
	past := ""
	if n, works := stretch(m, c, target, lvl); n > 0 {
		name := ""
		if works != nil {
			name = works.Name
		}
		past = "the stretch past that bar is " + stretchWords(levelWords(m, n), name)
	}
	top := ""
	if lvl == m.MaxLevel() && !c.onboard && !c.back && !c.reentry {
		top = fmt.Sprintf("at %s, the top of the scale, there is no level past it: ", levelWords(m, lvl))
	}
	switch {
	case lvl > 0 && c.gap > 0 && target.ID != role.ID && !c.belowRole && !c.onboard:
		out = append(out, fmt.Sprintf("%s asks for %s, %s up", target.Name, levelWords(m, exp[target.ID]), words(c.gap, "level")))
	case lvl > 0 && lvl >= exp[target.ID] && target.ID != role.ID && len(c.goals) > 0 && c.ready && !overdue(c, c.goals[0]):
		switch {
		case past != "":
			out = append(out, fmt.Sprintf("you meet the %s bar in it already, so your goal %s is part of your promotion case, and %s", target.Name, goalDue(c.goals[0]), past))
		case top != "":
			out = append(out, fmt.Sprintf("%sthe focus is your goal %s, part of your promotion case for %s", top, goalDue(c.goals[0]), target.Name))
		default:
			out = append(out, fmt.Sprintf("you meet the %s bar in it already, so your goal %s is part of your promotion case rather than a new level", target.Name, goalDue(c.goals[0])))
		}
		c.goals = c.goals[1:]
	case lvl > 0 && lvl >= exp[target.ID] && len(c.goals) > 0 && !overdue(c, c.goals[0]):
		switch {
		case past != "":
			out = append(out, fmt.Sprintf("you meet the %s bar in it already: your goal %s is where it shows, and %s", target.Name, goalDue(c.goals[0]), past))
		case top != "":
			out = append(out, fmt.Sprintf("%sthe focus is your goal %s, and what it does for the people it serves", top, goalDue(c.goals[0])))
		default:
			out = append(out, fmt.Sprintf("you meet the %s bar in it already: your goal %s is where it shows, not a new level", target.Name, goalDue(c.goals[0])))
		}
		c.goals = c.goals[1:]
	case lvl > 0 && lvl >= exp[target.ID] && c.pinned:
		switch {
		case past != "":
			out = append(out, fmt.Sprintf("you meet the %s bar in it already: %s", target.Name, past))
		case top != "":
			out = append(out, top+"the focus is to use it where others see it")
		default:
			out = append(out, fmt.Sprintf("you meet the %s bar in it already: the focus is to use it where others see it, not a new level", target.Name))
		}
	}
	for _, g := range c.overdue {
		out = append(out, fmt.Sprintf("your goal \"%s\" was due on %s and is still open", g.Text, date(g.Due)))
	}
	for _, g := range c.goals {
		if !slices.ContainsFunc(c.overdue, func(o skills.Goal) bool { return o.Text == g.Text }) {
			if g.Due.IsZero() {
				out = append(out, fmt.Sprintf("your goal \"%s\" depends on it", g.Text))
			} else {
				out = append(out, fmt.Sprintf("your goal \"%s\" depends on it, due %s", g.Text, date(g.Due)))
			}
		}
	}
	if c.self != 0 {
		if c.self < lvl {
			out = append(out, fmt.Sprintf("you rate yourself %d where your manager sees %d", c.self, lvl))
		} else {
			out = append(out, fmt.Sprintf("you rate yourself %d, above your manager's %d", c.self, lvl))
		}
	}
	if c.wanted {
		out = append(out, "you want to grow it")
	}
	if c.transition && target.ID != role.ID && !c.onboard && !roleFirst && !c.belowRole && lvl < exp[target.ID] {
		// The shift of the move that concerns the skill, in the matrix's
		// own words; none when no shift names it.
		if sh := shiftFor(m.Transition(role.ID, target.ID), c.skill, usedShifts); sh != "" {
			out = append(out, fmt.Sprintf("the move to %s is %s", target.Name, lowerFirst(strings.TrimSuffix(sh, "."))))
		}
	}
	if c.latest != nil && !recordsReturn(c.latest.Text) {
		// The entry that records a return from leave is the re-entry, not
		// the skill moving.
		switch {
		case c.setback:
			out = append(out, fmt.Sprintf("the latest evidence, of %s, shows a setback: \"%s\"", date(c.latest.Date), SetbackClause(c.latest.Text)))
		case lvl > 0 && c.part.shows() && len(c.part.Missing) > 0:
			// Part of the next level is on file already: the plan weighs
			// it and asks for the rest.
			out = append(out, fmt.Sprintf("your evidence of %s (\"%s\") already shows part of what %s asks, but not yet \"%s\"", date(c.part.Entry.Date), c.part.Entry.Text, levelWords(m, lvl+1), strings.Join(c.part.Missing, "\", nor \"")))
		case lvl > 0 && c.seen && c.part.shows():
			out = append(out, fmt.Sprintf("your evidence of %s (\"%s\") already shows what %s asks, and the level stays until others see it again, on other work", date(c.part.Entry.Date), c.part.Entry.Text, levelWords(m, lvl+1)))
		case !c.fresh.IsZero() && !c.seen && descriptor(c.skill, lvl+1) != "" && shown([]string{c.latest.Text}, descriptor(c.skill, lvl+1)):
			out = append(out, fmt.Sprintf("the latest evidence, of %s, already reads like %s (\"%s\"): bring it to the next assessment", date(c.latest.Date), levelWords(m, lvl+1), c.latest.Text))
		case !c.fresh.IsZero():
			out = append(out, fmt.Sprintf("the latest evidence, of %s, shows it moving: \"%s\"", date(c.latest.Date), c.latest.Text))
		case !c.stale.IsZero():
			out = append(out, fmt.Sprintf("nothing shows it since %s (\"%s\"): time to show it again", date(c.latest.Date), c.latest.Text))
		}
	}
	return out
}

// overdue reports whether g is one of c's overdue goals.
func overdue(c candidate, g skills.Goal) bool {
	return slices.ContainsFunc(c.overdue, func(o skills.Goal) bool { return o.Text == g.Text })
}

// goalDue is a goal's text in quotation marks, with its due date if any.
func goalDue(g skills.Goal) string {
	if g.Due.IsZero() {
		return fmt.Sprintf("\"%s\"", g.Text)
	}
	return fmt.Sprintf("\"%s\" (due %s)", g.Text, date(g.Due))
}

// words writes a small count in words: "one level", "two levels".
func words(n int, word string) string {
	if n == 1 {
		return "one " + word
	}
	return number(n) + " " + word + "s"
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// shiftFor is the shift of the transition t, not in used, that names skill
// s most: the most words of the skill's name (four letters or more, not
// "product" or "team") share their first five letters with a word of the
// shift; the first of those on a tie. "" when none does; the shift found is
// added to used.
func shiftFor(t *skills.Transition, s *skills.Skill, used map[string]bool) string {
	if t == nil {
		return ""
	}
	stem := func(w string) string {
		w = strings.ToLower(w)
		if len(w) > 5 {
			w = w[:5]
		}
		return w
	}
	var stems []string
	for _, w := range strings.FieldsFunc(s.Name, notLetter) {
		if len(w) >= 4 && !strings.EqualFold(w, "product") && !strings.EqualFold(w, "team") {
			stems = append(stems, stem(w))
		}
	}
	best, most := "", 0
	for _, sh := range t.Shifts {
		if used[sh] {
			continue
		}
		hit := map[string]bool{}
		for _, w := range strings.FieldsFunc(sh, notLetter) {
			if len(w) >= 4 && slices.Contains(stems, stem(w)) {
				hit[stem(w)] = true
			}
		}
		if len(hit) > most {
			best, most = sh, len(hit)
		}
	}
	if best != "" {
		used[best] = true
	}
	return best
}
