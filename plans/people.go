package plans

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/coach-dev/coach/skills"
)

// The links between plans. A people leader's plan names their people and
// what their plans ask of the leader: a new hire's onboarding, a report new
// to leading people, a report whose fit with the role is in question, and a
// report's goal that waits on one of the leader's own overdue goals. A
// teammate who is a new hire's onboarding buddy reads it in their own plan,
// and a report whose goal waits on their manager's overdue goal reads that
// in the manager's commitments. Every line comes from the files: roles,
// dates, goals and evidence, never from a name the code knows.

// peopleLines are the lines of p's plan about the people whose plans are
// linked to theirs, in the plan's voice (p is "you"), reports first by id,
// then the new hire p is a buddy for. today is p's plan's today.
func peopleLines(m *skills.Matrix, p *skills.Person, team *TeamIndex, reviewMonths int) []string {
	var out, names []string
	for _, id := range team.reports[p.ID] {
		q := team.people[id]
		names = append(names, cmpName(q))
		first := team.callName(q)
		qToday := TodayOf(q).day
		switch {
		case NewHire(q, qToday):
			line := fmt.Sprintf("%s joined on %s and is onboarding with you to day 90, %s: a weekly 1:1, the introductions %s needs made in the first two weeks, and no delivery deadline of %s own before day 30",
				cmpName(q), date(q.Joined), date(q.Joined.AddDate(0, 0, planDays)), first, possessive(first))
			if b, ok := team.buddyOf[id]; ok {
				line += fmt.Sprintf("; %s is %s onboarding buddy", cmpName(team.people[b]), possessive(first))
			}
			out = append(out, line+".")
		case firstTimeManager(m, q, team.history[id]):
			out = append(out, fmt.Sprintf("%s is new to leading people, since the move to %s: an hour a fortnight with %s on one real people situation (a 1:1, a piece of feedback, a hand-over), talked through before and after.",
				cmpName(q), roleName(m, q.Role), first))
		case len(q.Levels)*2 < len(m.Skills) && !q.Joined.IsZero() && !qToday.IsZero():
			out = append(out, fmt.Sprintf("%s has a level on %s of %d skills, %d days after joining on %s: assess the rest with %s at the next 1:1s, starting with the ones %s goals use, so that %s plan has something to stand on.",
				cmpName(q), number(len(q.Levels)), len(m.Skills), int(qToday.Sub(q.Joined).Hours()/24), date(q.Joined), first, possessive(first), possessive(first)))
		case fitInQuestion(m, q):
			review := ""
			if !q.Assessed.IsZero() {
				review = " by " + date(q.Assessed.AddDate(0, reviewMonths, 0))
			}
			out = append(out, fmt.Sprintf("%s is below the %s bar on %s, with setbacks in the evidence: %s plan names what must move%s. Go through it with %s every fortnight, with the examples; if it has not moved, the open talk about fit is yours to start.",
				cmpName(q), roleName(m, q.Role), words(len(readiness(m, q, m.Role(q.Role)).Below), "skill"), possessive(first), review, first))
		}
		for _, w := range waitsOn(p, q) {
			out = append(out, fmt.Sprintf("%s goal \"%s\"%s waits on your own \"%s\", overdue since %s: a new date for yours is a new date for %s.",
				possessive(first), w.theirs.Text, dueIn(w.theirs.Due), w.yours.Text, date(w.yours.Due), possessive(first)))
		}
	}
	if len(names) > 0 {
		out = append([]string{fmt.Sprintf("You lead %s.", andList(names))}, out...)
	}
	// Reports whose levels a re-baseline of the leader's set, not yet
	// calibrated: their plans hold their verdicts until it is.
	var held []string
	on := ""
	for _, id := range team.reports[p.ID] {
		q := team.people[id]
		if b, ok := team.rebased[id]; ok && (b.Author == "" || b.Author == p.Name) {
			held = append(held, cmpName(q))
			on = max(on, b.Date)
		}
	}
	if len(held) > 0 {
		with := "the other managers"
		if n := team.names[p.Manager]; n != "" {
			with = n
		}
		hold := "their plans hold their verdicts"
		if len(held) == 1 {
			hold = "the plan holds its verdict"
		}
		out = append(out, fmt.Sprintf("Your assessment of %s (%s) set the levels at once and is not calibrated yet: calibrate it with %s, as %s until then.",
			andList(held), on, with, hold))
	}
	for _, id := range team.buddyTo[p.ID] {
		q := team.people[id]
		first := team.callName(q)
		out = append(out, fmt.Sprintf("You are %s onboarding buddy: %s joined on %s; a half-hour every week to %s, the end of the first two months, to answer what nobody writes down, and what you see of %s first weeks told to %s.",
			possessive(cmpName(q)), first, date(q.Joined), date(q.Joined.AddDate(0, 2, 0)), possessive(first), cmpName(team.people[q.Manager])))
	}
	return out
}

// waiting is a report's goal that waits on one of their manager's overdue
// goals.
type waiting struct{ yours, theirs skills.Goal }

// waitsOn lists q's goals that wait on an overdue goal of p, their manager:
// the two goals name the same work (three content words in common), and
// p's goal gives it to q (it names q) or q's goal takes it over.
func waitsOn(p, q *skills.Person) []waiting {
	today := TodayOf(p).day
	var out []waiting
	for _, mine := range p.OpenGoals() {
		if mine.Due.IsZero() || today.IsZero() || !mine.Due.Before(today) {
			continue
		}
		names := slices.Contains(wordsOf(mine.Text), firstWord(q.Name))
		for _, theirs := range q.OpenGoals() {
			if shown([]string{mine.Text}, theirs.Text) && (names || receives(theirs.Text)) {
				out = append(out, waiting{yours: mine, theirs: theirs})
			}
		}
	}
	return out
}

// waitCommitments are the commitments of q's manager that q's goals wait
// on: the manager's own overdue goal, given a new date.
func waitCommitments(q *skills.Person, team *TeamIndex) []string {
	mgr := team.people[q.Manager]
	if mgr == nil {
		return nil
	}
	var out []string
	for _, w := range waitsOn(mgr, q) {
		out = append(out, fmt.Sprintf("The hand-over your goal \"%s\" waits on: %s own goal \"%s\", due %s and still open, given a new date at the next 1:1 and kept to.",
			w.theirs.Text, possessive(team.callName(mgr)), w.yours.Text, date(w.yours.Due)))
	}
	return out
}

// firstTimeManager reports whether q moved from a role that leads no one
// into one that leads people within their plan period, by their history.
func firstTimeManager(m *skills.Matrix, q *skills.Person, history []skills.Change) bool {
	now := m.Role(q.Role)
	if now == nil || !now.Leads || q.PlanStart.IsZero() {
		return false
	}
	for _, c := range history {
		if c.Kind != skills.KindRole || c.To != q.Role || c.Date.Format(time.DateOnly) < date(q.PlanStart) {
			continue
		}
		if from := m.Role(c.From); from != nil && !from.Leads {
			return true
		}
	}
	return false
}

// fitInQuestion reports whether q is below their current role's bar on two
// skills or more, with a setback in the evidence on one of them, and not
// back from leave: the plan then raises the question of fit.
func fitInQuestion(m *skills.Matrix, q *skills.Person) bool {
	role := m.Role(q.Role)
	if role == nil {
		return false
	}
	if _, _, back := ReturnFromLeave(q); back {
		return false
	}
	below := readiness(m, q, role).Below
	if len(below) < 2 || len(q.Levels)*2 < len(m.Skills) {
		return false
	}
	for _, g := range below {
		if slices.ContainsFunc(q.Evidence, func(e skills.Evidence) bool { return e.Skill == g.ID && Setback(e.Text) }) {
			return true
		}
	}
	return false
}

func cmpName(q *skills.Person) string {
	if q == nil {
		return ""
	}
	if q.Name != "" {
		return q.Name
	}
	return q.ID
}

func dueIn(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return " (due " + date(t) + ")"
}

func wordsOf(text string) []string { return strings.FieldsFunc(text, notLetter) }
