// Package skills owns coach's domain model: the skill matrix (levels, personas,
// pillars, the role ladder, skills and role transitions), a person's skill file,
// the repository's settings in coach.toml, and the strict validation of all
// three. It also embeds the built-in default matrix.
//
// Decoding never stops at the first mistake: [DecodeMatrix], [DecodePerson] and
// [Load] return every [Problem] they find, each with its file, line, column and
// fix. Loading files from disk happens here (see [Load]); everything else in
// the package works on values.
package skills

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Matrix is the skill matrix: the proficiency scale, the three personas of a
// product leader, the four pillars, the role ladder, the skills and what each
// move up the ladder asks of a person.
type Matrix struct {
	Levels      []Level      `toml:"level" json:"levels"`
	Personas    []Persona    `toml:"persona" json:"personas"`
	Pillars     []Pillar     `toml:"pillar" json:"pillars"`
	Roles       []Role       `toml:"role" json:"roles"`
	Skills      []Skill      `toml:"skill" json:"skills"`
	Transitions []Transition `toml:"transition" json:"transitions"`
}

// Level is one step of the proficiency scale. Values run 1..N.
type Level struct {
	Value   int    `toml:"value" json:"value"`
	Name    string `toml:"name" json:"name"`
	Summary string `toml:"summary" json:"summary"`
}

// Persona is one of the hats a product leader wears (People Manager,
// Strategic Leader, Coach/Mentor).
type Persona struct {
	ID      string `toml:"id" json:"id"`
	Name    string `toml:"name" json:"name"`
	Summary string `toml:"summary" json:"summary"`
}

// Pillar groups skills by kind (Soft skills, Team development, Domain
// expertise, Technical and UX).
type Pillar struct {
	ID      string `toml:"id" json:"id"`
	Name    string `toml:"name" json:"name"`
	Summary string `toml:"summary" json:"summary"`
}

// Role is one rung of the career ladder. Next is the default target role;
// Emphasis weighs each persona for people aiming at this role; Leads is set
// on the roles that lead people (they have reports): a leader's 1:1 reviews
// a team or strategy topic, where an individual contributor brings an
// artifact, and advice marked for people leaders reaches only them.
type Role struct {
	ID       string             `toml:"id" json:"id"`
	Name     string             `toml:"name" json:"name"`
	Next     string             `toml:"next" json:"next,omitempty"`
	Leads    bool               `toml:"leads" json:"leads,omitempty"`
	Emphasis map[string]float64 `toml:"emphasis" json:"emphasis"`
}

// Skill is one row of the matrix.
type Skill struct {
	ID       string   `toml:"id" json:"id"`
	Name     string   `toml:"name" json:"name"`
	Pillar   string   `toml:"pillar" json:"pillar"`
	Personas []string `toml:"personas" json:"personas"`
	Summary  string   `toml:"summary" json:"summary"`
	// Expect is the level each role is expected to hold, by role id.
	Expect map[string]int `toml:"expect" json:"expect"`
	// Descriptors say what each level looks like for this skill:
	// Descriptors[0] describes level 1.
	Descriptors []string   `toml:"descriptors" json:"descriptors"`
	Questions   []Question `toml:"question" json:"questions"`
	Actions     []Action   `toml:"action" json:"actions"`
	Resources   []Resource `toml:"resource" json:"resources"`
}

// Question is a coaching question for someone working towards Level.
// Leads, when set, limits it to one audience (see [Audience]).
type Question struct {
	Level int    `toml:"level" json:"level"`
	Text  string `toml:"text" json:"text"`
	Leads *bool  `toml:"leads" json:"leads,omitempty"`
}

// Action is something to do to reach level To, and the evidence that would
// show it was done. Leads, when set, limits it to one audience (see
// [Audience]): a calibration with your reports is no advice for someone
// without reports.
type Action struct {
	To       int    `toml:"to" json:"to"`
	Text     string `toml:"text" json:"text"`
	Evidence string `toml:"evidence" json:"evidence"`
	Leads    *bool  `toml:"leads" json:"leads,omitempty"`
}

// Audience reports whether advice marked with leads suits a person who
// leads people (personLeads) or one who does not: leads = true is for people
// leaders only, leads = false for everyone else only, and no mark for all.
func Audience(leads *bool, personLeads bool) bool {
	return leads == nil || *leads == personLeads
}

// Resource is a way to learn a skill. Kind says which: "practice" (something
// to do at work), "person" (someone to learn from) or "reading" (a book,
// article or talk, with its Author).
type Resource struct {
	Kind   string `toml:"kind" json:"kind"`
	Title  string `toml:"title" json:"title"`
	Author string `toml:"author" json:"author,omitempty"`
	URL    string `toml:"url" json:"url,omitempty"`
	// To, when set, is the level the resource helps someone reach: a
	// plan's Learn from for that level gives it in place of the skill's
	// resources of its kind that name no level, and never gives it for
	// another level.
	To int `toml:"to" json:"to,omitempty"`
}

// ResourceKinds are the kinds of [Resource], in the order a list of them
// should usually run: learning by doing first, reading last.
var ResourceKinds = []string{"practice", "person", "reading"}

// Transition lists the shifts of mindset that a move from one role to another
// asks for, and the skills those shifts concern: a plan for the move ranks
// them higher.
type Transition struct {
	From   string   `toml:"from" json:"from"`
	To     string   `toml:"to" json:"to"`
	Shifts []string `toml:"shifts" json:"shifts"`
	Skills []string `toml:"skills" json:"skills,omitempty"`
}

//go:embed matrix.toml
var defaultMatrixTOML []byte

// DefaultMatrixTOML returns the source of the built-in matrix, the file that
// `coach init` writes to matrix.toml.
func DefaultMatrixTOML() []byte { return slices.Clone(defaultMatrixTOML) }

// DefaultMatrix decodes the built-in matrix. It is tested to be valid, so an
// error here is a bug in coach, reported as such.
func DefaultMatrix() (*Matrix, error) {
	m, problems := DecodeMatrix("built-in matrix.toml", defaultMatrixTOML)
	if problems.Errors() > 0 {
		return nil, fmt.Errorf("the built-in matrix is invalid (a bug in coach): %w", &ProblemsError{problems})
	}
	return m, nil
}

// Skill returns the skill with the given id, or nil.
func (m *Matrix) Skill(id string) *Skill {
	for i := range m.Skills {
		if m.Skills[i].ID == id {
			return &m.Skills[i]
		}
	}
	return nil
}

// Role returns the role with the given id, or nil.
func (m *Matrix) Role(id string) *Role {
	for i := range m.Roles {
		if m.Roles[i].ID == id {
			return &m.Roles[i]
		}
	}
	return nil
}

// Persona returns the persona with the given id, or nil.
func (m *Matrix) Persona(id string) *Persona {
	for i := range m.Personas {
		if m.Personas[i].ID == id {
			return &m.Personas[i]
		}
	}
	return nil
}

// Pillar returns the pillar with the given id, or nil.
func (m *Matrix) Pillar(id string) *Pillar {
	for i := range m.Pillars {
		if m.Pillars[i].ID == id {
			return &m.Pillars[i]
		}
	}
	return nil
}

// LevelWords names a level in a sentence: its value and its name, "3
// Proficient"; or "level 3" alone when the name only says the value again
// ("Level 3", as coach import names the numbered levels of a framework),
// which would read "3 Level 3".
func LevelWords(value int, name string) string {
	v := strconv.Itoa(value)
	n := strings.TrimSpace(name)
	if len(n) >= len("level") && strings.EqualFold(n[:len("level")], "level") {
		n = strings.TrimSpace(n[len("level"):])
	}
	if n == "" || n == v {
		return "level " + v
	}
	return v + " " + name
}

// Level returns the level with the given value, or nil.
func (m *Matrix) Level(value int) *Level {
	for i := range m.Levels {
		if m.Levels[i].Value == value {
			return &m.Levels[i]
		}
	}
	return nil
}

// MaxLevel is the top of the scale.
func (m *Matrix) MaxLevel() int { return len(m.Levels) }

// RoleRank is the position of role id on the ladder (the order of [[role]] in
// the matrix), or -1 when there is no such role.
func (m *Matrix) RoleRank(id string) int {
	for i, r := range m.Roles {
		if r.ID == id {
			return i
		}
	}
	return -1
}

// Transition returns the transition from one role to another, or nil.
func (m *Matrix) Transition(from, to string) *Transition {
	for i := range m.Transitions {
		if m.Transitions[i].From == from && m.Transitions[i].To == to {
			return &m.Transitions[i]
		}
	}
	return nil
}

// SkillIDs lists the skills' ids in matrix order.
func (m *Matrix) SkillIDs() []string { return ids(m.Skills, func(s Skill) string { return s.ID }) }

// RoleIDs lists the roles' ids in ladder order.
func (m *Matrix) RoleIDs() []string { return ids(m.Roles, func(r Role) string { return r.ID }) }

// PersonaIDs lists the personas' ids in matrix order.
func (m *Matrix) PersonaIDs() []string {
	return ids(m.Personas, func(p Persona) string { return p.ID })
}

// PillarIDs lists the pillars' ids in matrix order.
func (m *Matrix) PillarIDs() []string { return ids(m.Pillars, func(p Pillar) string { return p.ID }) }

func ids[T any](items []T, id func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = id(it)
	}
	return out
}
