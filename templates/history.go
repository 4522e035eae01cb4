package templates

import (
	"bufio"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/coach-dev/coach/skills"
)

// describeChange says what one change did, in words, with the matrix's
// level and role names.
func describeChange(c skills.Change, m *skills.Matrix) string {
	switch c.Kind {
	case skills.KindLevel:
		return fmt.Sprintf("%s: %s -> %s", c.Skill, levelName(m, c.FromLevel()), levelName(m, c.ToLevel()))
	case skills.KindSelf:
		return fmt.Sprintf("self-assessment of %s: %s -> %s", c.Skill, levelName(m, c.FromLevel()), levelName(m, c.ToLevel()))
	case skills.KindRole:
		if c.From == "" {
			return "role: " + roleName(m, c.To)
		}
		return fmt.Sprintf("role: %s -> %s", roleName(m, c.From), roleName(m, c.To))
	case skills.KindTarget:
		if c.From == "" {
			return "target role: " + roleName(m, c.To)
		}
		return fmt.Sprintf("target role: %s -> %s", roleName(m, c.From), orDefault(roleName(m, c.To)))
	case skills.KindEvidence:
		return fmt.Sprintf("evidence for %s (%s): %s", c.Skill, day(c.On), c.Text)
	case skills.KindGoal:
		due := ""
		if !c.On.IsZero() {
			due = ", due " + day(c.On)
		}
		about := c.Skill
		if len(c.Skills) > 0 {
			about = strings.Join(c.Skills, ", ")
		}
		return fmt.Sprintf("goal (%s%s): %s", about, due, c.Text)
	case skills.KindOutcome:
		out := fmt.Sprintf("goal %s (%s): %s", c.To, day(c.On), c.Text)
		if c.From != "" {
			out += "; outcome: " + c.From
		}
		return out
	case skills.KindAdded:
		return "skill file created"
	case skills.KindRemoved:
		return "skill file removed"
	case skills.KindRenamed:
		return fmt.Sprintf("renamed skills/%s.toml -> skills/%s.toml", c.From, c.To)
	case skills.KindNotes:
		// Anyone who can push can write notes: say who did.
		if c.Text != "" {
			return "private notes changed, " + c.Text
		}
		return "private notes changed"
	case skills.KindPlainNotes:
		return "private notes committed in plain text: readable in this commit until the history is rewritten"
	}
	return string(c.Kind)
}

func levelName(m *skills.Matrix, n int) string {
	if n == 0 {
		return "not assessed"
	}
	if m != nil {
		if l := m.Level(n); l != nil {
			return skills.LevelWords(n, l.Name)
		}
	}
	return fmt.Sprint(n)
}

func roleName(m *skills.Matrix, id string) string {
	if m != nil {
		if r := m.Role(id); r != nil {
			return fmt.Sprintf("%s (%s)", id, r.Name)
		}
	}
	return id
}

func orDefault(s string) string {
	if s == "" {
		return "the role's next"
	}
	return s
}

func day(t time.Time) string {
	if t.IsZero() {
		return "undated"
	}
	return t.Format(time.DateOnly)
}

// WriteHistory writes changes, coach history's text: a timeline of one
// paragraph per commit, newest first, one line per change. withPerson names
// the person on every line.
func WriteHistory(w io.Writer, changes []skills.Change, m *skills.Matrix, withPerson bool) error {
	return WriteHistorySeq(w, slices.Values(changes), m, withPerson)
}

// WriteHistorySeq is WriteHistory of the changes changes yields, written as
// they come.
func WriteHistorySeq(w io.Writer, changes iter.Seq[skills.Change], m *skills.Matrix, withPerson bool) error {
	b := bufio.NewWriterSize(w, 64<<10) // streamed: a whole history can be tens of megabytes
	prev, first := "", true
	for c := range byLocalDay(changes) {
		if first || prev != c.Commit {
			if !first {
				b.WriteString("\n")
			}
			first, prev = false, c.Commit
			b.WriteString(skills.EscapeControls(fmt.Sprintf("%s  %s  %s  %s", day(c.Date), short(c.Commit), c.Author, c.Subject)))
			b.WriteString("\n")
		}
		b.WriteString("    ")
		if withPerson {
			// A file name may hold a line break (git allows it): one line
			// a change, whatever the id.
			b.WriteString(skills.EscapeControls(skills.EscapePath(c.Person)) + ": ")
		}
		b.WriteString(skills.EscapeControls(oneLine(describeChange(c, m))))
		b.WriteString("\n")
	}
	return b.Flush()
}

// WriteHistoryMarkdown writes changes as a GitHub-flavoured Markdown table,
// each cell's text made safe with Escape (a committer's <email> is no HTML
// tag, a | no column).
func WriteHistoryMarkdown(w io.Writer, changes []skills.Change, m *skills.Matrix, withPerson bool) error {
	return WriteHistoryMarkdownSeq(w, slices.Values(changes), m, withPerson)
}

// WriteHistoryMarkdownSeq is WriteHistoryMarkdown of the changes changes
// yields, written as they come.
func WriteHistoryMarkdownSeq(w io.Writer, changes iter.Seq[skills.Change], m *skills.Matrix, withPerson bool) error {
	escape := Escape
	b := bufio.NewWriterSize(w, 64<<10)
	if withPerson {
		b.WriteString("| Date | Person | Change | Commit | Author | Subject |\n| --- | --- | --- | --- | --- | --- |\n")
	} else {
		b.WriteString("| Date | Change | Commit | Author | Subject |\n| --- | --- | --- | --- | --- |\n")
	}
	for c := range byLocalDay(changes) {
		cells := []string{day(c.Date)}
		if withPerson {
			cells = append(cells, escape(oneLine(skills.EscapePath(c.Person))))
		}
		cells = append(cells, escape(oneLine(describeChange(c, m))), "`"+short(c.Commit)+"`", escape(oneLine(c.Author)), escape(oneLine(c.Subject)))
		for i := range cells {
			cells[i] = skills.EscapeControls(cells[i])
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	return b.Flush()
}

func short(hash string) string {
	if len(hash) > 7 {
		return hash[:7]
	}
	return hash
}

// maxZoneOffset bounds how far a commit's own time zone may sit from UTC:
// git writes an offset as +HHMM, so less than 100 hours.
const maxZoneOffset = 100 * time.Hour

// byLocalDay reorders changes, which come newest first by the instant of
// their commit, so that the day each commit is shown with (its date in its
// author's own zone) never goes up: newest day first, then newest instant,
// then as they came. Two commits hours apart in different zones can fall on
// days in the other order; sorted by instant alone, history --all read
// 2026-11-10 above 2026-11-11. A commit's changes stay together. It is a
// stable sort of the whole sequence, done with a buffer of the commits of
// the last maxZoneOffset only: a commit that comes later is no newer, so its
// day is at most its instant's date in the zone furthest east, and every
// commit buffered on that day or a later one goes before it.
func byLocalDay(changes iter.Seq[skills.Change]) iter.Seq[skills.Change] {
	type group struct {
		day     string
		instant time.Time
		changes []skills.Change
	}
	after := func(a, b *group) bool { // a goes after b
		if a.day != b.day {
			return a.day < b.day
		}
		return a.instant.Before(b.instant)
	}
	return func(yield func(skills.Change) bool) {
		var buf []*group
		var cur *group
		flush := func(horizon string) bool {
			n := 0
			for n < len(buf) && buf[n].day >= horizon {
				for _, c := range buf[n].changes {
					if !yield(c) {
						return false
					}
				}
				n++
			}
			buf = buf[n:]
			return true
		}
		add := func(g *group) bool {
			// Place g after everything that does not go after it: it is
			// no newer than anything buffered, so scan from the end.
			i := len(buf)
			for i > 0 && after(buf[i-1], g) {
				i--
			}
			buf = slices.Insert(buf, i, g)
			return flush(g.instant.UTC().Add(maxZoneOffset).Format(time.DateOnly))
		}
		for c := range changes {
			if cur != nil && c.Commit == cur.changes[0].Commit && c.Date.Equal(cur.instant) {
				cur.changes = append(cur.changes, c)
				continue
			}
			if cur != nil && !add(cur) {
				return
			}
			cur = &group{day: day(c.Date), instant: c.Date, changes: []skills.Change{c}}
		}
		if cur != nil && !add(cur) {
			return
		}
		flush("")
	}
}

// oneLine writes a line break in evidence or a goal (a TOML string may hold
// one) as a space, so that a change is one line of the timeline or one row
// of the table.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(s)
}
