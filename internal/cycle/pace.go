package cycle

// A goal with a measured target ("move the search success rate from 61% to
// 68% by the end of the year") is read against the latest reading its own
// evidence records ("up from 61% to 66%"): a review flags one that is
// behind the pace its dates set, with the time left (cold read 10, finding
// 9: Nora's goal stood at 66% with six weeks to go, and no review said so).

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/coach-dev/coach/skills"
)

// measure is "from A to B", each number with its unit ("%", "ms", or none).
var measure = regexp.MustCompile(`from (\d+(?:\.\d+)?) ?(%|[a-z]+)? to (\d+(?:\.\d+)?) ?(%|[a-z]+)?`)

type span struct {
	from, to float64
	unit     string
}

// spanOf reads the first "from A to B" of text whose units agree.
func spanOf(text string) (span, bool) {
	for _, m := range measure.FindAllStringSubmatch(strings.ToLower(text), -1) {
		a, _ := strconv.ParseFloat(m[1], 64)
		b, _ := strconv.ParseFloat(m[3], 64)
		unit := m[4]
		if m[2] != "" && m[2] != "%" && unit != "%" && m[2] != unit {
			unit = "" // "from 14 interviews to ...": not a measure
		}
		if (m[2] == "%") != (m[4] == "%") || a == b {
			continue
		}
		return span{from: a, to: b, unit: unit}, true
	}
	return span{}, false
}

// pace says, for an open goal with a measured target and a dated start (the
// plan period's), the latest reading its own skills' evidence records when
// it is behind the pace the dates set: the share of the way gone is less
// than nine tenths of the share of the time gone by the reading's day, so
// that at the rate so far it would land short by more than a tenth. ""
// otherwise.
func pace(p *skills.Person, g skills.Goal, asOf time.Time) string {
	want, ok := spanOf(g.Text)
	if !ok || g.Due.IsZero() || p.PlanStart.IsZero() || !g.Due.After(asOf) {
		return ""
	}
	var read *skills.Evidence
	var got span
	for i, e := range p.Evidence {
		s, ok := spanOf(e.Text)
		if !ok || !slices.Contains(g.Skills, e.Skill) || e.Date.After(asOf) || e.Date.Before(p.PlanStart) ||
			s.from != want.from || s.unit != want.unit || (read != nil && e.Date.Before(read.Date)) {
			continue
		}
		read, got = &p.Evidence[i], s
	}
	if read == nil {
		return ""
	}
	way := (got.to - want.from) / (want.to - want.from)
	gone := float64(read.Date.Sub(p.PlanStart)) / float64(g.Due.Sub(p.PlanStart))
	// At the rate so far the goal lands within a tenth of its target: on
	// pace, as a manager would read it (cold read 11, finding 7: 61% to
	// 66% of a 61% to 68% goal, 73% of the way through its time, is not
	// behind).
	if way >= 1 || way >= 0.9*gone {
		return ""
	}
	left := int(g.Due.Sub(asOf).Hours() / 24)
	return fmt.Sprintf("Behind the pace: %s on %s, with %s of the %s still to go and %d days left.",
		amount(got.to, want.unit, false), date(read.Date), strconv.FormatFloat(abs(want.to-got.to), 'f', -1, 64), amount(want.to-want.from, want.unit, true), left)
}

func abs(n float64) float64 { return max(n, -n) }

// amount writes a number with its unit: a difference in % is in points.
func amount(n float64, unit string, diff bool) string {
	s := strconv.FormatFloat(abs(n), 'f', -1, 64)
	switch {
	case unit == "%" && diff:
		return s + " points"
	case unit == "%":
		return s + "%"
	case unit != "":
		return s + " " + unit
	}
	return s
}
