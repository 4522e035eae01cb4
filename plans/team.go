package plans

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/coach-dev/coach/skills"
)

// The team view is written for the leaders of an organisation, and for the
// people in it, who can read the repository: it holds no private notes (they
// are never loaded) and no one's self-assessment, which reaches it only as
// each manager's average gap in calibration. Like a plan it is a pure
// function of the files: each person's plan, built as `coach plan` builds it,
// and coach.toml; no clock, no commit of its own. Every list has a fixed
// order (the tree's, the ladder's, the matrix's, then ids), and every fact
// sits on a line of its own, so that a promotion, a new mentoring pair or a
// change on the bench is a line or two of a pull request's diff.

// TeamInput is what the team view is computed from.
type TeamInput struct {
	Matrix *skills.Matrix
	Config skills.Config
	// People are everyone in the repository whose file is valid.
	People []*skills.Person
	// Plans are their plans, by person id.
	Plans map[string]*Plan
	// Index is the team index the plans were built with: its mentoring
	// pairs are the team's.
	Index *TeamIndex
	// Under is a person or leader id: the view is of them and everyone
	// under them. Empty: the whole repository.
	Under string
}

// Team is the leader's view of an organisation.
type Team struct {
	// Title names the organisation; WrittenFor its leaders and managers.
	Title      string      `json:"-"`
	Under      *PersonRef  `json:"under,omitempty"`
	WrittenFor []PersonRef `json:"written_for"`
	// Tree is the org tree, one line per person, depth first.
	Tree    []TreeLine    `json:"-"`
	People  []TeamPerson  `json:"people"`
	Heatmap []HeatGroup   `json:"-"`
	Bench   []Bench       `json:"-"`
	StepIn  []StepIn      `json:"step_in"`
	Calib   []Calibration `json:"-"`
	// Managers counts the managers of the whole repository; Compared
	// those of them with MinCalibrationPeople or more people assessed,
	// whom calibration compares.
	Managers int `json:"-"`
	Compared int `json:"-"`
	// Flags are everything a leader should look at about one person, for
	// scripts and the calibration packet; team.md, which every manager
	// reads, shows only FollowUps and ForCalibration: how many there are,
	// and where each is taken up.
	Flags     []Flag      `json:"flags"`
	FollowUps []FlagCount `json:"follow_ups"`
	// ForCalibration counts the flags the calibration packet takes up.
	ForCalibration int             `json:"-"`
	Mentors        []MentorPair    `json:"mentors"`
	Hiring         Hiring          `json:"-"`
	Matrix         *skills.Matrix  `json:"-"`
	Pillars        []skills.Pillar `json:"-"`
}

// TreeLine is one person, or a leader, in the org tree.
type TreeLine struct {
	Indent  string  `json:"-"`
	Depth   int     `json:"depth"`
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	Leader  bool    `json:"leader"`
	Role    string  `json:"role,omitempty"`
	Target  string  `json:"target,omitempty"`
	Verdict Verdict `json:"verdict"`
	Reports int     `json:"reports,omitempty"`
	// Plan links the person's name to their plan, relative to the view's
	// own file: the id stays in the link, the reader sees the name.
	Plan string `json:"-"`
}

// TeamPerson is one person of the view, for scripts.
type TeamPerson struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Role      string     `json:"role"`
	Target    string     `json:"target"`
	Manager   *PersonRef `json:"manager"`
	Readiness Verdict    `json:"readiness"`
	Reports   int        `json:"reports"`
}

// HeatGroup is the heatmap of one manager's direct reports: a table per
// pillar, a row per person, a column per skill. A row is one person, so a
// promotion changes a line of each table, not a line per skill.
type HeatGroup struct {
	Manager PersonRef    `json:"manager"`
	People  []PersonRef  `json:"people"`
	Pillars []HeatPillar `json:"pillars"`
}

// HeatPillar is one pillar's table of a HeatGroup.
type HeatPillar struct {
	Pillar string       `json:"pillar"`
	Skills []SkillRef   `json:"skills"`
	Rows   []HeatPerson `json:"rows"`
}

// HeatPerson is one person's row of a HeatPillar.
type HeatPerson struct {
	Person PersonRef  `json:"person"`
	Cells  []HeatCell `json:"cells"`
}

// HeatCell is one person's level in one skill against their role's bar.
type HeatCell struct {
	Person   string `json:"person"`
	Skill    string `json:"skill"`
	Level    int    `json:"level"`
	Expected int    `json:"expected"`
	// Set is the level in the person's file when their plan counts Level
	// instead: one raised or set lower with no example written down, which
	// counts at the level before it (countedLevels); 0 otherwise.
	Set      int      `json:"set,omitempty"`
	Standing Standing `json:"-"`
}

// Symbol is the cell as the Markdown table shows it: a shape and a word
// that a screen reader reads, and the level against the bar.
func (c HeatCell) Symbol() string {
	set := ""
	if c.Set > 0 {
		set = fmt.Sprintf(" (set at %d with no example)", c.Set)
	}
	switch c.Standing {
	case Exceeds:
		return fmt.Sprintf("▲ above %d/%d%s", c.Level, c.Expected, set)
	case Meets:
		return fmt.Sprintf("● meets %d/%d%s", c.Level, c.Expected, set)
	case Below:
		return fmt.Sprintf("▼ below %d/%d%s", c.Level, c.Expected, set)
	}
	return "– not assessed"
}

// Unbacked reports whether a cell of the heatmap counts a level other than
// the one set: the legend then says why.
func (t *Team) Unbacked() bool {
	return slices.ContainsFunc(t.Cells(), func(c HeatCell) bool { return c.Set > 0 })
}

// countedAs is the level pl counts for skill, set at lvl in the file: the
// level before a raise or lowering with no example written down, as the
// person's plan table says ("4 Leading, counted as 3"); lvl otherwise.
func countedAs(pl *Plan, skill string, lvl int) int {
	if pl == nil {
		return lvl
	}
	for _, row := range pl.Skills {
		if row.ID == skill && row.CountedAs > 0 {
			return row.CountedAs
		}
	}
	return lvl
}

// Bench is one role of the ladder: who holds it and who is ready for it.
type Bench struct {
	Role      RoleRef     `json:"role"`
	Holders   []PersonRef `json:"holders"`
	ReadyNow  []PersonRef `json:"ready_now"`
	ReadySoon []PersonRef `json:"ready_soon"`
	// Thin is true when someone holds the role and nobody is ready for it
	// (an entry role, no role's next, is never thin: it is hired into).
	Thin bool `json:"thin"`
}

// StepIn is a manager and the people under them who could step into their
// role: ready now, then ready in 6-12 months.
type StepIn struct {
	Manager PersonRef   `json:"manager"`
	Role    RoleRef     `json:"role"`
	Who     []Successor `json:"who"`
}

// Successor is a person who could step in, with their verdict.
type Successor struct {
	PersonRef
	Verdict Verdict `json:"verdict"`
}

// Calibration is one manager's ratings against the others'.
type Calibration struct {
	Manager PersonRef   `json:"manager"`
	People  []PersonRef `json:"people"`
	// Mean is the mean, over the manager's people, of each person's mean
	// distance from their role's bar on the skills assessed (levels above
	// it positive). Others is the mean of the other managers' Means.
	Mean   float64 `json:"mean_distance"`
	Others float64 `json:"others_mean_distance"`
	// SelfGap is the mean of self minus manager over every skill where
	// both are given, across the manager's people; SelfCount how many.
	SelfGap   float64 `json:"self_gap"`
	SelfCount int     `json:"self_count"`
	// SelfHidden is set when fewer than MinSelfPeople of the manager's
	// people assessed themselves: an average over one or two people would
	// show their own self-assessments to every reader.
	SelfHidden bool `json:"self_hidden"`
	// Assessed counts the manager's people with a level assessed. TooFew
	// is set when they are fewer than MinCalibrationPeople: a mean over
	// one or two people says more about them than about the manager's
	// ratings, so the manager is neither flagged nor part of the others'
	// mean.
	Assessed int  `json:"assessed"`
	TooFew   bool `json:"too_few"`
	Flagged  bool `json:"flagged"`
	// Note says whose levels are left out of the comparison, and why: a
	// re-baseline nobody has calibrated is a change of rater, and would
	// flag the wrong manager (see rebasedBy).
	Note string `json:"-"`
	// LeftOut counts those people: team.md, which every manager reads,
	// says only how many, and the calibration packet says who and why.
	LeftOut int `json:"-"`
	// AllMean is Mean over every person of the manager's with a level
	// assessed, those left out included; AllAssessed counts them.
	AllMean     float64 `json:"-"`
	AllAssessed int     `json:"-"`
	// Uncounted says it when the manager leaves people out, yet AllMean
	// sits more than CalibrationThreshold from the compared managers'
	// mean, Reference: the leniency (or harshness) the comparison cannot
	// show yet, and whose levels to test first (see uncounted).
	Uncounted string  `json:"-"`
	Reference float64 `json:"-"`
	// Left are the people left out; test names their baseline.
	Left []PersonRef `json:"-"`
	test string
	// on is the date of that baseline.
	on time.Time
}

// MinCalibrationPeople is how many of a manager's people must be assessed
// before calibration compares the manager's ratings with the others'.
const MinCalibrationPeople = 3

// MinSelfPeople is how many of a manager's people must have assessed
// themselves before calibration shows the average gap of their
// self-assessments: the same minimum.
const MinSelfPeople = MinCalibrationPeople

// The kinds of flag.
const (
	FlagPromotion  = "promotion-below-bar"
	FlagStale      = "stale-assessment"
	FlagOverdue    = "overdue-goal"
	FlagNoProgress = "no-focus-progress"
)

// Where a flag is taken up: a flag about a person's own work in the
// agenda of their 1:1 with their manager, who is responsible for it; a flag
// about how someone was assessed or promoted in the calibration packet, for
// the leaders (as is one about a person with no manager in the files).
const (
	FlagInAgenda      = "agenda"
	FlagInCalibration = "calibration"
)

// Flag is one thing a leader should look at about one person, and where it
// is taken up.
type Flag struct {
	Kind   string    `json:"kind"`
	Person PersonRef `json:"person"`
	Detail string    `json:"detail"`
	Where  string    `json:"where"`
	// manager is the id of the person's manager, who takes an agenda flag
	// up with them.
	manager string
}

// FlagCount counts the flags about one manager's people that are taken up in
// the agendas of the manager's 1:1s with them: all that team.md, read by
// every manager, says of them. Call is how team.md names the manager in the
// sentence (their first name, unless someone else has it too).
type FlagCount struct {
	Manager PersonRef `json:"manager"`
	Items   int       `json:"items"`
	Call    string    `json:"-"`
}

// MentorPair is a mentoring pair as the team view shows it.
type MentorPair struct {
	Mentor PersonRef `json:"mentor"`
	Mentee PersonRef `json:"mentee"`
	Skill  SkillRef  `json:"skill"`
	Level  int       `json:"level"`
	Expect int       `json:"expect"`
}

// Hiring compares the team with the shape coach.toml asks for.
type Hiring struct {
	Roles []RoleCount `json:"roles"`
	// Makers are the engineers and designers reporting to the people of the
	// view (their reports). PMs are the people who serve makers as a PM:
	// everyone in a role that does not lead people, and a leader with
	// makers of their own (a Group PM who also runs a product area), whom
	// LeadingPMs counts. A leader without makers is not a PM here: their
	// reports are PMs, counted already.
	Makers     int            `json:"makers"`
	PMs        int            `json:"pms"`
	LeadingPMs int            `json:"leading_pms"`
	PerPM      float64        `json:"makers_per_pm"`
	WantPerPM  int            `json:"want_makers_per_pm"`
	PMsShort   int            `json:"pms_short"`
	SkillGaps  []SkillGapTeam `json:"skill_gaps"`
	// Part is true for a view of part of the tree (--under): the shape in
	// coach.toml is the whole organisation's, so Roles and OpenFirst are
	// left empty.
	Part bool `json:"-"`
	// TopRole is the view's most senior role, whose bar SkillGaps uses.
	TopRole   RoleRef   `json:"top_role"`
	OpenFirst []Opening `json:"open_first"`
}

// RoleCount is how many people hold a role and how many the shape wants.
type RoleCount struct {
	Role RoleRef `json:"role"`
	Have int     `json:"have"`
	Want int     `json:"want"`
}

// SkillGapTeam is a skill that nobody in the view holds at the bar of the
// view's most senior role.
type SkillGapTeam struct {
	Skill SkillRef `json:"skill"`
	Bar   int      `json:"bar"`
	Best  int      `json:"best"`
}

// Opening is a role to open, and why it comes where it does.
type Opening struct {
	Role  RoleRef `json:"role"`
	Short int     `json:"short"`
	Why   string  `json:"why"`
	// Growing is true when someone in the team is ready for the role now
	// or in 6-12 months: an opening may be filled from within.
	Growing bool `json:"growing"`
}

// BuildTeam computes the team view.
func BuildTeam(in TeamInput) (*Team, error) {
	m, cfg := in.Matrix, in.Config
	byID := make(map[string]*skills.Person, len(in.People))
	reports := map[string][]*skills.Person{}
	for _, p := range in.People {
		byID[p.ID] = p
	}
	for _, p := range sortedPeople(in.People) {
		if p.Manager != "" && p.Manager != p.ID {
			reports[p.Manager] = append(reports[p.Manager], p)
		}
	}
	name := func(id string) string {
		if p := byID[id]; p != nil {
			return cmp.Or(p.Name, p.ID)
		}
		if n := in.Index.name(id); n != "" {
			return n // a person whose file has errors: out of the view, named
		}
		if l := cfg.Leader(id); l != nil {
			return l.Name
		}
		return id
	}
	ref := func(id string) PersonRef { return PersonRef{ID: id, Name: name(id)} }
	t := &Team{Matrix: m, Pillars: m.Pillars}

	// The view: the tree under Under, or every tree.
	var roots []string
	if in.Under != "" {
		if byID[in.Under] == nil && cfg.Leader(in.Under) == nil {
			return nil, &skills.UnknownPersonError{ID: in.Under, Closest: skills.CloseIDs(in.Under, append(idsOf(in.People), leaderIDs(cfg)...), 3), OrLeader: true}
		}
		roots = []string{in.Under}
		u := ref(in.Under)
		t.Under = &u
		t.Title = "Team under " + u.Name
	} else {
		seen := map[string]bool{}
		for _, p := range sortedPeople(in.People) {
			top := p.Manager
			if top == "" || byID[top] != nil || top == p.ID {
				if top == "" || top == p.ID {
					roots = append(roots, p.ID)
				}
				continue
			}
			if !seen[top] {
				seen[top] = true
				roots = append(roots, top) // a leader
			}
		}
		slices.SortStableFunc(roots, func(a, b string) int {
			// Leaders first, then people, each by id.
			return cmp.Or(cmp.Compare(boolInt(byID[a] != nil), boolInt(byID[b] != nil)), cmp.Compare(a, b))
		})
		t.Title = "Team"
	}
	var view []*skills.Person // depth first
	inView := map[string]bool{}
	var managers []string // in tree order
	var walk func(id string, depth int)
	walk = func(id string, depth int) {
		if inView[id] {
			return // a cycle: coach check reports it
		}
		inView[id] = true
		line := TreeLine{Indent: strings.Repeat("  ", depth), Depth: depth, ID: id, Name: name(id)}
		if p := byID[id]; p != nil {
			view = append(view, p)
			line.Role, line.Target = roleRef(m, p.Role).Name, roleRef(m, p.TargetRole(m)).Name
			line.Reports = p.Reports
			line.Plan = PlanPath(id)
			if in.Under != "" {
				line.Plan = "../" + line.Plan // from team/ID.md (TeamPath)
			}
			if pl := in.Plans[id]; pl != nil {
				line.Verdict = VerdictOf(pl)
			}
		} else {
			line.Leader = true
		}
		t.Tree = append(t.Tree, line)
		if len(reports[id]) > 0 {
			managers = append(managers, id)
		}
		for _, r := range reports[id] {
			walk(r.ID, depth+1)
		}
	}
	for _, r := range roots {
		walk(r, 0)
	}
	for _, id := range managers {
		t.WrittenFor = append(t.WrittenFor, ref(id))
	}
	if len(t.WrittenFor) == 0 {
		t.WrittenFor = []PersonRef{}
	}

	for _, p := range view {
		tp := TeamPerson{ID: p.ID, Name: name(p.ID), Role: p.Role, Target: p.TargetRole(m), Reports: p.Reports}
		if p.Manager != "" {
			r := ref(p.Manager)
			tp.Manager = &r
		}
		if pl := in.Plans[p.ID]; pl != nil {
			tp.Readiness = VerdictOf(pl)
		}
		t.People = append(t.People, tp)
	}
	if t.People == nil {
		t.People = []TeamPerson{}
	}

	t.heatmap(m, managers, reports, inView, in.Plans, ref)
	t.bench(m, view, in.Plans, ref)
	t.stepIn(m, managers, byID, reports, in.Plans, ref)
	// Calibration compares a manager with every other manager in the
	// repository, whatever part of the tree is shown.
	var all []string
	for id := range reports {
		all = append(all, id)
	}
	slices.Sort(all)
	var newest time.Time // the year dates in words are written against
	for _, p := range in.People {
		if p.Assessed.After(newest) {
			newest = p.Assessed
		}
	}
	t.calibrate(m, all, reports, ref, rebasedBy(in.Plans), newest)
	t.Managers = len(all)
	// In the view's tree order: each manager's place, looked up, not
	// searched for at every comparison.
	place := make(map[string]int, len(managers))
	for i, id := range slices.Backward(managers) {
		place[id] = i // the first place of an id, as slices.Index finds it
	}
	t.Calib = slices.DeleteFunc(t.Calib, func(c Calibration) bool { _, ok := place[c.Manager.ID]; return !ok })
	slices.SortStableFunc(t.Calib, func(a, b Calibration) int {
		return cmp.Compare(place[a.Manager.ID], place[b.Manager.ID])
	})
	if in.Under != "" {
		t.ownBaselines(in.Plans, newest)
	}
	t.flags(m, view, in.People, in.Plans, cfg, ref)
	t.followUps(managers, in.People, cfg, ref)
	t.Mentors = []MentorPair{}
	if in.Index != nil {
		for _, pr := range in.Index.Pairs() {
			if inView[pr.Mentee] {
				t.Mentors = append(t.Mentors, MentorPair{Mentor: ref(pr.Mentor), Mentee: ref(pr.Mentee),
					Skill: skillRef(m, pr.Skill), Level: pr.Level, Expect: pr.Expect})
			}
		}
	}
	t.hiring(m, cfg, view, in.Plans, in.Under != "")
	return t, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func sortedPeople(ps []*skills.Person) []*skills.Person {
	out := slices.Clone(ps)
	slices.SortFunc(out, func(a, b *skills.Person) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

func idsOf(ps []*skills.Person) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}

func leaderIDs(cfg skills.Config) []string {
	var out []string
	for _, l := range cfg.Leaders {
		out = append(out, l.ID)
	}
	return out
}

// heatmap reads each level as the person's own plan counts it (VP cold
// read 20, finding 3: raises with no example showed above the bar).
func (t *Team) heatmap(m *skills.Matrix, managers []string, reports map[string][]*skills.Person, inView map[string]bool, plans map[string]*Plan, ref func(string) PersonRef) {
	for _, mgr := range managers {
		g := HeatGroup{Manager: ref(mgr)}
		var people []*skills.Person
		for _, p := range reports[mgr] {
			if inView[p.ID] {
				people = append(people, p)
				g.People = append(g.People, ref(p.ID))
			}
		}
		for _, pillar := range m.Pillars {
			hp := HeatPillar{Pillar: pillar.Name}
			var skillsOf []*skills.Skill // the pillar's skills, as hp.Skills names them
			for i := range m.Skills {
				if m.Skills[i].Pillar == pillar.ID {
					hp.Skills = append(hp.Skills, ref0(&m.Skills[i]))
					skillsOf = append(skillsOf, m.Skill(m.Skills[i].ID))
				}
			}
			if len(hp.Skills) == 0 {
				continue
			}
			for _, p := range people {
				row := HeatPerson{Person: ref(p.ID), Cells: make([]HeatCell, 0, len(hp.Skills))}
				for j, s := range hp.Skills {
					exp := skillsOf[j].Expect[p.Role]
					lvl := countedAs(plans[p.ID], s.ID, p.Levels[s.ID])
					c := HeatCell{Person: p.ID, Skill: s.ID, Level: lvl, Expected: exp, Standing: StandingOf(lvl, exp)}
					if lvl != p.Levels[s.ID] {
						c.Set = p.Levels[s.ID]
					}
					row.Cells = append(row.Cells, c)
				}
				hp.Rows = append(hp.Rows, row)
			}
			g.Pillars = append(g.Pillars, hp)
		}
		t.Heatmap = append(t.Heatmap, g)
	}
}

func ref0(s *skills.Skill) SkillRef { return SkillRef{ID: s.ID, Name: s.Name} }

// PersonCells are one person's heatmap cells in matrix order, grouped by
// pillar as the tables are.
func (g HeatGroup) PersonCells(i int) []HeatCell {
	var out []HeatCell
	for _, hp := range g.Pillars {
		out = append(out, hp.Rows[i].Cells...)
	}
	return out
}

// Cells are every heatmap cell, person by person in tree order.
func (t *Team) Cells() []HeatCell {
	out := []HeatCell{}
	for _, g := range t.Heatmap {
		for i := range g.People {
			out = append(out, g.PersonCells(i)...)
		}
	}
	return out
}

func (t *Team) bench(m *skills.Matrix, view []*skills.Person, plans map[string]*Plan, ref func(string) PersonRef) {
	for _, r := range m.Roles {
		b := Bench{Role: RoleRef{ID: r.ID, Name: r.Name}, Holders: []PersonRef{}, ReadyNow: []PersonRef{}, ReadySoon: []PersonRef{}}
		for _, p := range view {
			if p.Role == r.ID {
				b.Holders = append(b.Holders, ref(p.ID))
			}
			if p.TargetRole(m) != r.ID || p.Role == r.ID || plans[p.ID] == nil {
				continue
			}
			switch VerdictOf(plans[p.ID]).Kind {
			case "ready-now":
				b.ReadyNow = append(b.ReadyNow, ref(p.ID))
			case "ready-soon":
				b.ReadySoon = append(b.ReadySoon, ref(p.ID))
			}
		}
		if len(b.Holders)+len(b.ReadyNow)+len(b.ReadySoon) == 0 {
			continue
		}
		// An entry role (no role's next) is filled by hiring, not from a bench.
		entry := !slices.ContainsFunc(m.Roles, func(o skills.Role) bool { return o.Next == r.ID })
		b.Thin = !entry && len(b.Holders) > 0 && len(b.ReadyNow)+len(b.ReadySoon) == 0
		t.Bench = append(t.Bench, b)
	}
}

// Apart is true when a manager's ratings stand apart from the other
// managers': team.md then points to the calibration packet, which says whose.
func (t *Team) Apart() bool {
	return slices.ContainsFunc(t.Calib, func(c Calibration) bool { return c.Flagged })
}

// LeftOut are the calibrations that leave someone out of the comparison.
func (t *Team) LeftOut() []Calibration {
	var out []Calibration
	for _, c := range t.Calib {
		if c.LeftOut > 0 {
			out = append(out, c)
		}
	}
	return out
}

// Thin lists the roles someone holds with nobody ready behind them.
func (t *Team) Thin() []Bench {
	var out []Bench
	for _, b := range t.Bench {
		if b.Thin {
			out = append(out, b)
		}
	}
	return out
}

func (t *Team) stepIn(m *skills.Matrix, managers []string, byID map[string]*skills.Person, reports map[string][]*skills.Person, plans map[string]*Plan, ref func(string) PersonRef) {
	t.StepIn = []StepIn{}
	for _, id := range managers {
		mgr := byID[id]
		if mgr == nil {
			continue // a leader has no role in the matrix
		}
		s := StepIn{Manager: ref(id), Role: roleRef(m, mgr.Role), Who: []Successor{}}
		var under []*skills.Person
		var collect func(id string)
		seen := map[string]bool{}
		collect = func(id string) {
			for _, r := range reports[id] {
				if !seen[r.ID] {
					seen[r.ID] = true
					under = append(under, r)
					collect(r.ID)
				}
			}
		}
		collect(id)
		for _, p := range under {
			if p.TargetRole(m) != mgr.Role || p.Role == mgr.Role || plans[p.ID] == nil {
				continue
			}
			if v := VerdictOf(plans[p.ID]); v.Kind == "ready-now" || v.Kind == "ready-soon" {
				s.Who = append(s.Who, Successor{PersonRef: ref(p.ID), Verdict: v})
			}
		}
		slices.SortStableFunc(s.Who, func(a, b Successor) int {
			return cmp.Or(cmp.Compare(boolInt(a.Verdict.Kind != "ready-now"), boolInt(b.Verdict.Kind != "ready-now")), cmp.Compare(a.ID, b.ID))
		})
		t.StepIn = append(t.StepIn, s)
	}
}

// CalibrationThreshold is how far, in levels, a manager's mean distance from
// the bar may sit from the other managers' before a calibration talk.
const CalibrationThreshold = 0.5

// thresholdWords is CalibrationThreshold in words.
const thresholdWords = "half a level"

func (t *Team) calibrate(m *skills.Matrix, managers []string, reports map[string][]*skills.Person, ref func(string) PersonRef, rebased map[string]Baseline, today time.Time) {
	for _, id := range managers {
		c := Calibration{Manager: ref(id)}
		var sum float64
		var n int
		// selfPeople counts every report who assessed themselves, those
		// left out of the comparison too (cold read 9, finding 25: a
		// re-baselined report's self-assessment is still one); selfIn
		// those whose gap is averaged, which is shown only over enough
		// people.
		var selfSum, selfPeople, selfIn int
		var left []*skills.Person
		var allSum float64
		for _, p := range reports[id] {
			c.People = append(c.People, ref(p.ID))
			if len(p.Self) > 0 {
				selfPeople++
			}
			if d, ok := meanDistance(m, p); ok {
				allSum += d
				c.AllAssessed++
			}
			if _, ok := rebased[p.ID]; ok {
				left = append(left, p)
				c.Left = append(c.Left, ref(p.ID))
				continue
			}
			if len(p.Self) > 0 {
				selfIn++
			}
			d, k := 0, 0
			for _, s := range m.Skills {
				lvl, ok := p.Levels[s.ID]
				if !ok {
					continue
				}
				d += lvl - s.Expect[p.Role]
				k++
				if self, ok := p.Self[s.ID]; ok {
					selfSum += self - lvl
					c.SelfCount++
				}
			}
			if k > 0 {
				sum += float64(d) / float64(k)
				n++
			}
		}
		if n > 0 {
			c.Mean = round2(sum / float64(n))
		}
		c.Assessed, c.TooFew = n, n < MinCalibrationPeople
		c.Note, c.LeftOut = leftOutNote(left, rebased, ref, ref(id).Name), len(left)
		if c.AllAssessed > 0 {
			c.AllMean = round2(allSum / float64(c.AllAssessed))
		}
		c.test = testFirst(left, rebased, ref, ref(id).Name, today)
		if len(left) > 0 {
			_, _, on := baselineOf(left, rebased, ref, ref(id).Name)
			c.on, _ = time.Parse(time.DateOnly, on)
		}
		switch {
		case selfPeople > 0 && selfIn < MinSelfPeople:
			c.SelfCount, c.SelfHidden = 0, true
		case c.SelfCount > 0:
			c.SelfGap = round2(float64(selfSum) / float64(c.SelfCount))
		}
		t.Calib = append(t.Calib, c)
	}
	// Each manager against the mean of the others who have enough people
	// to compare; only those are flagged, and only when there are two.
	for _, c := range t.Calib {
		if !c.TooFew {
			t.Compared++
		}
	}
	t.uncounted()
	if t.Compared < 2 {
		return
	}
	for i := range t.Calib {
		c := &t.Calib[i]
		var sum float64
		var k int
		for j, o := range t.Calib {
			if j != i && !o.TooFew {
				sum += o.Mean
				k++
			}
		}
		c.Others = round2(sum / float64(k))
		c.Flagged = !c.TooFew && math.Abs(c.Mean-c.Others) > CalibrationThreshold
	}
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// meanDistance is p's mean distance from their role's bar over the skills
// assessed; false when none is.
func meanDistance(m *skills.Matrix, p *skills.Person) (float64, bool) {
	d, k := 0, 0
	for _, s := range m.Skills {
		if lvl, ok := p.Levels[s.ID]; ok {
			d += lvl - s.Expect[p.Role]
			k++
		}
	}
	if k == 0 {
		return 0, false
	}
	return float64(d) / float64(k), true
}

// uncounted marks the managers whose ratings the comparison cannot judge
// yet and who stand apart all the same: a manager not compared, or who
// leaves people out for a new baseline nobody has calibrated, whose mean
// over all their people sits more than CalibrationThreshold (the gap that
// flags a compared manager) from the compared managers' mean. Only a
// manager with such a baseline is marked: it is the assessment to test
// first, and a mean over one or two people with settled levels says more
// about them than about their manager. With no other manager compared
// there is nothing to stand apart from, and nothing is said.
func (t *Team) uncounted() {
	for i := range t.Calib {
		c := &t.Calib[i]
		if c.LeftOut == 0 || c.test == "" {
			continue
		}
		var names []string
		var sum float64
		for j, o := range t.Calib {
			if j != i && !o.TooFew {
				names = append(names, o.Manager.Name)
				sum += o.Mean
			}
		}
		if len(names) == 0 {
			continue
		}
		c.Reference = round2(sum / float64(len(names)))
		if math.Abs(c.AllMean-c.Reference) <= CalibrationThreshold {
			continue
		}
		// No number that depends on the people left out: team.md is merged
		// line by line, and a line summing the levels of two people edited
		// on two branches would be stale after a rebase. The sentence
		// changes only when the gap crosses the threshold.
		against := "the compared managers'"
		if len(names) == 1 {
			against = names[0] + "'s"
		}
		way := "higher against"
		switch {
		case c.AllMean > c.Reference && c.Reference >= 0:
			way = "further above"
		case c.AllMean < c.Reference && c.Reference <= 0:
			way = "further below"
		case c.AllMean < c.Reference:
			way = "lower against"
		}
		all := fmt.Sprintf("all %d", c.AllAssessed)
		switch {
		case c.AllAssessed == 2:
			all = "both"
		case c.AllAssessed < len(countWords):
			all = "all " + countWords[c.AllAssessed]
		}
		c.Uncounted = fmt.Sprintf("With %s counted, %s's people sit more than %s %s their bar than %s: test %s, which the table leaves out, hardest in calibration.",
			all, c.Manager.Name, thresholdWords, way, against, c.test)
	}
}

// ownBaselines rewrites, for a view of part of the tree (--under), what
// the calibration says of a manager whose new baseline is left out: the
// view is read by the managers in it, and says nothing of the people
// outside it, so not how the manager's people compare with another
// manager's, only when their baseline is calibrated, and with whom: "Ben
// Okoro and Chloe Martin are left out until your baseline of 18 November
// is tested in calibration with Priya Shah by 18 December." It is "your" when
// the manager is the view's only reader.
func (t *Team) ownBaselines(plans map[string]*Plan, today time.Time) {
	for i := range t.Calib {
		c := &t.Calib[i]
		c.Uncounted = ""
		if c.LeftOut == 0 || c.on.IsZero() {
			continue
		}
		var names []string
		with, by := "", ""
		for _, p := range c.Left {
			names = append(names, p.Name)
			if pl := plans[p.ID]; pl != nil && by == "" {
				with, by = pl.calibrateWith, pl.CalibrateBy()
			}
		}
		whose := c.Manager.Name + "'s"
		if len(t.WrittenFor) == 1 && t.WrittenFor[0].ID == c.Manager.ID {
			whose = "your"
		}
		when := ""
		if d, err := time.Parse(time.DateOnly, by); err == nil {
			when = " by " + longDate(d, today)
		}
		c.Uncounted = fmt.Sprintf("%s %s left out until %s baseline of %s is tested in calibration with %s%s.",
			andList(names), isAre(len(names)), whose, longDate(c.on, today), cmp.Or(with, "the other managers"), when)
	}
}

// testFirst names a new baseline nobody has calibrated, the assessment to
// test first: "Sam Lee's new baseline of Ben Okoro and Chloe Martin (18
// November)".
func testFirst(left []*skills.Person, rebased map[string]Baseline, ref func(string) PersonRef, manager string, today time.Time) string {
	if len(left) == 0 {
		return ""
	}
	names, by, on := baselineOf(left, rebased, ref, manager)
	day, err := time.Parse(time.DateOnly, on)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s's new baseline of %s (%s)", by, andList(names), longDate(day, today))
}

// baselineOf is who a manager's uncalibrated new baseline covers, by name,
// who set it (its commit's author, else the manager) and its latest date.
func baselineOf(left []*skills.Person, rebased map[string]Baseline, ref func(string) PersonRef, manager string) (names []string, by, on string) {
	for _, p := range left {
		names = append(names, ref(p.ID).Name)
		b := rebased[p.ID]
		by, on = cmp.Or(b.Author, manager), max(on, b.Date)
	}
	return names, by, on
}

// leftOutNote says whose levels a manager's calibration leaves out, and
// why: "Ben Okoro and Chloe Martin: left out, as Sam Lee's re-baseline of
// their levels (2026-11-18) is not calibrated yet; compare again once it
// is." The calibration packet says it; team.md only counts them.
func leftOutNote(left []*skills.Person, rebased map[string]Baseline, ref func(string) PersonRef, manager string) string {
	if len(left) == 0 {
		return ""
	}
	names, by, on := baselineOf(left, rebased, ref, manager)
	return fmt.Sprintf("%s: left out of %s's comparison, as %s's re-baseline of their levels (%s) is not calibrated yet; compare again once it is.",
		andList(names), manager, by, on)
}

// rebasedBy is, by person id, the latest baseline of each plan that is a
// re-baseline nobody has calibrated: a change of rater, whose levels say
// nothing yet of how their manager rates.
func rebasedBy(plans map[string]*Plan) map[string]Baseline {
	out := map[string]Baseline{}
	for id, pl := range plans {
		if b := pl.Baseline; b != nil && !b.Calibrated && b.Kind != "first" {
			out[id] = *b
		}
	}
	return out
}

// Direction says how a calibration's mean compares with the others'.
func (c Calibration) Direction() string {
	if c.Mean > c.Others {
		return "above"
	}
	return "below"
}

// Diff is the distance between the manager's mean and the others'.
func (c Calibration) Diff() float64 { return round2(math.Abs(c.Mean - c.Others)) }

func (t *Team) flags(m *skills.Matrix, view, everyone []*skills.Person, plans map[string]*Plan, cfg skills.Config, ref func(string) PersonRef) {
	t.Flags = []Flag{}
	var newest time.Time
	for _, p := range everyone {
		if p.Assessed.After(newest) {
			newest = p.Assessed
		}
	}
	for _, p := range view {
		pl := plans[p.ID]
		if pl == nil {
			continue
		}
		who := ref(p.ID)
		add := func(kind, format string, args ...any) {
			where := FlagInCalibration
			if (kind == FlagOverdue || kind == FlagNoProgress) && p.Manager != "" && p.Manager != p.ID {
				where = FlagInAgenda
			}
			t.Flags = append(t.Flags, Flag{Kind: kind, Person: who, Detail: fmt.Sprintf(format, args...), Where: where, manager: p.Manager})
		}
		for _, rc := range pl.Progress.Roles {
			if len(pl.Current.Below) > 0 && rc.To.ID == p.Role {
				var below []string
				for _, g := range pl.Current.Below {
					below = append(below, fmt.Sprintf("%s %d, bar %d", g.Name, g.Level, g.Expect))
				}
				add(FlagPromotion, "promoted from %s to %s while below its bar on %s: %s",
					rc.From.Name, rc.To.Name, plural(len(below), "skill"), strings.Join(below, "; "))
			}
		}
		switch {
		case p.Assessed.IsZero():
			add(FlagStale, "no assessed date in %s", p.Path)
		case !newest.IsZero():
			if days := int(newest.Sub(p.Assessed).Hours() / 24); days > cfg.Team.ReviewCycleDays {
				add(FlagStale, "assessed %s, %d days before the newest assessment in the team (%s); the review cycle is %d days",
					date(p.Assessed), days, date(newest), cfg.Team.ReviewCycleDays)
			}
		}
		for _, g := range pl.Goals {
			if g.Overdue {
				add(FlagOverdue, "goal due %s, overdue on %s: %s", g.Due, pl.Today.Date, g.Text)
			}
		}
		if days, names, ok := NoFocusProgress(p, pl, cfg.Team.ReviewCycleDays); ok {
			add(FlagNoProgress, "no focus skill has gone up a level in the %d days since %s: %s", days, pl.Progress.Since, strings.Join(names, ", "))
		}
	}
}

// NoFocusProgress reports whether none of p's focus skills has gone up a
// level (by growth, not a batch raise) in the plan period, once the period
// is longer than the review cycle: how many days, and the focus skills. A
// plan period younger than the review cycle has had no time to show
// progress, and progress counted from a baseline has a new start.
func NoFocusProgress(p *skills.Person, pl *Plan, cycleDays int) (int, []string, bool) {
	days := int(pl.Today.day.Sub(p.PlanStart).Hours() / 24)
	if !pl.Progress.Known || pl.Progress.Baseline != nil || len(pl.Focus) == 0 || days <= cycleDays {
		return 0, nil, false
	}
	var names []string
	for _, f := range pl.Focus {
		names = append(names, f.Name)
		for _, mv := range pl.Progress.Moves {
			if mv.ID == f.ID && mv.To > mv.From && mv.RaisedOn == "" {
				return 0, nil, false
			}
		}
	}
	return days, names, true
}

// followUps counts the agenda flags by the manager who takes them up, in
// the view's tree order, and the calibration packet's.
func (t *Team) followUps(managers []string, everyone []*skills.Person, cfg skills.Config, ref func(string) PersonRef) {
	t.FollowUps = []FlagCount{}
	count := map[string]int{}
	for _, f := range t.Flags {
		if f.Where == FlagInAgenda {
			count[f.manager]++
		} else {
			t.ForCalibration++
		}
	}
	firsts := map[string]int{}
	for _, p := range everyone {
		firsts[firstWord(p.Name)]++
	}
	for _, l := range cfg.Leaders {
		firsts[firstWord(l.Name)]++
	}
	// The view's managers in tree order, then the manager, outside the
	// view, of a person at its top.
	order := slices.Clone(managers)
	var outside []string
	for id := range count {
		if !slices.Contains(managers, id) {
			outside = append(outside, id)
		}
	}
	slices.Sort(outside)
	for _, id := range append(order, outside...) {
		if count[id] == 0 {
			continue
		}
		r := ref(id)
		call := firstWord(r.Name)
		if call == "" || firsts[call] > 1 {
			call = r.Name
		}
		t.FollowUps = append(t.FollowUps, FlagCount{Manager: r, Items: count[id], Call: call})
	}
}

// readyNowLine says who is ready now for a role short of people: promote
// them, then backfill the seat they leave (named when they share one).
func readyNowLine(m *skills.Matrix, view []*skills.Person, now []PersonRef) string {
	names, seats := make([]string, len(now)), map[string]bool{}
	seat := ""
	for i, n := range now {
		names[i] = n.Name
		for _, p := range view {
			if p.ID == n.ID {
				if r := m.Role(p.Role); r != nil {
					seats[r.ID], seat = true, r.Name
				}
			}
		}
	}
	back := backfill(len(now), seats, seat)
	return fmt.Sprintf("%s %s ready now: promote, then backfill %s", andList(names), isAre(len(now)), back)
}

func (t *Team) hiring(m *skills.Matrix, cfg skills.Config, view []*skills.Person, plans map[string]*Plan, part bool) {
	h := Hiring{Roles: []RoleCount{}, SkillGaps: []SkillGapTeam{}, OpenFirst: []Opening{}, WantPerPM: cfg.Team.MakersPerPM}
	have, left := shapeHave(m, view)
	top := -1
	for _, p := range view {
		h.Makers += p.Reports
		if r := m.Role(p.Role); r != nil {
			switch {
			case !r.Leads:
				h.PMs++
			case p.Reports > 0:
				h.PMs++
				h.LeadingPMs++
			}
		}
		top = max(top, m.RoleRank(p.Role))
	}
	thin := map[string]bool{}
	readyNow := map[string][]PersonRef{}
	for _, b := range t.Bench {
		thin[b.Role.ID] = len(b.ReadyNow)+len(b.ReadySoon) == 0
		readyNow[b.Role.ID] = b.ReadyNow
	}
	h.Part = part
	for _, r := range m.Roles {
		want, ok := cfg.Team.Shape[r.ID]
		if !ok || part {
			continue
		}
		rc := RoleCount{Role: RoleRef{ID: r.ID, Name: r.Name}, Have: have[r.ID], Want: want}
		h.Roles = append(h.Roles, rc)
		if short := want - rc.Have; short > 0 {
			o := Opening{Role: rc.Role, Short: short, Why: fmt.Sprintf("%d of %d", rc.Have, want)}
			if len(left[r.ID]) > 0 {
				o.Why += ", as " + handingOver(left[r.ID], r.Name)
			}
			if now := readyNow[r.ID]; len(now) > 0 {
				// Cold read 14, finding 13: someone ready now is named, and
				// the seat they leave.
				o.Growing = true
				o.Why += "; " + readyNowLine(m, view, now)
			} else if nobody, onBench := thin[r.ID]; onBench && !nobody {
				o.Growing = true
				o.Why += "; someone in the team is getting ready for it, so one opening may be filled from within"
			} else {
				o.Why += "; nobody in the team is ready to move into it"
			}
			h.OpenFirst = append(h.OpenFirst, o)
		}
	}
	if h.PMs > 0 {
		h.PerPM = round2(float64(h.Makers) / float64(h.PMs))
	}
	if cfg.Team.MakersPerPM > 0 && h.Makers > 0 {
		need := (h.Makers + cfg.Team.MakersPerPM - 1) / cfg.Team.MakersPerPM
		h.PMsShort = max(0, need-h.PMs)
	}
	// Open first: roles nobody is ready to grow into, then the largest
	// shortfall, then up the ladder.
	slices.SortStableFunc(h.OpenFirst, func(a, b Opening) int {
		return cmp.Or(cmp.Compare(boolInt(a.Growing), boolInt(b.Growing)), cmp.Compare(b.Short, a.Short), cmp.Compare(m.RoleRank(a.Role.ID), m.RoleRank(b.Role.ID)))
	})
	if top >= 0 {
		role := m.Roles[top]
		for i := range m.Skills {
			s := &m.Skills[i]
			bar, best := s.Expect[role.ID], 0
			for _, p := range view {
				// As each person's plan counts it, as the heatmap shows it.
				best = max(best, countedAs(plans[p.ID], s.ID, p.Levels[s.ID]))
			}
			if best < bar {
				h.SkillGaps = append(h.SkillGaps, SkillGapTeam{Skill: ref0(s), Bar: bar, Best: best})
			}
		}
		h.TopRole = RoleRef{ID: role.ID, Name: role.Name}
	}
	t.Hiring = h
}

// backfill names the seats that n people promoted now leave, of the roles
// in seats (seat, the name of one of them): the team view and a leader's
// plan say it the same way.
func backfill(n int, seats map[string]bool, seat string) string {
	switch {
	case len(seats) == 1 && n == 1:
		return article(seat)
	case len(seats) == 1:
		return "the " + seat + " seats"
	case n == 1:
		return "the seat they leave"
	}
	return "the seats they leave"
}
