// Package selfreview writes the form of a person's self-review for a
// period (self/PERIOD/ID.md), which they fill in and commit, and reads it
// back: what they did, the evidence they would cite, where they think they
// stand, what they want next. A manager's review of the same period reads it
// with Read, to show both side by side.
package selfreview

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/coach-dev/coach/internal/files"
	"github.com/coach-dev/coach/skills"
)

// Dir holds a folder of self-reviews per period.
const Dir = "self"

// MaxSize bounds a self-review read back: a few pages.
const MaxSize = 256 << 10

// Period is a calendar quarter, written 2026-Q4.
type Period struct{ Year, Quarter int }

var periodPattern = regexp.MustCompile(`^(\d{4})-Q([1-4])$`)

// ParsePeriod reads "2026-Q4".
func ParsePeriod(s string) (Period, error) {
	m := periodPattern.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return Period{}, fmt.Errorf("period %q is not a quarter; write it like 2026-Q4", s)
	}
	y, _ := strconv.Atoi(m[1])
	q, _ := strconv.Atoi(m[2])
	return Period{y, q}, nil
}

// PeriodOf is the quarter of day.
func PeriodOf(day time.Time) Period { return Period{day.Year(), (int(day.Month())-1)/3 + 1} }

func (p Period) String() string { return fmt.Sprintf("%04d-Q%d", p.Year, p.Quarter) }

// Start and End are the first and last days of the quarter.
func (p Period) Start() time.Time {
	return time.Date(p.Year, time.Month(3*(p.Quarter-1)+1), 1, 0, 0, 0, 0, time.UTC)
}
func (p Period) End() time.Time { return p.Start().AddDate(0, 3, -1) }

// Path is where person id's self-review of the period is.
func Path(p Period, id string) string { return Dir + "/" + p.String() + "/" + id + ".md" }

// The sections of a self-review, in order.
var Sections = []string{"What I did", "The evidence I would cite", "Where I think I stand", "What I want next"}

// Form is the self-review form of person for the period: the headings, a
// prompt under each, and the evidence of their skill file dated in the
// period to start the list from.
func Form(person *skills.Person, m *skills.Matrix, p Period) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# Self-review of %s, %s\n\n", person.Name, p)
	fmt.Fprintf(&b, "<!-- From %s to %s. Write under each heading in your own words, then commit this file; your manager reads it beside their own review of the period. -->\n",
		p.Start().Format(time.DateOnly), p.End().Format(time.DateOnly))
	prompts := []string{
		"The work you are proudest of this quarter, and what it changed for customers or the team.",
		"What someone could look at to see it: a document, a launch, a decision, a number. Your skill file's evidence of the quarter is below to start from.",
		"Against your role's bar and the next one's: where you are strong, where you are not there yet.",
		"What you want to grow next, the work that would stretch you, and the help you want from your manager.",
	}
	for i, s := range Sections {
		fmt.Fprintf(&b, "\n## %s\n\n<!-- %s -->\n", s, prompts[i])
		if i != 1 {
			continue
		}
		for _, e := range person.Evidence {
			if e.Date.Before(p.Start()) || e.Date.After(p.End()) {
				continue
			}
			name := e.Skill
			if m != nil {
				if s := m.Skill(e.Skill); s != nil {
					name = s.Name
				}
			}
			fmt.Fprintf(&b, "\n- %s, %s: %s", e.Date.Format(time.DateOnly), name, strings.Join(strings.Fields(e.Text), " "))
		}
		if b.String()[b.Len()-1] != '\n' {
			b.WriteString("\n")
		}
	}
	return []byte(b.String())
}

// Write writes the form of person's self-review of the period, as a new
// file; an existing one is replaced only with force, since the person may
// have written in it. It returns the path.
func Write(ctx context.Context, repo *skills.Repo, id string, p Period, force bool) (string, error) {
	person, err := repo.Person(id)
	if err != nil {
		return "", err
	}
	rel := Path(p, person.ID)
	file := filepath.Join(repo.Root, filepath.FromSlash(rel))
	data := Form(person, repo.Matrix, p)
	old, err := os.ReadFile(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return rel, files.Create(ctx, file, rel, data)
	case err != nil:
		return "", err
	case !force:
		return "", &files.NotReplacedError{Path: rel, Why: "exists and may hold the self-review already",
			Fix: fmt.Sprintf("keep it, or run `coach self %s --period %s --force` to start again from a blank form", person.ID, p)}
	case bytes.Equal(old, data):
		return rel, nil
	}
	return rel, files.Replace(ctx, file, rel, old, data, fmt.Sprintf("coach self %s --period %s --force", person.ID, p))
}

// Review is a self-review as written: its sections, in the file's order,
// with the form's prompts left out.
type Review struct {
	Person, Path string
	Period       Period
	Sections     []Section
}

// Section is one heading of a self-review and what is written under it.
type Section struct{ Title, Text string }

var comment = regexp.MustCompile(`(?s)<!--.*?-->`)

// Read reads person id's self-review of the period: nil when there is none.
func Read(root, id string, p Period) (*Review, error) {
	rel := Path(p, id)
	src, prob, err := skills.ReadFile(root, rel, MaxSize, "a self-review")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if prob != nil {
		return nil, &skills.ProblemsError{Problems: skills.Problems{*prob}}
	}
	r := &Review{Person: id, Path: rel, Period: p}
	var cur *Section
	var text strings.Builder
	flush := func() {
		if cur != nil {
			cur.Text = strings.TrimSpace(text.String())
			r.Sections = append(r.Sections, *cur)
		}
		text.Reset()
	}
	for _, line := range strings.Split(comment.ReplaceAllString(string(src), ""), "\n") {
		if t, ok := strings.CutPrefix(line, "## "); ok {
			flush()
			cur = &Section{Title: strings.TrimSpace(t)}
			continue
		}
		if cur != nil {
			text.WriteString(strings.TrimRight(line, " \t\r") + "\n")
		}
	}
	flush()
	return r, nil
}

// Added names the self-reviews in paths ("self/2026-Q4/alice.md"): the
// person and the period of each path that is one; others are left out.
func Added(paths []string) []Review {
	var out []Review
	for _, p := range paths {
		parts := strings.Split(p, "/")
		if len(parts) != 3 || parts[0] != Dir || !strings.HasSuffix(parts[2], ".md") {
			continue
		}
		period, err := ParsePeriod(parts[1])
		id := strings.TrimSuffix(parts[2], ".md")
		if err != nil || !skills.ValidID(id) {
			continue
		}
		out = append(out, Review{Person: id, Path: p, Period: period})
	}
	return out
}
