package skills

import (
	"regexp"
	"slices"
	"time"
)

// Person is one product manager's skill file, skills/<id>.toml, after
// validation. The file's [private] table is deliberately not part of Person:
// what is never loaded can never be rendered into a plan, agenda or diff.
type Person struct {
	// ID is the file's stem: lowercase letters, digits and '-'.
	ID string `json:"id"`
	// Path is the file's path relative to the repository root, with slashes.
	Path   string `json:"path"`
	Name   string `json:"name"`
	Role   string `json:"role"`
	Target string `json:"target,omitempty"`
	// Manager is the id of the person's manager: another person, or a
	// leader declared in coach.toml.
	Manager string `json:"manager,omitempty"`
	// Reports counts the people outside the repository (engineers,
	// designers) who report to this person.
	Reports int `json:"reports,omitempty"`
	// Assessed is the date of this assessment, written by the leader: the
	// "today" of the plan, from which goals are judged overdue. Zero when
	// not set.
	Assessed time.Time `json:"assessed,omitzero"`
	// Joined is the person's first day in the team (or in their role);
	// zero when not set. Within 90 days of it they get an onboarding plan.
	Joined time.Time `json:"joined,omitzero"`
	// PlanStart is when progress is measured from; zero when not set.
	PlanStart time.Time `json:"plan_start,omitzero"`
	// Focus pins skills ahead of the plan's ranking.
	Focus []string `json:"focus,omitempty"`
	// Levels is the manager's assessment by skill id; a skill left out is not
	// assessed.
	Levels map[string]int `json:"levels"`
	// Self is the person's own assessment, same keys.
	Self     map[string]int `json:"self,omitempty"`
	Goals    []Goal         `json:"goals,omitempty"`
	Evidence []Evidence     `json:"evidence,omitempty"`
	// Aspiration is what the person wants for their career; nil when the
	// file does not say (see aspiration.go).
	Aspiration *Aspiration `json:"aspiration,omitempty"`
	// Notes fingerprints the [private] notes as stored (ciphertext), so
	// that a change to them can be reported without reading them; "" when
	// there are none.
	Notes string `json:"-"`
	// PlainNotes tells one version's plain-text [private] notes from
	// another's without holding them (a short hash); "" when the notes are
	// encrypted or there are none. Only ParsePerson sets it, for the history.
	PlainNotes string `json:"-"`
}

// Goal is something the person means to achieve, the skills it exercises and
// when it is due (zero when open-ended). A goal that has ended says how:
// Done or Dropped is the day it was met or given up (at most one is set),
// and Outcome, optionally, what came of it.
type Goal struct {
	Text    string    `json:"text"`
	Skills  []string  `json:"skills,omitempty"`
	Due     time.Time `json:"due,omitzero"`
	Done    time.Time `json:"done,omitzero"`
	Dropped time.Time `json:"dropped,omitzero"`
	Outcome string    `json:"outcome,omitempty"`
}

// The ends of a goal, as Goal.End names them.
const (
	GoalDone    = "done"
	GoalDropped = "dropped"
)

// End says how the goal ended: GoalDone or GoalDropped and the day, or ""
// and the zero time while it is open. Done wins over Dropped when a file
// sets both (check reports that as an error).
func (g Goal) End() (string, time.Time) {
	switch {
	case !g.Done.IsZero():
		return GoalDone, g.Done
	case !g.Dropped.IsZero():
		return GoalDropped, g.Dropped
	}
	return "", time.Time{}
}

// Open reports whether the goal has not ended: plans and agendas chase only
// open goals.
func (g Goal) Open() bool { return g.Done.IsZero() && g.Dropped.IsZero() }

// OpenGoals are p's goals that have not ended, in file order: p.Goals itself
// when none has.
func (p *Person) OpenGoals() []Goal {
	if !slices.ContainsFunc(p.Goals, func(g Goal) bool { return !g.Open() }) {
		return p.Goals
	}
	var out []Goal
	for _, g := range p.Goals {
		if g.Open() {
			out = append(out, g)
		}
	}
	return out
}

// Evidence is a dated observation that shows a skill in use.
type Evidence struct {
	Date  time.Time `json:"date"`
	Skill string    `json:"skill"`
	Text  string    `json:"text"`
}

// TargetRole is the role the person is working towards: Target when set,
// otherwise the role their aspiration points to, otherwise the role's next,
// otherwise the role itself (the top of the ladder).
func (p *Person) TargetRole(m *Matrix) string {
	if p.Target != "" {
		return p.Target
	}
	if id := p.Aspiration.Wants(m, p.Role); id != "" {
		return id
	}
	if r := m.Role(p.Role); r != nil && r.Next != "" {
		return r.Next
	}
	return p.Role
}

// Unassessed lists, in matrix order, the skills that have no level in p.Levels.
func (p *Person) Unassessed(m *Matrix) []string {
	var out []string
	for _, s := range m.Skills {
		if _, ok := p.Levels[s.ID]; !ok {
			out = append(out, s.ID)
		}
	}
	return out
}

var validID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidID reports whether id can name a person, skill, role, persona or pillar:
// lowercase letters and digits, words joined by single '-'.
func ValidID(id string) bool { return validID.MatchString(id) }
