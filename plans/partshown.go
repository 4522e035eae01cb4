package plans

import (
	"strings"
	"time"

	"github.com/coach-dev/coach/skills"
)

// A level's rubric often asks for more than one thing ("prepares every
// important negotiation…; agrees scope with sales or marketing without
// escalation"). A person's evidence can already record one of them: the
// plan then says so and asks for the rest, never as if nothing were there.

// levelReading is a person's evidence on a skill read against one level's
// rubric, clause by clause (the rubric cut at its "; ").
type levelReading struct {
	// Entry is the newest evidence entry, no setback, that records one of
	// the clauses; nil when none does.
	Entry *skills.Evidence
	// Shown are the clauses some entry records; Missing the others, in the
	// rubric's order, first letter lowered and final period cut.
	Shown, Missing []string
}

// levelClauses is what level lvl of s asks, one clause a thing.
func levelClauses(s *skills.Skill, lvl int) []string {
	d := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(descriptor(s, lvl)), "."))
	if d == "" {
		return nil
	}
	var out []string
	for _, c := range strings.Split(d, "; ") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, lowerFirst(c))
		}
	}
	return out
}

// readLevel reads p's evidence on s dated up to today (any date when today
// is zero) against level lvl of s: which of its clauses an entry that
// records no setback already shows (see shown), and which none does.
func readLevel(p *skills.Person, s *skills.Skill, lvl int, today time.Time) levelReading {
	var r levelReading
	for _, c := range levelClauses(s, lvl) {
		var by *skills.Evidence
		for k, e := range p.Evidence {
			if e.Skill != s.ID || Setback(e.Text) || !today.IsZero() && e.Date.After(today) {
				continue
			}
			if shown([]string{e.Text}, c) && (by == nil || !e.Date.Before(by.Date)) {
				by = &p.Evidence[k]
			}
		}
		if by == nil {
			r.Missing = append(r.Missing, c)
			continue
		}
		r.Shown = append(r.Shown, c)
		if r.Entry == nil || by.Date.After(r.Entry.Date) {
			r.Entry = by
		}
	}
	return r
}

// shows reports whether the reading found any clause shown.
func (r levelReading) shows() bool { return r.Entry != nil }
