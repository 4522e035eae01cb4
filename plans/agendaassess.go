package plans

import (
	"time"

	"github.com/coach-dev/coach/skills"
)

// One day for the session that sets the levels not yet assessed: the
// plan's "Assess first" books it, its commitment promises it, the review
// says it and the agendas before it ask after it, each from assessBy
// (cold read 20, point 3: three documents gave three dates).

// assessBy is the day before which one 90-minute session sets the n
// levels not yet assessed, when there are more than assessInOnes: the
// first of the person's open goals due within 30 days of today (the goals
// lean on those levels), else 30 days after today. Zero for few skills,
// or no today.
func assessBy(p *skills.Person, n int, today time.Time) time.Time {
	if n <= assessInOnes || today.IsZero() {
		return time.Time{}
	}
	by := today.AddDate(0, 0, 30)
	for _, g := range p.OpenGoals() {
		if g.Due.After(today) && g.Due.Before(by) {
			by = g.Due
		}
	}
	return by
}

// assessCount is how many of p's levels their plan lists as not yet
// assessed (its AssessFirst): the skills with no level that p's role or
// target asks for.
func assessCount(m *skills.Matrix, p *skills.Person) int {
	role, target := m.Role(p.Role), m.Role(p.TargetRole(m))
	if role == nil || target == nil {
		return 0
	}
	n := 0
	for _, s := range m.Skills {
		if p.Levels[s.ID] == 0 && !notYetAsked(&s, role, target) {
			n++
		}
	}
	return n
}

// AssessSessionBy is the day, as YYYY-MM-DD, before which the plan's one
// session sets the levels not yet assessed (see assessBy); "" when the
// plan books none.
func (p *Plan) AssessSessionBy() string {
	if p.person == nil {
		return ""
	}
	if by := assessBy(p.person, len(p.AssessFirst), p.Today.day); !by.IsZero() {
		return date(by)
	}
	return ""
}
