package skills

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"
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
	// KindOutcome is a goal that ended: To is GoalDone or GoalDropped, On
	// the day, Text the goal, Skills its skills, and From the words of its
	// outcome ("" when the file gives none).
	KindOutcome Kind = "outcome"
	KindAdded   Kind = "added"   // the skill file was created
	KindRemoved Kind = "removed" // the skill file was deleted
	KindRenamed Kind = "renamed" // the skill file was renamed; From and To are ids
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
// and renamed they are ids; for evidence and goals Text holds the entry; for
// an outcome, see KindOutcome.
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
	// On is the date an evidence entry carries, a goal's due date, or the
	// day a goal ended.
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
			out = append(out, goalChange(cur.ID, KindGoal, g, g.Due))
		}
	}
	for _, g := range cur.Goals {
		end, on := g.End()
		if end == "" || slices.ContainsFunc(old.Goals, func(o Goal) bool { return o.Text == g.Text && sameEnd(o, g) }) {
			continue
		}
		c := goalChange(cur.ID, KindOutcome, g, on)
		c.To, c.From = end, strings.Clone(g.Outcome)
		out = append(out, c)
	}
	if old.Notes != cur.Notes {
		out = append(out, Change{Person: cur.ID, Kind: KindNotes})
	}
	if cur.PlainNotes != "" && cur.PlainNotes != old.PlainNotes {
		out = append(out, Change{Person: cur.ID, Kind: KindPlainNotes})
	}
	return out
}

// goalChange is a change of kind k about goal g, on day on.
func goalChange(person string, k Kind, g Goal, on time.Time) Change {
	c := Change{Person: person, Kind: k, Text: strings.Clone(g.Text), On: on}
	if len(g.Skills) > 0 {
		c.Skill = g.Skills[0]
		c.Skills = make([]string, len(g.Skills))
		for i, id := range g.Skills {
			c.Skills[i] = strings.Clone(id)
		}
	}
	return c
}

// sameEnd reports whether two versions of a goal ended the same way on the
// same day (both open counts as the same).
func sameEnd(a, b Goal) bool {
	ea, da := a.End()
	eb, db := b.End()
	return ea == eb && da.Equal(db)
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
