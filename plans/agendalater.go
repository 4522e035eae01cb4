package plans

import (
	"slices"
	"time"

	"github.com/coach-dev/coach/skills"
)

// An agenda reads the repository as it stood on the day of its 1:1, by
// design: it never quotes what was written after. Generated later, it can
// then read as if it contradicted today's plan (cold read 10, finding 3: a
// W47 agenda on levels a reassessment of the next day replaced). Its
// header says so in one line, when the person's file changed after the
// day, naming the first such change by what it was.

// laterKinds are the changes to a skill file an agenda's header names, the
// weightiest first; notes, renames and the file's creation are not news
// about the person.
var laterKinds = []skills.Kind{skills.KindLevel, skills.KindRole, skills.KindTarget,
	skills.KindOutcome, skills.KindGoal, skills.KindSelf, skills.KindEvidence}

// LaterNote is the header line of an agenda read as of day, when history
// (the person's changes up to today, any order) holds a change to their
// file after day: "Not in this agenda yet: the assessment of 18 November,
// the day after this 1:1." wish is set when what the person
// wants next (their aspiration, which history does not date) differs
// today: it is named when nothing dated came after. "" when nothing
// changed since.
func LaterNote(history []skills.Change, day time.Time, wish bool) string {
	end := endOfDay(day)
	var first time.Time
	for _, c := range history {
		if c.Date.After(end) && laterKind(c.Kind) && (first.IsZero() || c.Date.Before(first)) {
			first = c.Date
		}
	}
	if first.IsZero() {
		if wish {
			return "Not in this agenda yet: what you want next, written down since this 1:1."
		}
		return ""
	}
	// The first day with a change after the 1:1, by its weightiest kind.
	y, m, d := first.Date()
	rank, more := len(laterKinds), false
	for _, c := range history {
		if !c.Date.After(end) || !laterKind(c.Kind) {
			continue
		}
		if cy, cm, cd := c.Date.Date(); cy != y || cm != m || cd != d {
			more = true
			continue
		}
		rank = min(rank, slices.Index(laterKinds, c.Kind))
	}
	when := longDate(first, day)
	what := [...]string{
		"the assessment of " + when,
		"the change of role of " + when,
		"the new target of " + when,
		"the goal closed on " + when,
		"the goal added on " + when,
		"the self-assessment of " + when,
		"the evidence added on " + when,
	}[rank]
	if y, m, d := day.AddDate(0, 0, 1).Date(); first.Year() == y && first.Month() == m && first.Day() == d {
		what += ", the day after this 1:1"
	}
	if more {
		what += ", and what followed"
	}
	// Said as a person would say it: what the agenda does not hold yet
	// (cold read 20: "As it stood on …: … came after this 1:1" is the
	// generator speaking).
	return "Not in this agenda yet: " + what + "."
}

func laterKind(k skills.Kind) bool { return slices.Contains(laterKinds, k) }
