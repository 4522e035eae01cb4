package cycle

// The strengths and areas to improve of a review follow the plan's rules:
// a strength has evidence behind it that records no setback (as the plan's
// strengths do); an area is measured against the bar it falls short of,
// the current role's before the target's; an area quotes a setback, never
// a success; nothing is judged in a new hire's first 90 days or on a
// handful of levels; a return from leave is a refresh, not an area; and an
// uncalibrated re-baseline is read from the levels before it.

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
)

// lastAssessment is the day of the last assessment before start: the
// assessed date the file had then, else the day the last level before
// start was recorded; "" when neither is known.
func lastAssessment(assessed time.Time, history []skills.Change, start time.Time) string {
	if !assessed.IsZero() && assessed.Before(start) {
		return date(assessed)
	}
	var last time.Time
	for _, c := range history {
		if c.Kind == skills.KindLevel && c.Date.Before(start) && c.Date.After(last) {
			last = c.Date
		}
	}
	return date(last)
}

// priorLevels are the levels just before the plan's baseline: the
// committed levels before its commit, or all of them for a baseline that
// is the file as it stands.
func priorLevels(history []skills.Change, b *plans.Baseline) map[string]int {
	sorted := slices.Clone(history)
	slices.SortStableFunc(sorted, func(a, b skills.Change) int { return a.Date.Compare(b.Date) })
	out := map[string]int{}
	for _, c := range sorted {
		if c.Kind != skills.KindLevel {
			continue
		}
		if !b.Pending && c.Commit == b.Commit {
			break
		}
		if to := c.ToLevel(); to > 0 {
			out[c.Skill] = to
		} else {
			delete(out, c.Skill)
		}
	}
	return out
}

// planHistory is the history the plan was built from.
func planHistory(in ReviewInput) []skills.Change {
	if in.PlanHistory != nil {
		return in.PlanHistory
	}
	return in.History
}

// held is set when the plan's verdict waits on the calibration of a
// re-baseline whose levels came before: the review reads the levels
// before it.
func held(pl *plans.Plan) bool {
	return pl.Verdict.Kind == "held" && pl.Baseline != nil
}

// points fills the strengths, the areas to improve and what the review
// says when there are none.
func (r *Review) points(in ReviewInput, asOf time.Time) {
	m, p, pl := in.Matrix, in.Person, in.Plan
	levels := p.Levels
	if held(pl) {
		levels = priorLevels(planHistory(in), pl.Baseline)
		r.ReadFrom = fmt.Sprintf("Strengths and areas to improve read the levels before the re-baseline of %s, which nobody has calibrated yet; the focus for the next period is the plan's, on the levels as rated now.", pl.Baseline.Date)
	}
	_, leaveText, _ := plans.ReturnFromLeave(p)
	// usable is the evidence a strength or an area may quote: dated by the
	// day the review reads, and not the return from leave, which is
	// neither.
	usable := func(skill string) []skills.Evidence {
		return slices.DeleteFunc(newestFirst(p.Evidence, skill), func(e skills.Evidence) bool {
			return e.Date.After(asOf) || leaveText != "" && e.Text == leaveText
		})
	}
	switch {
	case pl.Verdict.Kind == "onboarding":
		r.NoStrengths = fmt.Sprintf("None named yet: %s is in the first 90 days, where the work shows strengths, not a level.", r.First)
		if pl.Person.Joined != "" {
			r.NoStrengths = fmt.Sprintf("None named yet: %s joined on %s, and in the first 90 days the work shows strengths, not a level.", r.First, pl.Person.Joined)
		}
		r.NoAreas = fmt.Sprintf("None yet: no skill is called a gap until %s's first full assessment.", r.First)
		return
	case !pl.Judged():
		n := pl.Current.Total - pl.Current.Assessed
		r.NoStrengths = fmt.Sprintf("None named yet: %d of %d skills have no level yet, too few to read a strength against a bar.", n, pl.Current.Total)
		r.NoAreas = fmt.Sprintf("None yet: with %d of %d skills not assessed, no skill is called a gap until the first full assessment.", n, pl.Current.Total)
		return
	}
	r.strengths(m, pl, levels, usable)
	r.improvements(m, p, pl, levels, usable, asOf)
}

// strengths are the plan's (evidence behind them, above the bar of the job
// and of the one aimed for), then, while there are fewer than two, the
// skills at the target's bar and above the role's with evidence that
// records no setback: in a review, being at the next role's bar is a
// strength to name.
func (r *Review) strengths(m *skills.Matrix, pl *plans.Plan, levels map[string]int, usable func(string) []skills.Evidence) {
	named := map[string]bool{}
	for _, f := range pl.Focus {
		named[f.ID] = true
	}
	shown := func(skill string) *Entry {
		for _, e := range usable(skill) {
			if !plans.Setback(e.Text) {
				return &Entry{Date: date(e.Date), Text: e.Text}
			}
		}
		return nil
	}
	for _, s := range pl.Strengths {
		ev := shown(s.ID)
		if len(r.Strengths) == maxPoints || ev == nil {
			continue
		}
		bar, role := s.Expect, pl.Target.Name
		if !s.AboveTarget {
			bar, role = s.ExpectRole, pl.Role.Name
		}
		named[s.ID] = true
		r.Strengths = append(r.Strengths, Point{Skill: s.SkillRef, Level: s.Level, LevelName: s.LevelName,
			Bar: bar, BarName: levelName(m, bar), BarRole: role, Above: s.Level > bar, Before: s.Before, Evidence: ev})
	}
	type cand struct {
		p              Point
		margin, proofs int
	}
	var cands []cand
	for _, s := range m.Skills {
		lvl, bar, own := levels[s.ID], s.Expect[pl.Target.ID], s.Expect[pl.Role.ID]
		if named[s.ID] || lvl == 0 || lvl < bar || lvl <= own || pl.Returned != "" && slices.Contains(pl.Reentry, s.ID) {
			continue
		}
		n := 0
		for _, e := range usable(s.ID) {
			if !plans.Setback(e.Text) {
				n++
			}
		}
		c := cand{Point{Skill: plans.SkillRef{ID: s.ID, Name: s.Name}, Level: lvl, LevelName: levelName(m, lvl),
			Bar: bar, BarName: levelName(m, bar), BarRole: pl.Target.Name, Above: lvl > bar, Evidence: shown(s.ID)}, lvl - own, n}
		if n > 0 {
			cands = append(cands, c)
		}
	}
	order := func(a, b cand) int {
		return cmp.Or(cmp.Compare(b.margin, a.margin), cmp.Compare(b.p.Level, a.p.Level), cmp.Compare(b.proofs, a.proofs))
	}
	slices.SortStableFunc(cands, order)
	for _, c := range cands {
		if len(r.Strengths) >= 2 {
			break
		}
		r.Strengths = append(r.Strengths, c.p)
	}
	if len(r.Strengths) > 0 {
		return
	}
	// None with evidence: the skills rated highest, at or above the role's
	// bar, are named as such, with nothing written down, not as strengths.
	var bare []cand
	for _, s := range m.Skills {
		lvl := levels[s.ID]
		if !named[s.ID] && lvl >= 3 && lvl >= s.Expect[pl.Role.ID] && (pl.Returned == "" || !slices.Contains(pl.Reentry, s.ID)) &&
			!slices.ContainsFunc(usable(s.ID), func(e skills.Evidence) bool { return !plans.Setback(e.Text) }) {
			bare = append(bare, cand{p: Point{Skill: plans.SkillRef{ID: s.ID, Name: s.Name}, Level: lvl, LevelName: levelName(m, lvl)}, margin: lvl - s.Expect[pl.Role.ID]})
		}
	}
	slices.SortStableFunc(bare, func(a, b cand) int { return cmp.Or(cmp.Compare(b.p.Level, a.p.Level), cmp.Compare(b.margin, a.margin)) })
	if len(bare) == 0 {
		r.NoStrengths = "None above the bar yet: the levels meet it, or fall short of it."
		return
	}
	bare = bare[:min(3, len(bare))]
	var names []string
	same := !slices.ContainsFunc(bare, func(c cand) bool { return c.p.Level != bare[0].p.Level })
	for _, c := range bare {
		if same {
			names = append(names, c.p.Skill.Name)
		} else {
			names = append(names, fmt.Sprintf("%s at %d %s", c.p.Skill.Name, c.p.Level, c.p.LevelName))
		}
	}
	if same {
		at := fmt.Sprintf("at %d %s", bare[0].p.Level, bare[0].p.LevelName)
		if len(bare) > 1 {
			at = "all " + at
		}
		names[len(names)-1] += ", " + at
	}
	r.NoStrengths = fmt.Sprintf("None with evidence behind it yet. Rated highest, at or above the %s bar, with no example written down: %s.", pl.Role.Name, plans.AndList(names))
}

// improvements are the plan's focus skills below a bar, then, while there
// are fewer than two, the other skills below one, the largest gap first.
// Each is read against the bar it falls short of: the current role's while
// below it, else the target's. Someone back from leave is asked nothing
// beyond the current role, and a level rated down on the return is a
// refresh. At the target's bar everywhere, the plan's stretch role names
// the next bar, said as such.
func (r *Review) improvements(m *skills.Matrix, p *skills.Person, pl *plans.Plan, levels map[string]int, usable func(string) []skills.Evidence, asOf time.Time) {
	back := pl.Returned != ""
	barOf := func(s *skills.Skill) (int, string, bool) {
		lvl := levels[s.ID]
		switch {
		case lvl == 0 || back && slices.Contains(pl.Reentry, s.ID):
			return 0, "", false
		case lvl < s.Expect[pl.Role.ID]:
			return s.Expect[pl.Role.ID], pl.Role.Name, true
		case !back && lvl < s.Expect[pl.Target.ID]:
			return s.Expect[pl.Target.ID], pl.Target.Name, true
		}
		return 0, "", false
	}
	point := func(s *skills.Skill, bar int, role string) Point {
		lvl := levels[s.ID]
		return Point{Skill: plans.SkillRef{ID: s.ID, Name: s.Name}, Level: lvl, LevelName: levelName(m, lvl), Bar: bar, BarName: levelName(m, bar), BarRole: role}
	}
	// Below the role's bar first, then the plan's focus, then the largest
	// gap: all of the first two up to maxPoints, the rest while fewer than
	// two.
	focus := map[string]int{} // the plan's order, from 1
	for i, f := range pl.Focus {
		focus[f.ID] = i + 1
	}
	type gap struct {
		p        Point
		gap, fcs int
		role     bool
	}
	var gaps []gap
	for i := range m.Skills {
		s := &m.Skills[i]
		if bar, role, ok := barOf(s); ok {
			gaps = append(gaps, gap{p: point(s, bar, role), gap: bar - levels[s.ID], fcs: focus[s.ID], role: role == pl.Role.Name && levels[s.ID] < s.Expect[pl.Role.ID]})
		}
	}
	rank := func(g gap) int {
		switch {
		case g.role && g.fcs > 0:
			return 0
		case g.role:
			return 1
		case g.fcs > 0:
			return 2
		}
		return 3
	}
	order := func(g gap) int { return cmp.Or(g.fcs, len(m.Skills)+1) }
	slices.SortStableFunc(gaps, func(a, b gap) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(order(a), order(b)), cmp.Compare(b.gap, a.gap))
	})
	for _, g := range gaps {
		if len(r.Improvements) < 2 || len(r.Improvements) < maxPoints && rank(g) < 3 {
			r.Improvements = append(r.Improvements, g.p)
		}
	}
	if len(r.Improvements) == 0 && pl.Stretch != nil && !held(pl) && !back {
		// At the target's bar everywhere: the next bar, the plan's stretch.
		gaps = nil
		for _, s := range m.Skills {
			lvl, bar := levels[s.ID], s.Expect[pl.Stretch.ID]
			if lvl > 0 && lvl < bar {
				pt := point(&s, bar, pl.Stretch.Name)
				pt.Stretch = true
				gaps = append(gaps, gap{p: pt, gap: bar - lvl})
			}
		}
		slices.SortStableFunc(gaps, func(a, b gap) int { return cmp.Compare(b.gap, a.gap) })
		for _, g := range gaps[:min(2, len(gaps))] {
			r.Improvements = append(r.Improvements, g.p)
		}
	}
	if held(pl) {
		// The person's own rating below the manager's re-baseline: a level
		// to talk through before calibration.
		for _, a := range r.Apart {
			if a.Self >= a.Manager {
				continue
			}
			note := fmt.Sprintf("%s's own rating is %d %s, below the %d %s the re-baseline gave it.", r.First, a.Self, a.SelfName, a.Manager, a.ManagerName)
			if a.Self == levels[a.Skill.ID] {
				note = fmt.Sprintf("%s's own rating is the same %d %s; the re-baseline raised it to %d %s.", r.First, a.Self, a.SelfName, a.Manager, a.ManagerName)
			}
			if i := slices.IndexFunc(r.Improvements, func(pt Point) bool { return pt.Skill.ID == a.Skill.ID }); i >= 0 {
				r.Improvements[i].SelfNote = note
			} else if s := m.Skill(a.Skill.ID); s != nil {
				bar, role, _ := barOf(s)
				pt := point(s, bar, role)
				pt.SelfNote = note
				r.Improvements = append(r.Improvements, pt)
			}
		}
	}
	var unwritten []string
	for i := range r.Improvements {
		pt := &r.Improvements[i]
		// The newest of what is recorded: a setback is quoted, progress
		// (a goal met, or evidence that records no setback) is said
		// without being quoted as a weakness.
		var met time.Time
		metText := ""
		for _, g := range p.Goals {
			if day, ok := goalDone(g); ok && slices.Contains(g.Skills, pt.Skill.ID) && !day.After(asOf) && day.After(met) {
				met, metText = day, g.Text
			}
		}
		ev := usable(pt.Skill.ID)
		switch {
		case len(ev) > 0 && !ev[0].Date.Before(met) && plans.Setback(ev[0].Text):
			pt.Evidence = &Entry{Date: date(ev[0].Date), Text: plans.SetbackClause(ev[0].Text)}
		case !met.IsZero() && (len(ev) == 0 || !met.Before(ev[0].Date)):
			pt.Step = fmt.Sprintf("the goal \"%s\", met on %s, is a step towards it", metText, date(met))
		case len(ev) > 0:
			pt.Step = fmt.Sprintf("the latest evidence, of %s, is a step towards it", date(ev[0].Date))
		default:
			unwritten = append(unwritten, pt.Skill.Name)
		}
	}
	switch {
	case len(unwritten) == 1:
		r.Unwritten = fmt.Sprintf("Nothing is written down yet on %s: an example %s will recognise belongs with it.", unwritten[0], r.First)
	case len(unwritten) > 1:
		r.Unwritten = fmt.Sprintf("Nothing is written down yet on %s: an example %s will recognise belongs with each.", plans.AndList(unwritten), r.First)
	}
	if len(r.Improvements) > 0 {
		return
	}
	switch {
	case back && len(pl.Reentry) > 0:
		var names []string
		for _, id := range pl.Reentry {
			names = append(names, skillRef(m, id).Name)
		}
		r.NoAreas = fmt.Sprintf("None: %s came back from leave on %s. %s, rated down since, %s a refresh, not %s to improve, and nothing beyond the %s bar is asked during the return.",
			r.First, pl.Returned, plans.AndList(names), plural(len(names), "is", "are"), plural(len(names), "an area", "areas"), pl.Role.Name)
	case held(pl):
		r.NoAreas = fmt.Sprintf("None on the levels before the re-baseline either: every assessed skill was at the %s bar.", pl.Target.Name)
	default:
		r.NoAreas = fmt.Sprintf("None: every assessed skill is at the %s bar", pl.Target.Name)
		if r.Unassessed > 0 {
			r.NoAreas += fmt.Sprintf(", and %d %s not assessed yet", r.Unassessed, plural(r.Unassessed, "skill is", "skills are"))
		}
		r.NoAreas += "."
	}
}

// unbacked says, once, which levels moved with no evidence dated behind
// them: raised, lowered, or rated down on a return from leave.
func (r *Review) unbacked(pl *plans.Plan) {
	var up, down, refreshed []string
	for _, mv := range r.Moved {
		switch {
		case len(mv.Evidence) > 0:
		case mv.To < mv.From && pl.Returned != "" && slices.Contains(pl.Reentry, mv.Skill.ID):
			refreshed = append(refreshed, mv.Skill.Name)
		case mv.To < mv.From:
			down = append(down, mv.Skill.Name)
		default:
			up = append(up, mv.Skill.Name)
		}
	}
	if len(refreshed) > 0 {
		r.Refreshed = fmt.Sprintf("%s %s rated down on %s's return from leave of %s: a refresh, not a skill lost.",
			plans.AndList(refreshed), plural(len(refreshed), "was", "were"), r.First, pl.Returned)
	}
	switch {
	case len(up) == 1:
		r.Unbacked = append(r.Unbacked, fmt.Sprintf("No evidence is dated behind %s since its level before was recorded: ask what %s did that showed it.", up[0], r.First))
	case len(up) > 1:
		r.Unbacked = append(r.Unbacked, fmt.Sprintf("No evidence is dated behind %s since their levels before were recorded: ask what %s did that showed each.", plans.AndList(up), r.First))
	}
	switch {
	case len(down) == 1:
		r.Unbacked = append(r.Unbacked, fmt.Sprintf("No evidence is dated behind the lower level of %s: write down what it rests on, with an example %s will recognise.", down[0], r.First))
	case len(down) > 1:
		r.Unbacked = append(r.Unbacked, fmt.Sprintf("No evidence is dated behind the lower levels of %s: write down what each rests on, with an example %s will recognise.", plans.AndList(down), r.First))
	}
}

// heldChange says how the readiness moved when the verdict is held on an
// uncalibrated re-baseline: the levels it set are not growth, and the
// count before it is the one that stands.
func (r *Review) heldChange(in ReviewInput) string {
	m, pl := in.Matrix, in.Plan
	prior := priorLevels(planHistory(in), pl.Baseline)
	met := 0
	for _, s := range m.Skills {
		if lvl, ok := prior[s.ID]; ok && lvl >= s.Expect[pl.Target.ID] {
			met++
		}
	}
	out := fmt.Sprintf("Held until calibration: the %d of %d skills at the bar rest on the re-baseline of %s, which nobody has calibrated; the levels before the re-baseline were %d of %d at the bar.",
		r.Readiness.Met, r.Readiness.Total, pl.Baseline.Date, met, r.Readiness.Total)
	switch b := r.Before; {
	case b == nil || b.Target.ID != r.Target.ID:
	case b.Verdict.Text == r.Verdict.Text:
		out += fmt.Sprintf(" The verdict was held already at %s.", r.beforeWhen())
	default:
		out += fmt.Sprintf(" At %s, the verdict was \"%s\".", r.beforeWhen(), b.Verdict.Text)
	}
	return out
}

// beforeWhen names the day of the comparison: the last assessment before
// the period, or the end of the period before when none is known.
func (r *Review) beforeWhen() string {
	if r.Before.AsOf != "" {
		return r.Before.AsOf + ", the last assessment before the period"
	}
	return "the end of the period before"
}

// leaveChange is the reason a readiness count fell on a return from leave.
func leaveChange(m *skills.Matrix, pl *plans.Plan) string {
	if pl.Returned == "" || len(pl.Reentry) == 0 {
		return ""
	}
	var names []string
	for _, id := range pl.Reentry {
		names = append(names, strings.ToLower(skillRef(m, id).Name[:1])+skillRef(m, id).Name[1:])
	}
	return fmt.Sprintf(" The difference is %s, rated down on the return from leave of %s: a refresh, not a skill lost.", plans.AndList(names), pl.Returned)
}
