package skills

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"
)

// Kind says what a Change changed.
type Kind string

// The kinds of change to a skill file.
const (
	KindLevel    Kind = "level"    // the manager's level for a skill
	KindSelf     Kind = "self"     // the self-assessed level for a skill
	KindRole     Kind = "role"     // the person's role (a promotion)
	KindTarget   Kind = "target"   // the target role written in the file
	KindEvidence Kind = "evidence" // an evidence entry added
	KindGoal     Kind = "goal"     // a goal added
	KindAdded    Kind = "added"    // the skill file was created
	KindRemoved  Kind = "removed"  // the skill file was deleted
	KindRenamed  Kind = "renamed"  // the skill file was renamed; From and To are ids
)

// Change is one change to one person's skill file. For level and self
// changes From and To are levels, 0 meaning not assessed; for role, target
// and renamed they are ids; for evidence and goals Text holds the entry.
//
// Where it happened (the commit) is filled in by the history package; Diff
// leaves it empty.
type Change struct {
	Person  string    `json:"person"`
	Commit  string    `json:"commit,omitempty"`
	Date    time.Time `json:"date"`
	Author  string    `json:"author,omitempty"`
	Email   string    `json:"email,omitempty"`
	Subject string    `json:"subject,omitempty"`
	Kind    Kind      `json:"kind"`
	Skill   string    `json:"skill,omitempty"`
	From    string    `json:"from"`
	To      string    `json:"to"`
	Text    string    `json:"text,omitempty"`
	// On is the date an evidence entry carries, or a goal's due date.
	On time.Time `json:"on,omitzero"`
}

// FromLevel and ToLevel read From and To as levels (0: not assessed).
func (c Change) FromLevel() int { n, _ := strconv.Atoi(c.From); return n }

// ToLevel reads To as a level (0: not assessed).
func (c Change) ToLevel() int { n, _ := strconv.Atoi(c.To); return n }

// MarshalJSON writes levels as numbers (null when not assessed) and other
// values as strings (null when empty), so scripts need not parse them.
func (c Change) MarshalJSON() ([]byte, error) {
	type plain Change
	value := func(s string) any {
		if s == "" {
			return nil
		}
		if c.Kind == KindLevel || c.Kind == KindSelf {
			n, err := strconv.Atoi(s)
			if err == nil {
				if n == 0 {
					return nil
				}
				return n
			}
		}
		return s
	}
	return json.Marshal(struct {
		plain
		From any `json:"from"`
		To   any `json:"to"`
	}{plain(c), value(c.From), value(c.To)})
}

// levelString encodes a level for From and To.
func levelString(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// Diff lists what changed from one version of a person's skill file to the
// next, in a stable order: role, target, levels and self-assessment by skill
// id, then added evidence and goals in file order. old is nil when the file is
// new. The [private] table is never part of a Person, so never of a Change.
func Diff(old, cur *Person) []Change {
	if cur == nil {
		return nil
	}
	var out []Change
	if old == nil {
		old = &Person{}
	}
	if old.Role != cur.Role {
		out = append(out, Change{Person: cur.ID, Kind: KindRole, From: old.Role, To: cur.Role})
	}
	if old.Target != cur.Target {
		out = append(out, Change{Person: cur.ID, Kind: KindTarget, From: old.Target, To: cur.Target})
	}
	out = append(out, levelChanges(cur.ID, KindLevel, old.Levels, cur.Levels)...)
	out = append(out, levelChanges(cur.ID, KindSelf, old.Self, cur.Self)...)
	for _, e := range cur.Evidence {
		if !slices.Contains(old.Evidence, e) {
			out = append(out, Change{Person: cur.ID, Kind: KindEvidence, Skill: e.Skill, Text: e.Text, On: e.Date})
		}
	}
	for _, g := range cur.Goals {
		if !slices.ContainsFunc(old.Goals, func(o Goal) bool { return o.Text == g.Text }) {
			skill := ""
			if len(g.Skills) > 0 {
				skill = g.Skills[0]
			}
			out = append(out, Change{Person: cur.ID, Kind: KindGoal, Skill: skill, Text: g.Text, On: g.Due})
		}
	}
	return out
}

func levelChanges(person string, kind Kind, old, cur map[string]int) []Change {
	union := maps.Clone(cur)
	maps.Copy(union, old)
	var out []Change
	for _, id := range slices.Sorted(maps.Keys(union)) {
		if old[id] != cur[id] {
			out = append(out, Change{Person: person, Kind: kind, Skill: id, From: levelString(old[id]), To: levelString(cur[id])})
		}
	}
	return out
}

// ParsePerson decodes a skill file without a matrix and without validation,
// for reading old versions from history: a skill the matrix has since
// dropped, or a level since rescaled, must not hide the change. Values of the
// wrong type are left out. It fails only when the TOML itself is broken.
func ParsePerson(path string, src []byte) (*Person, error) {
	var f personFile
	_, problems, ok := decodeTOML(path, src, &f)
	if !ok {
		return nil, fmt.Errorf("%s", problems[0])
	}
	p := &Person{ID: PersonID(path), Path: path, Name: f.Name, Role: f.Role, Target: f.Target,
		Manager: f.Manager, Focus: f.Focus, Levels: intLevels(f.Levels), Self: intLevels(f.Self)}
	p.PlanStart, _ = asDate(f.PlanStart)
	for _, g := range f.Goals {
		due, _ := asDate(g.Due)
		p.Goals = append(p.Goals, Goal{Text: g.Text, Skills: g.Skills, Due: due})
	}
	for _, e := range f.Evidence {
		d, _ := asDate(e.Date)
		p.Evidence = append(p.Evidence, Evidence{Date: d, Skill: e.Skill, Text: e.Text})
	}
	return p, nil
}

func intLevels(raw map[string]any) map[string]int {
	out := map[string]int{}
	for k, v := range raw {
		if n, ok := v.(int64); ok && n > 0 && n < 1000 {
			out[k] = int(n)
		}
	}
	return out
}

// asDate converts a decoded TOML local date to a UTC midnight time. The
// decoder marks a local date (no time, no offset) with a zone of its own,
// named "date-local"; the zone is not exported, so it is compared by name.
func asDate(v any) (time.Time, bool) {
	t, ok := v.(time.Time)
	if !ok || t.Location().String() != "date-local" {
		return time.Time{}, false
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
}
