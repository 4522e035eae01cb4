package cycle

// The calibration packet is what a leader takes into a promotion round: the
// people of each role side by side against the bar, whose ratings to
// question, and the questions the room must settle. It reads the plans and
// the team view (plans.BuildTeam) and computes nothing they compute.

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
)

// CalibrateInput is what a calibration packet is built from.
type CalibrateInput struct {
	Matrix *skills.Matrix
	Config skills.Config
	// People are everyone in the repository; Plans their plans by id; Team
	// the team view of the people the packet covers (under Under).
	People []*skills.Person
	Plans  map[string]*plans.Plan
	Team   *plans.Team
	// Under is the person or leader whose part of the organisation the
	// packet covers ("": all of it); Role keeps only the people holding
	// that role ("": every role).
	Under string
	Role  string
	// Cases are the ids of the people whose promotion case is written.
	Cases map[string]bool
}

// Packet is a calibration packet.
type Packet struct {
	// Path is where the packet is written (PacketPath).
	Path  string           `json:"path"`
	Under *plans.PersonRef `json:"under,omitempty"`
	Role  *plans.RoleRef   `json:"role,omitempty"`
	// AsOf is the newest assessment among the people it covers.
	AsOf string `json:"as_of"`
	// Roles are the people by the role they hold, in ladder order.
	Roles []RoleGroup `json:"roles"`
	// Apart are the managers whose people sit, on average, more than
	// plans.CalibrationThreshold levels from the bar away from the other
	// managers'; Compared how many managers had enough people assessed to
	// compare, and Calibration every manager's figures.
	Apart       []plans.Calibration `json:"apart"`
	Compared    int                 `json:"compared"`
	Calibration []plans.Calibration `json:"calibration"`
	// Baselines are the assessments that set someone's levels at once
	// and that nobody has calibrated yet.
	Baselines []Pending `json:"baselines"`
	// Stale are the assessments older than the review cycle.
	Stale []plans.Flag `json:"stale"`
	// Candidates are the people at their target's bar on every assessed
	// skill, with their promotion cases.
	Candidates []Candidate `json:"candidates"`
	// Questions are what the room must settle, one a line.
	Questions []string `json:"questions"`
}

// RoleGroup is the people who hold one role.
type RoleGroup struct {
	Role   plans.RoleRef `json:"role"`
	People []Standing    `json:"people"`
}

// Standing is one person against their role's bar and their target's.
type Standing struct {
	Person  plans.PersonRef  `json:"person"`
	Manager *plans.PersonRef `json:"manager"`
	Target  plans.RoleRef    `json:"target"`
	// RoleMet and TargetMet count the assessed skills at or above the
	// role's and the target's bar, out of Assessed; Below names the skills
	// short of the target's bar.
	Assessed  int              `json:"assessed"`
	RoleMet   int              `json:"role_met"`
	TargetMet int              `json:"target_met"`
	Below     []plans.SkillGap `json:"below"`
	// RaisedOn is the day of the latest raise without evidence, whose
	// levels the counts take at their earlier levels, as the person's plan
	// counts them (plans.Plan.Counted); "" when none is.
	RaisedOn string `json:"raised_on,omitempty"`
	// Judged is false while the person's plan reads no level against a
	// bar (plans.Plan.Judged): a new hire before the first full
	// assessment, on FirstAssessment, or most skills with no level yet,
	// out of Total. Below is then empty: no level is called a gap.
	Judged          bool   `json:"judged"`
	FirstAssessment string `json:"first_assessment,omitempty"`
	Total           int    `json:"total"`
	// ShortOf names the first of Below, and how many more.
	ShortOf string        `json:"-"`
	Verdict plans.Verdict `json:"verdict"`
	// AtBarSince is the day from which every assessed skill has met the
	// target's bar, and Months how long that is at the person's assessment.
	AtBarSince string `json:"at_bar_since,omitempty"`
	Months     int    `json:"months"`
	AssessedOn string `json:"assessed_on,omitempty"`
}

// Pending is a baseline awaiting calibration.
type Pending struct {
	Person plans.PersonRef `json:"person"`
	Date   string          `json:"date"`
	Author string          `json:"author,omitempty"`
	Kind   string          `json:"kind"`
	Moved  int             `json:"moved"`
	// Text says it in a sentence.
	Text string `json:"text"`
}

// Candidate is someone the room may promote.
type Candidate struct {
	Person plans.PersonRef `json:"person"`
	Role   plans.RoleRef   `json:"role"`
	Target plans.RoleRef   `json:"target"`
	// Since is the day from which they have met the target's bar on every
	// assessed skill; "" when the history does not show it.
	Since   string `json:"since,omitempty"`
	Months  int    `json:"months"`
	Verdict string `json:"verdict"`
	// Sponsor is the name of their manager, who brings the case.
	Sponsor string `json:"sponsor,omitempty"`
	// Case is the path of their promotion case, and Written whether it is
	// there yet.
	Case    string `json:"case"`
	Written bool   `json:"written"`
	// Link is Case relative to the packet.
	Link string `json:"-"`
}

// PacketPath is where the calibration packet is written: calibration.md,
// or calibration/ID.md for the part under ID.
func PacketPath(under string) string {
	if under == "" {
		return "calibration.md"
	}
	return "calibration/" + under + ".md"
}

// PacketMarker is the first line of a written calibration packet.
func PacketMarker() string {
	return "<!-- Generated by coach calibrate from skills/*.toml and coach.toml. Edit those files, not this one. -->"
}

// BuildPacket builds the calibration packet.
func BuildPacket(in CalibrateInput) (*Packet, error) {
	m, t := in.Matrix, in.Team
	if t == nil {
		return nil, fmt.Errorf("no team view to build the calibration packet from")
	}
	pk := &Packet{Path: PacketPath(in.Under), Under: t.Under, Roles: []RoleGroup{}, Apart: []plans.Calibration{},
		Calibration: []plans.Calibration{}, Baselines: []Pending{}, Stale: []plans.Flag{}, Candidates: []Candidate{}, Questions: []string{}}
	if in.Role != "" {
		r := m.Role(in.Role)
		if r == nil {
			var ids []string
			for _, r := range m.Roles {
				ids = append(ids, r.ID)
			}
			return nil, fmt.Errorf("unknown role %q: the matrix's roles are %s", in.Role, strings.Join(ids, ", "))
		}
		pk.Role = &plans.RoleRef{ID: r.ID, Name: r.Name}
	}
	byID := map[string]*skills.Person{}
	for _, p := range in.People {
		byID[p.ID] = p
	}
	inView := map[string]bool{}
	groups := map[string]*RoleGroup{}
	var newest time.Time
	for _, tp := range t.People {
		p, pl := byID[tp.ID], in.Plans[tp.ID]
		if p == nil || pl == nil || (in.Role != "" && p.Role != in.Role) {
			continue
		}
		inView[p.ID] = true
		if p.Assessed.After(newest) {
			newest = p.Assessed
		}
		g := groups[p.Role]
		if g == nil {
			g = &RoleGroup{Role: pl.Role}
			groups[p.Role] = g
		}
		asOf, _ := time.Parse(time.DateOnly, pl.Today.Date)
		// The room counts as the person's plan counts: a raise without
		// evidence at its earlier level, and no gap before the plan reads
		// any level against a bar.
		rd := pl.Counted()
		s := Standing{Person: plans.PersonRef{ID: p.ID, Name: p.Name}, Manager: tp.Manager, Target: pl.Target,
			Assessed: rd.Assessed, RoleMet: pl.CountedCurrent().Met, TargetMet: rd.Met, Total: rd.Total,
			Below: slices.Clone(rd.Below), RaisedOn: pl.RaisedOn(), Judged: pl.Judged(), Verdict: pl.Verdict,
			AtBarSince: pl.AtBarSince, Months: months(pl.AtBarSince, asOf), AssessedOn: date(p.Assessed)}
		if o := pl.Onboarding; o != nil && pl.Verdict.Kind == "onboarding" {
			s.FirstAssessment = o.FirstAssessment
		}
		if s.Below == nil || !s.Judged {
			s.Below = []plans.SkillGap{}
		}
		s.ShortOf = shortOf(s.Below)
		g.People = append(g.People, s)
		if b := pl.Baseline; b != nil && !b.Calibrated {
			pk.Baselines = append(pk.Baselines, pending(p, b, pl.Person.ManagerName))
		}
		if pl.Ready && len(rd.Below) == 0 && pl.Target.ID != pl.Role.ID && pl.Verdict.Kind != "held" {
			c := Candidate{Person: s.Person, Role: pl.Role, Target: pl.Target, Since: pl.AtBarSince, Months: s.Months,
				Verdict: pl.Verdict.Text, Sponsor: pl.Person.ManagerName, Case: CasePath(p.ID), Written: in.Cases[p.ID]}
			c.Link = strings.Repeat("../", strings.Count(pk.Path, "/")) + c.Case
			pk.Candidates = append(pk.Candidates, c)
		}
	}
	pk.AsOf = date(newest)
	for _, r := range m.Roles {
		if g := groups[r.ID]; g != nil {
			slices.SortFunc(g.People, func(a, b Standing) int {
				// Those read against a bar first; the rest are not compared.
				return cmp.Or(cmp.Compare(judged(b), judged(a)), cmp.Compare(b.TargetMet, a.TargetMet), cmp.Compare(a.Person.Name, b.Person.Name), cmp.Compare(a.Person.ID, b.Person.ID))
			})
			pk.Roles = append(pk.Roles, *g)
		}
	}
	for _, c := range t.Calib {
		if in.Role != "" && !slices.ContainsFunc(c.People, func(p plans.PersonRef) bool { return inView[p.ID] }) {
			continue
		}
		pk.Calibration = append(pk.Calibration, c)
		if c.Flagged {
			pk.Apart = append(pk.Apart, c)
		}
	}
	pk.Compared = t.Compared
	for _, f := range t.Flags {
		if f.Kind == plans.FlagStale && inView[f.Person.ID] {
			pk.Stale = append(pk.Stale, f)
		}
	}
	pk.Questions = questions(pk, t, inView)
	return pk, nil
}

// pending says a baseline nobody has calibrated, as a noun phrase.
func pending(p *skills.Person, b *plans.Baseline, manager string) Pending {
	first := firstWord(p.Name)
	text := strings.TrimSuffix(b.Describe(first), ",")
	if b.Pending {
		// The file as it stands: its author is whoever commits it, read
		// here as the manager who assesses.
		who := "the assessment"
		if manager != "" {
			who = possessive(manager) + " assessment"
		}
		text = fmt.Sprintf("%s of %s on %s, which sets %d of %d levels at once", who, first, b.Date, b.Moved, b.Assessed)
	}
	return Pending{Person: plans.PersonRef{ID: p.ID, Name: p.Name}, Date: b.Date, Author: b.Author, Kind: b.Kind, Moved: b.Moved, Text: text}
}

// questions are what the room must settle: one for each candidate, each
// manager whose ratings stand apart, each baseline nobody has calibrated,
// each stale assessment, and each promotion made below the bar.
func questions(pk *Packet, t *plans.Team, inView map[string]bool) []string {
	out := []string{}
	for _, c := range pk.Candidates {
		q := fmt.Sprintf("Is %s ready for %s now?", c.Person.Name, c.Target.Name)
		switch {
		case c.Since != "":
			q += fmt.Sprintf(" Every assessed skill has been at its bar since %s (%s).", c.Since, monthsText(c.Months))
		default:
			q += " The history does not show how long every assessed skill has been at its bar."
		}
		if c.Sponsor != "" {
			q += fmt.Sprintf(" %s sponsors the case.", c.Sponsor)
		}
		if !c.Written {
			q += " The case is not written yet."
		}
		out = append(out, q)
	}
	for _, c := range pk.Apart {
		out = append(out, fmt.Sprintf("Do %s people sit %s the others because of their work or because of how they are rated? Put two of them beside peers of the same role, skill by skill.",
			possessive(c.Manager.Name), c.Direction()))
	}
	for _, b := range pk.Baselines {
		out = append(out, fmt.Sprintf("Does the room agree with %s? Until it does, %s readiness for the next role waits.", b.Text, possessive(firstWord(b.Person.Name))))
	}
	for _, f := range pk.Stale {
		out = append(out, fmt.Sprintf("Who reassesses %s before any decision about them, and by when? The file was %s.", f.Person.Name, f.Detail))
	}
	for _, f := range t.Flags {
		if f.Kind == plans.FlagPromotion && inView[f.Person.ID] {
			out = append(out, fmt.Sprintf("%s was %s. What closes the gap, and by when?", f.Person.Name, f.Detail))
		}
	}
	if len(pk.Candidates) == 0 && len(out) == 0 {
		out = append(out, "Nobody is at their target's bar yet and nothing needs calibrating: confirm the levels as they stand.")
	}
	return out
}

func possessive(name string) string { return name + "'s" }

func judged(s Standing) int {
	if s.Judged {
		return 1
	}
	return 0
}

// shortOf names the first three skills short of a bar, with their levels,
// and counts the rest: a packet compares people, and a whole list for each
// hides the comparison.
func shortOf(below []plans.SkillGap) string {
	var names []string
	for i, g := range below {
		if i == 3 && len(below) > 4 {
			names = append(names, fmt.Sprintf("%d more", len(below)-3))
			break
		}
		names = append(names, fmt.Sprintf("%s (%d, bar %d)", g.Name, g.Level, g.Expect))
	}
	return plans.AndList(names)
}
