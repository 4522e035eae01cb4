package skills

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	gotoml "github.com/pelletier/go-toml/v2"
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
	// KindNotes is a change to the [private] notes: never what they say,
	// only that they changed. Anyone who can push can write notes (they are
	// encrypted to public keys), so the history package puts the commit's
	// committer in Text: who wrote them is something a reader must check.
	KindNotes Kind = "notes"
	// KindPlainNotes is a version of the file whose [private] notes are
	// plain text: never what they say, only that this commit holds them
	// readable, until the history is rewritten (README "Private notes").
	KindPlainNotes Kind = "plain-notes"
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
	// Skills are all the skills a goal names, Skill being the first; a
	// goal is about each of them.
	Skills []string `json:"skills,omitempty"`
	From   string   `json:"from"`
	To     string   `json:"to"`
	Text   string   `json:"text,omitempty"`
	// On is the date an evidence entry carries, or a goal's due date.
	On time.Time `json:"on,omitzero"`
}

// Concerns reports whether c is about skill: its Skill, or any skill of a
// goal.
func (c Change) Concerns(skill string) bool {
	return c.Skill == skill || slices.Contains(c.Skills, skill)
}

// FromLevel and ToLevel read From and To as levels (0: not assessed).
func (c Change) FromLevel() int { n, _ := strconv.Atoi(c.From); return n }

// ToLevel reads To as a level (0: not assessed).
func (c Change) ToLevel() int { n, _ := strconv.Atoi(c.To); return n }

// MarshalJSON writes levels as numbers (null when not assessed) and other
// values as strings (null when empty), so scripts need not parse them; dates
// to the second, and On as a date alone.
func (c Change) MarshalJSON() ([]byte, error) {
	value := func(s string) any {
		if s == "" {
			return nil
		}
		if c.Kind == KindLevel || c.Kind == KindSelf {
			if n, err := strconv.Atoi(s); err == nil {
				if n == 0 {
					return nil
				}
				return n
			}
		}
		return s
	}
	on := ""
	if !c.On.IsZero() {
		on = c.On.Format(time.DateOnly)
	}
	return json.Marshal(struct {
		Person  string   `json:"person"`
		Commit  string   `json:"commit,omitempty"`
		Date    string   `json:"date"`
		Author  string   `json:"author,omitempty"`
		Email   string   `json:"email,omitempty"`
		Subject string   `json:"subject,omitempty"`
		Kind    Kind     `json:"kind"`
		Skill   string   `json:"skill,omitempty"`
		Skills  []string `json:"skills,omitempty"`
		From    any      `json:"from"`
		To      any      `json:"to"`
		Text    string   `json:"text,omitempty"`
		On      string   `json:"on,omitempty"`
	}{c.Person, c.Commit, c.Date.Format(time.RFC3339), c.Author, c.Email, c.Subject, c.Kind, c.Skill, c.Skills,
		value(c.From), value(c.To), c.Text, on})
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
// id, then added evidence and goals in file order, then a change to the
// private notes. old is nil when the file is new. What the notes say is
// never part of a Person, so never of a Change: only that they changed, and
// that a version holds them in plain text (the first version to hold them,
// or to hold other ones).
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
			// Cloned: the decoded text shares the memory of the whole file.
			out = append(out, Change{Person: cur.ID, Kind: KindEvidence, Skill: e.Skill, Text: strings.Clone(e.Text), On: e.Date})
		}
	}
	for _, g := range cur.Goals {
		if !slices.ContainsFunc(old.Goals, func(o Goal) bool { return o.Text == g.Text }) {
			c := Change{Person: cur.ID, Kind: KindGoal, Text: strings.Clone(g.Text), On: g.Due}
			if len(g.Skills) > 0 {
				c.Skill = g.Skills[0]
				c.Skills = make([]string, len(g.Skills))
				for i, id := range g.Skills {
					c.Skills[i] = strings.Clone(id)
				}
			}
			out = append(out, c)
		}
	}
	if old.Notes != cur.Notes {
		out = append(out, Change{Person: cur.ID, Kind: KindNotes})
	}
	if cur.PlainNotes != "" && cur.PlainNotes != old.PlainNotes {
		out = append(out, Change{Person: cur.ID, Kind: KindPlainNotes})
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
//
// A cold `coach history` decodes every version of every file, tens of
// thousands of them, and decoding was the largest part of its time. So a
// version is first decoded with go-toml, seven times faster than
// BurntSushi/toml on these files; only what go-toml refuses (TOML 1.1 syntax,
// which BurntSushi accepts, or a broken file) is decoded again with
// BurntSushi/toml, the decoder `coach check` uses, whose error is the one
// reported. The key checks of `coach check` do not apply here.
//
// A version over coach's limits (see [ErrOverLimit]) is not decoded.
func ParsePerson(path string, src []byte) (*Person, error) {
	if p := SizeProblem(path, int64(len(src)), skillFileLimit.max, skillFileLimit.what); p != nil {
		return nil, &OverLimitError{*p}
	}
	if ps := conflictMarkers(path, src); len(ps) > 0 {
		return nil, fmt.Errorf("%s", ps[0])
	}
	if p := tomlBounds(path, src, skillFileLimit); p != nil {
		return nil, &OverLimitError{*p}
	}
	var f map[string]any
	if fastDecode(src, &f) != nil {
		f = nil
		if err := slowDecode(src, &f); err != nil {
			return nil, fmt.Errorf("%s", decodeProblem(path, src, err))
		}
	}
	return personFromMap(path, f), nil
}

// The two decoders of ParsePerson, as variables so that a test can compare
// them on the same input.
var (
	fastDecode = func(src []byte, f *map[string]any) error { return gotoml.Unmarshal(src, f) }
	slowDecode = func(src []byte, f *map[string]any) error { _, err := toml.Decode(string(src), f); return err }
)

// personFromMap reads a decoded skill file. The decoders differ in two types:
// an array of tables is a []map[string]any from BurntSushi/toml and a []any
// of maps from go-toml, and a local date is a time.Time or a
// gotoml.LocalDate; both forms are accepted.
func personFromMap(path string, f map[string]any) *Person {
	str := func(m map[string]any, k string) string { s, _ := m[k].(string); return s }
	strs := func(m map[string]any, k string) []string {
		var out []string
		list, _ := m[k].([]any)
		for _, v := range list {
			if s, ok := v.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	table := func(k string) map[string]any { t, _ := f[k].(map[string]any); return t }
	tables := func(k string) []map[string]any {
		switch t := f[k].(type) {
		case []map[string]any:
			return t
		case []any:
			out := make([]map[string]any, 0, len(t))
			for _, v := range t {
				if m, ok := v.(map[string]any); ok {
					out = append(out, m)
				}
			}
			return out
		}
		return nil
	}
	p := &Person{ID: PersonID(path), Path: path, Name: str(f, "name"), Role: str(f, "role"),
		Target: str(f, "target"), Manager: str(f, "manager"), Focus: strs(f, "focus"),
		Levels: intLevels(table("levels")), Self: intLevels(table("self"))}
	if n, ok := f["reports"].(int64); ok && n >= 0 && n <= 100000 {
		p.Reports = int(n)
	}
	if private, ok := f["private"].(map[string]any); ok {
		p.Notes = NotesFingerprint(str(private, "notes"))
		if notes := (Notes{Value: str(private, "notes")}); !notes.Empty() && !notes.Encrypted() {
			p.PlainNotes = plainNotesMark(notes.Value)
		}
	}
	p.Assessed, _ = asDate(f["assessed"])
	p.Joined, _ = asDate(f["joined"])
	p.PlanStart, _ = asDate(f["plan_start"])
	for _, g := range tables("goal") {
		due, _ := asDate(g["due"])
		p.Goals = append(p.Goals, Goal{Text: str(g, "text"), Skills: strs(g, "skills"), Due: due})
	}
	for _, e := range tables("evidence") {
		d, _ := asDate(e["date"])
		p.Evidence = append(p.Evidence, Evidence{Date: d, Skill: str(e, "skill"), Text: str(e, "text")})
	}
	return p
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
	if d, ok := v.(gotoml.LocalDate); ok {
		return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC), true
	}
	t, ok := v.(time.Time)
	if !ok || t.Location().String() != "date-local" {
		return time.Time{}, false
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
}
