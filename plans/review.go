package plans

import (
	"bytes"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/coach-dev/coach/skills"
)

// Side is the people of one side of a review: id -> person, and the raw
// file of each (to recognise a renamed file by its content).
type Side struct {
	Label  string
	Commit string
	When   time.Time
	People map[string]*skills.Person
	Raw    map[string][]byte
	// Invalid are the ids whose file has errors on this side: their
	// changes are not summarised, since a broken file cannot be trusted.
	Invalid map[string]bool
}

// ReviewInput is what a pull-request review compares. Both sides' files are
// read against the head's matrix: the question is what the change means
// under the matrix it will merge into. When the matrix itself changed,
// BaseMatrix is the base's, and the review says what moved with it.
type ReviewInput struct {
	Matrix     *skills.Matrix
	BaseMatrix *skills.Matrix // nil: the same as Matrix
	// MatrixInvalid names the side whose matrix.toml has errors, so that
	// the matrices are not compared.
	MatrixInvalid string
	Config        skills.Config
	Base          Side
	Head          Side
	// BaseRules and HeadRules are the files that decide how a change is
	// reviewed, on each side; RenderedWith names the side whose templates
	// write the summary.
	BaseRules, HeadRules Rules
	RenderedWith         string
}

// Rules are the files of one side that decide how a review reads and
// writes: the matrix, coach.toml and the templates (by name), as bytes,
// and the private-notes recipients coach.toml lists.
type Rules struct {
	Matrix     []byte
	Config     []byte
	Templates  map[string][]byte
	Recipients []string
	// Code are the files that run as code (hooks/, .github/workflows/),
	// by path, as a hash of their content.
	Code map[string]string
}

// Review summarises the changes to skill files between two revisions, for a
// reviewer who approves or questions them without opening the files.
type Review struct {
	Base    string        `json:"base"`
	Head    string        `json:"head"`
	Summary ReviewSummary `json:"summary"`
	// Matrix is what changed in the skill matrix, nil when it did not.
	Matrix *MatrixReview `json:"matrix,omitempty"`
	// MatrixInvalid names the side whose matrix.toml has errors, when the
	// matrices could not be compared.
	MatrixInvalid string `json:"matrix_invalid,omitempty"`
	// Rules is what the change does to the files that decide how it is
	// reviewed; nil when it changes none of them.
	Rules  *RulesReview   `json:"rules,omitempty"`
	People []PersonReview `json:"people"`
	// SelfReviews are the self-reviews the change adds.
	SelfReviews []SelfReviewAdded `json:"self_reviews,omitempty"`
}

// SelfReviewAdded is a self-review a change adds: whose, and of which
// period.
type SelfReviewAdded struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Period string `json:"period"`
}

// RulesReview is a change to the files a review is made by, which a pull
// request could otherwise use to write its own review: the matrix,
// coach.toml, the templates, and who can read private notes.
type RulesReview struct {
	// Changed lists the files that changed: matrix.toml, coach.toml, then
	// templates/NAME by name.
	Changed []string `json:"changed"`
	// RecipientsAdded and RecipientsRemoved are the public keys that
	// coach.toml's [private] recipients gained and lost, as written.
	RecipientsAdded   []string `json:"recipients_added"`
	RecipientsRemoved []string `json:"recipients_removed"`
	// RenderedWith names the side whose templates wrote the summary.
	RenderedWith string `json:"rendered_with"`
	// Code lists the files that run as code which changed: the pre-commit
	// hook (hooks/) and the CI workflows (.github/workflows/), by path.
	Code []string `json:"code"`
}

// MatrixReview is a change to the skill matrix: the bar each role is held
// to, and whose standing moved with it alone.
type MatrixReview struct {
	// Expectations are the role bars that moved, by role in ladder order,
	// then skill in matrix order.
	Expectations  []ExpectChange `json:"expectations"`
	SkillsAdded   []SkillRef     `json:"skills_added"`
	SkillsRemoved []SkillRef     `json:"skills_removed"`
	RolesAdded    []RoleRef      `json:"roles_added"`
	RolesRemoved  []RoleRef      `json:"roles_removed"`
	// Raised and Lowered count the expectations that moved each way.
	Raised  int `json:"raised"`
	Lowered int `json:"lowered"`
	// Readiness lists the people whose file did not change but whose
	// readiness for their target moved with the matrix.
	Readiness []MatrixReadiness `json:"readiness"`
}

// ExpectChange is one role's bar for one skill, before and after; 0 is a
// skill or role the matrix did not have.
type ExpectChange struct {
	Role     RoleRef  `json:"role"`
	Skill    SkillRef `json:"skill"`
	From     int      `json:"from"`
	FromName string   `json:"from_name"`
	To       int      `json:"to"`
	ToName   string   `json:"to_name"`
}

// MatrixReadiness is one person's readiness for their target under the
// base's matrix and the head's.
type MatrixReadiness struct {
	ID          string    `json:"-"`
	Name        string    `json:"-"`
	Person      PersonRef `json:"person"`
	Role        RoleRef   `json:"role"`
	Before      int       `json:"before"`
	BeforeTotal int       `json:"before_total"`
	After       int       `json:"after"`
	AfterTotal  int       `json:"after_total"`
}

// PersonRef names a person, as every JSON output does: their id and name.
type PersonRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// ReviewSummary counts what changed.
type ReviewSummary struct {
	People     int `json:"people"`
	Up         int `json:"levels_up"`
	Down       int `json:"levels_down"`
	Added      int `json:"added"`
	Removed    int `json:"removed"`
	Renamed    int `json:"renamed"`
	Invalid    int `json:"invalid"`
	NoEvidence int `json:"raised_without_evidence"`
}

// PersonReview is one person's changes.
type PersonReview struct {
	ID     string    `json:"-"`
	Name   string    `json:"-"`
	Person PersonRef `json:"person"` // ID and Name, as every output names a person
	Path   string    `json:"path"`
	Status string    `json:"status"` // changed, added, removed, renamed, invalid
	// From is the old id of a renamed file.
	From     string        `json:"from,omitempty"`
	Role     *RoleChange   `json:"role,omitempty"`
	Target   *RoleChange   `json:"target,omitempty"`
	Levels   []LevelChange `json:"levels"`
	Self     []LevelChange `json:"self"`
	Evidence []string      `json:"evidence"`
	Goals    []string      `json:"goals"`
	// Closed are the goals that ended in the change: met or dropped, the
	// day, and what came of them.
	Closed    []string       `json:"closed"`
	Readiness *ReadinessMove `json:"readiness,omitempty"`
	FocusIn   []SkillRef     `json:"focus_in"`
	FocusOut  []SkillRef     `json:"focus_out"`
	// Assessed is how many skills a newly added file assesses.
	Assessed int `json:"assessed,omitempty"`
	// Notes is set when the private notes changed (what they say is never
	// read): anyone who can push can write them.
	Notes *NotesReview `json:"notes,omitempty"`
}

// NotesReview is a change to a person's private notes: the commits that
// made it, and whether the working tree changes them too.
type NotesReview struct {
	Commits     []NotesCommit `json:"commits"`
	Uncommitted bool          `json:"uncommitted"`
	// Incomplete is set when not every commit could be read (a shallow
	// clone), so Commits may miss some.
	Incomplete bool `json:"incomplete"`
}

// NotesCommit is one commit that changed a person's notes, and who made it
// as git records it (which whoever pushed it chose).
type NotesCommit struct {
	Commit         string `json:"commit"`
	Committer      string `json:"committer"`
	CommitterEmail string `json:"committer_email"`
	Author         string `json:"author"`
	AuthorEmail    string `json:"author_email"`
}

// RoleChange is a role or target before and after.
type RoleChange struct {
	From RoleRef `json:"from"`
	To   RoleRef `json:"to"`
}

// LevelChange is one skill's level before and after; 0 is not assessed.
type LevelChange struct {
	SkillRef
	From     int    `json:"from"`
	FromName string `json:"from_name"`
	To       int    `json:"to"`
	ToName   string `json:"to_name"`
	Up       bool   `json:"up"`
	// WithoutEvidence is set on a raise with no evidence entry for the skill
	// dated since the base: something for the reviewer to ask about.
	WithoutEvidence bool `json:"raised_without_evidence"`
}

// ReadinessMove is readiness for the (head's) target before and after.
type ReadinessMove struct {
	Role   RoleRef `json:"role"`
	Before int     `json:"before"`
	After  int     `json:"after"`
	Total  int     `json:"total"`
}

// BuildReview compares base and head.
func BuildReview(in ReviewInput) *Review {
	m := in.Matrix
	r := &Review{Base: in.Base.Label, Head: in.Head.Label, People: []PersonReview{}}
	r.Matrix, r.MatrixInvalid = reviewMatrix(in), in.MatrixInvalid
	r.Rules = reviewRules(in)

	var removed, added []string
	for id := range in.Base.People {
		if _, ok := in.Head.People[id]; !ok {
			removed = append(removed, id)
		}
	}
	for id := range in.Head.People {
		if _, ok := in.Base.People[id]; !ok {
			added = append(added, id)
		}
	}
	sort.Strings(removed)
	sort.Strings(added)
	// A removed file and an added one are a rename when their content is
	// the same, or else the name inside is.
	renamed := map[string]string{} // new id -> old id
	for _, match := range []func(old, cur string) bool{
		func(old, cur string) bool { return bytes.Equal(in.Base.Raw[old], in.Head.Raw[cur]) },
		func(old, cur string) bool {
			return in.Base.People[old].Name != "" && in.Base.People[old].Name == in.Head.People[cur].Name
		},
	} {
		for _, cur := range added {
			if _, done := renamed[cur]; done {
				continue
			}
			for _, old := range removed {
				if !slices.Contains(values(renamed), old) && match(old, cur) {
					renamed[cur] = old
					break
				}
			}
		}
	}
	var ids []string
	for id := range in.Head.People {
		ids = append(ids, id)
	}
	for _, id := range removed {
		if !slices.Contains(values(renamed), id) {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		cur := in.Head.People[id]
		oldID := id
		if o, ok := renamed[id]; ok {
			oldID = o
		}
		old := in.Base.People[oldID]
		pr := PersonReview{ID: id}
		switch {
		case cur == nil:
			pr.Status, pr.Name, pr.Path = "removed", old.Name, old.Path
		case old == nil:
			pr.Status, pr.Name, pr.Path = "added", cur.Name, cur.Path
		case oldID != id:
			pr.Status, pr.Name, pr.Path, pr.From = "renamed", cur.Name, cur.Path, oldID
		default:
			pr.Status, pr.Name, pr.Path = "changed", cur.Name, cur.Path
		}
		pr.Person = PersonRef{ID: pr.ID, Name: pr.Name}
		if cur != nil && old != nil && bytes.Equal(in.Base.Raw[oldID], in.Head.Raw[id]) && pr.Status == "changed" {
			continue
		}
		if cur != nil && (old == nil && cur.Notes != "" || old != nil && old.Notes != cur.Notes) {
			pr.Notes = &NotesReview{Commits: []NotesCommit{}}
		}
		if in.Base.Invalid[oldID] || in.Head.Invalid[id] {
			pr.Status = "invalid"
			r.People = append(r.People, pr.empty())
			r.Summary.People++
			r.Summary.Invalid++
			continue
		}
		review(m, &pr, old, cur, in.Base.When)
		if pr.Status == "added" {
			// A new file's first levels are an assessment, not raises.
			pr.Assessed, pr.Levels, pr.Self = len(cur.Levels), nil, nil
		}
		if pr.Status == "changed" && pr.Role == nil && pr.Target == nil && len(pr.Levels) == 0 && len(pr.Self) == 0 &&
			len(pr.Evidence) == 0 && len(pr.Goals) == 0 && len(pr.Closed) == 0 && pr.Notes == nil {
			continue // a change the review does not show: wording, comments
		}
		if cur != nil {
			target := m.Role(cur.TargetRole(m))
			if target != nil {
				mv := &ReadinessMove{Role: RoleRef{ID: target.ID, Name: target.Name}, Total: len(m.Skills),
					After: readiness(m, cur, target).Met}
				if old != nil {
					mv.Before = readiness(m, old, target).Met
				}
				pr.Readiness = mv
			}
			// Focus is ranked from one person's file alone (IndexTeam's
			// focus is focusIDs of each), so only for the people shown.
			var before []string
			if old != nil {
				before = focusIDs(m, in.Config, old)
			}
			after := focusIDs(m, in.Config, cur)
			for _, s := range after {
				if !slices.Contains(before, s) {
					pr.FocusIn = append(pr.FocusIn, skillRef(m, s))
				}
			}
			for _, s := range before {
				if !slices.Contains(after, s) {
					pr.FocusOut = append(pr.FocusOut, skillRef(m, s))
				}
			}
		}
		r.People = append(r.People, pr.empty())
		r.Summary.People++
		switch pr.Status {
		case "added":
			r.Summary.Added++
		case "removed":
			r.Summary.Removed++
		case "renamed":
			r.Summary.Renamed++
		}
		for _, l := range pr.Levels {
			if l.Up {
				r.Summary.Up++
			} else {
				r.Summary.Down++
			}
			if l.WithoutEvidence {
				r.Summary.NoEvidence++
			}
		}
	}
	return r
}

// reviewRules compares the files that decide how a review is made.
func reviewRules(in ReviewInput) *RulesReview {
	b, h := in.BaseRules, in.HeadRules
	rr := &RulesReview{Changed: []string{}, RecipientsAdded: []string{}, RecipientsRemoved: []string{}, RenderedWith: in.RenderedWith, Code: []string{}}
	if !bytes.Equal(b.Matrix, h.Matrix) {
		rr.Changed = append(rr.Changed, skills.MatrixFile)
	}
	if !bytes.Equal(b.Config, h.Config) {
		rr.Changed = append(rr.Changed, skills.ConfigFile)
	}
	names := map[string]bool{}
	for n := range b.Templates {
		names[n] = true
	}
	for n := range h.Templates {
		names[n] = true
	}
	for _, n := range slices.Sorted(maps.Keys(names)) {
		old, had := b.Templates[n]
		cur, has := h.Templates[n]
		if had != has || !bytes.Equal(old, cur) {
			rr.Changed = append(rr.Changed, "templates/"+n)
		}
	}
	key := skills.RecipientKey
	for _, r := range h.Recipients {
		if !slices.ContainsFunc(b.Recipients, func(o string) bool { return key(o) == key(r) }) {
			rr.RecipientsAdded = append(rr.RecipientsAdded, strings.TrimSpace(r))
		}
	}
	for _, r := range b.Recipients {
		if !slices.ContainsFunc(h.Recipients, func(o string) bool { return key(o) == key(r) }) {
			rr.RecipientsRemoved = append(rr.RecipientsRemoved, strings.TrimSpace(r))
		}
	}
	paths := map[string]bool{}
	for p := range b.Code {
		paths[p] = true
	}
	for p := range h.Code {
		paths[p] = true
	}
	for _, p := range slices.Sorted(maps.Keys(paths)) {
		if old, had := b.Code[p]; !had || old != h.Code[p] {
			rr.Code = append(rr.Code, p)
		}
	}
	if len(rr.Changed) == 0 && len(rr.RecipientsAdded) == 0 && len(rr.RecipientsRemoved) == 0 && len(rr.Code) == 0 {
		return nil
	}
	return rr
}

// reviewMatrix compares the base's matrix with the head's, and finds the
// people whose standing moved with it although their file did not change.
func reviewMatrix(in ReviewInput) *MatrixReview {
	old, cur := in.BaseMatrix, in.Matrix
	if old == nil || in.MatrixInvalid != "" || reflect.DeepEqual(old, cur) {
		return nil
	}
	mr := &MatrixReview{Expectations: []ExpectChange{}, SkillsAdded: []SkillRef{}, SkillsRemoved: []SkillRef{},
		RolesAdded: []RoleRef{}, RolesRemoved: []RoleRef{}, Readiness: []MatrixReadiness{}}
	for _, s := range cur.Skills {
		if old.Skill(s.ID) == nil {
			mr.SkillsAdded = append(mr.SkillsAdded, ref(&s))
		}
	}
	for _, s := range old.Skills {
		if cur.Skill(s.ID) == nil {
			mr.SkillsRemoved = append(mr.SkillsRemoved, ref(&s))
		}
	}
	for _, role := range cur.Roles {
		if old.Role(role.ID) == nil {
			mr.RolesAdded = append(mr.RolesAdded, RoleRef{ID: role.ID, Name: role.Name})
		}
	}
	for _, role := range old.Roles {
		if cur.Role(role.ID) == nil {
			mr.RolesRemoved = append(mr.RolesRemoved, RoleRef{ID: role.ID, Name: role.Name})
		}
	}
	// A bar moves where both matrices have the role and the skill; a new
	// skill or role is listed as such, not as every bar rising from 0.
	for _, role := range cur.Roles {
		if old.Role(role.ID) == nil {
			continue
		}
		for _, s := range cur.Skills {
			was := old.Skill(s.ID)
			if was == nil || was.Expect[role.ID] == s.Expect[role.ID] {
				continue
			}
			c := ExpectChange{Role: RoleRef{ID: role.ID, Name: role.Name}, Skill: ref(&s), From: was.Expect[role.ID], To: s.Expect[role.ID]}
			c.FromName, c.ToName = levelName(old, c.From), levelName(cur, c.To)
			mr.Expectations = append(mr.Expectations, c)
			if c.To > c.From {
				mr.Raised++
			} else {
				mr.Lowered++
			}
		}
	}
	for _, p := range people(in.Head.People) {
		oldP, ok := in.Base.People[p.ID]
		if !ok || in.Base.Invalid[p.ID] || in.Head.Invalid[p.ID] || !bytes.Equal(in.Base.Raw[p.ID], in.Head.Raw[p.ID]) {
			continue // not there before, or its own change is reviewed below
		}
		// The same target role, measured by both matrices; a role the base
		// did not have is listed as added instead.
		target := cur.Role(p.TargetRole(cur))
		if target == nil || old.Role(target.ID) == nil {
			continue
		}
		before, after := readiness(old, oldP, old.Role(target.ID)), readiness(cur, p, target)
		if before.Met == after.Met && before.Total == after.Total {
			continue
		}
		mr.Readiness = append(mr.Readiness, MatrixReadiness{ID: p.ID, Name: p.Name, Person: PersonRef{p.ID, p.Name}, Role: RoleRef{ID: target.ID, Name: target.Name},
			Before: before.Met, BeforeTotal: before.Total, After: after.Met, AfterTotal: after.Total})
	}
	return mr
}

func people(m map[string]*skills.Person) []*skills.Person {
	out := make([]*skills.Person, 0, len(m))
	for _, p := range m {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// byMatrix orders level changes as the matrix lists their skills; a skill
// the matrix does not have goes last, by id.
func byMatrix(m *skills.Matrix, changes []LevelChange) {
	order := map[string]int{}
	if m != nil {
		for i, id := range m.SkillIDs() {
			order[id] = i
		}
	}
	rank := func(id string) int {
		if i, ok := order[id]; ok {
			return i
		}
		return len(order)
	}
	slices.SortStableFunc(changes, func(a, b LevelChange) int {
		if c := rank(a.ID) - rank(b.ID); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

func values(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func review(m *skills.Matrix, pr *PersonReview, old, cur *skills.Person, since time.Time) {
	if cur == nil {
		return
	}
	var newEvidence []skills.Evidence
	for _, c := range skills.Diff(old, cur) {
		switch c.Kind {
		case skills.KindRole:
			if old != nil {
				pr.Role = &RoleChange{From: roleRef(m, c.From), To: roleRef(m, c.To)}
			}
		case skills.KindTarget:
			if old != nil {
				pr.Target = &RoleChange{From: roleRef(m, old.TargetRole(m)), To: roleRef(m, cur.TargetRole(m))}
			}
		case skills.KindLevel, skills.KindSelf:
			lc := LevelChange{SkillRef: skillRef(m, c.Skill), From: c.FromLevel(), To: c.ToLevel(),
				FromName: levelName(m, c.FromLevel()), ToName: levelName(m, c.ToLevel()), Up: c.ToLevel() > c.FromLevel()}
			if c.Kind == skills.KindLevel {
				pr.Levels = append(pr.Levels, lc)
			} else {
				pr.Self = append(pr.Self, lc)
			}
		case skills.KindEvidence:
			newEvidence = append(newEvidence, skills.Evidence{Date: c.On, Skill: c.Skill, Text: c.Text})
			pr.Evidence = append(pr.Evidence, fmt.Sprintf("%s, %s: %s", date(c.On), skillRef(m, c.Skill).Name, c.Text))
		case skills.KindGoal:
			due := ""
			if !c.On.IsZero() {
				due = " (due " + date(c.On) + ")"
			}
			pr.Goals = append(pr.Goals, c.Text+due)
		case skills.KindOutcome:
			how := "met"
			if c.To == skills.GoalDropped {
				how = "dropped"
			}
			closed := fmt.Sprintf("%s (%s on %s)", c.Text, how, date(c.On))
			if c.From != "" {
				closed += ": " + c.From
			}
			pr.Closed = append(pr.Closed, closed)
		}
	}
	// The matrix's order, the order every plan lists skills in: the file's
	// (by id) put "Team design" before "Communication".
	byMatrix(m, pr.Levels)
	byMatrix(m, pr.Self)
	if old == nil {
		return // a new file: its first levels need no evidence of a raise
	}
	for i, l := range pr.Levels {
		if !l.Up {
			continue
		}
		backed := false
		for _, e := range cur.Evidence {
			if e.Skill == l.ID && (slices.Contains(newEvidence, e) || (!since.IsZero() && !e.Date.Before(startOfDay(since)))) {
				backed = true
			}
		}
		pr.Levels[i].WithoutEvidence = !backed
	}
}

func startOfDay(t time.Time) time.Time {
	y, mo, d := t.Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
}

// empty makes the lists of pr empty rather than nil, so JSON shows [].
func (pr PersonReview) empty() PersonReview {
	for _, l := range []*[]LevelChange{&pr.Levels, &pr.Self} {
		if *l == nil {
			*l = []LevelChange{}
		}
	}
	for _, l := range []*[]string{&pr.Evidence, &pr.Goals, &pr.Closed} {
		if *l == nil {
			*l = []string{}
		}
	}
	for _, l := range []*[]SkillRef{&pr.FocusIn, &pr.FocusOut} {
		if *l == nil {
			*l = []SkillRef{}
		}
	}
	return pr
}
