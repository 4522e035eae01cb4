package plans

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/coach-dev/coach/skills"
)

// The plan's first screen, "At a glance": the facts behind the verdict
// (VerdictOf is in verdict.go) and the 30/60/90-day milestones. Every date
// here counts from a date in the skill file, never from the clock.

// verdictEvidence lists the facts the verdict rests on, by skill name.
func verdictEvidence(pl *Plan) []string {
	var out []string
	rd, cur := pl.Readiness, pl.Current
	if pl.backed != nil {
		rd, cur = pl.backed[0], pl.backed[1] // what the verdict is judged on
	}
	if pl.Verdict.Kind == "onboarding" {
		return nil // the first 90 days are not judged against a bar
	}
	if cur.Assessed*2 < cur.Total {
		out = append(out, fmt.Sprintf("Assessed so far: %s.", andList(assessedNames(pl))))
		// What the person has shown, latest first: few levels are no
		// reason to leave out what they did.
		shown := 0
		for _, e := range slices.Backward(sortedEvidence(pl.evidence)) {
			if shown == 2 || Setback(e.Text) || !pl.Today.day.IsZero() && e.Date.After(pl.Today.day) {
				continue
			}
			shown++
			name := e.Skill
			for _, s := range pl.Skills {
				if s.ID == e.Skill {
					name = s.Name
				}
			}
			// In quotation marks only as written: a note turned into
			// "you" is no quote (VP cold read 20, finding 2).
			said := spoken(e.Text, pl.person, pl.ManagerCall)
			if said == e.Text {
				said = "\"" + said + "\""
			}
			out = append(out, fmt.Sprintf("Shown on %s, in %s: %s.", date(e.Date), lowerFirst(name), said))
		}
		return out
	}
	held := ""
	if pl.Verdict.Kind == "held" {
		held = ", on the new levels, not yet calibrated"
	}
	var below, reentry []SkillGap
	for _, g := range cur.Below {
		if pl.Returned != "" && slices.Contains(pl.Reentry, g.ID) {
			reentry = append(reentry, g)
		} else {
			below = append(below, g)
		}
	}
	if len(reentry) > 0 {
		out = append(out, fmt.Sprintf("To re-assess together at the calibration, not counted as a gap: %s.", gapList(reentry)))
		rd = withoutGaps(rd, pl.Reentry)
	}
	if pl.Role.ID != pl.Target.ID {
		if len(below) > 0 {
			out = append(out, fmt.Sprintf("Below the %s bar: %s.", pl.Role.Name, gapList(below)))
		} else if cur.Assessed > 0 && len(reentry) == 0 {
			out = append(out, fmt.Sprintf("Every assessed skill meets the %s bar.", pl.Role.Name))
		}
	}
	if len(below) == 0 || pl.Role.ID == pl.Target.ID {
		// Someone below their current bar is not told the next role's gaps.
		switch {
		case len(rd.Below) > 0 && len(rd.Below) <= 4:
			out = append(out, fmt.Sprintf("Short of the %s bar%s: %s.", pl.Target.Name, held, gapList(rd.Below)))
		case len(rd.Below) > 4:
			out = append(out, fmt.Sprintf("Short of the %s bar%s: %s, and %s more.", pl.Target.Name, held, gapList(rd.Below[:3]), number(len(rd.Below)-3)))
		case rd.Assessed > 0 && pl.Role.ID != pl.Target.ID && held != "":
			// Not told as a fact before the calibration that may reverse
			// it: what the calibration decides is said instead.
			out = append(out, fmt.Sprintf("The calibration decides whether the new levels stand, and with them whether you meet the %s bar on every assessed skill.", pl.Target.Name))
		case rd.Assessed > 0 && pl.Role.ID != pl.Target.ID:
			out = append(out, fmt.Sprintf("At or above the %s bar on every assessed skill.", pl.Target.Name))
		}
	}
	if n := rd.Total - rd.Assessed; n > 0 && n*2 < rd.Total {
		var names []string
		for _, s := range pl.AssessFirst {
			names = append(names, s.Name)
		}
		out = append(out, fmt.Sprintf("No level yet: %s.", andList(short(names))))
	}
	if pl.RatesApart != "" {
		out = append(out, pl.RatesApart)
	}
	return append(out, loweredWords(pl)...)
}

// loweredWords says, once, of each level set lower with no example
// written down, that the plan counts the level before it until its
// manager writes down what the lower one rests on.
func loweredWords(pl *Plan) []string {
	var out []string
	who := "your manager"
	if pl.ManagerCall != "" {
		who = pl.ManagerCall
	}
	for _, l := range pl.lowered {
		on := l.On
		if t, err := time.Parse(time.DateOnly, l.On); err == nil {
			on = longDate(t, pl.Today.day)
		}
		out = append(out, fmt.Sprintf("%s was set lower, to %d, on %s, with no example written down: until %s writes down what it rests on, this plan counts it at %d %s.",
			l.Name, l.To, on, who, l.From, l.FromName))
	}
	return out
}

func gapList(gaps []SkillGap) string {
	var parts []string
	for _, g := range gaps {
		parts = append(parts, fmt.Sprintf("%s (%d, bar %d)", g.Name, g.Level, g.Expect))
	}
	return strings.Join(parts, ", ")
}

// milestones are the plan's checkpoints, from the dates that exist: an
// overdue goal gets a new date at the next 1:1, and the person's goals due
// within the 90 days are checkpoints on their own dates; process lines fill
// only the gaps, and the last is the reassessment. A step to the top of the
// scale is never a 90-day milestone. Dated from start (content dates only:
// never the clock).
func milestones(m *skills.Matrix, pl *Plan, start time.Time) []Milestone {
	if pl.Onboarding != nil {
		var out []Milestone
		for _, ph := range pl.Onboarding.Phases {
			if ph.Date != "" && pl.Today.Date != "" && ph.Date <= pl.Today.Date {
				// Past: not a milestone ahead, but what is still open of it.
				open := 0
				for _, c := range ph.Checks {
					if !c.Done {
						open++
					}
				}
				// Steps with no evidence are a check-in, not a shortfall:
				// in a new hire's first weeks, what is missing is most
				// often only the writing down (cold read 9, finding 16).
				some := fmt.Sprintf("%s of its %s have", number(open), words(len(ph.Checks), "step"))
				if open == len(ph.Checks) {
					some = fmt.Sprintf("its %s have", words(open, "step"))
				}
				text := some + " nothing written down yet: which are done? Say so at your next 1:1 and they are ticked off; any still to do go alongside the next phase."
				if open == 1 {
					text = fmt.Sprintf("one of its %s has nothing written down yet: is it done? Say so at your next 1:1 and it is ticked off; if not, it goes alongside the next phase.", words(len(ph.Checks), "step"))
				}
				if open > 0 {
					out = append(out, Milestone{Label: fmt.Sprintf("The first %d days, to tick off", ph.Days), Text: text})
				}
				continue
			}
			out = append(out, Milestone{Days: ph.Days, Date: ph.Date, Text: ph.Goal})
		}
		for i := range out {
			out[i].When = byWhen(out[i])
		}
		return out
	}
	if len(pl.Focus) == 0 && len(pl.Goals) == 0 {
		return nil
	}
	day := func(n int) string {
		if start.IsZero() {
			return ""
		}
		return date(start.AddDate(0, 0, n))
	}
	var out []Milestone
	for _, g := range pl.Goals {
		if g.Overdue {
			out = append(out, Milestone{Label: "At the next 1:1", Text: fmt.Sprintf("a new date for \"%s\", due %s and still open, or a decision to drop it.", g.Text, g.Due)})
		}
	}
	covered := map[int]bool{}
	if !start.IsZero() {
		for _, g := range pl.Goals {
			due, err := time.Parse(time.DateOnly, g.Due)
			if err != nil || g.Overdue || due.Before(start) || due.After(start.AddDate(0, 0, planDays)) {
				continue
			}
			n := int(due.Sub(start).Hours() / 24)
			covered[(n+29)/30] = true
			text := fmt.Sprintf("\"%s\" done", g.Text)
			calibration := calibrationGoal(g.Text)
			if calibration && pl.calibrators != "" {
				// Calibrated with people the repository has, never with
				// peers it does not.
				text = fmt.Sprintf("\"%s\" done, %s", g.Text, pl.calibrators)
			} else if calibration && pl.noCalibrators != "" {
				// Nobody to hold it with: the goal is quoted as written and
				// its re-wording suggested, never made for the person.
				text = fmt.Sprintf("\"%s\" cannot be done as written, as %s: re-word the goal with %s at your next 1:1", g.Text, pl.noCalibrators, cmp.Or(pl.ManagerCall, "your manager"))
			} else if who := pl.waiting[g.Text]; who != "" {
				text = fmt.Sprintf("\"%s\" done, once %s has handed it over", g.Text, who)
			} else if who := counterpart(g.Text); who != "" {
				if strings.Contains(who, " and ") {
					text += fmt.Sprintf(", and the view of %s on how it went", who)
				} else {
					text += fmt.Sprintf(", and %s view of how it went", possessive(who))
				}
			}
			out = append(out, Milestone{Days: n, Date: g.Due, Text: text + "."})
		}
	}
	// Process lines only where no dated goal falls, and then about the
	// focus skills no dated goal carries: their first action by day 30,
	// what others can see of it by day 60.
	var open []Focus
	for _, f := range pl.Focus {
		if len(open) == 2 {
			break // the two first: a milestone is a line, not the plan again
		}
		if len(f.Actions) == 0 || len(f.Goals) > 0 {
			continue // a goal's skill: the goal's own date is its checkpoint
		}
		open = append(open, f)
	}
	if len(open) > 0 && !covered[1] && !covered[0] {
		var parts []string
		for _, f := range open {
			parts = append(parts, fmt.Sprintf("%s: %s", f.Name, lowerFirst(strings.TrimSuffix(firstSentence(cmp.Or(f.Actions[0].InPlan, f.Actions[0].Text)), "."))))
		}
		out = append(out, Milestone{Days: 30, Date: day(30), Text: "Started and talked through at a 1:1: " + strings.Join(parts, "; ") + "."})
	}
	if len(open) > 0 && !covered[2] {
		var parts []string
		for _, f := range open {
			if due := actionDue(f.Actions[0]); due != "" && due > day(60) {
				// Due after day 60: what others see of it cannot come
				// before it is done.
				continue
			}
			seen := cmp.Or(checkpointSees(f.Actions[0].Text, f.Actions[0].Evidence, 60, daysTo(pl.Today.day, pl.NextReview)), reachable(f.Actions[0].Evidence, 60))
			parts = append(parts, fmt.Sprintf("%s: %s", f.Name, lowerFirst(strings.TrimSuffix(seen, "."))))
		}
		if len(parts) > 0 {
			out = append(out, Milestone{Days: 60, Date: day(60), Text: "What others can see: " + strings.Join(parts, "; ") + "."})
		}
	}
	var targets, long, past []string
	stretchPast := ""
	for _, f := range pl.Focus {
		switch {
		case f.Next.Value <= f.Level.Value:
		case f.Level.Value == 0:
			// No level yet: it is assessed first, not reached.
		case yearLong(m, f):
			long = append(long, f.Name)
		case f.StretchPast != "":
			// Past the target's bar: started and seen in 90 days, the
			// level itself left to the review.
			past = append(past, fmt.Sprintf("%s towards %s", f.Name, f.Next.Words()))
			stretchPast = f.StretchPast
		case f.Level.Value >= f.Expect && !f.BelowRole:
			// At the bar already: the goal uses it; no new level is due.
		default:
			targets = append(targets, fmt.Sprintf("%s at %s", f.Name, f.Next.Words()))
		}
	}
	ninety := "Ready to reassess, with what others saw in these 90 days."
	if !start.IsZero() {
		ninety = fmt.Sprintf("Ready to reassess, with what others saw since %s.", date(start))
	}
	var later []string
	for _, g := range pl.Goals {
		if due, err := time.Parse(time.DateOnly, g.Due); err == nil && !start.IsZero() && due.After(start.AddDate(0, 0, planDays)) {
			later = append(later, fmt.Sprintf("\"%s\" (due %s)", g.Text, g.Due))
		}
	}
	if len(targets) > 0 {
		ninety = fmt.Sprintf("Ready to reassess: %s, each backed by what others saw.", andList(targets))
	}
	if len(long) > 0 {
		verb := "keeps"
		if len(long) > 1 {
			verb = "keep"
		}
		ninety += fmt.Sprintf(" %s %s building towards %s: a step of a year or more, not of 90 days.", andList(long), verb, levelWords(m, m.MaxLevel()))
	}
	if len(past) > 0 {
		ninety += fmt.Sprintf(" The stretch past the %s bar under way, with a first piece of work others saw: %s.", stretchPast, andList(past))
	}
	if len(later) > 0 {
		ninety += fmt.Sprintf(" On track for %s, with what is left to do named.", andList(later))
	}
	// The 90-day checkpoint is the review when the review falls near it:
	// one date, not two a few days apart.
	last := Milestone{Days: 90, Date: day(90), Text: ninety}
	if review, err := time.Parse(time.DateOnly, pl.NextReview); err == nil && !start.IsZero() {
		if n := int(review.Sub(start).Hours() / 24); n >= planDays-10 && n <= planDays+10 {
			last.Days, last.Date = n, pl.NextReview
		}
	}
	out = append(out, last)
	slices.SortStableFunc(out, func(a, b Milestone) int {
		if (a.Label != "") != (b.Label != "") {
			if a.Label != "" {
				return -1
			}
			return 1
		}
		return a.Days - b.Days
	})
	for i := range out {
		out[i].When = byWhen(out[i])
	}
	return out
}

// byWhen is a milestone's label as people date things: "By 31 January
// 2027", never "Day 74 (2027-01-31)"; "By day 74" when it has no date, and
// "" for a milestone labelled otherwise ("At the next 1:1").
func byWhen(ms Milestone) string {
	if ms.Label != "" {
		return ""
	}
	if d, err := time.Parse(time.DateOnly, ms.Date); err == nil {
		return "By " + d.Format("2 January 2006")
	}
	return fmt.Sprintf("By day %d", ms.Days)
}

// dueByDate matches the date an action is due by, as the plan says it.
var dueByDate = regexp.MustCompile(`\bby (\d{4}-\d{2}-\d{2})\b`)

// actionDue is the date an action is due by, as the plan says it ("...,
// by 2027-02-17; after this plan: ..."), "" when it names none.
func actionDue(a Action) string {
	if m := dueByDate.FindStringSubmatch(cmp.Or(a.InPlan, a.After, a.Text)); m != nil {
		return m[1]
	}
	return ""
}

// firstSentence is text up to its first ". ", whole when it has none.
func firstSentence(text string) string {
	if i := strings.Index(text, ". "); i >= 0 {
		text = text[:i+1]
	}
	if i := strings.Index(text, "; "); i >= 0 && !strings.Contains(text[:i], "\"") {
		text = text[:i]
	}
	return text
}

// AndList joins items as a sentence does: "a, b and c".
func AndList(items []string) string { return andList(items) }

// UpperFirst capitalises the first letter of s, as a sentence starts.
func UpperFirst(s string) string { return upperFirst(s) }

func andList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func assessedNames(pl *Plan) []string {
	var out []string
	for _, s := range pl.Skills {
		if s.Level > 0 {
			out = append(out, fmt.Sprintf("%s (%d)", s.Name, s.Level))
		}
	}
	return short(out)
}

// spans are the time spans of the matrix's evidence, longest first, each
// with the words that say them and their length in days.
var spans = []struct {
	words string
	days  int
}{
	{"two quarters", 180}, {"six months", 180}, {"a quarter", 90}, {"one quarter", 90}, {"the quarter", 90},
}

// reachable rewrites evidence written for a full step (a quarter of
// reviews, six months of meetings, twelve notes) to what can be there by
// day days of the plan: spans longer than the days available become those
// days, a span after the work ("a quarter later", "the following quarter")
// becomes "since", and a count of six or more is scaled to the days, as
// the matrix counts over a quarter.
func reachable(text string, days int) string {
	// A milestone has its own date: a span that opens the evidence
	// ("Within a month, ...") would count from another day.
	text = upperFirst(leadingSpan.ReplaceAllString(text, ""))
	have := "two months"
	switch {
	case days <= 30:
		have = "a month"
	case days > 75 && days < 90:
		have = "three months"
	case days >= 90:
		return text
	}
	for _, r := range []struct{ from, to string }{
		{"by the end of the quarter", "so far"}, {"in the following quarter", "since"}, {"the following quarter", "since"},
		{"a quarter later", "since"}, {"after two quarters", "so far"}, {"within two quarters", "so far"},
		{"for the quarter", "so far"},
	} {
		text = strings.ReplaceAll(text, r.from, r.to)
	}
	for _, sp := range spans {
		if sp.days <= days || sp.days == 90 && have == "three months" || sp.words == "a quarter" && strings.Contains(text, "a quarter of the time") {
			continue // a share of the time, not a span
		}
		text = strings.ReplaceAll(text, sp.words, have)
		text = strings.ReplaceAll(text, upperFirst(sp.words), upperFirst(have))
	}
	first, rest, ok := strings.Cut(text, " ")
	if n := slices.Index(countWords, strings.ToLower(first)); ok && n >= 6 {
		scaled := max(2, (n*days+45)/90)
		text = upperFirst(countWords[scaled]) + " " + rest
	}
	return text
}

// leadingSpan is a time span that opens a sentence: "Within a month, ".
var leadingSpan = regexp.MustCompile(`^(?i)(?:within|in|after) (?:a|an|one|two|three|four|six) (?:weeks?|months?|quarters?),? `)

// countWords are the counts the matrix writes in words, by value.
var countWords = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}

// sortedEvidence is evidence oldest first, the file's order within a day.
func sortedEvidence(ev []skills.Evidence) []skills.Evidence {
	out := slices.Clone(ev)
	slices.SortStableFunc(out, func(a, b skills.Evidence) int { return a.Date.Compare(b.Date) })
	return out
}

// calibrationGoal reports whether a goal's text is about calibration.
func calibrationGoal(text string) bool {
	return strings.Contains(strings.ToLower(text), "calibrat")
}

// unworkable reports whether g cannot be done as written: a calibration
// goal with nobody in the repository to hold it with. Its milestone asks
// for it to be re-worded; nobody backs it as written.
func (pl *Plan) unworkable(g GoalItem) bool {
	return pl.noCalibrators != "" && calibrationGoal(g.Text)
}

// Unworkable says why the goal of text cannot be done as written ("no
// other Group Product Manager reports to Priya"), the plan's own
// judgement, for a review to agree with it; "" when it can.
func (pl *Plan) Unworkable(text string) string {
	if !pl.unworkable(GoalItem{Text: text}) {
		return ""
	}
	return pl.noCalibrators
}

// yearLong reports whether a focus skill's next level is the matrix's top
// one: a step of a year or more, which the plan does not expect within
// its 90 days.
func yearLong(m *skills.Matrix, f Focus) bool {
	return f.Level.Value > 0 && f.Next.Value > f.Level.Value && f.Next.Value == m.MaxLevel()
}
