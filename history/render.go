package history

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

// Describe says what one change did, in words, with the matrix's level and
// role names.
func Describe(c skills.Change, m *skills.Matrix) string {
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
		return fmt.Sprintf("goal (%s%s): %s", c.Skill, due, c.Text)
	case skills.KindAdded:
		return "skill file created"
	case skills.KindRemoved:
		return "skill file removed"
	case skills.KindRenamed:
		return fmt.Sprintf("renamed skills/%s.toml -> skills/%s.toml", c.From, c.To)
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
			return fmt.Sprintf("%d %s", n, l.Name)
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

// WriteText writes changes as a timeline: one paragraph per commit, newest
// first, one line per change. withPerson names the person on every line.
func WriteText(w io.Writer, changes []skills.Change, m *skills.Matrix, withPerson bool) error {
	return WriteTextSeq(w, slices.Values(changes), m, withPerson)
}

// WriteTextSeq is WriteText of the changes changes yields, written as they
// come.
func WriteTextSeq(w io.Writer, changes iter.Seq[skills.Change], m *skills.Matrix, withPerson bool) error {
	b := bufio.NewWriterSize(w, 64<<10) // streamed: a whole history can be tens of megabytes
	prev, first := "", true
	for c := range changes {
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
			b.WriteString(skills.EscapeControls(c.Person) + ": ")
		}
		b.WriteString(skills.EscapeControls(Describe(c, m)))
		b.WriteString("\n")
	}
	return b.Flush()
}

// WriteMarkdown writes changes as a GitHub-flavoured Markdown table.
func WriteMarkdown(w io.Writer, changes []skills.Change, m *skills.Matrix, withPerson bool) error {
	return WriteMarkdownSeq(w, slices.Values(changes), m, withPerson)
}

// WriteMarkdownSeq is WriteMarkdown of the changes changes yields, written
// as they come.
func WriteMarkdownSeq(w io.Writer, changes iter.Seq[skills.Change], m *skills.Matrix, withPerson bool) error {
	b := bufio.NewWriterSize(w, 64<<10)
	if withPerson {
		b.WriteString("| Date | Person | Change | Commit | Author | Subject |\n| --- | --- | --- | --- | --- | --- |\n")
	} else {
		b.WriteString("| Date | Change | Commit | Author | Subject |\n| --- | --- | --- | --- | --- |\n")
	}
	for c := range changes {
		cells := []string{day(c.Date)}
		if withPerson {
			cells = append(cells, c.Person)
		}
		cells = append(cells, Describe(c, m), "`"+short(c.Commit)+"`", c.Author, c.Subject)
		for i := range cells {
			cells[i] = skills.EscapeControls(strings.ReplaceAll(cells[i], "|", `\|`))
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
