package plans

import (
	"fmt"
	"strings"
	"time"

	"github.com/coach-dev/coach/skills"
)

// The parts of an agenda that look beyond the week: the manager's prep
// note, the monthly career conversation, the quarterly review and a new
// hire's place in their first 90 days. Each says only what the files show.

// prep is the manager's note before the 1:1: what changed since the last
// one, and what to ask. It says only what the files show: a goal that fell
// due is a question, not "done", and an item left unticked is open, not
// failed.
func prep(in AgendaInput, a *Agenda) []string {
	var out []string
	var levels, evidence, goals, other int
	for _, c := range a.Changes {
		switch {
		case strings.HasPrefix(c.Text, "Evidence for "):
			evidence++
		case strings.HasPrefix(c.Text, "New goal: "):
			goals++
		case strings.Contains(c.Text, " -> ") && !strings.HasPrefix(c.Text, "Role:"):
			levels++
		default:
			other++
		}
	}
	since := "since the last 1:1"
	if a.FirstAgenda {
		since = "in the four weeks before this first agenda"
	}
	if levels+evidence+goals+other == 0 {
		out = append(out, fmt.Sprintf("Nothing was committed to %s %s: ask what happened that is not written down yet.", in.Person.Path, since))
	} else {
		var parts []string
		if levels > 0 {
			parts = append(parts, plural(levels, "level change"))
		}
		if evidence > 0 {
			parts = append(parts, count(evidence, "evidence entry", "evidence entries"))
		}
		if goals > 0 {
			parts = append(parts, plural(goals, "new goal"))
		}
		if other > 0 {
			parts = append(parts, plural(other, "change of role or target"))
		}
		out = append(out, fmt.Sprintf("Committed %s: %s (listed under \"Since last time\").", since, andList(parts)))
	}
	for _, g := range a.GoalsDue {
		out = append(out, fmt.Sprintf("The goal to %s fell due on %s: the skill file does not say whether it is done, so ask.", goalPhrase(g.Text), g.Due))
	}
	if n := len(Lines(a.Open)); n > 0 {
		oldest := a.Open[0].Since
		for _, it := range a.Open {
			if it.Since < oldest {
				oldest = it.Since
			}
		}
		out = append(out, fmt.Sprintf("%s open, the oldest since %s: ask what is in the way before adding new ones.", count(n, "action item is", "action items are"), oldest))
	}
	if a.PreviousUnreadable {
		out = append(out, fmt.Sprintf("The last agenda (%s) could not be read: check its action items by hand.", a.Previous))
	}
	if f := a.Focus; f != nil {
		for _, c := range in.Plan.Conversations {
			if c.ID == f.ID {
				out = append(out, fmt.Sprintf("On %s, the focus of the week, %s's self-assessment is %d and yours %d: bring your evidence for it.", f.Name, firstName(in.Person), c.Self, c.Manager))
			}
		}
	}
	if r := in.Plan.NextReview; r != "" && r >= a.Date && r <= date(in.Week.Day(in.Config.Agenda.WeekdayValue()).AddDate(0, 0, 28)) {
		out = append(out, fmt.Sprintf("The plan's review is due on %s: reassess the focus skills with their evidence before then.", r))
	}
	return out
}

// career is the monthly career conversation: where the person stands
// against the target, the move it asks for, and a strength to build on.
func career(pl *Plan, day time.Time) *Talk {
	t := &Talk{Title: "Career conversation",
		Intro: fmt.Sprintf("The first 1:1 of %s: fifteen minutes on the longer view, away from this week's work.", day.Month())}
	if pl.Target.ID != pl.Role.ID {
		t.Points = append(t.Points, fmt.Sprintf("Towards %s, the plan's verdict: %s.", pl.Target.Name, pl.Verdict.Text))
	}
	if len(pl.Shifts) > 0 {
		t.Points = append(t.Points, "The move this month: "+pl.Shifts[int(day.Month()-1)%len(pl.Shifts)])
	}
	if len(pl.Strengths) > 0 {
		st := pl.Strengths[int(day.Month()-1)%len(pl.Strengths)]
		t.Points = append(t.Points, fmt.Sprintf("A strength to build on: %s (%d %s); %s.", st.Name, st.Level, st.LevelName, st.Use))
	}
	t.Questions = []string{
		"Where do you want to be in two years, and has that changed since we last talked about it?",
		fmt.Sprintf("Which part of the %s role would you most like to try in the next month, and what would let you?", pl.Target.Name),
		"What would make the next six months a success for you, whatever the title?",
	}
	if pl.Onboarding != nil {
		t.Questions[1] = "What has surprised you most about the product, the customers or the team so far?"
	}
	return t
}

// quarterly is the review on the first 1:1 of a quarter: the plan's
// milestones, goals and focus skills, reassessed with their evidence.
func quarterly(pl *Plan, p *skills.Person, day time.Time) *Talk {
	t := &Talk{Title: "Quarterly review",
		Intro: fmt.Sprintf("The first 1:1 of the quarter: look back at the plan together, then update %s and its plan in one commit.", p.Path)}
	for _, ms := range pl.Milestones {
		d := ""
		if ms.Date != "" {
			d = " (" + ms.Date + ")"
		}
		t.Points = append(t.Points, fmt.Sprintf("Day %d%s: %s Met, partly met or not yet?", ms.Days, d, ms.Text))
	}
	for _, f := range pl.Focus {
		t.Points = append(t.Points, fmt.Sprintf("%s: assessed at %d %s; what evidence is there now for %d %s?", f.Name, f.Level.Value, f.Level.Name, f.Next.Value, f.Next.Name))
	}
	for _, g := range pl.Goals {
		if g.Due != "" && g.Due <= date(day) {
			t.Points = append(t.Points, fmt.Sprintf("The goal to %s was due on %s: done, changed or dropped?", goalPhrase(g.Text), g.Due))
		}
	}
	t.Questions = []string{
		"Looking back on the quarter, what are you proudest of, and what would you do differently?",
		"Which focus skill moved most, and which one needs a different approach?",
		"What should the plan hold for the next quarter?",
	}
	return t
}

// count writes n with the singular or plural phrase.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// onboardingWeek places the 1:1 of day in a new hire's first 90 days, or
// returns nil when the plan is not an onboarding plan or the 90 days are
// over.
func onboardingWeek(pl *Plan, day time.Time) *OnboardingWeek {
	o := pl.Onboarding
	if o == nil || o.Start == "" {
		return nil
	}
	start, err := time.Parse(time.DateOnly, o.Start)
	if err != nil || day.Before(start) {
		return nil
	}
	n := int(day.Sub(start).Hours()/24) + 1
	for _, ph := range o.Phases {
		if n <= ph.Days {
			return &OnboardingWeek{Day: n, Phase: ph, FirstAssessment: o.FirstAssessment}
		}
	}
	return nil
}
