package plans

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// small is a matrix of five equal skills, a to e in that order, for testing
// one ranking signal at a time: every skill expects 2 of a PM and 3 of a
// lead, serves the same persona, and the lead role weighs every persona 1.
func small() *skills.Matrix {
	m := &skills.Matrix{
		Levels:   []skills.Level{{Value: 1, Name: "One"}, {Value: 2, Name: "Two"}, {Value: 3, Name: "Three"}, {Value: 4, Name: "Four"}, {Value: 5, Name: "Five"}},
		Personas: []skills.Persona{{ID: "strategic-leader", Name: "Strategic Leader"}, {ID: "coach-mentor", Name: "Coach/Mentor"}},
		Pillars:  []skills.Pillar{{ID: "domain-expertise", Name: "Domain expertise"}},
		Roles: []skills.Role{
			{ID: "pm", Name: "PM", Next: "lead", Emphasis: map[string]float64{"strategic-leader": 1, "coach-mentor": 1}},
			{ID: "lead", Name: "Lead", Emphasis: map[string]float64{"strategic-leader": 1, "coach-mentor": 1}, Leads: true},
		},
		Transitions: []skills.Transition{{From: "pm", To: "lead", Shifts: []string{"From doing to leading."}}},
	}
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		m.Skills = append(m.Skills, skills.Skill{ID: id, Name: strings.ToUpper(id), Pillar: "domain-expertise",
			Personas: []string{"strategic-leader"}, Expect: map[string]int{"pm": 2, "lead": 3}})
	}
	return m
}

// TestRankingSignals turns on one signal at a time for skill d, which
// matrix order alone puts fourth: each signal must bring it to the top, and
// the plan must say why in words.
func TestRankingSignals(t *testing.T) {
	const assessed = "2026-11-10"
	tests := []struct {
		name   string
		matrix func(*skills.Matrix)
		person func(*skills.Person)
		want   []string
		why    string // a phrase of d's reasons
	}{
		{name: "no signal: matrix order", want: []string{"a", "b", "c"}},
		{name: "below the current role's bar", person: func(p *skills.Person) { p.Levels["d"] = 1 },
			want: []string{"d", "a", "b"}, why: "at 1 One you are below the 2 Two the PM job asks for today, so it comes first"},
		{name: "a bigger gap to the target", matrix: func(m *skills.Matrix) { m.Skills[3].Expect["lead"] = 4 },
			want: []string{"d", "a", "b"}, why: "Lead asks for 4 Four, two levels up"},
		{name: "the target's persona emphasis",
			matrix: func(m *skills.Matrix) {
				m.Skills[3].Personas = []string{"coach-mentor"}
				m.Roles[1].Emphasis["coach-mentor"] = 1.5
			},
			want: []string{"d", "a", "b"}, why: "Lead asks for 3 Three, one level up"},
		{name: "the transition's skills", matrix: func(m *skills.Matrix) {
			m.Transitions[0].Skills = []string{"d"}
			m.Skills[3].Name = "Delegation"
			m.Transitions[0].Shifts = []string{"From doing the work to delegating it."}
		},
			want: []string{"d", "a", "b"}, why: "the move to Lead is from doing the work to delegating it"},
		{name: "an overdue goal",
			person: func(p *skills.Person) {
				p.Goals = []skills.Goal{{Text: "Hand over sprint planning", Skills: []string{"d"}, Due: day("2026-10-31")}}
			},
			want: []string{"d", "a", "b"}, why: `your goal "Hand over sprint planning" was due on 2026-10-31 and is still open`},
		{name: "a goal due soon",
			person: func(p *skills.Person) {
				p.Goals = []skills.Goal{{Text: "Ship the pricing page", Skills: []string{"d"}, Due: day("2026-12-01")}}
			},
			want: []string{"d", "a", "b"}, why: `your goal "Ship the pricing page" depends on it, due 2026-12-01`},
		// A written goal is a signal whenever it is due: one inside the
		// plan's 90 days ranks before one due later (see below).
		{name: "a goal due later still names its skill",
			person: func(p *skills.Person) {
				p.Goals = []skills.Goal{{Text: "Later", Skills: []string{"d"}, Due: day("2027-06-01")}}
			},
			want: []string{"d", "a", "b"}, why: `your goal "Later" depends on it, due 2027-06-01`},
		{name: "a goal due within the 90 days ranks before one due later",
			person: func(p *skills.Person) {
				p.Goals = []skills.Goal{{Text: "Later", Skills: []string{"c"}, Due: day("2027-06-01")},
					{Text: "Sooner", Skills: []string{"d"}, Due: day("2027-01-20")}}
			},
			want: []string{"d", "c", "a"}, why: `your goal "Sooner" depends on it, due 2027-01-20`},
		// It wins the place (e, an untouched gap, is left out), and is said
		// after today's gaps: the verdict holds the person to the current
		// role first (cold read 20, finding 1).
		{name: "a written goal outranks a gap in today's job that nothing touches",
			person: func(p *skills.Person) {
				p.Levels["a"], p.Levels["c"], p.Levels["e"] = 1, 1, 1
				p.Goals = []skills.Goal{{Text: "Present the vision", Skills: []string{"d"}, Due: day("2027-01-20")}}
			},
			want: []string{"a", "c", "d"}, why: `your goal "Present the vision" depends on it`},
		{name: "a setback in the evidence is a reason for focus, never one to build on",
			person: func(p *skills.Person) {
				p.Levels["d"] = 3 // at the target's bar: only the setback brings it in
				p.Evidence = []skills.Evidence{{Date: day("2026-11-01"), Skill: "d", Text: "Still reviews every spec line by line"}}
			},
			want: []string{"d", "a", "b"}, why: `the latest evidence, of 2026-11-01, shows a setback: "Still reviews every spec line by line"`},
		{name: "self and manager disagree", person: func(p *skills.Person) { p.Self = map[string]int{"d": 3} },
			want: []string{"d", "a", "b"}, why: "you rate yourself 3, above your manager's 2"},
		{name: "fresh evidence",
			person: func(p *skills.Person) {
				p.Evidence = []skills.Evidence{{Date: day("2026-11-01"), Skill: "d", Text: "x"}}
			},
			want: []string{"d", "a", "b"}, why: `the latest evidence, of 2026-11-01, shows it moving: "x"`},
		{name: "no evidence for a long time",
			person: func(p *skills.Person) {
				p.Evidence = []skills.Evidence{{Date: day("2026-01-05"), Skill: "d", Text: "x"}}
			},
			want: []string{"d", "a", "b"}, why: `nothing shows it since 2026-01-05 ("x"): time to show it again`},
		{name: "evidence dated after the assessment is no signal",
			person: func(p *skills.Person) {
				p.Evidence = []skills.Evidence{{Date: day("2026-12-01"), Skill: "d", Text: "x"}}
			},
			want: []string{"a", "b", "c"}},
		{name: "pins come first, in the file's order", person: func(p *skills.Person) { p.Focus = []string{"e", "d"} },
			want: []string{"e", "d", "a"}, why: "you and your manager chose it as a focus together"},
		{name: "ties fall to matrix order, not to ids",
			matrix: func(m *skills.Matrix) {
				for i, id := range []string{"z", "y", "x", "w", "v"} {
					m.Skills[i].ID = id
				}
			},
			person: func(p *skills.Person) { p.Levels = map[string]int{"z": 2, "y": 2, "x": 2, "w": 2, "v": 2} },
			want:   []string{"z", "y", "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := small()
			if tt.matrix != nil {
				tt.matrix(m)
			}
			p := &skills.Person{ID: "p", Name: "P", Path: "skills/p.toml", Role: "pm", Assessed: day(assessed),
				Levels: map[string]int{"a": 2, "b": 2, "c": 2, "d": 2, "e": 2}}
			if tt.person != nil {
				tt.person(p)
			}
			cfg := skills.DefaultConfig()
			if diff := cmp.Diff(tt.want, focusIDs(m, cfg, p)); diff != "" {
				t.Errorf("focus (-want +got):\n%s", diff)
			}
			pl, err := Build(Input{Matrix: m, Config: cfg, Person: p, Team: []*skills.Person{p}})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range pl.Focus {
				if strings.Contains(f.Why, "weight") || strings.Contains(f.Why, ".0") || strings.Contains(f.Why, ".5") {
					t.Errorf("%s: the reasons state a weight: %q", f.ID, f.Why)
				}
				if f.ID == "d" && tt.why != "" && !strings.Contains(f.Why, tt.why) {
					t.Errorf("why d = %q, want it to say %q", f.Why, tt.why)
				}
			}
		})
	}
}

// TestFocusRankingBuiltIn ranks against the built-in matrix.
func TestFocusRankingBuiltIn(t *testing.T) {
	m := matrix(t)
	cfg := skills.DefaultConfig()
	tests := []struct {
		name   string
		person skills.Person
		want   []string
	}{
		{
			// A senior PM at their bar everywhere is one level short of
			// gpm on many skills: coaching serves Coach/Mentor (1.5 for a
			// gpm) and the move to gpm turns on it; delegation and
			// portfolio-strategy are named by the move too.
			name:   "gap, emphasis and the move's skills",
			person: skills.Person{ID: "a", Role: "senior-pm", Levels: atBar(m, "senior-pm")},
			want:   []string{"coaching", "delegation", "portfolio-strategy"},
		},
		{
			name: "below the current role's bar comes before any gap to the target",
			person: skills.Person{ID: "a", Role: "senior-pm",
				Levels: with(atBar(m, "senior-pm"), map[string]int{"communication": 2})},
			want: []string{"communication", "coaching", "delegation"},
		},
		{
			name: "unassessed skills are never ranked",
			person: skills.Person{ID: "a", Role: "senior-pm",
				Levels: with(atBar(m, "senior-pm"), map[string]int{"coaching": 0})},
			want: []string{"delegation", "portfolio-strategy", "product-operations"},
		},
		{
			name:   "already meeting the target: no focus",
			person: skills.Person{ID: "a", Role: "pm", Target: "pm", Levels: atBar(m, "pm")},
			want:   nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, focusIDs(m, cfg, &tt.person)); diff != "" {
				t.Errorf("focus (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRenamingSkillsKeepsTheChoice is a property: renaming every skill id
// (in the matrix and the skill file alike) never changes which skills a plan
// focuses on, for random people against the built-in matrix.
func TestRenamingSkillsKeepsTheChoice(t *testing.T) {
	m := matrix(t)
	cfg := skills.DefaultConfig()
	rng := rand.New(rand.NewPCG(1, 2))
	roles := m.RoleIDs()
	for n := range 300 {
		p := randomPerson(rng, m, roles)
		perm := rng.Perm(len(m.Skills))
		rename := map[string]string{}
		for i, s := range m.Skills {
			rename[s.ID] = fmt.Sprintf("s%02d", perm[i])
		}
		rm, rp := renamed(m, rename), renamedPerson(p, rename)
		var want []string
		for _, id := range focusIDs(m, cfg, p) {
			want = append(want, rename[id])
		}
		if diff := cmp.Diff(want, focusIDs(rm, cfg, rp)); diff != "" {
			t.Fatalf("person %d (%s -> %s): renaming changed the focus (-before +after):\n%s", n, p.Role, p.TargetRole(m), diff)
		}
	}
}

func randomPerson(rng *rand.Rand, m *skills.Matrix, roles []string) *skills.Person {
	p := &skills.Person{ID: "p", Role: roles[rng.IntN(len(roles))], Assessed: day("2026-11-10"),
		Levels: map[string]int{}, Self: map[string]int{}}
	ids := m.SkillIDs()
	for _, id := range ids {
		if rng.IntN(10) > 0 {
			p.Levels[id] = 1 + rng.IntN(5)
		}
		if rng.IntN(5) == 0 {
			p.Self[id] = 1 + rng.IntN(5)
		}
		if rng.IntN(6) == 0 {
			p.Evidence = append(p.Evidence, skills.Evidence{Date: day("2026-11-10").AddDate(0, 0, -rng.IntN(400)), Skill: id, Text: "e"})
		}
	}
	for range rng.IntN(3) {
		p.Goals = append(p.Goals, skills.Goal{Text: "g", Skills: []string{ids[rng.IntN(len(ids))]},
			Due: day("2026-11-10").AddDate(0, 0, rng.IntN(120)-60)})
	}
	if rng.IntN(4) == 0 {
		p.Focus = []string{ids[rng.IntN(len(ids))]}
	}
	return p
}

func renamed(m *skills.Matrix, rename map[string]string) *skills.Matrix {
	out := *m
	out.Skills = slices.Clone(m.Skills)
	for i := range out.Skills {
		out.Skills[i].ID = rename[out.Skills[i].ID]
	}
	out.Transitions = slices.Clone(m.Transitions)
	for i, t := range out.Transitions {
		var ids []string
		for _, id := range t.Skills {
			ids = append(ids, rename[id])
		}
		out.Transitions[i].Skills = ids
	}
	return &out
}

func renamedPerson(p *skills.Person, rename map[string]string) *skills.Person {
	out := *p
	out.Levels, out.Self = map[string]int{}, map[string]int{}
	for id, v := range p.Levels {
		out.Levels[rename[id]] = v
	}
	for id, v := range p.Self {
		out.Self[rename[id]] = v
	}
	out.Focus = nil
	for _, id := range p.Focus {
		out.Focus = append(out.Focus, rename[id])
	}
	out.Goals = nil
	for _, g := range p.Goals {
		var ids []string
		for _, id := range g.Skills {
			ids = append(ids, rename[id])
		}
		out.Goals = append(out.Goals, skills.Goal{Text: g.Text, Skills: ids, Due: g.Due})
	}
	out.Evidence = nil
	for _, e := range p.Evidence {
		out.Evidence = append(out.Evidence, skills.Evidence{Date: e.Date, Skill: rename[e.Skill], Text: e.Text})
	}
	return &out
}

// TestFocusAtTheBarStretchesOneLevel: no skill is chosen for a gap past the
// target's bar, but a focus skill already at it asks for the level above it,
// the stretch past the bar (issue 20, point 3), never more than one level;
// at the top of the scale the focus is the goal the skill serves; a new
// hire is asked for nothing new. A self-rating apart from the manager's at
// the bar is a conversation, not a focus; one goal counts for one focus
// skill; a goal that takes work over is not the taker's delegation; someone
// at the bar everywhere gets the promotion case.
func TestFocusAtTheBarStretchesOneLevel(t *testing.T) {
	all := func(n int) map[string]int { return map[string]int{"a": n, "b": n, "c": n, "d": n, "e": n} }
	ship := []skills.Goal{{Text: "Ship it", Skills: []string{"d"}, Due: day("2027-01-20")}}
	tests := []struct {
		name   string
		matrix func(*skills.Matrix)
		person func(*skills.Person)
		want   []string
		next   map[string]int // the focus's next level, by skill
		why    string         // the first focus's reasons, whole
		has    string         // a phrase of the first focus's reasons
		step   string         // the first focus's step
	}{
		{name: "a pinned skill at the target's bar asks for the level above it",
			person: func(p *skills.Person) { p.Levels["d"] = 3; p.Focus = []string{"d"} },
			want:   []string{"d", "a", "b"}, next: map[string]int{"d": 4, "a": 3},
			why:  "you meet the Lead bar in it already: the stretch past that bar is 4 Four; you and your manager chose it as a focus together",
			step: "3 Three -> 4 Four, the stretch past the Lead bar"},
		{name: "a level only a role two past the target works at is no stretch",
			matrix: func(m *skills.Matrix) {
				m.Roles[1].Next = "head"
				m.Roles = append(m.Roles, skills.Role{ID: "head", Name: "Head of Product", Next: "chief", Leads: true})
				m.Roles = append(m.Roles, skills.Role{ID: "chief", Name: "Chief", Leads: true})
				m.Skills[3].Expect["head"] = 3
				m.Skills[3].Expect["chief"] = 4
			},
			person: func(p *skills.Person) { p.Levels["d"] = 3; p.Focus = []string{"d"} },
			want:   []string{"d", "a", "b"}, next: map[string]int{"d": 3},
			why: "you meet the Lead bar in it already: the focus is to use it where others see it, not a new level; you and your manager chose it as a focus together"},
		{name: "the stretch names the role just past the target that works at it",
			matrix: func(m *skills.Matrix) {
				m.Roles[1].Next = "head"
				m.Roles = append(m.Roles, skills.Role{ID: "head", Name: "Head of Product", Leads: true})
				m.Skills[3].Expect["head"] = 4
			},
			person: func(p *skills.Person) { p.Levels["d"] = 3; p.Focus = []string{"d"} },
			want:   []string{"d", "a", "b"}, next: map[string]int{"d": 4},
			why: "you meet the Lead bar in it already: the stretch past that bar is 4 Four, what a Head of Product works at; you and your manager chose it as a focus together"},
		{name: "at the top of the scale, the focus is the goal the skill serves",
			person: func(p *skills.Person) { p.Levels = all(3); p.Levels["d"] = 5; p.Focus = []string{"d"}; p.Goals = ship },
			want:   []string{"d"}, next: map[string]int{"d": 5},
			why:  `at 5 Five, the top of the scale, there is no level past it: the focus is your goal "Ship it" (due 2027-01-20), part of your promotion case for Lead; you and your manager chose it as a focus together`,
			step: "5 Five, the top of the scale"},
		{name: "a new hire at the bar is asked for nothing new",
			person: func(p *skills.Person) { p.Levels["d"] = 3; p.Focus = []string{"d"}; p.Joined = day("2026-10-01") },
			want:   []string{"d"}, next: map[string]int{"d": 3},
			step: "3 Three, already at the bar"},
		{name: "an underrating at the bar is a conversation, not a focus",
			person: func(p *skills.Person) { p.Levels = all(3); p.Self = map[string]int{"d": 2} }},
		{name: "an overrating at the bar is a conversation, not a focus",
			person: func(p *skills.Person) { p.Levels = all(3); p.Self = map[string]int{"d": 4} }},
		{name: "one goal leads one focus skill; its second skill below the bar comes before gaps only the bar names",
			person: func(p *skills.Person) {
				p.Goals = []skills.Goal{{Text: "Ship it", Skills: []string{"c", "d"}, Due: day("2027-01-20")}}
			},
			want: []string{"c", "d", "a"}, has: `your goal "Ship it" depends on it`},
		{name: "a gap the person's evidence touches still comes before a carried goal's second skill",
			person: func(p *skills.Person) {
				p.Goals = []skills.Goal{{Text: "Ship it", Skills: []string{"c", "d"}, Due: day("2027-01-20")}}
				p.Evidence = []skills.Evidence{{Date: day("2026-11-01"), Skill: "b", Text: "Ran the launch review"}}
			},
			want: []string{"c", "b", "d"}},
		{name: "a carried goal's second skill, at the bar, is no focus at all",
			person: func(p *skills.Person) {
				p.Levels = all(3)
				p.Levels["a"] = 2
				p.Goals = []skills.Goal{{Text: "Ship it", Skills: []string{"c", "d"}, Due: day("2027-01-20")}}
			},
			want: []string{"a", "c"}, next: map[string]int{"a": 3, "c": 4}},
		{name: "a goal that takes work over is not the taker's delegation",
			matrix: func(m *skills.Matrix) { m.Skills[3].Name = "Delegation" },
			person: func(p *skills.Person) {
				p.Goals = []skills.Goal{{Text: "Take over the weekly review", Skills: []string{"d", "e"}, Due: day("2027-01-20")}}
			},
			want: []string{"e", "a", "b"}, has: `your goal "Take over the weekly review" depends on it`},
		{name: "a goal that gives work away is the giver's delegation",
			matrix: func(m *skills.Matrix) { m.Skills[3].Name = "Delegation" },
			person: func(p *skills.Person) {
				p.Goals = []skills.Goal{{Text: "Hand the weekly review to a peer", Skills: []string{"d"}, Due: day("2027-01-20")}}
			},
			want: []string{"d", "a", "b"}},
		{name: "at the target's bar everywhere, a goal's skill is the promotion case, not a stretch past it",
			person: func(p *skills.Person) { p.Levels = all(3); p.Goals = ship },
			want:   []string{"d"}, next: map[string]int{"d": 3},
			why:  `you meet the Lead bar in it already, so your goal "Ship it" (due 2027-01-20) is part of your promotion case rather than a new level`,
			step: "3 Three, already at the bar"},
		{name: "not at the bar everywhere, a goal's skill at the bar waits behind the gaps",
			person: func(p *skills.Person) { p.Levels["d"] = 3; p.Goals = ship },
			want:   []string{"a", "b", "c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := small()
			if tt.matrix != nil {
				tt.matrix(m)
			}
			p := &skills.Person{ID: "p", Name: "P", Path: "skills/p.toml", Role: "pm", Assessed: day("2026-11-10"), Levels: all(2)}
			if tt.person != nil {
				tt.person(p)
			}
			cfg := skills.DefaultConfig()
			if diff := cmp.Diff(tt.want, focusIDs(m, cfg, p)); diff != "" {
				t.Errorf("focus (-want +got):\n%s", diff)
			}
			pl, err := Build(Input{Matrix: m, Config: cfg, Person: p, Team: []*skills.Person{p}})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range pl.Focus {
				if want, ok := tt.next[f.ID]; ok && f.Next.Value != want {
					t.Errorf("%s: next %d, want %d", f.ID, f.Next.Value, want)
				}
				if f.Level.Value > 0 && f.Next.Value > f.Level.Value+1 {
					t.Errorf("%s: a step from %d to %d", f.ID, f.Level.Value, f.Next.Value)
				}
				if past := f.Next.Value > f.Expect && f.Next.Value > f.Level.Value; past != (f.StretchPast != "") {
					t.Errorf("%s: next %d against the bar %d, stretch past %q", f.ID, f.Next.Value, f.Expect, f.StretchPast)
				}
			}
			if tt.why != "" && (len(pl.Focus) == 0 || pl.Focus[0].Why != tt.why) {
				t.Errorf("why of the first focus:\n got %q\nwant %q", pl.Focus[0].Why, tt.why)
			}
			if tt.has != "" && (len(pl.Focus) == 0 || !strings.Contains(pl.Focus[0].Why, tt.has)) {
				t.Errorf("why of the first focus: %+v, want it to say %q", pl.Focus, tt.has)
			}
			if tt.step != "" && (len(pl.Focus) == 0 || pl.Focus[0].Step() != tt.step) {
				t.Errorf("step of the first focus:\n got %q\nwant %q", pl.Focus[0].Step(), tt.step)
			}
		})
	}
}
