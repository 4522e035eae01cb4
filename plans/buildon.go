package plans

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/coach-dev/coach/skills"
)

// BuildOn is what someone with no strength to name can build on (cold
// read 9, finding 3): the skill their own newest evidence shows best, at
// or above their role's bar first, else the step they have begun towards
// it. It is read from their file alone, and is never called a strength.
type BuildOn struct {
	SkillRef
	Level     int    `json:"level"`
	LevelName string `json:"level_name"`
	// Bar is what the current role asks in it.
	Bar  int    `json:"bar"`
	Date string `json:"date"`
	Text string `json:"text"`
	// Plan is the line the plan says it in, to the person.
	Plan string `json:"plan"`
	// Rated lists the highest levels at or above the bar, when no evidence
	// shows one: named on the assessment of Date alone, Text empty.
	Rated string `json:"rated,omitempty"`
}

// AtBar reports whether the skill is at or above the role's bar: the job
// done well, rather than a first step towards it.
func (b *BuildOn) AtBar() bool { return b.Level >= b.Bar }

// buildOn is p's BuildOn against role, nil when no evidence of theirs
// speaks for a skill (StrengthShown) or they are back from leave: the skills at or above the role's
// bar first, then by how many entries show each, the margin over the bar
// and the matrix's order. When no evidence shows a skill at or above the
// bar, their highest levels there, on the assessment (see ratedOn), never
// a step below it.
func buildOn(m *skills.Matrix, p *skills.Person, role *skills.Role) *BuildOn {
	type cand struct {
		b     BuildOn
		n     int
		order int
	}
	if _, _, back := ReturnFromLeave(p); back {
		return nil // the entry that records the return is not work to build on
	}
	var cands []cand
	for i := range m.Skills {
		s := &m.Skills[i]
		lvl := p.Levels[s.ID]
		latest, n, _ := StrengthShown(p, s.ID)
		if lvl == 0 || latest == nil {
			continue
		}
		cands = append(cands, cand{b: BuildOn{SkillRef: ref(s), Level: lvl, LevelName: levelName(m, lvl), Bar: s.Expect[role.ID],
			Date: date(latest.Date), Text: latest.Text}, n: n, order: i})
	}
	if len(cands) > 0 && !slices.ContainsFunc(cands, func(c cand) bool { return c.b.AtBar() }) {
		// Work written down only below the bar: the highest levels at or
		// above it, on the assessment, before any step below it.
		if b := ratedOn(m, p, role); b != nil {
			return b
		}
	}
	if len(cands) == 0 {
		return nil
	}
	c := slices.MinFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(boolRank(a.b.AtBar()), boolRank(b.b.AtBar())), cmp.Compare(b.n, a.n),
			cmp.Compare(b.b.Level-b.b.Bar, a.b.Level-a.b.Bar), cmp.Compare(a.order, b.order))
	})
	b := c.b
	shown := fmt.Sprintf("shown on %s (\"%s\")", b.Date, b.Text)
	if ThirdPerson(b.Text, firstWord(p.Name)) {
		shown = fmt.Sprintf("shown on %s in the evidence", b.Date)
	}
	if b.AtBar() {
		b.Plan = fmt.Sprintf("%s: %s, the %s bar, %s: the job done well, and the ground the next step stands on.", b.Name, skills.LevelWords(b.Level, b.LevelName), role.Name, shown)
	} else {
		b.Plan = fmt.Sprintf("%s: %s where the job asks for %d, %s: a first step towards the bar; take it again, and ask the people it involved what to keep.", b.Name, skills.LevelWords(b.Level, b.LevelName), b.Bar, shown)
	}
	return &b
}

// boolRank orders true before false.
func boolRank(b bool) int {
	if b {
		return 0
	}
	return 1
}

// ratedOn is what p can build on when no evidence shows a skill at or above
// role's bar: up to three of their highest levels at or above it (the
// widest margin first among equal levels), on the assessment alone; nil
// when none is at the bar.
func ratedOn(m *skills.Matrix, p *skills.Person, role *skills.Role) *BuildOn {
	type cand struct {
		b     BuildOn
		order int
	}
	var cands []cand
	for i := range m.Skills {
		s := &m.Skills[i]
		lvl, bar := p.Levels[s.ID], s.Expect[role.ID]
		if lvl > 0 && lvl >= bar {
			cands = append(cands, cand{b: BuildOn{SkillRef: ref(s), Level: lvl, LevelName: levelName(m, lvl), Bar: bar, Date: date(p.Assessed)}, order: i})
		}
	}
	if len(cands) == 0 || p.Assessed.IsZero() {
		return nil
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(b.b.Level, a.b.Level), cmp.Compare(b.b.Level-b.b.Bar, a.b.Level-a.b.Bar), cmp.Compare(a.order, b.order))
	})
	cands = cands[:min(3, len(cands))]
	var parts []string
	for _, c := range cands {
		where := fmt.Sprintf("the %s bar", role.Name)
		if c.b.Level > c.b.Bar {
			where = fmt.Sprintf("above the %d the job asks for", c.b.Bar)
		}
		parts = append(parts, fmt.Sprintf("%s (%s, %s)", c.b.Name, skills.LevelWords(c.b.Level, c.b.LevelName), where))
	}
	b := cands[0].b
	b.Rated = AndList(parts)
	b.Plan = fmt.Sprintf("%s, on the assessment of %s: your highest levels, the job done well and the ground the next step stands on. Write down one piece of work that shows each, with who saw it.", b.Rated, b.Date)
	return &b
}
