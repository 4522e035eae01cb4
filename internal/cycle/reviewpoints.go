package cycle

// The strengths and areas to improve of a review follow the plan's rules:
// the strengths are the plan's own, above the current role's bar or at the
// top of the scale (a skill at the bar is the job done); an area is measured against the bar it falls short of,
// the current role's before the target's; an area quotes a setback, never
// a success; nothing is judged in a new hire's first 90 days or on a
// handful of levels; a return from leave is a refresh, not an area. A
// review reads one set of levels, the file's as of the day it reads, and
// says once when they are an uncalibrated re-baseline. No bar beyond the
// target's is ever asked for: someone at it is asked to show the levels
// nothing on file shows yet.

import (
	"cmp"
	"fmt"
	"regexp"
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
		r.NoStrengths = r.tooEarly(m, p, pl, asOf, leaveText)
		r.NoAreas = fmt.Sprintf("None yet: no skill is called a gap until %s's first full assessment.", r.First)
		return
	case !pl.Judged():
		r.NoStrengths = fmt.Sprintf("Too early to name strengths: %s has a level in only a few skills so far, and the first full assessment is still to come.", r.First)
		if b := pl.BuildOn; b != nil && b.Rated == "" {
			// Said as a new hire's is (tooEarly).
			r.NoStrengths += fmt.Sprintf(" What stands out so far: %s, on %s, \"%s\".", b.Name, b.Date, b.Text)
		}
		r.NoAreas = fmt.Sprintf("None yet: with most skills not assessed, no skill is called a gap until %s's first full assessment.", r.First)
		return
	}
	var prior map[string]int
	if held(pl) {
		prior = priorLevels(planHistory(in), pl.Baseline)
	}
	r.strengths(m, p, pl, levels, prior, usable)
	r.improvements(m, p, pl, levels, usable, asOf, levelSince(in.History, asOf))
}

// tooEarly says, of someone in their first 90 days, that it is too early
// to name strengths, and what stands out so far: the latest piece of work
// written down, quoted as written; with none, when the first full
// assessment is (VP cold read 20: "in the first 90 days the work shows
// strengths, not a level" read as the tool's words).
func (r *Review) tooEarly(m *skills.Matrix, p *skills.Person, pl *plans.Plan, asOf time.Time, leaveText string) string {
	lead := "Too early to name strengths"
	if pl.Person.Joined != "" {
		lead += fmt.Sprintf(": %s joined on %s.", r.First, pl.Person.Joined)
	} else {
		lead += fmt.Sprintf(": %s is in the first 90 days.", r.First)
	}
	var latest *skills.Evidence
	for i, e := range p.Evidence {
		if e.Date.After(asOf) || leaveText != "" && e.Text == leaveText || plans.Setback(e.Text) || reviewQuoted(e.Text) == "" {
			continue
		}
		if latest == nil || e.Date.After(latest.Date) {
			latest = &p.Evidence[i]
		}
	}
	if latest != nil {
		name := latest.Skill
		if s := m.Skill(latest.Skill); s != nil {
			name = s.Name
		}
		return fmt.Sprintf("%s What stands out so far: %s, on %s, \"%s\".", lead, name, date(latest.Date), strings.TrimSuffix(reviewQuoted(latest.Text), "."))
	}
	if first := firstAssessment(pl); first != "" {
		return fmt.Sprintf("%s Nothing from the work is written down yet; the first full assessment is on %s.", lead, first)
	}
	return lead + " Nothing from the work is written down yet."
}

// firstAssessment is the date of a new hire's first full assessment: the
// plan's, else 90 days after they joined; "" when neither is known.
func firstAssessment(pl *plans.Plan) string {
	if o := pl.Onboarding; o != nil && o.FirstAssessment != "" {
		return o.FirstAssessment
	}
	joined, err := time.Parse(time.DateOnly, pl.Person.Joined)
	if err != nil {
		return ""
	}
	return date(joined.AddDate(0, 0, 90))
}

// earlier says a strength's example from before the period is carried
// from it, with nothing new on it in the period yet.
func (r *Review) earlier(day string) string {
	when := "from earlier in the year"
	if !strings.HasPrefix(day, r.Since[:min(4, len(r.Since))]) {
		when = "from an earlier year"
	}
	this := "this period"
	if r.Quarter {
		this = "this quarter"
	}
	return fmt.Sprintf("carried %s; nothing new on it %s yet", when, this)
}

// shareClause says once, under the list, what every strength's example
// has in common (VP cold read 17: "carried from earlier in the year…" and
// "that example showed 3…" under each strength, word for word).
func (r *Review) shareClause() {
	clause := func(p Point) string { return cmp.Or(p.Uncalibrated, p.Earlier) }
	n := 0
	for _, p := range r.Strengths {
		if p.Evidence != nil {
			if clause(p) == "" || clause(p) != clause(r.Strengths[0]) {
				return
			}
			n++
		}
	}
	if n < 2 || n != len(r.Strengths) {
		return
	}
	for i := range r.Strengths {
		r.Strengths[i].Shared = true
	}
	c := clause(r.Strengths[0])
	each := plural(n, "", "Both examples")
	if n > 2 {
		each = "All the examples"
	}
	switch {
	case r.Strengths[0].Uncalibrated != "":
		c = strings.Replace(strings.TrimPrefix(c, "that example "), ", and what shows", ", the level before; what shows", 1)
		c = strings.Replace(c, " is still", " in each is still", 1)
		r.StrengthsNote = fmt.Sprintf("%s %s.", each, c)
	default:
		c = strings.Replace(strings.Replace(c, "carried", "are carried", 1), "nothing new on it", "nothing new on either", 1)
		if n > 2 {
			c = strings.Replace(c, "on either", "on any of them", 1)
		}
		r.StrengthsNote = fmt.Sprintf("%s %s.", each, c)
	}
}

// strengths are the plan's own (plans.Plan.Strengths, one rule for every
// document): above the current role's bar or at the top of the scale, in
// the plan's order, each read against the target's bar when it reaches
// it, else the role's, with the newest example the review may quote, or
// the assessment when the level alone names it (said to the manager as an
// example to write). With none, the skills above the role's bar that no
// example shows yet are named to the manager; a skill at the bar is the
// job done, never a strength.
func (r *Review) strengths(m *skills.Matrix, p *skills.Person, pl *plans.Plan, levels, prior map[string]int, usable func(string) []skills.Evidence) {
	shown := func(skill string) *Entry {
		// The newest entry speaks for the skill, as in the plan
		// (plans.StrengthShown): not a setback; a practice a goal dropped
		// since gave up is passed over for the entry before it.
		ev := usable(skill)
		if len(ev) == 0 || plans.Setback(ev[0].Text) {
			return nil
		}
		for _, e := range ev {
			if !plans.Setback(e.Text) && !plans.DroppedPractice(p, e) {
				return &Entry{Date: date(e.Date), Text: e.Text}
			}
		}
		return nil
	}
	var rated []string
	barOf := func(s plans.Strength) (int, string) {
		if s.AboveTarget && s.Expect > s.ExpectRole {
			return s.Expect, pl.Target.Name // above the next role's bar too, as the plan says
		}
		return s.ExpectRole, pl.Role.Name
	}
	for _, s := range pl.Strengths[:min(len(pl.Strengths), maxPoints)] {
		lvl := cmp.Or(levels[s.ID], s.Level)
		bar, role := barOf(s)
		pt := Point{Skill: s.SkillRef, Level: lvl, LevelName: levelName(m, lvl), Bar: bar, BarName: levelName(m, bar), BarRole: role,
			Above: lvl > bar, Top: lvl <= s.ExpectRole, Evidence: shown(s.ID)}
		if e := pt.Evidence; e != nil && e.Date < r.Since {
			// Said honestly (cold read 14, finding 10): the example is
			// from before the period, and nothing newer shows it.
			pt.Earlier = r.earlier(e.Date)
		}
		if e := pt.Evidence; e != nil && held(pl) && e.Date < pl.Baseline.Date && prior[s.ID] > 0 && prior[s.ID] < lvl {
			// The plan's rule (plans.StrengthsEarlier): an example from
			// before the new levels showed the level before them, so the
			// level is named as the new, uncalibrated one.
			pt.Uncalibrated = fmt.Sprintf("that example showed %d, and what shows %d is still to be written down", prior[s.ID], lvl)
		}
		if pt.Evidence == nil {
			pt.RatedOn = pl.Today.Date
			rated = append(rated, s.Name)
		}
		r.Strengths = append(r.Strengths, pt)
	}
	if len(rated) > 0 {
		r.StrengthsAsk = fmt.Sprintf("Named on the level alone, with no example written down: %s. Write one %s will recognise before the review is shared.", plans.AndList(rated), r.First)
	}
	r.shareClause()
	if len(r.Strengths) > 0 {
		r.levelOnly(m, pl, levels, barOf)
		return
	}
	// None: the skills rated above the role's bar with nothing written
	// down are named to the manager, as examples to write, not as
	// strengths.
	var bare []Point
	for _, s := range m.Skills {
		lvl, own := levels[s.ID], s.Expect[pl.Role.ID]
		if lvl >= 3 && lvl > own && !slices.ContainsFunc(pl.Focus, func(f plans.Focus) bool { return f.ID == s.ID }) &&
			(pl.Returned == "" || !slices.Contains(pl.Reentry, s.ID)) {
			bare = append(bare, Point{Skill: plans.SkillRef{ID: s.ID, Name: s.Name}, Level: lvl, LevelName: levelName(m, lvl), Bar: own})
		}
	}
	slices.SortStableFunc(bare, func(a, b Point) int {
		return cmp.Or(cmp.Compare(b.Level, a.Level), cmp.Compare(b.Level-b.Bar, a.Level-a.Bar))
	})
	// Said of the person: what their own evidence shows they can build
	// on, never a rule of the tool.
	r.NoStrengths = fmt.Sprintf("Nothing %s does above the %s bar has an example from work behind it yet.", r.First, pl.Role.Name)
	if len(bare) == 0 {
		r.NoStrengths = fmt.Sprintf("None above the bar yet: %s's levels meet the %s bar, or fall short of it.", r.First, pl.Role.Name)
	}
	if b := pl.BuildOn; b != nil && b.Rated != "" {
		// No example at or above the bar: the highest levels there, on
		// the assessment, never a step below it.
		r.NoStrengths += fmt.Sprintf(" What %s can build on are the highest levels, on the assessment of %s: %s.", r.First, b.Date, b.Rated)
	} else if b != nil {
		where := fmt.Sprintf("at the %s bar, %d %s", pl.Role.Name, b.Level, b.LevelName)
		if !b.AtBar() {
			where = fmt.Sprintf("at %d %s where the job asks for %d, a first step towards the bar", b.Level, b.LevelName, b.Bar)
		}
		r.NoStrengths += fmt.Sprintf(" What %s can build on is %s, %s: on %s, \"%s\".", r.First, b.Name, where, b.Date, b.Text)
	}
	if len(bare) == 0 {
		return
	}
	bare = bare[:min(3, len(bare))]
	var names []string
	same := !slices.ContainsFunc(bare, func(pt Point) bool { return pt.Level != bare[0].Level })
	for _, pt := range bare {
		if same {
			names = append(names, pt.Skill.Name)
		} else {
			names = append(names, fmt.Sprintf("%s at %d %s", pt.Skill.Name, pt.Level, pt.LevelName))
		}
	}
	switch {
	case len(bare) == 1:
		names[0] = fmt.Sprintf("%s at %d %s", bare[0].Skill.Name, bare[0].Level, bare[0].LevelName)
	case same:
		names[len(names)-1] += fmt.Sprintf(", all at %d %s", bare[0].Level, bare[0].LevelName)
	}
	// Said to the manager: a strength with no example behind it is theirs
	// to write down, not the person's to read about.
	each := "for each you would name a strength"
	if len(names) == 1 {
		each = "before it is named a strength"
	}
	r.StrengthsAsk = fmt.Sprintf("Rated above the %s bar, with no example written down: %s. Write one %s will recognise %s.", pl.Role.Name, plans.AndList(names), r.First, each)
}

// levelOnly says the plan's levels above the bar that no example shows
// (plans.Plan.LevelOnly) as the plan says them: not strengths, with no
// example written down yet, and one to bring. The manager is asked, in a
// comment, for the example that would name each a strength.
func (r *Review) levelOnly(m *skills.Matrix, pl *plans.Plan, levels map[string]int, barOf func(plans.Strength) (int, string)) {
	if len(pl.LevelOnly) == 0 {
		return
	}
	var said, names []string
	roles := map[string]bool{}
	for _, s := range pl.LevelOnly {
		lvl := cmp.Or(levels[s.ID], s.Level)
		_, role := barOf(s)
		roles[role] = true
		said = append(said, fmt.Sprintf("%s at %d %s", s.Name, lvl, levelName(m, lvl)))
		names = append(names, s.Name)
	}
	if len(said) == 1 {
		bar, role := barOf(pl.LevelOnly[0])
		r.StrengthsUnshown = fmt.Sprintf("%s is above the %d %s %s asks for, but has no example written down yet, so it is not named a strength: the plan asks %s to bring one to the next review, one that others saw.",
			said[0], bar, levelName(m, bar), role, r.First)
	} else {
		above := "the bar"
		if len(roles) == 1 {
			_, role := barOf(pl.LevelOnly[0])
			above = "the " + role + " bar"
		}
		r.StrengthsUnshown = fmt.Sprintf("%s are above %s, but have no example written down yet, so neither is named a strength: the plan asks %s to bring one for each to the next review, one that others saw.",
			plans.AndList(said), above, r.First)
		if len(said) > 2 {
			r.StrengthsUnshown = strings.Replace(r.StrengthsUnshown, "so neither is", "so none is", 1)
		}
	}
	each := "it a strength"
	if len(names) > 1 {
		each = "each a strength"
	}
	r.StrengthsAsk = fmt.Sprintf("No example written down for %s: write one %s will recognise, and the review names %s.", plans.AndList(names), r.First, each)
}

// improvements are the plan's focus skills below a bar, then, while there
// are fewer than two, the other skills below one, the largest gap first.
// Each is read against the bar it falls short of: the current role's while
// below it, else the target's, never a bar beyond the target's. Someone
// back from leave is asked nothing beyond the current role, and a level
// rated down on the return is a refresh. While there are fewer than two,
// the skills at the target's bar that nothing on file shows since the
// level was set follow: the ones an open goal names first, where it can
// show.
func (r *Review) improvements(m *skills.Matrix, p *skills.Person, pl *plans.Plan, levels map[string]int, usable func(string) []skills.Evidence, asOf time.Time, setOn map[string]levelSet) {
	back := pl.Returned != ""
	barOf := func(s *skills.Skill) (int, string, bool) {
		lvl := levels[s.ID]
		switch {
		case lvl == 0 || back && slices.Contains(pl.Reentry, s.ID):
			return 0, "", false
		case slices.Contains(pl.LoweredWithoutEvidence(), s.ID):
			// Set lower with no example behind it: the plan counts the
			// level before it, and the line of the move asks for the
			// example first; no area to improve on it until then.
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
	if held(pl) {
		// The person's own rating below the manager's re-baseline: a level
		// to settle in the calibration.
		for _, a := range r.Apart {
			if a.Self >= a.Manager {
				continue
			}
			note := fmt.Sprintf("%s's own rating is %d %s: a level to settle in the calibration", r.First, a.Self, a.SelfName)
			if i := slices.IndexFunc(r.Improvements, func(pt Point) bool { return pt.Skill.ID == a.Skill.ID }); i >= 0 {
				r.Improvements[i].SelfNote = note
			} else if s := m.Skill(a.Skill.ID); s != nil && len(r.Improvements) < maxPoints {
				pt := point(s, s.Expect[pl.Target.ID], pl.Target.Name)
				if levels[s.ID] < s.Expect[pl.Role.ID] || levels[s.ID] > s.Expect[pl.Target.ID] {
					pt.BarRole = ""
				}
				pt.AtBar, pt.SelfNote = pt.BarRole != "", note
				r.Improvements = append(r.Improvements, pt)
			}
		}
	}
	unshown := 0
	if !back && len(r.Improvements) < 2 {
		unshown = r.unshown(m, p, pl, levels, usable, asOf, setOn)
	}
	var unwritten []string
	for i := range r.Improvements {
		pt := &r.Improvements[i]
		if pt.AtBar {
			continue // at the bar: what is on file was said with it
		}
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
		// A level rated down in the period is a setback too (issue 20,
		// rule 4): said as one, whatever the evidence before it.
		for _, mv := range slices.Backward(r.Moved) {
			if mv.Skill.ID == pt.Skill.ID && mv.To < mv.From && mv.To == pt.Level {
				pt.Fell = mv.Date
				break
			}
		}
		switch {
		case pt.Fell != "" && (len(ev) == 0 || !plans.Setback(ev[0].Text)):
			pt.Step = fmt.Sprintf("rated down from %d %s on %s, a reason to focus on it", r.levelOf(pt.Skill.ID, pt.Fell), levelName(m, r.levelOf(pt.Skill.ID, pt.Fell)), pt.Fell)
		case len(ev) > 0 && !ev[0].Date.Before(met) && plans.Setback(ev[0].Text):
			pt.Evidence = &Entry{Date: date(ev[0].Date), Text: plans.QuotedSetback(ev[0].Text)}
		case !met.IsZero() && (len(ev) == 0 || !met.Before(ev[0].Date)):
			pt.Step = fmt.Sprintf("the goal \"%s\", met on %s, is a step towards it", metText, date(met))
		case len(ev) > 0 && leftOver(ev[0].Text) != "":
			// A win with a part still held out: the step is said, and
			// what is left is read as a reason for focus, never as
			// something to build on (issue 20, rule 4).
			pt.Step = fmt.Sprintf("the latest evidence, of %s, is a step towards it, and what is left is the reason to focus on it: \"%s\"", date(ev[0].Date), leftOver(ev[0].Text))
		case len(ev) > 0:
			pt.Step = fmt.Sprintf("the latest evidence, of %s, is a step towards it", date(ev[0].Date))
		default:
			unwritten = append(unwritten, pt.Skill.Name)
		}
	}
	r.waiting(p, pl)
	switch {
	case len(unwritten) == 1:
		r.Unwritten = fmt.Sprintf("No example from work is written down yet for %s: add one %s will recognise before the review is shared.", unwritten[0], r.First)
	case len(unwritten) > 1:
		r.Unwritten = fmt.Sprintf("No example from work is written down yet for %s: add one %s will recognise for each before the review is shared.", plans.AndList(unwritten), r.First)
	}
	if len(r.Improvements) > 0 {
		return
	}
	switch {
	case back && len(pl.Reentry) > 0:
		var names []string
		for _, g := range pl.ReentryGaps() {
			names = append(names, strings.ToLower(g.Name[:1])+g.Name[1:])
		}
		r.NoAreas = fmt.Sprintf("None this period: the focus is %s's own goals, and %s %s to re-assess together with %s at the calibration, not %s to improve.", r.First, plans.AndList(names), plural(len(names), "is a level", "are levels"), r.First, plural(len(names), "an area", "areas"))
	case r.nextStep(m, p, pl, levels):
	default:
		r.NoAreas = fmt.Sprintf("None: every assessed skill is at the %s bar", pl.Target.Name)
		if unshown == 0 {
			r.NoAreas += ", each with something on file since its level was set that shows it"
		}
		if r.Unassessed > 0 {
			r.NoAreas += fmt.Sprintf(", and %d %s not assessed yet", r.Unassessed, plural(r.Unassessed, "skill is", "skills are"))
		}
		r.NoAreas += "."
	}
}

// nextStep names, for someone ready now for their target with nothing
// left to show for it, the skills below the bar of the role after the
// target as the areas for the step after it (cold read 10, finding 9:
// "None" for a PM ready for Senior PM, with coaching at 2 and hiring at 1
// against the Group PM bar): into a role that leads people from one that
// does not, the people skills first (the team development pillar); then
// the largest gap, the lowest level (1 Aware is furthest from doing the
// work), the next role's emphasis on the skill's personas, and the
// matrix's order. Someone whose own file asks for the individual-contributor
// track is not pointed at a role that leads people. It reports whether it
// named any.
func (r *Review) nextStep(m *skills.Matrix, p *skills.Person, pl *plans.Plan, levels map[string]int) bool {
	target := m.Role(pl.Target.ID)
	if pl.Verdict.Kind != "ready-now" || target == nil {
		return false
	}
	next := m.Role(target.Next)
	// A role that leads people is never assumed for someone who leads
	// nobody and has not asked for that track: the promotion is the next
	// step, and the track after it is agreed once it is made (VP cold read
	// 18, finding 17: a PM ready for Senior PM was given Group PM areas).
	if next != nil && next.Leads && !target.Leads && !r.leads && trackOpen(m, p) {
		r.NoAreas = fmt.Sprintf("None for %s. After the promotion we agree which track you want next.", pl.Target.Name)
		return true
	}
	if next == nil || next.ID == target.ID || next.Leads && !target.Leads && p.Aspiration != nil && p.Aspiration.Track == skills.TrackIC {
		return false
	}
	var gaps []Point
	for _, s := range m.Skills {
		lvl, bar := levels[s.ID], s.Expect[next.ID]
		if lvl > 0 && lvl < bar {
			gaps = append(gaps, Point{Skill: plans.SkillRef{ID: s.ID, Name: s.Name}, Level: lvl, LevelName: levelName(m, lvl), Bar: bar, BarName: levelName(m, bar), BarRole: next.Name, Next: true})
		}
	}
	if len(gaps) == 0 {
		return false
	}
	// Into a role that leads people from one that does not, the people
	// skills are the step itself: they come first.
	people := func(pt Point) int {
		if next.Leads && !target.Leads && m.Skill(pt.Skill.ID).Pillar == "team-development" {
			return 0
		}
		return 1
	}
	weight := func(pt Point) float64 {
		w := 0.0
		for _, per := range m.Skill(pt.Skill.ID).Personas {
			w = max(w, next.Emphasis[per])
		}
		return w
	}
	slices.SortStableFunc(gaps, func(a, b Point) int {
		return cmp.Or(cmp.Compare(people(a), people(b)), cmp.Compare(b.Bar-b.Level, a.Bar-a.Level), cmp.Compare(a.Level, b.Level), cmp.Compare(weight(b), weight(a)))
	})
	r.Improvements = gaps[:min(maxPoints, len(gaps))]
	more := ""
	if n := len(gaps) - len(r.Improvements); n > 0 {
		more = fmt.Sprintf(" (%d more %s short of it)", n, plural(n, "skill is", "skills are"))
	}
	r.NextStep = fmt.Sprintf("None for %s: every assessed skill is at its bar. For the step after it, %s, these are the areas to grow%s:", pl.Target.Name, next.Name, more)
	return true
}

// waiting says, on each area an open goal of the person's names, when that
// goal waits on their manager's overdue hand-over (plans.Plan.WaitsOn):
// the area cannot show until then, and the review says why (cold read 10,
// finding 20: Tomás's delegation, blocked by Marcus's hand-over).
func (r *Review) waiting(p *skills.Person, pl *plans.Plan) {
	for i := range r.Improvements {
		pt := &r.Improvements[i]
		for _, g := range p.OpenGoals() {
			who, theirs := pl.WaitsOn(g.Text)
			if who == "" || !slices.Contains(g.Skills, pt.Skill.ID) {
				continue
			}
			pt.Waits = fmt.Sprintf("\"%s\" waits on %s handing the work over, planned for %s and not done yet", g.Text, who, date(theirs.Due))
			if strings.Contains(pt.Unshown, g.Text) {
				pt.Waits = fmt.Sprintf("it waits on %s handing the work over, planned for %s and not done yet", who, date(theirs.Due))
			}
			break
		}
	}
}

// unshown adds, while there are fewer than two areas, the skills at the
// target's bar (and above the current role's, or at it when the target is
// the role) that no evidence shows since their level was set and that an
// open goal names: for someone at the bar, what the next period must show
// rather than a bar beyond the target's, with the goal where it can show
// as the reason it is an area (cold read 9, finding 5: a skill at the bar
// with no reason said pads the list). The soonest goal first, then the
// largest rise from the role's bar to the target's. It returns how many
// such skills nothing shows, named or not.
func (r *Review) unshown(m *skills.Matrix, p *skills.Person, pl *plans.Plan, levels map[string]int, usable func(string) []skills.Evidence, asOf time.Time, setOn map[string]levelSet) int {
	type cand struct {
		p         Point
		due, goal string
		rise      int
	}
	var cands []cand
	for i := range m.Skills {
		s := &m.Skills[i]
		lvl, bar := levels[s.ID], s.Expect[pl.Target.ID]
		if lvl == 0 || lvl != bar || slices.ContainsFunc(r.Improvements, func(pt Point) bool { return pt.Skill.ID == s.ID }) {
			continue
		}
		since := date(setOn[s.ID].before)
		if slices.ContainsFunc(usable(s.ID), func(e skills.Evidence) bool { return date(e.Date) >= since && !plans.Setback(e.Text) }) ||
			slices.ContainsFunc(p.Goals, func(g skills.Goal) bool {
				day, ok := goalDone(g)
				return ok && slices.Contains(g.Skills, s.ID) && date(day) >= since && !day.After(asOf)
			}) {
			continue // a goal met since shows it too
		}
		pt := Point{Skill: plans.SkillRef{ID: s.ID, Name: s.Name}, Level: lvl, LevelName: levelName(m, lvl), Bar: bar, BarName: levelName(m, bar), BarRole: pl.Target.Name, AtBar: true}
		pt.Unshown = "with no example from work written down yet"
		if held(pl) && pl.Baseline.Date == date(setOn[s.ID].last) {
			pt.Unshown = "where the new levels put it, with no example from work written down yet"
		}
		c := cand{p: pt, rise: bar - s.Expect[pl.Role.ID], due: "9999"}
		for _, g := range p.Goals {
			if end, _ := g.End(); end == "" && slices.Contains(g.Skills, s.ID) && !g.Due.IsZero() && date(g.Due) < c.due {
				c.due, c.goal = date(g.Due), g.Text
			}
		}
		cands = append(cands, c)
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Or(cmp.Compare(a.due, b.due), cmp.Compare(b.rise, a.rise)) })
	// A goal is named as the place to show one skill only: two areas
	// pointing at the same goal say it twice.
	cited := map[string]bool{}
	for _, c := range cands {
		if c.goal == "" || cited[c.goal] {
			continue
		}
		if len(r.Improvements) >= 2 {
			break
		}
		cited[c.goal] = true
		c.p.Unshown += fmt.Sprintf(": \"%s\", due %s, is where it can show", c.goal, c.due)
		r.Improvements = append(r.Improvements, c.p)
	}
	return len(cands)
}

// levelSet is when a skill's level was last set, and when the level before
// it was: evidence dated since the level before is what stands behind the
// level now.
type levelSet struct{ last, before time.Time }

// levelSince reads, for each skill, when its level was set in history up
// to asOf.
func levelSince(history []skills.Change, asOf time.Time) map[string]levelSet {
	sorted := slices.Clone(history)
	slices.SortStableFunc(sorted, func(a, b skills.Change) int { return a.Date.Compare(b.Date) })
	out := map[string]levelSet{}
	for _, c := range sorted {
		if c.Kind == skills.KindLevel && c.Date.Before(asOf.AddDate(0, 0, 1)) {
			out[c.Skill] = levelSet{last: c.Date, before: out[c.Skill].last}
		}
	}
	return out
}

// unbacked says, on the line of each move, what stands behind it when
// no evidence is dated behind it: a raise to ask about, a lowering to
// write down, a level rated down on a return from leave, a refresh. The
// raises of one commit with nothing behind them, by the same step, are one
// line: the skills are named once.
func (r *Review) unbacked(pl *plans.Plan) {
	var events []Move
	var refreshed []string
	raised := 0 // lines of raises with nothing behind them
	var reentry []Move
	for _, mv := range r.Events {
		if mv.Baseline == nil && mv.To < mv.From && pl.Returned != "" && slices.Contains(pl.Reentry, mv.Skill.ID) {
			// A level set lower on the return from leave is a starting
			// point, not a level that moved in the period (cold read 10,
			// finding 2): said apart, never as a decline.
			refreshed = append(refreshed, mv.Skill.Name)
			reentry = append(reentry, mv)
			continue
		}
		if mv.Baseline != nil || len(mv.Evidence) > 0 {
			events = append(events, mv)
			continue
		}
		switch {
		case mv.To < mv.From && slices.Contains(pl.LoweredWithoutEvidence(), mv.Skill.ID):
			// The plan counts the level before it until the manager writes
			// down what the lower one rests on: said as the plan says it,
			// never as a level that moved (cold read 20, finding 1).
			r.uncounted = append(r.uncounted, mv)
			r.Uncounted = append(r.Uncounted, fmt.Sprintf("%s was set lower, to %d %s, on %s, with no example written down: until %s writes down what it rests on, %s plan counts it at %d %s, and so does this review.",
				mv.Skill.Name, mv.To, mv.ToName, mv.Date, r.managerCall(), possessive(r.First), mv.From, mv.FromName))
			r.Asks = append(r.Asks, fmt.Sprintf("Write down what the lower level of %s rests on, with an example %s will recognise, before the review is shared.", mv.Skill.Name, r.First))
			continue
		case mv.To < mv.From:
			mv.Note = "with no example from work written down behind the lower level"
			r.Asks = append(r.Asks, fmt.Sprintf("Write down what the lower level of %s rests on, with an example %s will recognise, before the review is shared.", mv.Skill.Name, r.First))
		default:
			if last := len(events) - 1; last >= 0 && events[last].Baseline == nil && len(events[last].Evidence) == 0 && events[last].To > events[last].From &&
				events[last].Commit == mv.Commit && events[last].Date == mv.Date {
				prev := &events[last]
				if prev.From != mv.From || prev.To != mv.To {
					prev.Mixed = true
				}
				prev.With = append(prev.With, mv)
				prev.Note = "none with an example from work written down since the level before"
				continue
			}
			mv.Note = "with no example from work written down since the level before"
		}
		events = append(events, mv)
	}
	for i := range events {
		e := &events[i]
		var names []string
		for _, mv := range append([]Move{*e}, e.With...) {
			switch {
			case !e.Mixed:
				names = append(names, mv.Skill.Name)
			case mv.From == 0:
				names = append(names, fmt.Sprintf("%s (first rated %d %s)", mv.Skill.Name, mv.To, mv.ToName))
			default:
				names = append(names, fmt.Sprintf("%s (%d %s to %d %s)", mv.Skill.Name, mv.From, mv.FromName, mv.To, mv.ToName))
			}
		}
		e.Names = plans.AndList(names)
		if e.Baseline == nil && len(e.Evidence) == 0 && e.To > e.From {
			raised++
		}
	}
	switch {
	case raised == 1 && !slices.ContainsFunc(events, func(e Move) bool { return len(e.With) > 0 }):
		// The manager raised it, so the manager says what they saw; the
		// person is not asked to justify the manager's rating (cold read
		// 11, finding 13).
		r.Asks = append(r.Asks, fmt.Sprintf("Write down what you saw behind the level raised above with no example, a piece of work %s will recognise, before the review is shared.", r.First))
	case raised > 0:
		r.Asks = append(r.Asks, fmt.Sprintf("Write down what you saw behind each level raised above with no example, a piece of work %s will recognise for each, before the review is shared.", r.First))
	}
	r.Events = events
	r.Refreshed = plans.AndList(refreshed)
	r.Moved = slices.DeleteFunc(r.Moved, func(mv Move) bool {
		return slices.ContainsFunc(reentry, func(e Move) bool { return e.Skill.ID == mv.Skill.ID && e.Date == mv.Date })
	})
	r.Reentry = r.reentryText(reentry)
}

// reentryText says the levels set lower on a return from leave as what
// they are: where the person starts again, to re-assess together, named
// at the level they start from and never with the level before.
func (r *Review) reentryText(moves []Move) string {
	if len(moves) == 0 {
		return ""
	}
	var each []string
	for _, mv := range moves {
		each = append(each, fmt.Sprintf("%s at %d %s", mv.Skill.Name, mv.To, mv.ToName))
	}
	r.reentered = each
	return fmt.Sprintf("Set in the assessment of %s, as %s's fresh start: %s, %s to start from and to re-assess together at the calibration, not %s that moved in the period.",
		moves[0].Date, r.First, plans.AndList(each), plural(len(moves), "a level", "levels"), plural(len(moves), "a level", "levels"))
}

// heldChange says how the readiness moved when the verdict is held on an
// uncalibrated re-baseline: the levels it set are not growth, and the
// skills short of the target's bar before it are named, never counted.
func (r *Review) heldChange(in ReviewInput) string {
	m, pl := in.Matrix, in.Plan
	prior := priorLevels(planHistory(in), pl.Baseline)
	type short struct {
		name string
		gap  int
	}
	var below, lifted []short
	for _, s := range m.Skills {
		if lvl, ok := prior[s.ID]; ok && lvl > 0 && lvl < s.Expect[pl.Target.ID] {
			below = append(below, short{s.Name, s.Expect[pl.Target.ID] - lvl})
			if in.Person.Levels[s.ID] >= s.Expect[pl.Target.ID] {
				lifted = append(lifted, short{s.Name, s.Expect[pl.Target.ID] - lvl})
			}
		}
	}
	r.jumped = jumped(m, prior, in.Person.Levels)
	if r.jumped == nil {
		r.generous = generous(m, in.Person)
	}
	// What the re-baseline alone lifted to the target's bar, largest step
	// first: said in the drafts, so that they are this person's.
	slices.SortStableFunc(lifted, func(a, b short) int { return cmp.Compare(b.gap, a.gap) })
	for _, s := range lifted {
		r.lifted = append(r.lifted, s.name)
	}
	slices.SortStableFunc(below, func(a, b short) int { return cmp.Compare(b.gap, a.gap) })
	var names []string
	for _, s := range below[:min(3, len(below))] {
		names = append(names, s.name)
	}
	before := fmt.Sprintf("before the levels were set anew, every skill was at the %s bar", r.Target.Name)
	switch {
	case len(below) > 3:
		before = fmt.Sprintf("before the levels were set anew, %s, among others, were short of the %s bar", plans.AndList(names), r.Target.Name)
	case len(below) > 0:
		before = fmt.Sprintf("before the levels were set anew, %s %s short of the %s bar", plans.AndList(names), plural(len(below), "was", "were"), r.Target.Name)
	}
	settles := "the calibration settles which reading stands"
	if by := pl.CalibrateBy(); by != "" {
		settles = fmt.Sprintf("the calibration, by %s, settles which reading stands", by)
	}
	switch b := r.Before; {
	case b == nil || b.Target.ID != r.Target.ID:
		return fmt.Sprintf("%s; %s.", upperFirst(before), settles)
	case b.Verdict.Text == r.Verdict.Text:
		return fmt.Sprintf("The verdict was held already at %s; %s, and %s.", r.beforeWhen(), before, settles)
	}
	return fmt.Sprintf("At %s, the verdict was \"%s\": %s, and %s.", r.beforeWhen(), r.Before.Verdict.Text, before, settles)
}

// jumped are the skills a re-baseline moved most, the ones to test first in
// its calibration: those with the largest step from the level before it,
// up, at least two and all that tie with the second, in the matrix's
// order: "technical fluency (2 to 5)". A skill it set for the first time
// has no step and is not named; when every level moved alike, none moved
// most, and nil.
func jumped(m *skills.Matrix, prior, now map[string]int) []string {
	type step struct {
		name     string
		from, to int
	}
	var steps []step
	for _, s := range m.Skills {
		from, ok := prior[s.ID]
		if to := now[s.ID]; ok && from > 0 && to > from {
			steps = append(steps, step{lowerFirst(s.Name), from, to})
		}
	}
	slices.SortStableFunc(steps, func(a, b step) int { return cmp.Compare(b.to-b.from, a.to-a.from) })
	if len(steps) == 0 || steps[0].to-steps[0].from == steps[len(steps)-1].to-steps[len(steps)-1].from {
		return nil // every level moved alike: none moved most (see generous)
	}
	var out []string
	for i, s := range steps {
		if i >= 2 && s.to-s.from < steps[1].to-steps[1].from {
			break
		}
		out = append(out, fmt.Sprintf("%s (%d to %d)", s.name, s.from, s.to))
	}
	return out
}

// generous are the one or two levels a re-baseline put furthest above the
// person's own role's bar, the readings a calibration tests hardest when
// every level moved alike: "technical fluency at 5 Shaping"; nil when three
// or more tie there.
func generous(m *skills.Matrix, p *skills.Person) []string {
	type reading struct {
		name      string
		lvl, over int
	}
	var all []reading
	for _, s := range m.Skills {
		if lvl, ok := p.Levels[s.ID]; ok && lvl > s.Expect[p.Role] {
			all = append(all, reading{lowerFirst(s.Name), lvl, lvl - s.Expect[p.Role]})
		}
	}
	slices.SortStableFunc(all, func(a, b reading) int { return cmp.Compare(b.over, a.over) })
	// Only the readings that stand out: those at the top, when one or two
	// are; a tie of three or more is no reason to start anywhere.
	n := 0
	for n < len(all) && all[n].over == all[0].over {
		n++
	}
	if n > 2 {
		return nil
	}
	var out []string
	for _, r := range all[:n] {
		// In words, as the plan names the level ("Technical fluency at
		// 5 Shaping"), never the tool's "(5, bar 2)" in a manager's
		// sentence (VP cold read 20).
		out = append(out, strings.TrimSpace(fmt.Sprintf("%s at %d %s", r.name, r.lvl, levelName(m, r.lvl))))
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

// levelOf is the level skill was rated down from on day.
func (r *Review) levelOf(skill, day string) int {
	for _, mv := range r.Moved {
		if mv.Skill.ID == skill && mv.Date == day && mv.To < mv.From {
			return mv.From
		}
	}
	return 0
}

// clauses splits an evidence entry where plans reads its clauses.
var clauses = regexp.MustCompile(`(?i)\s*;\s*|,?\s+but\s+`)

// leftOver is the clause of a win that records what is still left ("one
// line still holds out"), which plans does not count as a setback of the
// person's; "" when there is none, or the entry is a setback.
func leftOver(text string) string {
	if plans.Setback(text) {
		return ""
	}
	parts := clauses.Split(strings.TrimSpace(text), -1)
	if len(parts) < 2 {
		return ""
	}
	for _, c := range parts[1:] {
		if plans.Setback(c) {
			return c
		}
	}
	return ""
}

// trackOpen reports whether p's own file leaves open which track they
// want: it names neither a track nor a role that leads people.
func trackOpen(m *skills.Matrix, p *skills.Person) bool {
	a := p.Aspiration
	if a == nil {
		return true
	}
	r := m.Role(a.Role)
	return a.Track == "" && (r == nil || !r.Leads)
}
