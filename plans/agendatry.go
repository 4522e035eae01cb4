package plans

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/coach-dev/coach/skills"
)

// The week's idea to try fits the week between two 1:1s: the plan's
// actions run over months (a goal due in March, a book "within two
// weeks", a review held twice), and the next agenda asks what was tried.
// Each kind of plan action becomes the step of it that a week holds; a
// goal stays whole under Work review.

// bookAction is the plan's reading action.
var bookAction = regexp.MustCompile(`^Read (\*[^*]+\*)(?: by .+?)? and pick one idea to try in your own work within two weeks\.$`)

// weekStep starts an action the agenda wrote for the week itself.
const weekStep = "Before our next 1:1, "

// setbackAction is the plan's action that starts from a setback.
const setbackAction = "Start from what the evidence of "

// weeklyTry returns the part of the plan action a that one week holds, and
// the person's goal it comes from, if any (nil otherwise).
func weeklyTry(a Action, p *skills.Person, skill string, day time.Time) (Action, *skills.Goal) {
	s := lowerFirst(skill)
	for i, g := range p.Goals {
		if g.Text == "" || !strings.HasPrefix(a.Text, g.Text) && !strings.Contains(a.Text, "\""+g.Text+"\"") {
			continue
		}
		if !g.Due.IsZero() && g.Due.Before(day) {
			// The goal itself is under Goals due, with its own question.
			return Action{
				Text:     fmt.Sprintf("Once we have agreed what happens to the goal past its date, take one step on it before our next 1:1 that shows your %s, and tell me how it went.", s),
				Evidence: "What you did, and how the people it involved responded, in your own words at our next 1:1.",
			}, &p.Goals[i]
		}
		name := "“" + g.Text + "”"
		if !g.Due.IsZero() && !g.Due.After(day.AddDate(0, 0, 14)) {
			// The goal is under Goals due, quoted there.
			name = "the goal due on " + longDate(g.Due, day)
		}
		return Action{
			Text:     fmt.Sprintf("Pick the one conversation or decision in %s this week where %s matters most, and plan it before you go in.", name, s),
			Evidence: "What you planned, what happened and what you would change, at our next 1:1.",
		}, &p.Goals[i]
	}
	switch m := bookAction.FindStringSubmatch(a.Text); {
	case strings.HasPrefix(a.Text, weekStep):
		return a, nil // sized for the week already
	case m != nil:
		return Action{
			Text:     fmt.Sprintf("Read the chapter of %s that speaks most to %s before our next 1:1, and bring one idea you would try.", m[1], s),
			Evidence: "The idea, and where in your own work you will try it first.",
		}, nil
	case strings.HasPrefix(a.Text, setbackAction):
		return Action{
			Text:     strings.Replace(a.Text, "try it in the next two weeks", "try it before our next 1:1", 1),
			Evidence: "What you tried, and how the people it affected responded, at our next 1:1.",
		}, nil
	}
	ev := strings.TrimSuffix(strings.TrimSpace(a.Evidence), ".")
	if ev == "" {
		ev = "the change seen in your work"
	}
	return Action{
		Text:     "A first step before our next 1:1 towards this: " + a.Text,
		Evidence: fmt.Sprintf("The first step taken, brought to our next 1:1; in time, %s.", lowerFirst(ev)),
	}, nil
}
