package plans

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/coach-dev/coach/skills"
)

// The words of an agenda: what changed in the file, why the week's skill
// matters now, and the blocks that rotate so that no two weeks read alike.
// Every sentence is built from the person's own file, history and agendas.

// longDate writes a day as "5 January", with the year when it is not ref's
// (always when ref is zero).
func longDate(t, ref time.Time) string {
	if ref.IsZero() || t.Year() != ref.Year() {
		return fmt.Sprintf("%d %s %d", t.Day(), t.Month(), t.Year())
	}
	return fmt.Sprintf("%d %s", t.Day(), t.Month())
}

// ago says how far t is from day, in words: "3 days ago", "in 2 weeks".
// Weeks are the days over seven rounded to the nearest (see weeksApart):
// 20 days is "3 weeks ago", never "2 weeks ago" (cold read 9, finding 15).
func ago(t, day time.Time) string {
	days := int(day.Sub(t).Hours() / 24)
	future := days < 0
	if future {
		days = -days
	}
	var span string
	switch {
	case days == 0:
		return "today"
	case days == 1 && future:
		return "tomorrow"
	case days == 1:
		return "yesterday"
	case days < 14:
		span = fmt.Sprintf("%d days", days)
	case days < 61:
		span = fmt.Sprintf("%d weeks", roundWeeks(days))
	default:
		span = plural(days/30, "month")
	}
	if future {
		return "in " + span
	}
	return span + " ago"
}

// roundWeeks is a number of days in whole weeks, rounded to the nearest:
// the one standard for every "N weeks" an agenda says or counts.
func roundWeeks(days int) int { return (days + 3) / 7 }

// setbackWords mark an evidence entry that records something going wrong:
// it is a reason to talk, never something to build on.
var setbackWords = regexp.MustCompile(`(?i)\b(still|missed|slipped|escalated|fell|failed|delayed|overran)\b`)

// clauseBreak splits an evidence entry into its clauses: at a semicolon, and
// at a ", but" or " but" that turns from one thing to another.
var clauseBreak = regexp.MustCompile(`(?i)\s*;\s*|,?\s+but\s+`)

// minority opens a clause about a part of others that holds out ("one line
// still holds out", "two teams still wait"): after a win in the same entry,
// that is what is left of the win, not a setback of the person's.
var minority = regexp.MustCompile(`(?i)^(only\s+)?(one|a few|a couple of|two|three|some|a)\s+\S+\s+(still|yet)\b`)

// Setback reports whether an evidence entry records a setback ("still",
// "missed", "slipped", "escalated", "fell", ...) rather than progress: then
// it is a reason for focus, never something to build on. Plans and agendas
// read evidence with it alike. A partial win is not one: "Brought three
// teams to one proposal; one line still holds out" records the win, and the
// part of others that holds out is what is left of it.
func Setback(text string) bool { return SetbackClause(text) != "" }

// SetbackClause is the clause of an evidence entry that records the
// setback, "" when none does: in "Gave the roadmap to a report to run, but
// still rewrites their updates", only "still rewrites their updates" is the
// setback; handing the roadmap over is not.
func SetbackClause(text string) string {
	clauses := clauseBreak.Split(strings.TrimSpace(text), -1)
	win := false
	for _, c := range clauses {
		if c != "" && !setbackWords.MatchString(c) {
			win = true
		}
	}
	for _, c := range clauses {
		if !setbackWords.MatchString(c) || win && minority.MatchString(c) {
			continue
		}
		if len(clauses) == 1 {
			return text
		}
		return c
	}
	return ""
}

// QuotedSetback is the setback of an entry as it is quoted to a reader:
// its clause, or the whole entry when the clause speaks of someone the
// entry names only outside it. In "Gave Lena the roadmap to run, but still
// rewrites her updates", "her" is Lena only with the first clause, so the
// whole entry is quoted (cold read 11, finding 5).
func QuotedSetback(text string) string {
	c := SetbackClause(text)
	if c != "" && c != text && personPronoun.MatchString(c) {
		return strings.TrimSpace(text)
	}
	return c
}

var personPronoun = regexp.MustCompile(`(?i)\b(she|he|her|hers|him|his|their|them)\b`)

// sinceLastTime describes the committed changes dated after since and up to
// the day of this 1:1, one commit at a time: a commit that sets the
// person's levels (see [Baselines]) is one line naming the baseline.
func sinceLastTime(m *skills.Matrix, p *skills.Person, managerName string, history []skills.Change, since, day time.Time) []AgendaChange {
	baselines := map[string]Baseline{}
	for _, b := range Baselines(history, nil, managerName) {
		baselines[b.Commit+"/"+b.Date] = b
	}
	onboarded := firstSinceOnboarding(p, history)
	var cs []skills.Change
	for _, c := range history {
		if c.Date.After(since) && !c.Date.After(endOfDay(day)) {
			cs = append(cs, c)
		}
	}
	slices.SortStableFunc(cs, func(a, b skills.Change) int { return a.Date.Compare(b.Date) })
	var out []AgendaChange
	for len(cs) > 0 {
		n := 1
		for n < len(cs) && cs[n].Commit == cs[0].Commit && cs[n].Date.Equal(cs[0].Date) {
			n++
		}
		var bp *Baseline
		if b, ok := baselines[cs[0].Commit+"/"+date(cs[0].Date)]; ok {
			bp = &b
		} else if onboarded != "" && onboarded == cs[0].Commit+"/"+date(cs[0].Date) {
			bp = &Baseline{Kind: "onboarded"}
		}
		out = append(out, describeCommit(m, p, cs[:n], bp, day)...)
		cs = cs[n:]
	}
	// An entry is dated by what it records (see describeCommit): one dated
	// outside the window is not news of it, whenever it was written down,
	// and the rest read oldest first.
	lo, hi := date(since), date(day)
	out = slices.DeleteFunc(out, func(c AgendaChange) bool { return c.Date <= lo || c.Date > hi })
	slices.SortStableFunc(out, func(a, b AgendaChange) int { return strings.Compare(a.Date, b.Date) })
	return out
}

// firstSinceOnboarding is the commit (as "commit/day") of the person's
// first level change after their first 90 days, when every level set
// before it was set in those 90 days: the levels set while onboarding are
// a start, and the first assessment after is where the plan measures from,
// not growth. "" when there is none.
func firstSinceOnboarding(p *skills.Person, history []skills.Change) string {
	if p.Joined.IsZero() {
		return ""
	}
	end := p.Joined.AddDate(0, 0, 90)
	cs := slices.Clone(history)
	slices.SortStableFunc(cs, func(a, b skills.Change) int { return a.Date.Compare(b.Date) })
	during := false
	for _, c := range cs {
		if c.Kind != skills.KindLevel {
			continue
		}
		if c.Date.Before(end) {
			during = true
			continue
		}
		if !during {
			return ""
		}
		return c.Commit + "/" + date(c.Date)
	}
	return ""
}

// describeCommit puts one commit's changes in words; b is the baseline it
// sets, if it sets one.
func describeCommit(m *skills.Matrix, p *skills.Person, cs []skills.Change, b *Baseline, day time.Time) []AgendaChange {
	when := longDate(cs[0].Date, day)
	first := firstName(p)
	var out []AgendaChange
	if b != nil {
		selves, role := 0, p.Role
		for _, c := range cs {
			switch {
			case c.Kind == skills.KindSelf:
				selves++
			case c.Kind == skills.KindRole && c.From == "":
				role = c.To
			}
		}
		var t string
		switch b.Kind {
		case "first":
			t = fmt.Sprintf("%s's first assessment, as %s, across %s: the baseline the plan measures from, not growth.",
				first, roleName(m, role), plural(b.Assessed, "skill"))
		case "onboarded":
			// The words the review says it in: levels set, where the
			// person starts from, not growth; never "a new baseline"
			// (cold read 20, point 3).
			t = fmt.Sprintf("%s's first assessment since onboarding set these levels: they are where we start from, not growth.", first)
		case "new-manager":
			t = fmt.Sprintf("%s's first assessment as %s's manager: %s set at once. Read it as a new starting point, not as growth.",
				b.Author, first, plural(b.Moved, "skill"))
		default:
			by := ""
			if b.Author != "" {
				by = " by " + b.Author
			}
			t = fmt.Sprintf("A new baseline%s: %s reassessed at once. Read it as a new starting point, not as growth.", by, plural(b.Moved, "skill"))
		}
		if !b.Calibrated && b.Kind != "first" && b.Kind != "onboarded" {
			t += " Nobody has calibrated it yet."
		}
		if selves > 0 {
			t += " " + ownRatings(m, first, cs)
		}
		out = append(out, AgendaChange{Date: date(cs[0].Date), When: when, Text: t, Baseline: true, baseline: b.Kind})
	}
	// Levels raised in one commit are one assessment: said in one line,
	// not a line a skill.
	var raised []skills.Change
	for _, c := range cs {
		if b == nil && c.Kind == skills.KindLevel && c.FromLevel() > 0 && c.ToLevel() > c.FromLevel() {
			raised = append(raised, c)
		}
	}
	if len(raised) > 1 {
		out = append(out, raisedTogether(m, raised, when))
	} else {
		raised = nil
	}
	for _, c := range cs {
		if len(raised) > 0 && c.Kind == skills.KindLevel && c.FromLevel() > 0 && c.ToLevel() > c.FromLevel() {
			continue
		}
		if b != nil && (c.Kind == skills.KindLevel || c.Kind == skills.KindSelf ||
			(c.Kind == skills.KindRole || c.Kind == skills.KindTarget) && c.From == "") {
			continue
		}
		if t := describe(m, p, c, day); t != "" {
			ch := AgendaChange{Date: date(c.Date), When: when, Text: t, Kind: c.Kind}
			if c.Kind == skills.KindOutcome && !c.On.IsZero() {
				// A goal met or dropped is dated by when it was.
				ch.Date, ch.When = date(c.On), longDate(c.On, day)
			}
			if c.Kind == skills.KindEvidence {
				// Evidence is dated by what it records, not by its commit.
				ch.Setback, ch.Skill = Setback(c.Text), c.Skill
				// When it was written down is bookkeeping: the day it
				// happened is the one that matters.
				if !c.On.IsZero() && date(c.On) != date(c.Date) {
					ch.Date, ch.When = date(c.On), longDate(c.On, day)
				}
			}
			out = append(out, ch)
		}
	}
	return out
}

// raisedTogether is the one line for levels raised in one commit: the
// levels once when all moved between the same two, else each skill's new
// level.
func raisedTogether(m *skills.Matrix, cs []skills.Change, when string) AgendaChange {
	var names, each, ids []string
	same := true
	for _, c := range cs {
		name := skillRef(m, c.Skill).Name
		names = append(names, name)
		ids = append(ids, c.Skill)
		each = append(each, fmt.Sprintf("%s (to %s)", name, levelWords(m, c.ToLevel())))
		if c.FromLevel() != cs[0].FromLevel() || c.ToLevel() != cs[0].ToLevel() {
			same = false
		}
	}
	t := fmt.Sprintf("Up a level in one assessment: %s.", andList(each))
	from := 0
	if same {
		from = cs[0].FromLevel()
		t = fmt.Sprintf("Up a level in one assessment, from %s to %s: %s.", levelWords(m, cs[0].FromLevel()), levelWords(m, cs[0].ToLevel()), andList(names))
	}
	return AgendaChange{Date: date(cs[0].Date), When: when, Text: t, Kind: skills.KindLevel, Raised: names, raisedIDs: ids, raisedFrom: from}
}

// unbackedChanges says the raises of one commit the plan counts at their
// earlier levels (a batch raised with no example written down, see
// unbackedRaises) as the plan says them: raised, not reached.
func unbackedChanges(m *skills.Matrix, pl *Plan, cs []AgendaChange) {
	for i, c := range cs {
		if len(c.raisedIDs) == 0 || c.Date != pl.RaisedOn() {
			continue
		}
		if slices.ContainsFunc(c.raisedIDs, func(id string) bool { return !slices.Contains(pl.raised, id) }) {
			continue
		}
		at := "their earlier levels"
		if c.raisedFrom > 0 {
			at = levelWords(m, c.raisedFrom)
		}
		they := "they count"
		if len(c.Raised) == 1 {
			they = "it counts"
		}
		cs[i].unbacked = true
		cs[i].Text = fmt.Sprintf("Raised in one assessment with no example written down: %s: %s at %s until the work behind each is written down.", andList(c.Raised), they, at)
	}
}

// loweredChanges says a level set lower with no example written down as
// the plan counts it (see Plan.lowered): set lower, and counted at the
// level before until what it rests on is written down; unbacked marks it
// for the manager's prep (cold read 20b, finding 1).
func loweredChanges(m *skills.Matrix, pl *Plan, cs []AgendaChange) {
	for i, c := range cs {
		if c.Kind != skills.KindLevel {
			continue
		}
		for _, l := range pl.lowered {
			if c.Date != l.On || !strings.HasPrefix(c.Text, l.Name+" down from ") {
				continue
			}
			cs[i].unbacked = true
			cs[i].Text = fmt.Sprintf("%s set lower, from %s to %s, with no example written down: it counts at %s until what it rests on is written down.", l.Name, levelWords(m, l.From), levelWords(m, l.To), levelWords(m, l.From))
		}
	}
}

func roleName(m *skills.Matrix, id string) string {
	if r := m.Role(id); r != nil {
		return r.Name
	}
	return id
}

func levelWords(m *skills.Matrix, n int) string { return skills.LevelWords(n, levelName(m, n)) }

// maxOwnRatings is how many skills an assessment's line names where the
// person's own rating differs from it; past it, it gives their count.
const maxOwnRatings = 3

// ownRatings says, of an assessment that came with the person's own
// ratings (cs, one commit), where the two differ, each skill with both
// levels, or that they agree: never "their own rating of 1 skill", which
// says nothing to talk about (cold read 20).
func ownRatings(m *skills.Matrix, first string, cs []skills.Change) string {
	set := map[string]int{}
	for _, c := range cs {
		if c.Kind == skills.KindLevel {
			set[c.Skill] = c.ToLevel()
		}
	}
	var differ []string
	rated := 0
	for _, c := range cs {
		lv, ok := set[c.Skill]
		if c.Kind != skills.KindSelf || c.ToLevel() == 0 || !ok {
			continue
		}
		rated++
		switch name := skillRef(m, c.Skill).Name; {
		case lv == c.ToLevel():
		case lv == 0:
			differ = append(differ, fmt.Sprintf("%s, %s where the assessment sets no level", name, levelWords(m, c.ToLevel())))
		default:
			differ = append(differ, fmt.Sprintf("%s, %s against the assessment's %s", name, levelWords(m, c.ToLevel()), levelWords(m, lv)))
		}
	}
	switch {
	case rated == 0:
		return ""
	case len(differ) == 0 && rated == 1:
		return fmt.Sprintf("%s's own rating agrees with it.", first)
	case len(differ) == 0:
		return fmt.Sprintf("%s's own ratings agree with it.", first)
	case len(differ) == 1:
		return fmt.Sprintf("%s's own rating differs on %s.", first, differ[0])
	case len(differ) > maxOwnRatings:
		return fmt.Sprintf("%s's own ratings differ from it on %d skills: talk about those of the focus skills first.", first, len(differ))
	}
	return fmt.Sprintf("%s's own ratings differ on %s.", first, strings.Join(differ, "; "))
}

// describe puts one change in words.
func describe(m *skills.Matrix, p *skills.Person, c skills.Change, day time.Time) string {
	name := skillRef(m, c.Skill).Name
	from, to := c.FromLevel(), c.ToLevel()
	switch c.Kind {
	case skills.KindLevel:
		switch {
		case from == 0:
			return fmt.Sprintf("%s assessed at %s.", name, levelWords(m, to))
		case to == 0:
			return fmt.Sprintf("%s no longer assessed (it was %s).", name, levelWords(m, from))
		case to > from:
			return fmt.Sprintf("%s up from %s to %s.", name, levelWords(m, from), levelWords(m, to))
		}
		// A level set lower once the person is back from a long leave is
		// no drop: it is set for now, to re-assess together, as their plan
		// says (cold read 17, finding 13).
		if back, _, ok := ReturnFromLeave(p); ok && !c.Date.Before(back) {
			return fmt.Sprintf("%s set at %s for now, to re-assess together.", name, levelWords(m, to))
		}
		return fmt.Sprintf("%s down from %s to %s.", name, levelWords(m, from), levelWords(m, to))
	case skills.KindSelf:
		if to == 0 {
			return fmt.Sprintf("%s withdrew their own rating of %s.", firstName(p), name)
		}
		return fmt.Sprintf("%s's own rating of %s is now %s.", firstName(p), name, levelWords(m, to))
	case skills.KindRole:
		return fmt.Sprintf("New role: %s, after %s.", roleName(m, c.To), roleName(m, c.From))
	case skills.KindTarget:
		if c.To == "" {
			return "No target role is written any more."
		}
		return fmt.Sprintf("Now working towards %s.", roleName(m, c.To))
	case skills.KindEvidence:
		text := toYou(c.Text, p)
		if Setback(c.Text) {
			return fmt.Sprintf("A setback noted on %s: “%s”", name, text)
		}
		return fmt.Sprintf("Evidence on %s: “%s”", name, text)
	case skills.KindGoal:
		if !c.On.IsZero() {
			return fmt.Sprintf("New goal, due %s: “%s”", longDate(c.On, day), c.Text)
		}
		return fmt.Sprintf("New goal: “%s”", c.Text)
	case skills.KindOutcome:
		return GoalOutcome(c.To, longDate(c.On, day), c.Text, c.From)
	}
	return ""
}

// whyNow says why the week's skill matters now, after "Why now:", from the person's own file:
// a goal that needs it (the most pressing first), a setback recorded on it,
// a focus agreed together, then the bar of their role or of the next one.
// quoted says where else the agenda quotes an evidence text ("" when
// nowhere), so that it is not quoted twice.
func whyNow(in AgendaInput, f Focus, day time.Time, quoted func(string) string) string {
	p, m := in.Person, in.Matrix
	var goal *skills.Goal
	open := p.OpenGoals()
	for i, g := range open {
		if !slices.Contains(g.Skills, f.ID) {
			continue
		}
		if goal == nil || sooner(g, *goal) {
			goal = &open[i]
		}
	}
	switch {
	case goal != nil && !goal.Due.IsZero() && goal.Due.Before(day):
		// A goal past its date is raised once, under Goals due, with the
		// question that sets its new date: the skill's own reason stands
		// here.
	case goal != nil && !goal.Due.IsZero() && !goal.Due.After(day.AddDate(0, 0, 14)):
		// The goal is quoted once, under Goals due.
		return fmt.Sprintf("your goal due on %s, under Goals due, rests on it.", longDate(goal.Due, day))
	case goal != nil && !goal.Due.IsZero():
		return fmt.Sprintf("your goal “%s”, due %s, rests on it.", goal.Text, longDate(goal.Due, day))
	case goal != nil:
		return fmt.Sprintf("your goal “%s” rests on it.", goal.Text)
	}
	var last *skills.Evidence
	for i, e := range p.Evidence {
		if e.Skill == f.ID && (last == nil || !e.Date.Before(last.Date)) {
			last = &p.Evidence[i]
		}
	}
	if last != nil && Setback(last.Text) {
		text := toYou(last.Text, p)
		if where := quoted(text); where != "" {
			return fmt.Sprintf("the last note on it, from %s, records a setback (%s).", longDate(last.Date, day), where)
		}
		return fmt.Sprintf("the last note on it, from %s, records a setback: “%s”", longDate(last.Date, day), text)
	}
	if slices.Contains(p.Focus, f.ID) {
		return "we chose it together as a focus."
	}
	s := m.Skill(f.ID)
	if s == nil || f.Level.Value == 0 {
		return "it has not been assessed yet: agree where you are before working on it."
	}
	if e := s.Expect[p.Role]; f.Level.Value < e {
		return fmt.Sprintf("your role asks for %s here, and you are at %d.", levelWords(m, e), f.Level.Value)
	}
	if t := in.Plan.Target; t.ID != p.Role {
		if e := s.Expect[t.ID]; f.Level.Value < e {
			return fmt.Sprintf("a %s works at %s here, and you are at %d.", t.Name, levelWords(m, e), f.Level.Value)
		}
	}
	if st := in.Plan.Stretch; st != nil {
		if e := s.Expect[st.ID]; f.Level.Value < e {
			return fmt.Sprintf("you meet the bar of your next role here, and a %s works at %s: this is your stretch.", st.Name, levelWords(m, e))
		}
	}
	return fmt.Sprintf("you meet the bar here already; the plan stretches you towards %s.", levelWords(m, f.Next.Value))
}

// lastBaseline is the latest baseline of the person's history up to day
// that is not their first assessment (see [Baselines]); ok is false when
// there is none.
func lastBaseline(history []skills.Change, managerName string, day time.Time) (b Baseline, ok bool) {
	for _, x := range Baselines(history, nil, managerName) {
		if x.Kind != "first" && x.Date <= date(day) {
			b, ok = x, true
		}
	}
	return b, ok
}

// sooner orders goals by urgency: dated before undated, earlier first.
func sooner(a, b skills.Goal) bool {
	switch {
	case a.Due.IsZero():
		return false
	case b.Due.IsZero():
		return true
	}
	return a.Due.Before(b.Due)
}

// disagreement opens a difference between the person's rating of a skill
// and the manager's with one question; "" when they agree or one is missing.
// name, when set, says which skill (in the career conversation, worded
// apart from the week's focus).
func disagreement(p *skills.Person, id, name string) string {
	self, mgr := p.Self[id], p.Levels[id]
	if self == 0 || mgr == 0 || self == mgr {
		return ""
	}
	switch {
	case name != "" && self < mgr:
		return fmt.Sprintf("You see yourself further back on %s than I do, %d against my %d, so what would you need to see to call it %d?", lowerFirst(name), self, mgr, mgr)
	case name != "":
		return fmt.Sprintf("You see yourself further along on %s than I do, %d against my %d, so which piece of that work should I look at again?", lowerFirst(name), self, mgr)
	}
	return disagreements(p, id)[0]
}

// olderRater is who set the person's level of skill id as it stands on
// day, when it is not the current manager's assessment: the latest level
// change of the skill was written by someone other than the manager, the
// person or those the manager reports to (who record the manager's
// levels), and the manager has changed none of the person's levels since
// (a first assessment of their own would have). "" when the level is the
// manager's, or the history does not say.
func olderRater(history []skills.Change, pl *Plan, p *skills.Person, id string, day time.Time) string {
	mgr := pl.Person.ManagerName
	if mgr == "" {
		return ""
	}
	var last *skills.Change
	for i, c := range history {
		if c.Kind == skills.KindLevel && c.Skill == id && !c.Date.After(endOfDay(day)) && (last == nil || c.Date.After(last.Date)) {
			last = &history[i]
		}
	}
	if last == nil || last.Author == "" || last.Author == mgr || last.Author == p.Name || slices.Contains(pl.above, last.Author) {
		return ""
	}
	for _, c := range history {
		if c.Kind == skills.KindLevel && c.Author == mgr && c.Date.After(last.Date) && !c.Date.After(endOfDay(day)) {
			return ""
		}
	}
	return last.Author
}

// olderAsk opens a difference between the person's own rating and a level
// their manager has not set themselves (see olderRater): never "I rate
// you", but whose level it is, and what the manager should look at when
// they assess it.
func olderAsk(p *skills.Person, id, rater string) string {
	self, lvl := p.Self[id], p.Levels[id]
	if self == 0 || lvl == 0 || self == lvl {
		return ""
	}
	return fmt.Sprintf("You rate yourself %d here, and your last assessment, by %s, says %d; I have not assessed it myself yet, so what should I look at first when I do?", self, rater, lvl)
}

// disagreements are the ways the week's focus opens a difference between
// the person's rating and the manager's, the first the usual one: a
// teammate who has it this week leaves the person the next (see
// AgendaInput.TakenAsks). None when they agree or one is missing.
func disagreements(p *skills.Person, id string) []string {
	self, mgr := p.Self[id], p.Levels[id]
	switch {
	case self == 0 || mgr == 0 || self == mgr:
		return nil
	case self < mgr:
		return []string{
			fmt.Sprintf("You rate yourself %d here and I rate you %d, so what makes you say %d?", self, mgr, self),
			fmt.Sprintf("You put yourself at %d here and I put you at %d: what do you see missing from your work that I do not?", self, mgr),
		}
	}
	return []string{
		fmt.Sprintf("You rate yourself %d here and I rate you %d, so what have you done at %d that I may not have seen?", self, mgr, self),
		fmt.Sprintf("You put yourself at %d here and I put you at %d: which piece of your work should I look at again before we settle it?", self, mgr),
		fmt.Sprintf("You rate yourself %d and I rate you %d here: which one example would you put in front of a calibration panel to make your case?", self, mgr),
	}
}

// The work review asks for one thing a week, alternating between the
// person's own open goals and a bank suited to the role.
var (
	reviewIC = []string{
		"Bring one artifact to critique, a spec, a metric plan or a launch note: we will look at the decision it asks for and the evidence behind it.",
		"Bring the last piece of feedback a partner team gave you, and what you plan to do with it.",
		"Bring a decision you made with less data than you wanted: what did you weigh, and what would change your mind?",
		"Bring the metric you watch most closely: what moved, and what will you do about it?",
		"Bring the last customer conversation that changed your mind about something.",
		"Bring the piece of work you are least sure of, before it goes out.",
		"Bring the trade-off you made this fortnight that someone disagreed with.",
	}
	reviewLeader = []string{
		"Bring one team, hiring or strategy topic: a decision you are weighing, a person you are worried about, or a plan you want challenged.",
		"Bring the decision your team is waiting on you for, and what is holding it.",
		"Bring one person on your team whose growth you want to think through out loud.",
		"Bring the plan you most want challenged before it goes further.",
		"Bring the conflict between two of your people or teams you have not settled yet.",
		"Bring the thing your team would change about how you run it, if they could.",
	}
)

// workReview is the week's one piece of work to bring, turning week by
// week through the person's open goals and one prompt for their role's
// work (an artifact, a decision, a plan), in the same order every week, so
// that every goal, a long launch included, is looked at in turn and no two
// weeks running ask for the same. Goals past their date or due within two
// weeks are under Goals due already, and are not asked for twice; the goal
// this week's idea to try is a step of, and last week's review (last), give
// their turn to the next.
//
// started says whether the file shows work on a goal begun (see
// goalStarted): where a goal stands, or its latest piece of work, is asked
// only of work begun; of the rest, the first step.
func workReview(p *skills.Person, leader bool, number int, day time.Time, focus *WeekFocus, last string, started func(skills.Goal) bool) string {
	type slot struct {
		goal *skills.Goal
	}
	var seq []slot
	open := p.OpenGoals()
	for i, g := range open {
		if !g.Due.IsZero() && !g.Due.After(day.AddDate(0, 0, 14)) {
			continue
		}
		seq = append(seq, slot{&open[i]})
	}
	seq = append(seq, slot{}) // the role's prompt
	bank := reviewIC
	if leader {
		bank = reviewLeader
	}
	text := func(s slot) string {
		g := s.goal
		if g == nil {
			// A new prompt each time the role's turn comes round.
			return bank[mod(number-1+offset(p.ID), len(bank))]
		}
		due := ""
		if !g.Due.IsZero() {
			due = fmt.Sprintf(" (due %s)", longDate(g.Due, day))
		}
		switch mod(number, 3) {
		case 0:
			return fmt.Sprintf("Bring what is in the way of “%s”%s, if anything, and who could help.", g.Text, due)
		case 1, 2:
			if !started(*g) {
				return fmt.Sprintf("Bring the first step you will take on “%s”%s, and what you need to take it.", g.Text, due)
			}
		}
		switch mod(number, 3) {
		case 1:
			return fmt.Sprintf("Bring where “%s” stands%s and the next decision in it.", g.Text, due)
		}
		return fmt.Sprintf("Bring the latest piece of work on “%s”%s, and what you would change in it.", g.Text, due)
	}
	for k := range seq {
		s := seq[mod(number-1+k, len(seq))]
		if t := text(s); t != last && (s.goal == nil || focus == nil || focus.Goal == nil || focus.Goal.Text != s.goal.Text) {
			return t
		}
	}
	return text(seq[mod(number-1, len(seq))])
}

// feedbackPrompts are one prompt, one way a week in turn (to the person,
// then to me), from the week's focus and goal, turning with the person's
// agendas from a place of their own.
//
// started says whether the file shows work on the goal begun (see
// goalStarted): how it went is asked only of work begun; of work not begun
// yet, its first step, unless stepped: the last agenda's idea to try was
// a step on the week's skill already, and the first step is behind the
// person, so where it stands and the next step are asked (cold read 10,
// finding 19: a first step asked for after two weeks of steps).
//
// taken, when set, says a teammate before the person has a prompt this
// week (see AgendaInput.TakenAsks).
func feedbackPrompts(id, first string, number int, focus *WeekFocus, goal string, started, stepped bool, taken func(string) bool) []string {
	skill := "your work"
	if focus != nil {
		skill = lowerFirst(focus.Name)
	}
	went := fmt.Sprintf("For %s: where your work on %s made the biggest difference, and what I would do differently.", first, "“"+goal+"”")
	if goal == "" {
		goal = skill
		went = fmt.Sprintf("For %s: where your work on %s made the biggest difference, and what I would do differently.", first, skill)
	} else {
		switch {
		case !started && stepped:
			went = fmt.Sprintf("For %s: where “%s” stands after last week's step, and the next step you want my view on before you take it.", first, goal)
		case !started:
			went = fmt.Sprintf("For %s: your first step on “%s”, and what you want my view on before you take it.", first, goal)
		}
		goal = "“" + goal + "”"
	}
	toThem := []string{
		fmt.Sprintf("For %s: what I saw of your %s lately, one thing to keep and one to change.", first, skill),
		went,
		fmt.Sprintf("For %s: name the piece of %s you most want my view on.", first, skill),
	}
	toMe := []string{
		fmt.Sprintf("For me: what should I start or stop doing to help with %s?", goal),
		fmt.Sprintf("For me: where did I get in the way of your %s, or leave you short?", skill),
		fmt.Sprintf("For me: what should I explain better about how %s fits where the team is going?", goal),
	}
	// One way a week, in turn: feedback to them, then to me; a prompt a
	// teammate before the person has this week (taken) passes its turn to
	// the next, while there is one.
	i := mod((number-1)/2+offset(id), len(toThem))
	way := toThem
	if number%2 == 0 {
		way = toMe
	}
	for k := range way {
		if q := way[mod(i+k, len(way))]; taken == nil || !taken(q) {
			return []string{q}
		}
	}
	return []string{way[i]}
}

// capitalize writes s with a capital first letter.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// GoalOutcome says in a sentence how a goal ended: end is skills.GoalDone or
// skills.GoalDropped, when the day in words, and outcome what came of it
// ("" when the file says nothing).
func GoalOutcome(end, when, goal, outcome string) string {
	verb := "Goal met"
	if end == skills.GoalDropped {
		verb = "Goal dropped"
	}
	t := fmt.Sprintf("%s on %s: “%s”.", verb, when, goal)
	if outcome = strings.TrimSpace(outcome); outcome != "" {
		t += " " + capitalize(outcome)
		if !strings.ContainsAny(outcome[len(outcome)-1:], ".!?") {
			t += "."
		}
	}
	return t
}

// goalStarted reports whether p's file shows work on goal g begun by day:
// evidence dated on or before day, on one of the goal's skills, and no
// older than the goal (the day the history first shows it, else the plan's
// start). A goal written on its own is work still to begin.
func goalStarted(p *skills.Person, history []skills.Change, g skills.Goal, day time.Time) bool {
	from := p.PlanStart
	for _, c := range history {
		if c.Kind == skills.KindGoal && c.Text == g.Text && (from.IsZero() || c.Date.After(from)) {
			from = day0(date(c.Date))
		}
	}
	return slices.ContainsFunc(p.Evidence, func(e skills.Evidence) bool {
		return slices.Contains(g.Skills, e.Skill) && !e.Date.After(day) && !e.Date.Before(from)
	})
}

// toYou is a note about p as their agenda shows it: the agenda speaks to
// them, and their file gives no pronouns, so a note's he or she about them
// reads you ("in his first three weeks" reads "in your first three
// weeks"). A note about someone else, or one that names them, is quoted as
// written.
func toYou(text string, p *skills.Person) string {
	first := firstWord(p.Name)
	if !ThirdPerson(text, first) || slices.Contains(strings.FieldsFunc(text, notLetter), first) {
		return text
	}
	return secondPerson.Replace(text)
}

// calibrationReview makes a work review on a goal about calibrating
// ratings name who it is held with: the person's peers in the repository
// (their manager's other reports in their role), or, with none, the
// manager, whatever the goal's own words assumed (cold read 9: "the other
// GPMs" of a Group PM who is the only one).
func calibrationReview(a *Agenda, p *skills.Person, in AgendaInput, day time.Time) {
	for i, line := range a.Review {
		for _, g := range p.OpenGoals() {
			if !strings.Contains(strings.ToLower(g.Text), "calibrat") || !strings.Contains(line, "“"+g.Text+"”") {
				continue
			}
			due := ""
			if !g.Due.IsZero() {
				due = " by " + longDate(g.Due, day)
			}
			if len(in.Peers) > 0 {
				var names []string
				for _, q := range in.Peers {
					names = append(names, q.Name)
				}
				a.Review[i] = fmt.Sprintf("Bring the date and the agenda of your calibration session with %s%s, and the ratings you most want them to challenge.", andList(names), due)
				continue
			}
			if in.Plan.Person.ManagerName == "" {
				continue // no manager in the repository to hold it with
			}
			// The plan finds the goal cannot be done as written and asks
			// to re-word it together at the next 1:1: the agenda asks the
			// question, it does not answer it (cold read 20: "your
			// calibration session … is with me" decided it for them).
			dueOn := ""
			if !g.Due.IsZero() {
				dueOn = ", due " + longDate(g.Due, day) + ","
			}
			a.Review[i] = fmt.Sprintf("Your goal “%s”%s cannot be done as written, as no other %s reports to me: how would you re-word it, and whom would you calibrate with?", g.Text, dueOn, roleName(in.Matrix, p.Role))
			if in.Previous != nil && a.Review[i] == in.Previous.Review {
				// Asked last week already, and the goal's words have not
				// changed since: the week after settles them.
				a.Review[i] = fmt.Sprintf("Your goal “%s” still reads as it did last week: agree its new words today.", g.Text)
			}
		}
		if in.Previous != nil && a.Review[i] == in.Previous.Review && a.Review[i] != line {
			// Asked last week already: the week after asks how far it got.
			a.Review[i] = "Since our last 1:1, which ratings for the calibration have you settled, and which still need the work behind them?"
		}
	}
}
