package plans

import (
	"fmt"
	"strings"
	"testing"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// The team view, section by section, on a team small enough to work out by
// hand: every expected value below follows from the rules of the section,
// not from a run of the code. The Flags section is left to its own tests.

// tiny is a ladder of three roles (APM, PM, Group PM, who leads people) and
// three skills in two pillars. Every skill expects 1 of an APM and 2 of a
// PM; a Group PM needs 3 in a and b, 4 in c.
func tiny() *skills.Matrix {
	m := &skills.Matrix{
		Levels:   []skills.Level{{Value: 1, Name: "One"}, {Value: 2, Name: "Two"}, {Value: 3, Name: "Three"}, {Value: 4, Name: "Four"}, {Value: 5, Name: "Five"}},
		Personas: []skills.Persona{{ID: "strategic-leader", Name: "Strategic Leader"}},
		Pillars:  []skills.Pillar{{ID: "craft", Name: "Craft"}, {ID: "people", Name: "People"}},
		Roles: []skills.Role{
			{ID: "apm", Name: "APM", Next: "pm", Emphasis: map[string]float64{"strategic-leader": 1}},
			{ID: "pm", Name: "PM", Next: "gpm", Emphasis: map[string]float64{"strategic-leader": 1}},
			{ID: "gpm", Name: "Group PM", Emphasis: map[string]float64{"strategic-leader": 1}, Leads: true},
		},
	}
	for _, s := range []struct {
		id, pillar string
		gpm        int
	}{{"a", "craft", 3}, {"b", "craft", 3}, {"c", "people", 4}} {
		m.Skills = append(m.Skills, skills.Skill{ID: s.id, Name: strings.ToUpper(s.id), Pillar: s.pillar,
			Personas: []string{"strategic-leader"}, Expect: map[string]int{"apm": 1, "pm": 2, "gpm": s.gpm}})
	}
	return m
}

// lv is levels in a, b and c.
func lv(a, b, c int) map[string]int { return map[string]int{"a": a, "b": b, "c": c} }

// tinyTeam is the leader Lee, and under Lee a Group PM, Gil, below a Group
// PM's bar on c, with three PMs (each list of reports is in id order): Pia at the Group PM bar everywhere (ready
// now), Pat one level short on a and c (ready soon), Pax below a PM's bar
// on a (not yet). Pia manages Ana, an APM at the PM bar (ready now).
func tinyTeam() []*skills.Person {
	return []*skills.Person{
		{ID: "gil", Name: "Gil", Role: "gpm", Manager: "lee", Reports: 10, Levels: lv(3, 3, 3)},
		{ID: "pia", Name: "Pia", Role: "pm", Manager: "gil", Reports: 5, Levels: lv(3, 3, 4), Self: map[string]int{"a": 4}},
		{ID: "pat", Name: "Pat", Role: "pm", Manager: "gil", Reports: 4, Levels: lv(2, 3, 3)},
		{ID: "pax", Name: "Pax", Role: "pm", Manager: "gil", Reports: 3, Levels: lv(1, 2, 2)},
		{ID: "ana", Name: "Ana", Role: "apm", Manager: "pia", Levels: lv(2, 2, 2)},
	}
}

func tinyConfig() skills.Config {
	cfg := skills.DefaultConfig()
	cfg.Leaders = []skills.Leader{{ID: "lee", Name: "Lee"}}
	return cfg
}

// tinyView builds the view of people under under ("" for all); pairs, when
// not nil, are the team's mentoring pairs in place of those matched.
func tinyView(t *testing.T, m *skills.Matrix, cfg skills.Config, people []*skills.Person, under string, pairs []Pair) *Team {
	t.Helper()
	ix := IndexTeam(m, cfg, people)
	plans := map[string]*Plan{}
	for _, p := range people {
		pl, err := Build(Input{Matrix: m, Config: cfg, Person: p, Team: people, Index: ix})
		if err != nil {
			t.Fatal(err)
		}
		plans[p.ID] = pl
	}
	if pairs != nil {
		ix.pairs = pairs
	}
	team, err := BuildTeam(TeamInput{Matrix: m, Config: cfg, People: people, Plans: plans, Index: ix, Under: under})
	if err != nil {
		t.Fatal(err)
	}
	return team
}

func refIDs(rs []PersonRef) string {
	var ids []string
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	return strings.Join(ids, " ")
}

func TestTeamTree(t *testing.T) {
	tests := []struct {
		under string
		title string
		// Each line: indent, id, role > target (or "leader"), verdict, reports.
		want       []string
		writtenFor string
	}{
		{"", "Team", []string{
			"lee leader",
			"  gil Group PM > Group PM not-yet 10",
			"    pat PM > Group PM ready-soon 4",
			"    pax PM > Group PM not-yet 3",
			"    pia PM > Group PM ready-now 5",
			"      ana APM > PM ready-now 0",
		}, "lee gil pia"},
		{"pia", "Team under Pia", []string{
			"pia PM > Group PM ready-now 5",
			"  ana APM > PM ready-now 0",
		}, "pia"},
		{"lee", "Team under Lee", []string{
			"lee leader",
			"  gil Group PM > Group PM not-yet 10",
			"    pat PM > Group PM ready-soon 4",
			"    pax PM > Group PM not-yet 3",
			"    pia PM > Group PM ready-now 5",
			"      ana APM > PM ready-now 0",
		}, "lee gil pia"},
	}
	m, cfg := tiny(), tinyConfig()
	for _, tt := range tests {
		t.Run("under "+tt.under, func(t *testing.T) {
			team := tinyView(t, m, cfg, tinyTeam(), tt.under, nil)
			var got []string
			for _, l := range team.Tree {
				if l.Leader {
					got = append(got, l.Indent+l.ID+" leader")
					continue
				}
				got = append(got, fmt.Sprintf("%s%s %s > %s %s %d", l.Indent, l.ID, l.Role, l.Target, l.Verdict.Kind, l.Reports))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("tree (-want +got):\n%s", diff)
			}
			if team.Title != tt.title {
				t.Errorf("title %q, want %q", team.Title, tt.title)
			}
			if got := refIDs(team.WrittenFor); got != tt.writtenFor {
				t.Errorf("written for %q, want %q", got, tt.writtenFor)
			}
		})
	}
}

func TestTeamBench(t *testing.T) {
	tests := []struct {
		name   string
		people func([]*skills.Person) []*skills.Person
		under  string
		// Each role: holders / ready now / ready soon, and "thin".
		want []string
		step []string // each manager with a role: who could step in
	}{
		{name: "the whole team", want: []string{
			// APM is an entry role: hired into, never thin.
			"APM: ana / - / -",
			"PM: pat pax pia / ana / -",
			"Group PM: gil / pia / pat",
		}, step: []string{"gil (Group PM): pia ready-now, pat ready-soon", "pia (PM): ana ready-now"}},
		{name: "nobody ready for PM", people: func(ps []*skills.Person) []*skills.Person {
			ps[4].Levels = nil // Ana has no level yet: too early to judge
			return ps
		}, want: []string{
			"APM: ana / - / -",
			"PM: pat pax pia / - / - thin",
			"Group PM: gil / pia / pat",
		}, step: []string{"gil (Group PM): pia ready-now, pat ready-soon", "pia (PM): -"}},
		// Pat holds PM with nobody behind; APM, held by nobody and
		// aimed at by nobody, is left out; Group PM is held by nobody
		// in the view, and Pat is getting ready for it.
		{name: "under Pat", under: "pat", want: []string{
			"PM: pat / - / - thin",
			"Group PM: - / - / pat",
		}, step: []string{}},
	}
	m, cfg := tiny(), tinyConfig()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			people := tinyTeam()
			if tt.people != nil {
				people = tt.people(people)
			}
			team := tinyView(t, m, cfg, people, tt.under, nil)
			dash := func(s string) string { return cmpOr(s, "-") }
			var got []string
			for _, b := range team.Bench {
				line := fmt.Sprintf("%s: %s / %s / %s", b.Role.Name, dash(refIDs(b.Holders)), dash(refIDs(b.ReadyNow)), dash(refIDs(b.ReadySoon)))
				if b.Thin {
					line += " thin"
				}
				got = append(got, line)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("bench (-want +got):\n%s", diff)
			}
			step := []string{}
			for _, s := range team.StepIn {
				var who []string
				for _, w := range s.Who {
					who = append(who, w.ID+" "+w.Verdict.Kind)
				}
				step = append(step, fmt.Sprintf("%s (%s): %s", s.Manager.ID, s.Role.Name, dash(strings.Join(who, ", "))))
			}
			if diff := cmp.Diff(tt.step, step); diff != "" {
				t.Errorf("step in (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTeamCalibrationSection(t *testing.T) {
	// Each manager's mean is the mean over their people of each person's
	// mean distance from their own role's bar: Lee's one person, Gil, is
	// (0+0-1)/3 = -0.33; Gil's are Pia (1+1+2)/3, Pat (0+1+1)/3 and Pax
	// (-1+0+0)/3, whose mean is 0.56; Pia's one person, Ana, is 1.
	tests := []struct {
		name   string
		people func([]*skills.Person) []*skills.Person
		under  string
		want   []string
		// compared counts the managers with enough people assessed.
		managers, compared int
	}{
		{name: "one manager with enough people", want: []string{
			"lee: -0.33 over gil, 1 assessed, too few",
			"gil: 0.56 over pat pax pia, 3 assessed, self hidden",
			"pia: 1.00 over ana, 1 assessed, too few",
		}, managers: 3, compared: 1},
		{name: "three people assessed themselves", people: func(ps []*skills.Person) []*skills.Person {
			// Self minus manager: Pia +1 on a; Pat +1 on a, -1 on b;
			// Pax +2 on a: (1+1-1+2)/4 = 0.75 over 4 skills.
			ps[2].Self = map[string]int{"a": 3, "b": 2}
			ps[3].Self = map[string]int{"a": 3}
			return ps
		}, want: []string{
			"lee: -0.33 over gil, 1 assessed, too few",
			"gil: 0.56 over pat pax pia, 3 assessed, self 0.75 over 4",
			"pia: 1.00 over ana, 1 assessed, too few",
		}, managers: 3, compared: 1},
		{name: "two managers compared, one flagged", people: func(ps []*skills.Person) []*skills.Person {
			// Lee manages three more PMs, each a level above the PM bar
			// everywhere: Lee's mean is (-1/3+1+1+1)/4 = 0.67, Gil's
			// 0.56: 0.11 apart, under half a level.
			for _, id := range []string{"q1", "q2", "q3"} {
				ps = append(ps, &skills.Person{ID: id, Name: strings.ToUpper(id), Role: "pm", Manager: "lee", Levels: lv(3, 3, 3)})
			}
			// Ana moves under Pat, and Pia's place goes to Pat.
			ps[4].Manager = "pat"
			return ps
		}, want: []string{
			"lee: 0.67 over gil q1 q2 q3, 4 assessed, others 0.56",
			"gil: 0.56 over pat pax pia, 3 assessed, self hidden, others 0.67",
			// Too few to be compared, Pat is still shown against the
			// mean of those who are: (0.67+0.56)/2.
			"pat: 1.00 over ana, 1 assessed, too few, others 0.62",
		}, managers: 3, compared: 2},
		{name: "two managers compared, apart by more than half a level", people: func(ps []*skills.Person) []*skills.Person {
			// Lee's three more PMs are two levels above the PM bar:
			// (-1/3+2+2+2)/4 = 1.42 against Gil's 0.56, 0.86 apart.
			for _, id := range []string{"q1", "q2", "q3"} {
				ps = append(ps, &skills.Person{ID: id, Name: strings.ToUpper(id), Role: "pm", Manager: "lee", Levels: lv(4, 4, 4)})
			}
			return ps
		}, want: []string{
			"lee: 1.42 over gil q1 q2 q3, 4 assessed, others 0.56, flagged",
			"gil: 0.56 over pat pax pia, 3 assessed, self hidden, others 1.42, flagged",
			"pia: 1.00 over ana, 1 assessed, too few, others 0.99",
		}, managers: 3, compared: 2},
		{name: "under Pia: every manager is compared, Pia's shown", under: "pia", want: []string{
			"pia: 1.00 over ana, 1 assessed, too few",
		}, managers: 3, compared: 1},
	}
	m, cfg := tiny(), tinyConfig()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			people := tinyTeam()
			if tt.people != nil {
				people = tt.people(people)
			}
			team := tinyView(t, m, cfg, people, tt.under, nil)
			var got []string
			for _, c := range team.Calib {
				line := fmt.Sprintf("%s: %.2f over %s, %d assessed", c.Manager.ID, c.Mean, refIDs(c.People), c.Assessed)
				if c.TooFew {
					line += ", too few"
				}
				if c.SelfHidden {
					line += ", self hidden"
				}
				if c.SelfCount > 0 {
					line += fmt.Sprintf(", self %.2f over %d", c.SelfGap, c.SelfCount)
				}
				if team.Compared >= 2 {
					line += fmt.Sprintf(", others %.2f", c.Others)
				}
				if c.Flagged {
					line += ", flagged"
				}
				got = append(got, line)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("calibration (-want +got):\n%s", diff)
			}
			if team.Managers != tt.managers || team.Compared != tt.compared {
				t.Errorf("%d managers, %d compared; want %d, %d", team.Managers, team.Compared, tt.managers, tt.compared)
			}
		})
	}
}

func TestTeamMentors(t *testing.T) {
	pairs := []Pair{
		{Mentor: "pia", Mentee: "pat", Skill: "a", Level: 3, Expect: 3},
		{Mentor: "pia", Mentee: "ana", Skill: "c", Level: 4, Expect: 2},
		{Mentor: "gil", Mentee: "pax", Skill: "b", Level: 3, Expect: 2},
	}
	tests := []struct {
		under string
		want  []string
	}{
		{"", []string{"Pia > Pat: A (3, bar 3)", "Pia > Ana: C (4, bar 2)", "Gil > Pax: B (3, bar 2)"}},
		// A pair is in the view when its mentee is, whoever mentors.
		{"pia", []string{"Pia > Ana: C (4, bar 2)"}},
		{"pax", []string{"Gil > Pax: B (3, bar 2)"}},
		{"ana", []string{"Pia > Ana: C (4, bar 2)"}},
	}
	m, cfg := tiny(), tinyConfig()
	for _, tt := range tests {
		t.Run("under "+tt.under, func(t *testing.T) {
			team := tinyView(t, m, cfg, tinyTeam(), tt.under, pairs)
			got := []string{}
			for _, p := range team.Mentors {
				got = append(got, fmt.Sprintf("%s > %s: %s (%d, bar %d)", p.Mentor.Name, p.Mentee.Name, p.Skill.Name, p.Level, p.Expect))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mentors (-want +got):\n%s", diff)
			}
		})
	}
	// No pair at all: an empty list, not a missing one.
	if team := tinyView(t, m, cfg, tinyTeam(), "", []Pair{}); team.Mentors == nil || len(team.Mentors) != 0 {
		t.Errorf("no pairs: %#v", team.Mentors)
	}
}

func TestTeamHiringSection(t *testing.T) {
	tests := []struct {
		name   string
		shape  map[string]int
		people func([]*skills.Person) []*skills.Person
		under  string
		want   []string
	}{
		{name: "short of every role", shape: map[string]int{"apm": 2, "pm": 4, "gpm": 2}, want: []string{
			// Makers: 10+5+4+3; PMs: the four who lead nobody and Gil,
			// who has makers of his own; ceil(22/9) = 3 needed.
			"22 makers, 5 PMs (1 leading), 4.40 per PM, want 9, 0 PMs short",
			"roles: APM 1/2, PM 3/4, Group PM 1/2",
			// Nobody is getting ready for APM; Ana is for PM, Pia for
			// Group PM: the opening nobody can fill comes first.
			"open APM 1: 1 of 2; nobody in the team is ready to move into it",
			"open PM 1: 3 of 4; Ana is ready now: promote, then backfill an APM",
			"open Group PM 1: 1 of 2; Pia is ready now: promote, then backfill a PM",
			"top Group PM, gaps: none",
		}},
		{name: "the largest shortfall first", shape: map[string]int{"pm": 3, "gpm": 3},
			people: func(ps []*skills.Person) []*skills.Person {
				// Nobody is ready for PM or Group PM: Ana, Pia and Pat
				// have no level yet.
				ps[4].Levels, ps[1].Levels, ps[2].Levels = nil, nil, nil
				return ps
			}, want: []string{
				"22 makers, 5 PMs (1 leading), 4.40 per PM, want 9, 0 PMs short",
				"roles: PM 3/3, Group PM 1/3",
				"open Group PM 2: 1 of 3; nobody in the team is ready to move into it",
				// Nobody in the team reaches Group PM's 4 in C.
				"top Group PM, gaps: C bar 4 best 3",
			}},
		{name: "an opening nobody can fill before a larger one", shape: map[string]int{"apm": 2, "pm": 5}, want: []string{
			"22 makers, 5 PMs (1 leading), 4.40 per PM, want 9, 0 PMs short",
			"roles: APM 1/2, PM 3/5",
			"open APM 1: 1 of 2; nobody in the team is ready to move into it",
			"open PM 2: 3 of 5; Ana is ready now: promote, then backfill an APM",
			"top Group PM, gaps: none",
		}},
		{name: "too few PMs for the makers", shape: map[string]int{}, people: func(ps []*skills.Person) []*skills.Person {
			ps[0].Reports = 50 // 62 makers need 7 PMs
			return ps
		}, want: []string{
			"62 makers, 5 PMs (1 leading), 12.40 per PM, want 9, 2 PMs short",
			"roles:",
			"top Group PM, gaps: none",
		}},
		{name: "under Pat: no shape for part of the tree", shape: map[string]int{"pm": 9}, under: "pat", want: []string{
			"4 makers, 1 PMs (0 leading), 4.00 per PM, want 9, 0 PMs short",
			"roles:",
			// Pat, a PM, is the view's most senior: PM's bar of 2 is met.
			"top PM, gaps: none",
		}},
	}
	m := tiny()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := tinyConfig()
			cfg.Team.Shape = tt.shape
			people := tinyTeam()
			if tt.people != nil {
				people = tt.people(people)
			}
			h := tinyView(t, m, cfg, people, tt.under, nil).Hiring
			got := []string{fmt.Sprintf("%d makers, %d PMs (%d leading), %.2f per PM, want %d, %d PMs short", h.Makers, h.PMs, h.LeadingPMs, h.PerPM, h.WantPerPM, h.PMsShort)}
			var roles []string
			for _, r := range h.Roles {
				roles = append(roles, fmt.Sprintf(" %s %d/%d", r.Role.Name, r.Have, r.Want))
			}
			got = append(got, "roles:"+strings.Join(roles, ","))
			for _, o := range h.OpenFirst {
				got = append(got, fmt.Sprintf("open %s %d: %s", o.Role.Name, o.Short, o.Why))
			}
			var gaps []string
			for _, g := range h.SkillGaps {
				gaps = append(gaps, fmt.Sprintf("%s bar %d best %d", g.Skill.Name, g.Bar, g.Best))
			}
			got = append(got, fmt.Sprintf("top %s, gaps: %s", h.TopRole.Name, cmpOr(strings.Join(gaps, ", "), "none")))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("hiring (-want +got):\n%s", diff)
			}
			if h.Part != (tt.under != "") {
				t.Errorf("part %v for under %q", h.Part, tt.under)
			}
		})
	}
}

func TestTeamHeatmap(t *testing.T) {
	tests := []struct {
		under string
		// Each group: the manager, then a row per person and pillar.
		want []string
	}{
		{"", []string{
			"lee:",
			"  Craft gil: A ● meets 3/3, B ● meets 3/3",
			"  People gil: C ▼ below 3/4",
			"gil:",
			"  Craft pat: A ● meets 2/2, B – not assessed",
			"  Craft pax: A ▼ below 1/2, B ● meets 2/2",
			"  Craft pia: A ▲ above 3/2, B ▲ above 3/2",
			"  People pat: C ▲ above 3/2",
			"  People pax: C ● meets 2/2",
			"  People pia: C ▲ above 4/2",
			"pia:",
			"  Craft ana: A ▲ above 2/1, B ▲ above 2/1",
			"  People ana: C ▲ above 2/1",
		}},
		// Only the managers of the view, and only their people in it.
		{"pia", []string{
			"pia:",
			"  Craft ana: A ▲ above 2/1, B ▲ above 2/1",
			"  People ana: C ▲ above 2/1",
		}},
		{"pax", nil},
	}
	m, cfg := tiny(), tinyConfig()
	people := tinyTeam()
	delete(people[2].Levels, "b") // Pat has no level in b
	for _, tt := range tests {
		t.Run("under "+tt.under, func(t *testing.T) {
			team := tinyView(t, m, cfg, people, tt.under, nil)
			var got []string
			for _, g := range team.Heatmap {
				got = append(got, g.Manager.ID+":")
				for _, hp := range g.Pillars {
					for _, row := range hp.Rows {
						var cells []string
						for i, c := range row.Cells {
							cells = append(cells, hp.Skills[i].Name+" "+c.Symbol())
						}
						got = append(got, fmt.Sprintf("  %s %s: %s", hp.Pillar, row.Person.ID, strings.Join(cells, ", ")))
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("heatmap (-want +got):\n%s", diff)
			}
			// Cells are each person's row, pillar after pillar, in tree order.
			var order []string
			for _, c := range team.Cells() {
				order = append(order, c.Person+"."+c.Skill)
			}
			var want []string
			for _, g := range team.Heatmap {
				for _, p := range g.People {
					want = append(want, p.ID+".a", p.ID+".b", p.ID+".c")
				}
			}
			if diff := cmp.Diff(want, order); diff != "" {
				t.Errorf("cells (-want +got):\n%s", diff)
			}
		})
	}
}
