package history

import (
	"fmt"
	"html"
	"sort"
	"strings"
	"time"

	"github.com/coach-dev/coach/skills"
)

// SVG draws a step chart of a person's level in each skill over time: one
// line per skill whose level moved after it was first assessed (the skills
// that held steady are counted below the chart, so the lines that matter stay
// readable), dates on the x axis up to the latest commit, the matrix's scale
// on the y axis. When no skill has moved yet, every assessed skill is drawn.
// The bytes depend only on the changes, so the chart can be committed. p may
// be nil for someone without a file today.
func SVG(p *skills.Person, changes []skills.Change, m *skills.Matrix) []byte {
	const (
		left, top, plotW, plotH = 96.0, 48.0, 600.0, 300.0
		legendX                 = left + plotW + 24
		width                   = legendX + 330
	)
	// Each skill's steps, oldest first.
	type step struct {
		at    time.Time
		level int
	}
	steps := map[string][]step{}
	var first, last time.Time
	for i := len(changes) - 1; i >= 0; i-- {
		c := changes[i]
		if c.Date.After(last) {
			last = c.Date
		}
		if c.Kind != skills.KindLevel {
			continue
		}
		steps[c.Skill] = append(steps[c.Skill], step{c.Date, c.ToLevel()})
		if first.IsZero() || c.Date.Before(first) {
			first = c.Date
		}
	}
	var all, moved []string
	for _, id := range m.SkillIDs() {
		if len(steps[id]) > 0 {
			all = append(all, id)
		}
	}
	var dropped []string
	for id := range steps {
		if m.Skill(id) == nil {
			dropped = append(dropped, id) // a skill the matrix has since dropped
		}
	}
	sort.Strings(dropped)
	all = append(all, dropped...)
	for _, id := range all {
		if len(steps[id]) > 1 {
			moved = append(moved, id)
		}
	}
	ids := moved
	if len(ids) == 0 {
		ids = all
	}
	steady := len(all) - len(ids)
	name := ""
	if p != nil {
		name = p.Name
	}
	if name == "" && len(changes) > 0 {
		name = changes[0].Person
	}
	levels := max(m.MaxLevel(), 1)
	height := top + plotH + 64
	if h := top + float64(len(ids))*20 + 40; h > height {
		height = h
	}
	// Stretch the span by a tenth on the right so the last step is visible.
	span := last.Sub(first)
	if span <= 0 {
		span = 24 * time.Hour
	}
	end := first.Add(span + span/10)
	x := func(t time.Time) float64 { return left + plotW*float64(t.Sub(first))/float64(end.Sub(first)) }
	y := func(level int, lane int) float64 {
		// Lanes keep lines on the same level apart by a pixel or two.
		return top + plotH - plotH*float64(level)/float64(levels) + float64(lane%7-3)*1.6
	}

	title := "Skill levels over time"
	if name != "" {
		title = name + ": skill levels over time"
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="title desc" font-family="Helvetica, Arial, sans-serif" font-size="12">`+"\n",
		width, height, width, height)
	fmt.Fprintf(&b, "<title id=\"title\">%s</title>\n", html.EscapeString(title))
	fmt.Fprintf(&b, "<desc id=\"desc\">%s</desc>\n", html.EscapeString(describeChart(ids, steady, first, last, func(id string) []int {
		var ls []int
		for _, s := range steps[id] {
			ls = append(ls, s.level)
		}
		return ls
	}, m)))
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="#ffffff"/>`+"\n")
	fmt.Fprintf(&b, `<text x="%.0f" y="24" font-size="16" font-weight="bold">%s</text>`+"\n", left, html.EscapeString(title))
	if len(ids) == 0 {
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" fill="#555555">No level changes have been committed yet.</text>`+"\n", left, top+plotH/2)
		b.WriteString("</svg>\n")
		return []byte(b.String())
	}
	// The scale.
	for l := 0; l <= levels; l++ {
		yy := top + plotH - plotH*float64(l)/float64(levels)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#e5e5e5"/>`+"\n", left, yy, left+plotW, yy)
		label := "not assessed"
		if lv := m.Level(l); lv != nil {
			label = fmt.Sprintf("%d %s", l, lv.Name)
		} else if l > 0 {
			label = fmt.Sprint(l)
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="end" fill="#555555" font-size="10">%s</text>`+"\n", left-6, yy+3, html.EscapeString(label))
	}
	// The date axis: ticks at real boundaries (days, weeks, months,
	// quarters, years), as many as fit without their labels touching.
	for _, t := range dateTicks(first, end, plotW) {
		xx := x(t.at)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#f0f0f0"/>`+"\n", xx, top, xx, top+plotH)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#555555" font-size="10">%s</text>`+"\n", xx, top+plotH+16, t.label)
	}
	// The first and the last point, each with its own date, on a row of
	// their own; the last is drawn where it is, not at the axis's end.
	fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" fill="#555555" font-size="10">%s</text>`+"\n", x(first), top+plotH+34, first.Format(time.DateOnly))
	if !sameDay(first, last) && x(last)-x(first) >= 2*dateLabelWidth {
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#555555" font-size="10">%s</text>`+"\n", x(last), top+plotH+34, last.Format(time.DateOnly))
	} else if !sameDay(first, last) {
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="start" fill="#555555" font-size="10">%s</text>`+"\n", x(first)+dateLabelWidth+8, top+plotH+34, "to "+last.Format(time.DateOnly))
	}
	if steady > 0 {
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" fill="#555555">%d other assessed skill(s) held their level and are not drawn.</text>`+"\n", left, top+plotH+50, steady)
	}
	// One step line per skill, each named in the legend with its level now.
	fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" font-weight="bold">Legend: skill (level now)</text>`+"\n", legendX, top)
	for i, id := range ids {
		colour := palette[i%len(palette)]
		var d strings.Builder
		ss := steps[id]
		fmt.Fprintf(&d, "M%.1f %.1f", x(ss[0].at), y(ss[0].level, i))
		for _, s := range ss[1:] {
			fmt.Fprintf(&d, " H%.1f V%.1f", x(s.at), y(s.level, i))
		}
		fmt.Fprintf(&d, " H%.1f", x(end))
		label := id
		if s := m.Skill(id); s != nil {
			label = s.Name
		}
		fmt.Fprintf(&b, `<path d="%s" fill="none" stroke="%s" stroke-width="2.5"><title>%s</title></path>`+"\n", d.String(), colour, html.EscapeString(label))
		for _, s := range ss {
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>`+"\n", x(s.at), y(s.level, i), colour)
		}
		ly := top + float64(i)*20 + 20
		fmt.Fprintf(&b, `<rect x="%.0f" y="%.0f" width="14" height="4" fill="%s"/>`+"\n", legendX, ly-4, colour)
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f">%s (%d)</text>`+"\n", legendX+20, ly, html.EscapeString(label), ss[len(ss)-1].level)
	}
	b.WriteString("</svg>\n")
	return []byte(b.String())
}

// palette is a qualitative colour set that stays distinct for most readers.
var palette = []string{
	"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
	"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
}

// dateLabelWidth is the width of a YYYY-MM-DD label at font-size 10, with
// room to spare.
const dateLabelWidth = 60.0

type tick struct {
	at    time.Time
	label string
}

// tickSteps are the steps of a date axis, finest first: each with how to
// find the first boundary on or after a time, how to step, the label's
// layout and roughly how many days a step spans.
var tickSteps = []struct {
	days   float64
	layout string
	start  func(time.Time) time.Time
	next   func(time.Time) time.Time
}{
	{1, "Jan 2", startOfDay, func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
	{7, "Jan 2", func(t time.Time) time.Time { // Mondays
		d := startOfDay(t)
		return d.AddDate(0, 0, (8-int(d.Weekday()))%7)
	}, func(t time.Time) time.Time { return t.AddDate(0, 0, 7) }},
	{30.4, "Jan 2006", monthStart(1), func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
	{91.3, "Jan 2006", monthStart(3), func(t time.Time) time.Time { return t.AddDate(0, 3, 0) }},
	{182.6, "Jan 2006", monthStart(6), func(t time.Time) time.Time { return t.AddDate(0, 6, 0) }},
	{365.25, "2006", monthStart(12), func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	{730.5, "2006", monthStart(24), func(t time.Time) time.Time { return t.AddDate(2, 0, 0) }},
	{1826.25, "2006", monthStart(60), func(t time.Time) time.Time { return t.AddDate(5, 0, 0) }},
}

// dateTicks chooses the finest step whose labels, spaced across width
// pixels for the range from first to end, stay apart, and lists its ticks.
func dateTicks(first, end time.Time, width float64) []tick {
	days := end.Sub(first).Hours() / 24
	if days <= 0 {
		return nil
	}
	perDay := width / days
	for _, st := range tickSteps {
		labelWidth := 6.0*float64(len(st.layout)) + 12
		if st.days*perDay*0.9 < labelWidth { // 0.9: February is short
			continue
		}
		var out []tick
		for t := st.start(first); t.Before(end); t = st.next(t) {
			if t.Before(first) {
				continue
			}
			out = append(out, tick{t, t.Format(st.layout)})
		}
		return out
	}
	return nil
}

func startOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// monthStart finds the first month boundary on or after t whose month is a
// multiple of n months from January (of a year divisible by n/12 for n of
// a year or more).
func monthStart(n int) func(time.Time) time.Time {
	return func(t time.Time) time.Time {
		months := t.Year()*12 + int(t.Month()) - 1
		if !startOfDay(t).Equal(t) || t.Day() != 1 {
			months++ // the next month's first day
		}
		months = (months + n - 1) / n * n
		return time.Date(months/12, time.Month(months%12+1), 1, 0, 0, 0, 0, t.Location())
	}
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// describeChart says in words what the chart shows, for screen readers.
func describeChart(ids []string, steady int, first, last time.Time, levels func(string) []int, m *skills.Matrix) string {
	if len(ids) == 0 {
		return "No level changes have been committed yet."
	}
	var b strings.Builder
	fmt.Fprintf(&b, "A step chart of skill levels from %s to %s.", first.Format(time.DateOnly), last.Format(time.DateOnly))
	for _, id := range ids {
		name := id
		if s := m.Skill(id); s != nil {
			name = s.Name
		}
		var parts []string
		for _, l := range levels(id) {
			parts = append(parts, levelName(m, l))
		}
		fmt.Fprintf(&b, " %s: %s.", name, strings.Join(parts, " to "))
	}
	if steady > 0 {
		fmt.Fprintf(&b, " %d other assessed skill(s) held their level.", steady)
	}
	return b.String()
}
