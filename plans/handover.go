package plans

import (
	"cmp"
	"fmt"
	"time"

	"github.com/coach-dev/coach/skills"
)

// handover is a manager's wish to move off leading people, as their
// report's plan must carry it without saying it: the wish is in the
// manager's own file, private to them and their manager until the report's
// manager field changes. The report's plan says nothing of it; it only
// makes the promotion case and the staying conversation together with the
// manager's manager, so that neither rests on the manager alone.
type handover struct {
	with string // the manager's manager, by name
}

// handoverOf is p's manager's wish to move off leading people, read from
// the manager's file as the agendas read it (trackMoves); nil when the
// manager stays, or when nobody above them is named to share the case with.
func handoverOf(m *skills.Matrix, p *skills.Person, team *TeamIndex) *handover {
	mgr := team.people[p.Manager]
	if m == nil || mgr == nil || mgr.Aspiration == nil || mgr.Aspiration.Track != skills.TrackIC {
		return nil
	}
	if role := m.Role(mgr.Role); role == nil || !role.Leads || team.names[mgr.Manager] == "" {
		return nil
	}
	return &handover{with: team.names[mgr.Manager]}
}

// leavesLeading reports whether q leads people today and q's own file asks
// for the individual-contributor track: a manager handing over their people.
func leavesLeading(m *skills.Matrix, q *skills.Person) bool {
	if q == nil || q.Aspiration == nil || q.Aspiration.Track != skills.TrackIC {
		return false
	}
	r := m.Role(q.Role)
	return r != nil && r.Leads
}

// shapeHave counts people by role id as the team's planned shape is filled
// going forward: a manager handing over their people holds no seat in the
// role they leave, but one in the role they move to (their target, as the
// hand-over in their reports' plans names it).
// left are the roles such managers leave, each with their names in order.
func shapeHave(m *skills.Matrix, people []*skills.Person) (have map[string]int, left map[string][]string) {
	have, left = map[string]int{}, map[string][]string{}
	for _, q := range people {
		if !leavesLeading(m, q) {
			have[q.Role]++
			continue
		}
		left[q.Role] = append(left[q.Role], cmpName(q))
		if t := q.TargetRole(m); t != q.Role {
			have[t]++
		}
	}
	return have, left
}

// handingOver says that the people named want to hand over their teams, so
// their seats in role count as open once that is agreed: a wish in their
// file is not yet a decision (cold read 20b, finding 6).
func handingOver(names []string, role string) string {
	if len(names) == 1 {
		return fmt.Sprintf("%s wants the individual-contributor track, and once the hand-over of the team is agreed, that %s seat counts as open", names[0], role)
	}
	return fmt.Sprintf("%s want the individual-contributor track, and once the hand-overs of their teams are agreed, their %s seats count as open", andList(names), role)
}

// cosponsorOf is who makes p's promotion case with p's manager, when the
// manager's word alone is a weak sponsor: the manager's manager, by name,
// when the manager is below their own role's bar on a people leader's skill
// (the team development pillar, where growing and promoting people sits),
// or their ratings stand apart from the other managers' in calibration.
// why says which, for the manager's manager's eyes only. A hand-over
// (handoverOf) is said on its own and comes first: "" then, and when nobody
// above the manager is named.
func cosponsorOf(m *skills.Matrix, p *skills.Person, team *TeamIndex) (with, why string) {
	mgr := team.people[p.Manager]
	if m == nil || mgr == nil || team.names[mgr.Manager] == "" || handoverOf(m, p, team) != nil {
		return "", ""
	}
	role := m.Role(mgr.Role)
	if role == nil {
		return "", ""
	}
	var short []string
	for _, g := range readiness(m, team.countedOf(m, mgr).person, role).Below {
		if s := m.Skill(g.ID); s != nil && s.Pillar == "team-development" {
			short = append(short, lowerFirst(g.Name))
		}
	}
	first := team.callName(mgr)
	switch {
	case len(short) > 0:
		why = fmt.Sprintf("%s own plan is still closing %s, below the %s bar", possessive(first), andList(short), role.Name)
	case team.flagged[mgr.ID]:
		why = fmt.Sprintf("%s ratings stand apart from the other managers' in calibration", possessive(first))
	default:
		return "", ""
	}
	return team.names[mgr.Manager], why
}

// handoverDays is the window a manager handing over their people has for
// it, from the report's assessment: the month in which the manager's own
// plan has them agree with their manager, at their next 1:1, who leads
// each person and from when. A promise in a report's plan that runs past
// it is made together with the manager's manager, who stays: the promotion
// case, the staying conversation, scope held until the round, a new hire's
// day-90 review. Backing for goals stays with whoever leads the person: it
// is weekly work, the plan is written again when the skill file names the
// new manager, and a co-owner named on it only hinted at a move nobody has
// announced (cold read 11, finding 2). Nothing in the report's plan says
// why.
const handoverDays = 30

// handoverEnd is the last day of the hand-over window in pl; the zero day
// when the plan has no date.
func handoverEnd(pl *Plan) time.Time {
	if pl.Today.day.IsZero() {
		return time.Time{}
	}
	return pl.Today.day.AddDate(0, 0, handoverDays)
}

// CommitsBy is who the plan's commitments are signed by: the manager by
// name, or "Your manager" while the manager hands their people over. The
// commitments run past the hand-over, so they belong to the role, not to
// the person leaving it; and the report's plan says nothing of the move.
func (pl *Plan) CommitsBy() string {
	switch {
	case pl.handover != nil:
		return "Your manager"
	case pl.Person.ManagerName != "":
		return pl.Person.ManagerName
	}
	return "The manager"
}

// aheadCall is how the plan names the manager in a promise of work still
// to come: "your manager" while the manager hands their people over (see
// CommitsBy), else as the plan calls them.
func (pl *Plan) aheadCall() string {
	if pl.handover != nil {
		return "your manager"
	}
	return cmp.Or(pl.ManagerCall, pl.Person.ManagerName, "your manager")
}

// caseWith is who makes the promotion case with the manager: the manager's
// manager, through a hand-over or as cosponsor; "" when nobody does.
func (pl *Plan) caseWith() string {
	if h := pl.handover; h != nil {
		return h.with
	}
	return pl.cosponsor
}

// skipCases are the lines of p's plan about a promotion case two levels
// down that p makes with the report's manager (cosponsorOf): someone at
// their target's bar on every assessed skill, in their manager's line.
func skipCases(m *skills.Matrix, p *skills.Person, team *TeamIndex) []string {
	var out []string
	for _, rid := range team.reports[p.ID] {
		for _, id := range team.reports[rid] {
			q := team.people[id]
			with, why := cosponsorOf(m, q, team)
			target := m.Role(q.TargetRole(m))
			if with == "" || target == nil || target.ID == q.Role {
				continue
			}
			if _, rebased := team.rebased[id]; rebased {
				continue
			}
			rd := readiness(m, q, target)
			if len(rd.Below) > 0 || rd.Total-rd.Assessed > 2 {
				continue
			}
			mgr := team.callName(team.people[rid])
			out = append(out, fmt.Sprintf("%s, in %s team, is at the %s bar on every assessed skill: the case for the next promotion round is yours to make with %s, and to read first-hand, as %s.",
				cmpName(q), possessive(mgr), target.Name, mgr, why))
		}
	}
	return out
}
