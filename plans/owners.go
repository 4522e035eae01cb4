package plans

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/coach-dev/coach/skills"
)

// Who owns the work a focus action asks for, read from the person's own
// file and the repository around them (cold read 9, findings 1 and 2):
//
//   - an organisation-wide deliverable that is not the person's own goal
//     is a proposal to agree with their manager, not a commitment the plan
//     makes for them (proposeOrgWide), and nobody else is given a part of
//     it until it is a goal in its owner's file;
//   - an organisation-wide deliverable has one owner: when the person's
//     manager has a goal of that kind on the skill in their own file, the
//     person's action is their part of the manager's goal, due two weeks
//     before the goal's date; when the manager has the same matrix action
//     only as a proposal, the person's action is left out, as it is theirs
//     to propose;
//   - a person whose own setbacks say they hold on to their reports' work
//     (rewriting it, reviewing it line by line, keeping it for sign-off) is
//     not given more of their own time on that work: the report owns it,
//     and the manager comments afterwards;
//   - reports who already have plans in the repository are not asked to
//     write one: their manager goes through the plan they have.

// orgWide reports whether a matrix action makes one artefact for the whole
// organisation or company, which can have only one owner.
func orgWide(text string) bool {
	t := strings.ToLower(text)
	for _, w := range []string{"the organisation", "the organization", "the company's", "across the company"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// overControl reports whether one of the setback clauses says the person
// holds on to others' work: rewriting it, reviewing all of it line by line,
// keeping it waiting for their sign-off or approval, micromanaging.
func overControl(clauses []string) bool {
	for _, c := range clauses {
		t := strings.ToLower(c)
		for _, w := range []string{"rewrit", "micromanag", "line by line", "sign-off", "sign off", "reviews every", "approves every"} {
			if strings.Contains(t, w) {
				return true
			}
		}
	}
	return false
}

// moreTimeOnTheirWork reports whether a matrix action adds the manager's
// time on reports' or mentees' work: a standing critique or review of it.
func moreTimeOnTheirWork(text string) bool {
	t := strings.ToLower(text)
	whose := strings.Contains(t, "each report") || strings.Contains(t, "mentor an")
	return whose && (strings.Contains(t, "critique") || strings.Contains(t, "review of one of their"))
}

// writesPlans reports whether a matrix action asks a manager to write a
// development plan with each report: the work coach already does.
func writesPlans(text string) bool {
	t := strings.ToLower(text)
	return strings.Contains(t, "development plan with each report")
}

// laterClause matches the clause of a matrix action that follows its first
// step (", and retell it ..."): the part a report does not share.
var laterClause = regexp.MustCompile(`,? and (?:` + strings.Join(laterVerbs, "|") + `) `)

// actionFirstStep is a matrix action's first step, without its final period.
func actionFirstStep(text string) string {
	body := strings.TrimSuffix(strings.TrimSpace(text), ".")
	if loc := laterClause.FindStringIndex(body); loc != nil {
		return body[:loc[0]]
	}
	return body
}

// ownActions rewrites the plan's focus actions by who owns the work (see
// the top of this file). It runs before the actions are scoped to the plan.
func ownActions(in Input, team *TeamIndex, pl *Plan) {
	p := in.Person
	var setbacks []string
	var habit skills.Evidence // the latest setback that says the person holds on to others' work
	for _, e := range p.Evidence {
		if c := SetbackClause(e.Text); c != "" {
			setbacks = append(setbacks, c)
			if overControl([]string{c}) && !e.Date.Before(habit.Date) {
				habit, habit.Text = e, QuotedSetback(e.Text)
			}
		}
	}
	holds := overControl(setbacks)
	var reports []string
	for _, id := range team.reports[p.ID] {
		if q := team.people[id]; q != nil {
			reports = append(reports, team.callName(q))
		}
	}
	mgrActions, mgrCall, mgrGoals := managerOrgActions(in, team)
	for i := range pl.Focus {
		f := &pl.Focus[i]
		for j := 0; j < len(f.Actions); j++ {
			a := &f.Actions[j]
			switch {
			case holds && moreTimeOnTheirWork(a.Text):
				// Coaching, not delegation: the habit in the person's own
				// words is what the month breaks, and the time goes to
				// coaching the author after the work is out.
				*a = Action{
					Text: fmt.Sprintf("For the next month, break the habit written down on %s (\"%s\"): the work goes out as its author wrote it, and you coach them on it afterwards, in a half-hour where they speak first and you ask before you advise.",
						date(habit.Date), strings.TrimSuffix(habit.Text, ".")),
					Evidence: "A month of your reports' work gone out as they wrote it, and each of them able to say what your questions afterwards changed in their next piece.",
				}
			case len(reports) > 0 && writesPlans(a.Text):
				a.Text = fmt.Sprintf("Go through the plan %s already has, in a 1:1 with them: agree the focus skills and goals in their words, and come back to them monthly in your 1:1s.", reports[0])
				if len(reports) > 1 {
					a.Text = fmt.Sprintf("Go through the plans %s already have, in a 1:1 with each: agree the focus skills and goals in their words, and come back to them monthly in your 1:1s.", andList(reports))
				}
				a.After = ""
			case orgWide(a.Text) && (slices.Contains(mgrActions, a.Text) || mgrGoals[f.ID] != nil):
				g := mgrGoals[f.ID]
				due := ""
				if g != nil {
					due = contributionDue(date(g.Due), pl.Today.day)
				}
				if due == "" {
					// The manager's deliverable is only proposed, or due
					// before the person could add to it: it is the
					// manager's alone.
					f.Actions = slices.Delete(f.Actions, j, j+1)
					j--
					continue
				}
				*a = Action{
					Text: fmt.Sprintf("Your part in %s goal \"%s\" (due %s): agree with %s at your next 1:1 which part is yours, and bring it to %s by %s.",
						possessive(mgrCall), g.Text, date(g.Due), mgrCall, mgrCall, due),
					Evidence: fmt.Sprintf("Your part in %s hands by %s, and %s able to say, once it is out, which of it came from you.", possessive(mgrCall), due, mgrCall),
				}
			}
		}
	}
}

// managerOrgActions are the organisation-wide matrix actions of the
// manager's own plan (see orgWide), what the person calls the manager, and
// the manager's own open goals of that kind, by the skills they name: the
// deliverables agreed, of which a report can be given a part; nothing when
// the manager is not in the repository or has no assessment date.
func managerOrgActions(in Input, team *TeamIndex) ([]string, string, map[string]*skills.Goal) {
	mgr := team.people[in.Person.Manager]
	if mgr == nil || mgr.ID == in.Person.ID || mgr.Assessed.IsZero() {
		return nil, "", nil
	}
	m := in.Matrix
	role := m.Role(mgr.Role)
	target := m.Role(mgr.TargetRole(m))
	if role == nil || target == nil {
		return nil, "", nil
	}
	mi := in
	mi.Person, mi.History, mi.Feedback = mgr, nil, nil
	var out []string
	for _, f := range focus(mi, role, target, team, false, nil) {
		for _, a := range f.Actions {
			if orgWide(a.Text) {
				out = append(out, a.Text)
			}
		}
	}
	goals := map[string]*skills.Goal{}
	for i, g := range mgr.Goals {
		if !g.Done.IsZero() || g.Due.IsZero() || !orgWide(g.Text) {
			continue
		}
		for _, id := range g.Skills {
			if goals[id] == nil {
				goals[id] = &mgr.Goals[i]
			}
		}
	}
	if len(out) == 0 && len(goals) == 0 {
		return nil, "", nil
	}
	return out, team.callName(mgr), goals
}

// proposeOrgWide says every organisation-wide deliverable the matrix puts
// in the plan (orgWide) as a suggestion to raise with the manager: nobody
// has agreed it, the file holds no goal of it, and the plan neither calls
// it one nor commits the person, or anyone else, to it. Run after the actions are scoped to the plan.
func proposeOrgWide(pl *Plan) {
	mgr := cmp.Or(pl.ManagerCall, "your manager")
	for i := range pl.Focus {
		for j := range pl.Focus[i].Actions {
			a := &pl.Focus[i].Actions[j]
			if !orgWide(a.Text) || strings.HasPrefix(a.Text, "Your part in ") {
				continue
			}
			// A suggestion, said as one: the file holds no such goal, and
			// the plan never states one it does not hold.
			c := fmt.Sprintf("A suggestion to raise with %s at your next 1:1: %s", mgr, lowerFirst(actionFirstStep(a.Text)))
			if d := actionDue(*a); d != "" {
				c += ", by " + d
			}
			if _, after, ok := strings.Cut(a.InPlan, "; after this plan: "); ok {
				c += "; after this plan: " + after
			} else {
				c += "."
			}
			a.InPlan = c
		}
	}
}

// contributionDue is when a report's part of their manager's deliverable,
// due on mgrDue, is due: two weeks before it, and never before two weeks
// from today; "" when there is no such time.
func contributionDue(mgrDue string, today time.Time) string {
	d, err := time.Parse(time.DateOnly, mgrDue)
	if err != nil {
		return ""
	}
	due := d.AddDate(0, 0, -14)
	if !today.IsZero() && due.Before(today.AddDate(0, 0, 14)) {
		return ""
	}
	return date(due)
}

// keptHiringGoals says, to the leader mgr, the open hiring goals of the
// people under them that keep picks (someone handing over the seat they
// leave): each goal stays the one whose file holds it, and the leader is
// told their part only (cold read 20, finding 4: the same hiring plan read
// as the leader's in one plan and the report's in the other). "" when
// there are none.
func keptHiringGoals(team *TeamIndex, mgr string, keep func(*skills.Person) bool) string {
	var out []string
	eachHiringGoal(team, mgr, keep, func(q *skills.Person, g skills.Goal, due string) {
		out = append(out, fmt.Sprintf("%s goal \"%s\"%s stays %s: your part in it is the headcount and the sign-off.", possessive(cmpName(q)), g.Text, due, possessive(cmpName(q))))
	})
	return strings.Join(out, " ")
}
