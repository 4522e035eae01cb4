package plans

import (
	"fmt"
	"strings"
	"time"

	"github.com/coach-dev/coach/skills"
)

// The plan's first screen, "At a glance": the facts behind the verdict
// (VerdictOf is in verdict.go) and the 30/60/90-day milestones. Every date
// here counts from a date in the skill file, never from the clock.

// verdictEvidence lists the facts the verdict rests on.
func verdictEvidence(pl *Plan) []string {
	var out []string
	rd, cur := pl.Readiness, pl.Current
	if pl.Role.ID != pl.Target.ID {
		if len(cur.Below) > 0 {
			out = append(out, fmt.Sprintf("Below the %s bar on %s: %s.", pl.Role.Name, plural(len(cur.Below), "skill"), gapList(cur.Below)))
		} else if cur.Assessed > 0 {
			out = append(out, fmt.Sprintf("Every assessed skill meets the %s bar.", pl.Role.Name))
		}
	}
	line := fmt.Sprintf("%d of %d skills at or above the %s bar", rd.Met, rd.Total, pl.Target.Name)
	if rd.Gap > 0 {
		line += fmt.Sprintf(", %s to close", plural(rd.Gap, "level"))
	}
	if n := rd.Total - rd.Assessed; n > 0 {
		line += fmt.Sprintf("; %s not assessed", plural(n, "skill"))
	}
	return append(out, line+".")
}

func gapList(gaps []SkillGap) string {
	var parts []string
	for _, g := range gaps {
		parts = append(parts, fmt.Sprintf("%s (%d, bar %d)", g.Name, g.Level, g.Expect))
	}
	return strings.Join(parts, ", ")
}

// milestones are the 30/60/90-day checkpoints of the focus skills, dated
// from start (content dates only: never the clock).
func milestones(m *skills.Matrix, pl *Plan, start time.Time) []Milestone {
	if pl.Onboarding != nil {
		var out []Milestone
		for _, ph := range pl.Onboarding.Phases {
			out = append(out, Milestone{Days: ph.Days, Date: ph.Date, Text: ph.Goal})
		}
		return out
	}
	if len(pl.Focus) == 0 {
		return nil
	}
	names := func(fs []Focus) string {
		var n []string
		for _, f := range fs {
			n = append(n, f.Name)
		}
		return andList(n)
	}
	day := func(n int) string {
		if start.IsZero() {
			return ""
		}
		return date(start.AddDate(0, 0, n))
	}
	f0 := pl.Focus[0]
	out := []Milestone{{Days: 30, Date: day(30),
		Text: fmt.Sprintf("The first action of each focus skill under way, and a first evidence entry for %s in the skill file.", f0.Name)}}
	sixty := "Evidence entries for every focus skill, each saying what you did differently."
	if len(pl.Focus) > 1 {
		sixty = fmt.Sprintf("Evidence entries for %s too, each saying what you did differently.", names(pl.Focus[1:]))
	}
	var overdue []string
	for _, g := range pl.Goals {
		if g.Overdue {
			overdue = append(overdue, fmt.Sprintf("the goal to %s", goalPhrase(g.Text)))
		}
	}
	if len(overdue) > 0 {
		sixty += fmt.Sprintf(" %s closed or given a new date.", upperFirst(andList(overdue)))
	}
	out = append(out, Milestone{Days: 60, Date: day(60), Text: sixty})
	var targets []string
	for _, f := range pl.Focus {
		if f.Next.Value > f.Level.Value {
			targets = append(targets, fmt.Sprintf("%s at %d %s", f.Name, f.Next.Value, f.Next.Name))
		}
	}
	ninety := "Ready to reassess the focus skills with the evidence gathered."
	if len(targets) > 0 {
		ninety = fmt.Sprintf("Ready to reassess: %s, each backed by evidence.", andList(targets))
	}
	return append(out, Milestone{Days: 90, Date: day(90), Text: ninety})
}

func andList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
