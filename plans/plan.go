// Package plans computes what coach generates, as plain data: a person's
// individual development plan (this file), and from it the weekly 1:1
// agenda and the pull-request summary. It reads no files and no clock: the
// matrix, the people, their history and any date come in as values, so the
// same inputs always give the same plan.
package plans

import (
	"fmt"
	"hash/fnv"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/coach-dev/coach/skills"
)

// Standing is how a level compares with an expected level.
type Standing string

// The standings of a skill against a role's expectation.
const (
	Below       Standing = "below"
	Meets       Standing = "meets"
	Exceeds     Standing = "exceeds"
	NotAssessed Standing = "not assessed"
)

// StandingOf compares level with expect; level 0 is not assessed.
func StandingOf(level, expect int) Standing {
	switch {
	case level == 0:
		return NotAssessed
	case level < expect:
		return Below
	case level > expect:
		return Exceeds
	}
	return Meets
}

// Input is everything a plan is computed from.
type Input struct {
	Matrix *skills.Matrix
	Config skills.Config
	Person *skills.Person
	// Team is every person in the repository, the person included; it
	// decides who could mentor whom.
	Team []*skills.Person
	// Index is IndexTeam(Matrix, Config, Team), computed once for a run that
	// plans many people; nil computes it here.
	Index *TeamIndex
	// History is the committed history of the person's skill file before
	// its latest change (any order): when the file as it is now is the
	// version committed at HEAD, the changes of that commit are left out
	// (see Committed). It gives the progress section's starting point.
	History []skills.Change
}

// Plan is an individual development plan.
type Plan struct {
	Person Who        `json:"person"`
	Role   RoleRef    `json:"role"`
	Target RoleRef    `json:"target"`
	Skills []SkillRow `json:"skills"`
	// Readiness is measured against the target role; Current against the
	// person's own role.
	Readiness Readiness `json:"readiness"`
	Current   Readiness `json:"current"`
	// Shifts are the transition's changes of mindset; empty when the matrix
	// has no transition for role -> target.
	Shifts []string `json:"shifts"`
	Focus  []Focus  `json:"focus"`
	// AssessFirst are skills with no level: they are not guessed.
	AssessFirst []SkillRef `json:"assess_first"`
	// Ready is true when every assessed skill meets the target's bar;
	// Stretch then names the role after the target, if any.
	Ready     bool       `json:"ready"`
	Stretch   *RoleRef   `json:"stretch,omitempty"`
	Strengths []Strength `json:"strengths"`
	// Mentors are the teammates `coach team` pairs with the person on their
	// focus skills; Mentoring the people this person mentors, a strength
	// put to use.
	Mentors       []MentorLink   `json:"mentors"`
	Mentoring     []MentorLink   `json:"mentoring"`
	Conversations []Conversation `json:"conversations"`
	Goals         []GoalItem     `json:"goals"`
	Progress      Progress       `json:"progress"`
	// Today is the plan's "today", read from the skill file.
	Today Today `json:"today"`
}

// Who names the person.
type Who struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Path    string `json:"path"`
	Manager string `json:"manager,omitempty"`
	// ManagerName is the manager's name, from their skill file or their
	// [[leader]] in coach.toml.
	ManagerName string `json:"manager_name,omitempty"`
	PlanStart   string `json:"plan_start,omitempty"`
}

// RoleRef names a role.
type RoleRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Default is true when the target was not written in the skill file
	// and comes from the role's next.
	Default bool `json:"default,omitempty"`
}

// SkillRef names a skill.
type SkillRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// SkillRow is one skill's line in the plan's table.
type SkillRow struct {
	SkillRef
	Pillar       string   `json:"pillar"`
	Level        int      `json:"level"`
	LevelName    string   `json:"level_name"`
	ExpectRole   int      `json:"expect_role"`
	ExpectTarget int      `json:"expect_target"`
	Standing     Standing `json:"standing"`
}

// Readiness counts the skills at or above a role's bar.
type Readiness struct {
	Role     RoleRef `json:"role"`
	Met      int     `json:"met"`
	Total    int     `json:"total"`
	Assessed int     `json:"assessed"`
	// Gap is the sum of levels missing to reach the bar.
	Gap   int        `json:"gap"`
	Below []SkillGap `json:"below"`
}

// SkillGap is a skill below a bar.
type SkillGap struct {
	SkillRef
	Level  int `json:"level"`
	Expect int `json:"expect"`
}

// Focus is one focus skill of the plan, with why it was chosen and what to do.
type Focus struct {
	SkillRef
	Pillar   string   `json:"pillar"`
	Personas []string `json:"personas"`
	Pinned   bool     `json:"pinned"`
	// BelowRole is true when the person is below their own role's bar.
	BelowRole bool      `json:"below_role"`
	Gap       int       `json:"gap"`
	Weight    float64   `json:"weight"`
	Why       string    `json:"why"`
	Level     LevelText `json:"level"`
	Next      LevelText `json:"next"`
	Expect    int       `json:"expect"`
	Actions   []Action  `json:"actions"`
	Question  string    `json:"question"`
	Goals     []string  `json:"goals"`
	Evidence  []string  `json:"evidence"`
}

// LevelText is a level with its name and what it looks like for a skill.
type LevelText struct {
	Value      int    `json:"value"`
	Name       string `json:"name"`
	Descriptor string `json:"descriptor"`
}

// Action is something to do, and the evidence that will show it was done.
type Action struct {
	Text     string `json:"text"`
	Evidence string `json:"evidence"`
}

// Strength is a skill above the target's bar, and the teammates `coach team`
// pairs with this person to mentor in it.
type Strength struct {
	SkillRef
	Level     int      `json:"level"`
	LevelName string   `json:"level_name"`
	Expect    int      `json:"expect"`
	Mentees   []string `json:"mentees"`
}

// Conversation is a skill where the self-assessment and the manager's differ.
type Conversation struct {
	SkillRef
	Self        int    `json:"self"`
	SelfName    string `json:"self_name"`
	Manager     int    `json:"manager"`
	ManagerName string `json:"manager_name"`
}

// GoalItem is a goal with its due date.
type GoalItem struct {
	Text    string     `json:"text"`
	Skills  []SkillRef `json:"skills"`
	Due     string     `json:"due,omitempty"`
	Overdue bool       `json:"overdue"`
}

// Build computes the plan of in.Person. The skill file is expected to be
// valid (see skills.Repo.Valid); unknown ids are skipped, never guessed.
func Build(in Input) (*Plan, error) {
	m, p := in.Matrix, in.Person
	role := m.Role(p.Role)
	if role == nil {
		return nil, fmt.Errorf("%s: unknown role %q", p.Path, p.Role)
	}
	targetID := p.TargetRole(m)
	target := m.Role(targetID)
	if target == nil {
		return nil, fmt.Errorf("%s: unknown target role %q", p.Path, targetID)
	}
	pl := &Plan{
		Person: Who{ID: p.ID, Name: p.Name, Path: p.Path, Manager: p.Manager, PlanStart: date(p.PlanStart)},
		Role:   RoleRef{ID: role.ID, Name: role.Name},
		Target: RoleRef{ID: target.ID, Name: target.Name, Default: p.Target == ""},
	}
	for _, s := range m.Skills {
		lvl := p.Levels[s.ID]
		pl.Skills = append(pl.Skills, SkillRow{
			SkillRef: ref(&s), Pillar: pillarName(m, s.Pillar), Level: lvl, LevelName: levelName(m, lvl),
			ExpectRole: s.Expect[role.ID], ExpectTarget: s.Expect[target.ID],
			Standing: StandingOf(lvl, s.Expect[target.ID]),
		})
		if lvl == 0 {
			pl.AssessFirst = append(pl.AssessFirst, ref(&s))
		}
	}
	pl.Readiness = readiness(m, p, target)
	pl.Current = readiness(m, p, role)
	if t := m.Transition(role.ID, target.ID); t != nil && role.ID != target.ID {
		pl.Shifts = t.Shifts
	}
	team := in.Index
	if team == nil {
		team = IndexTeam(m, in.Config, in.Team)
	}
	pl.Focus = focus(in, role, target)
	if len(pl.Readiness.Below) == 0 && pl.Readiness.Assessed > 0 {
		pl.Ready = true
		if target.Next != "" {
			if next := m.Role(target.Next); next != nil {
				pl.Stretch = &RoleRef{ID: next.ID, Name: next.Name}
			}
		}
	}
	if pl.Ready && pl.Stretch != nil && len(pl.Focus) == 0 {
		// Nothing left to close for the target: stretch towards the next role.
		pl.Focus = focus(in, role, m.Role(pl.Stretch.ID))
	}
	pl.Strengths = strengths(in, target, team)
	pl.Person.ManagerName = team.names[p.Manager]
	pl.Mentors, pl.Mentoring = team.mentoring(m, p.ID)
	pl.Conversations = conversations(m, p)
	pl.Today = TodayOf(p)
	pl.Goals = goals(m, p, pl.Today.day)
	pl.Progress = progress(m, p, in.History, pl.Today.day)
	return pl, nil
}

func ref(s *skills.Skill) SkillRef { return SkillRef{ID: s.ID, Name: s.Name} }

func roleRef(m *skills.Matrix, id string) RoleRef {
	if r := m.Role(id); r != nil {
		return RoleRef{ID: r.ID, Name: r.Name}
	}
	return RoleRef{ID: id, Name: id}
}

func skillRef(m *skills.Matrix, id string) SkillRef {
	if s := m.Skill(id); s != nil {
		return ref(s)
	}
	return SkillRef{ID: id, Name: id}
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func levelName(m *skills.Matrix, n int) string {
	if l := m.Level(n); l != nil {
		return l.Name
	}
	return "not assessed"
}

func pillarName(m *skills.Matrix, id string) string {
	if p := m.Pillar(id); p != nil {
		return p.Name
	}
	return id
}

func readiness(m *skills.Matrix, p *skills.Person, r *skills.Role) Readiness {
	rd := Readiness{Role: RoleRef{ID: r.ID, Name: r.Name}, Total: len(m.Skills)}
	for _, s := range m.Skills {
		lvl, ok := p.Levels[s.ID]
		if !ok {
			continue
		}
		rd.Assessed++
		exp := s.Expect[r.ID]
		if lvl >= exp {
			rd.Met++
			continue
		}
		rd.Gap += exp - lvl
		rd.Below = append(rd.Below, SkillGap{SkillRef: ref(&s), Level: lvl, Expect: exp})
	}
	return rd
}

// weight is the target role's emphasis on the skill: the strongest of the
// personas the skill serves (a missing emphasis counts as 1).
func weight(s *skills.Skill, target *skills.Role) float64 {
	w := 0.0
	for _, persona := range s.Personas {
		e, ok := target.Emphasis[persona]
		if !ok {
			e = 1
		}
		w = max(w, e)
	}
	return w
}

type candidate struct {
	skill     *skills.Skill
	pinned    bool
	belowRole bool
	gap       int
	weight    float64
}

func (c candidate) score() float64 { return float64(c.gap) * c.weight }

// rank orders the candidate focus skills: pinned ones first in the file's
// order, then skills below the person's own role's bar, then by gap to the
// target weighted by the target's persona emphasis; ties by skill id.
// Unassessed skills are never ranked.
func rank(m *skills.Matrix, p *skills.Person, role, target *skills.Role) []candidate {
	var pinned, rest []candidate
	for _, id := range p.Focus {
		s := m.Skill(id)
		if s == nil || slices.ContainsFunc(pinned, func(c candidate) bool { return c.skill.ID == id }) {
			continue
		}
		lvl := p.Levels[id]
		pinned = append(pinned, candidate{skill: s, pinned: true, belowRole: lvl > 0 && lvl < s.Expect[role.ID],
			gap: max(0, s.Expect[target.ID]-lvl), weight: weight(s, target)})
	}
	for i := range m.Skills {
		s := &m.Skills[i]
		lvl, ok := p.Levels[s.ID]
		if !ok || slices.Contains(p.Focus, s.ID) {
			continue
		}
		c := candidate{skill: s, belowRole: lvl < s.Expect[role.ID], gap: s.Expect[target.ID] - lvl, weight: weight(s, target)}
		if c.gap > 0 || c.belowRole {
			rest = append(rest, c)
		}
	}
	sort.SliceStable(rest, func(i, j int) bool {
		a, b := rest[i], rest[j]
		if a.belowRole != b.belowRole {
			return a.belowRole
		}
		if a.score() != b.score() {
			return a.score() > b.score()
		}
		return a.skill.ID < b.skill.ID
	})
	return append(pinned, rest...)
}

// focusIDs is the plan's focus skills for p, as ids.
func focusIDs(m *skills.Matrix, cfg skills.Config, p *skills.Person) []string {
	role, target := m.Role(p.Role), m.Role(p.TargetRole(m))
	if role == nil || target == nil {
		return nil
	}
	var out []string
	for _, c := range rank(m, p, role, target) {
		if len(out) == cfg.Plan.Focus {
			break
		}
		out = append(out, c.skill.ID)
	}
	return out
}

// TeamIndex is what a plan needs to know of everyone else: each person's
// focus skills, the team's mentoring pairs and everyone's names. Computing
// it once keeps a team's plans linear in its size.
type TeamIndex struct {
	focus map[string][]string
	// pairs are the team's mentoring pairs (see Match), by mentor and by
	// mentee; names are everyone's names, leaders' included, by id.
	pairs    []Pair
	byMentor map[string][]Pair
	byMentee map[string][]Pair
	names    map[string]string
}

// IndexTeam computes the TeamIndex of team.
func IndexTeam(m *skills.Matrix, cfg skills.Config, team []*skills.Person) *TeamIndex {
	ix := &TeamIndex{focus: make(map[string][]string, len(team))}
	for _, q := range team {
		ids := focusIDs(m, cfg, q)
		ix.focus[q.ID] = ids
	}
	ix.index(m, cfg, team)
	return ix
}

// Focus returns the focus skill ids of person id.
func (ix *TeamIndex) Focus(id string) []string { return ix.focus[id] }

func focus(in Input, role, target *skills.Role) []Focus {
	m, p := in.Matrix, in.Person
	cands := rank(m, p, role, target)
	if len(cands) > in.Config.Plan.Focus {
		cands = cands[:in.Config.Plan.Focus]
	}
	var out []Focus
	for _, c := range cands {
		s := c.skill
		lvl := p.Levels[s.ID]
		next := min(lvl+1, m.MaxLevel())
		f := Focus{
			SkillRef: ref(s), Pillar: pillarName(m, s.Pillar), Pinned: c.pinned, BelowRole: c.belowRole,
			Gap: c.gap, Weight: c.weight, Expect: s.Expect[target.ID],
			Level:    levelText(m, s, lvl),
			Next:     levelText(m, s, next),
			Question: question(p.ID, s, next, role.Leads),
		}
		for _, persona := range s.Personas {
			if pp := m.Persona(persona); pp != nil {
				f.Personas = append(f.Personas, pp.Name)
			}
		}
		f.Why = why(m, c, role, target, lvl)
		for _, g := range p.Goals {
			if slices.Contains(g.Skills, s.ID) {
				f.Goals = append(f.Goals, g.Text)
			}
		}
		for _, e := range p.Evidence {
			if e.Skill == s.ID {
				f.Evidence = append(f.Evidence, fmt.Sprintf("%s: %s", date(e.Date), e.Text))
			}
		}
		f.Actions = actions(s, p, lvl, next, role.Leads)
		out = append(out, f)
	}
	return out
}

func levelText(m *skills.Matrix, s *skills.Skill, lvl int) LevelText {
	lt := LevelText{Value: lvl, Name: levelName(m, lvl)}
	if lvl >= 1 && lvl <= len(s.Descriptors) {
		lt.Descriptor = s.Descriptors[lvl-1]
	}
	return lt
}

func why(m *skills.Matrix, c candidate, role, target *skills.Role, lvl int) string {
	var parts []string
	if c.pinned {
		parts = append(parts, "pinned in the skill file")
	}
	switch {
	case lvl == 0:
		parts = append(parts, "not assessed yet: assess it in the next 1:1")
	case c.belowRole:
		parts = append(parts, fmt.Sprintf("below the %s bar of %d for the current role: this comes first", role.Name, c.skill.Expect[role.ID]))
	}
	if lvl > 0 && c.gap > 0 {
		parts = append(parts, fmt.Sprintf("%s below the %s bar of %d", plural(c.gap, "level"), target.Name, c.skill.Expect[target.ID]))
	}
	if lvl > 0 && c.gap <= 0 && !c.belowRole {
		parts = append(parts, fmt.Sprintf("already at the %s bar; the next level makes it a strength", target.Name))
	}
	var personas []string
	for _, id := range c.skill.Personas {
		if pp := m.Persona(id); pp != nil {
			e, ok := target.Emphasis[id]
			if !ok {
				e = 1
			}
			personas = append(personas, fmt.Sprintf("%s (weight %.1f)", pp.Name, e))
		}
	}
	parts = append(parts, "serves "+strings.Join(personas, " and "))
	return strings.Join(parts, "; ")
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// question picks a coaching question written for the level being reached,
// or the nearest level, among those for the person's audience: the same one
// for the same person every time, and different people get different ones.
func question(personID string, s *skills.Skill, next int, leads bool) string {
	bank := nearQuestions(s, next, leads, 0)
	if len(bank) == 0 {
		return ""
	}
	h := fnv.New32a()
	h.Write([]byte(personID + "/" + s.ID))
	return bank[int(h.Sum32()%uint32(len(bank)))]
}

// questionBank is the skill's questions for someone reaching level next, the
// bank an agenda rotates through: those for their audience (people leaders or
// not) written for a level within one of next, or, when there are none, the
// ones closest to it. Matrix order.
func questionBank(s *skills.Skill, next int, leads bool) []string {
	return nearQuestions(s, next, leads, 1)
}

// nearQuestions lists the questions for the audience whose level is at most
// slack away from next, or, when there are none, those nearest to next.
func nearQuestions(s *skills.Skill, next int, leads bool, slack int) []string {
	best := -1
	for _, q := range s.Questions {
		if d := abs(q.Level - next); skills.Audience(q.Leads, leads) && (best < 0 || d < best) {
			best = d
		}
	}
	var out []string
	for _, q := range s.Questions {
		if skills.Audience(q.Leads, leads) && abs(q.Level-next) <= max(best, slack) {
			out = append(out, q.Text)
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// actions are two or three things to do for the next step: the matrix's
// actions for that step that suit the person (people leaders or not), practice
// through the person's own goals that name the skill, and the skill's first
// reading to study.
func actions(s *skills.Skill, p *skills.Person, lvl, next int, leads bool) []Action {
	var out []Action
	for _, a := range s.Actions {
		if a.To == next && next > lvl && skills.Audience(a.Leads, leads) && len(out) < 2 {
			out = append(out, Action{Text: a.Text, Evidence: a.Evidence})
		}
	}
	for _, g := range p.Goals {
		if slices.Contains(g.Skills, s.ID) {
			out = append(out, Action{
				Text:     fmt.Sprintf("Use the goal \"%s\" as the place to practise this skill, and name the step you are practising before each milestone.", g.Text),
				Evidence: fmt.Sprintf("An evidence entry for %s in %s dated in this plan period, saying what you did differently.", s.ID, p.Path),
			})
			break
		}
	}
	if i := slices.IndexFunc(s.Resources, func(r skills.Resource) bool { return r.Kind == "reading" }); i >= 0 && len(out) < 3 {
		r := s.Resources[i]
		by := ""
		if r.Author != "" {
			by = " by " + r.Author
		}
		out = append(out, Action{
			Text:     fmt.Sprintf("Read *%s*%s and pick one idea to try in your own work within two weeks.", r.Title, by),
			Evidence: "The idea, where you tried it and what happened, brought to a 1:1.",
		})
	}
	return out
}

func strengths(in Input, target *skills.Role, team *TeamIndex) []Strength {
	m, p := in.Matrix, in.Person
	var out []Strength
	for i := range m.Skills {
		s := &m.Skills[i]
		lvl := p.Levels[s.ID]
		if lvl == 0 || lvl <= s.Expect[target.ID] {
			continue
		}
		st := Strength{SkillRef: ref(s), Level: lvl, LevelName: levelName(m, lvl), Expect: s.Expect[target.ID]}
		for _, pr := range team.byMentor[p.ID] {
			if pr.Skill == s.ID {
				st.Mentees = append(st.Mentees, team.names[pr.Mentee])
			}
		}
		out = append(out, st)
	}
	return out
}

func conversations(m *skills.Matrix, p *skills.Person) []Conversation {
	var out []Conversation
	for _, s := range m.Skills {
		self, ok := p.Self[s.ID]
		mgr := p.Levels[s.ID]
		if !ok || mgr == 0 || self == mgr {
			continue
		}
		out = append(out, Conversation{SkillRef: ref(&s), Self: self, SelfName: levelName(m, self),
			Manager: mgr, ManagerName: levelName(m, mgr)})
	}
	return out
}

func goals(m *skills.Matrix, p *skills.Person, asOf time.Time) []GoalItem {
	var out []GoalItem
	for _, g := range p.Goals {
		gi := GoalItem{Text: g.Text, Due: date(g.Due), Overdue: !g.Due.IsZero() && !asOf.IsZero() && g.Due.Before(asOf)}
		for _, id := range g.Skills {
			gi.Skills = append(gi.Skills, skillRef(m, id))
		}
		out = append(out, gi)
	}
	// By due date, undated last, keeping the file's order otherwise.
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Due, out[j].Due
		if (a == "") != (b == "") {
			return b == ""
		}
		return a < b
	})
	return out
}

func endOfDay(t time.Time) time.Time {
	y, mo, d := t.Date()
	return time.Date(y, mo, d, 23, 59, 59, 0, t.Location())
}

// Marker is the first line of a generated file: it says where the content
// comes from, and its absence tells coach that someone edited the file by
// hand.
func Marker(source string) string {
	return fmt.Sprintf("<!-- Generated by coach from %s. Edit that file, not this one. -->", source)
}

// PlanPath is where a person's plan is written, relative to the root.
func PlanPath(id string) string { return "plans/" + id + ".md" }
