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
	if h := top + float64(len(ids))*20 + 20; h > height {
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

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="Helvetica, Arial, sans-serif" font-size="12">`+"\n",
		width, height, width, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="#ffffff"/>`+"\n")
	fmt.Fprintf(&b, `<text x="%.0f" y="24" font-size="16" font-weight="bold">%s: skill levels over time</text>`+"\n", left, html.EscapeString(name))
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
	// Month ticks.
	for t := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, first.Location()).AddDate(0, 1, 0); t.Before(end); t = t.AddDate(0, 1, 0) {
		xx := x(t)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#f0f0f0"/>`+"\n", xx, top, xx, top+plotH)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#555555" font-size="10">%s</text>`+"\n", xx, top+plotH+16, t.Format("Jan 2006"))
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" fill="#555555" font-size="10">%s</text>`+"\n", left, top+plotH+34, first.Format(time.DateOnly))
	fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="end" fill="#555555" font-size="10">%s</text>`+"\n", left+plotW, top+plotH+34, last.Format(time.DateOnly))
	if steady > 0 {
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" fill="#555555">%d other assessed skill(s) held their level and are not drawn.</text>`+"\n", left, top+plotH+50, steady)
	}
	// One step line per skill.
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
		ly := top + float64(i)*20
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
