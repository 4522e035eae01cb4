package plans

import (
	"fmt"
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
// file after day: "As it stood on Tuesday 17 November: the assessment of
// 18 November came after this 1:1." wish is set when what the person
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
			return fmt.Sprintf("As it stood on %s %s: what you want next was written down after this 1:1.", day.Weekday(), longDate(day, day))
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
	if more {
		what += ", and what followed,"
	}
	return fmt.Sprintf("As it stood on %s %s: %s came after this 1:1.", day.Weekday(), longDate(day, day), what)
}

func laterKind(k skills.Kind) bool { return slices.Contains(laterKinds, k) }
