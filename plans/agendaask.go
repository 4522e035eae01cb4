package plans

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coach-dev/coach/skills"
)

// The agenda's questions to the manager about their own commitments, and
// the parts of a goal that the week's questions and steps are built from.
// A commitment is asked about as one concrete question, in the manager's
// own voice ("Did I ..."), from its kind and the words of the goal, the
// mentor or the buddy it names: the plan's text is never pasted.

// goalWords are the parts of a goal's text: its verb ("Lead", "Take
// over"), the thing it is about ("the renewal-flow scope conversation")
// and who it is with or for ("Customer Success"), each "" when the text
// does not say.
type goalWords struct {
	Verb, Object, With string
}

// particles join a verb ("Take over", "Bring back"): they belong to it.
var particles = map[string]bool{"over": true, "up": true, "on": true, "down": true, "out": true}

// objectEnd ends the thing a goal is about: a preposition, a relative
// clause or a second verb after "and".
var objectEnd = regexp.MustCompile(`\s+(?:end to end|with|to|for|from|that|through|before|by|in|into|at|across|again|back|so)\b|\s+and\s+(?:move|use|present|rebuild|test|publish|share|ship|run|write|hold|take|make|get|bring|lead|agree|hand|keep|cut|grow)\b|[,;:(]`)

// partyAfter finds who a goal is with or for: the words after its last
// "with" or "to", when they name someone rather than a number, up to a
// preposition that starts a time or a place.
var partyAfter = regexp.MustCompile(`\s(?:with|to)\s+((?:the\s+|each\s+|every\s+)?[\p{L}][\p{L}\p{N}'&-]*(?:\s+(?:and\s+)?[\p{L}\p{N}][\p{L}\p{N}'&-]*)*)\s*$`)

// partyStop cuts a party at a time or a place ("the other GPMs before the
// January reviews").
var partyStop = regexp.MustCompile(`\s+(?:before|by|in|on|at|for|from|after|during|until|this|next)\b.*$|\s+and\s+(?:take|move|use|present|rebuild|test|publish|share|ship|run|write|hold|make|get|bring|lead|agree|hand|keep|cut|grow)\b.*$`)

// parseGoal reads the parts of a goal's text.
func parseGoal(text string) goalWords {
	t := strings.TrimSuffix(strings.TrimSpace(text), ".")
	fields := strings.Fields(t)
	if len(fields) < 2 {
		return goalWords{}
	}
	n := 1
	if particles[fields[1]] && len(fields) > 2 {
		n = 2
	}
	g := goalWords{Verb: strings.Join(fields[:n], " ")}
	rest := strings.Join(fields[n:], " ")
	obj := rest
	if loc := objectEnd.FindStringIndex(rest); loc != nil {
		obj = rest[:loc[0]]
	}
	g.Object = strings.TrimSpace(obj)
	// The last "with" or "to" in the goal that names a party.
	for i := len(t); i > 0; {
		j := max(strings.LastIndex(t[:i], " with "), strings.LastIndex(t[:i], " to "))
		if j < 0 {
			break
		}
		if m := partyAfter.FindStringSubmatch(t[j:]); m != nil {
			if p := partyStop.ReplaceAllString(m[1], ""); isParty(p) {
				g.With = p
				break
			}
		}
		i = j
	}
	return g
}

// isParty reports whether words name someone: a name ("Customer
// Success", "Tomás") or a group ("the board", "each report"), not a number
// or a thing of the goal's own ("its metric").
func isParty(p string) bool {
	r, _ := utf8.DecodeRuneInString(p)
	return unicode.IsUpper(r) || strings.HasPrefix(p, "the ") || strings.HasPrefix(p, "each ") || strings.HasPrefix(p, "every ")
}

// the writes a thing with "the" rather than "a": "a monthly career
// conversation" becomes "the monthly career conversation".
func the(obj string) string {
	for _, a := range []string{"a ", "an ", "A ", "An "} {
		if strings.HasPrefix(obj, a) {
			return "the " + obj[len(a):]
		}
	}
	return obj
}

// commitmentQuestion is the one question a commitment of the plan asks of
// the manager this week, in their own voice, built from the commitment's
// kind and what it names; "" for a commitment it cannot put as a question
// (never its text pasted). asked are the goals the agenda asks about
// elsewhere this week, not asked about again.
func commitmentQuestion(c string, pl *Plan, p *skills.Person, a *Agenda, asked string) string {
	first := a.FirstName
	focus := "the focus skills"
	if a.Focus != nil {
		focus = lowerFirst(a.Focus.Name)
	}
	switch {
	case strings.HasPrefix(c, "Backing for"):
		var goals []skills.Goal
		for _, g := range p.OpenGoals() {
			if g.Text != "" && strings.Contains(c, g.Text) && !strings.Contains(asked, g.Text) {
				goals = append(goals, g)
			}
		}
		if len(goals) == 0 {
			return ""
		}
		g := goals[mod(a.Number-1, len(goals))]
		w := parseGoal(g.Text)
		obj := the(w.Object)
		if obj == "" {
			obj = "“" + g.Text + "”"
		}
		switch verb := strings.ToLower(w.Verb); {
		case verb == "mentor" || verb == "coach":
			return fmt.Sprintf("Did I keep %s's time with %s clear, and leave the mentoring to %s?", first, w.Object, first)
		case strings.Contains(c, "overdue since"):
			return fmt.Sprintf("What have I cleared out of the way of %s since it went past its date?", obj)
		case strings.Contains(c, "what done looks like"):
			return fmt.Sprintf("Did I agree with %s up front what done looks like for %s, and then stay out of the how?", first, obj)
		}
		return fmt.Sprintf("Did I leave the calls on %s to %s, and review the work without rewriting it?", obj, first)
	case MakesCase(c):
		if pl.Calibration != "" {
			return fmt.Sprintf("Have I booked the calibration that %s's case for %s is waiting for?", first, pl.Target.Name)
		}
		if h := pl.handover; h != nil {
			return fmt.Sprintf("Have I started writing %s's case for %s with %s, for the next promotion round?", first, pl.Target.Name, h.with)
		}
		if pl.cosponsor != "" {
			return fmt.Sprintf("Have I started writing %s's case for %s with %s, for the next promotion round?", first, pl.Target.Name, pl.cosponsor)
		}
		return fmt.Sprintf("Have I started writing %s's case for %s, for the next promotion round?", first, pl.Target.Name)
	case strings.HasPrefix(c, "Sponsorship:"):
		if h := pl.handover; h != nil {
			return fmt.Sprintf("Have I booked %s's slot at the next leadership review with %s?", first, h.with)
		}
		return fmt.Sprintf("Have I booked %s's slot at the next leadership review?", first)
	case strings.HasPrefix(c, "Onboarding:"):
		// Each promise is live only inside its window: the introductions
		// in the first two weeks, no deadline before day 30. A window that
		// has passed is checked once, in the first agenda after it (the
		// introductions can still be made up; a deadline-free month that
		// is over cannot), and never again.
		day := 0
		if a.Onboarding != nil {
			day = a.Onboarding.Day
		}
		firstAfter := a.Number == 1 || day-7 <= introDays
		switch {
		case day <= introDays:
			return fmt.Sprintf("Have I made every introduction I promised %s in the first two weeks?", first)
		case firstAfter:
			return fmt.Sprintf("Did every introduction I promised %s for the first two weeks happen? Make any that did not this week.", first)
		case day <= 30:
			return fmt.Sprintf("Has %s stayed free of delivery deadlines, as I promised until day 30?", first)
		}
		return ""
	case strings.HasPrefix(c, "Assessment:") && pl.AssessSessionBy() != "":
		// The one session the plan books: asked after on its day, the
		// day the plan and the review give it (cold read 20, point 3).
		by, on := day0(pl.AssessSessionBy()), day0(a.Date)
		if by.Before(on) {
			return fmt.Sprintf("Have %s and I held the session that sets the %d levels not yet assessed? It was due before %s: if not, book it this week.", first, len(pl.AssessFirst), longDate(by, on))
		}
		return fmt.Sprintf("Have %s and I booked the 90-minute session that sets the %d levels not yet assessed, before %s?", first, len(pl.AssessFirst), longDate(by, on))
	case strings.HasPrefix(c, "Assessment:"):
		var todo []string
		for _, g := range p.OpenGoals() {
			for _, id := range g.Skills {
				if p.Levels[id] == 0 && !slices.Contains(todo, id) {
					todo = append(todo, id)
				}
			}
		}
		if len(todo) == 0 {
			return ""
		}
		name := lowerFirst(skillName(pl, todo[mod(a.Number-1, len(todo))]))
		return fmt.Sprintf("Have %s and I agreed a level for %s yet?", first, name)
	case strings.HasPrefix(c, "Learning the job:"):
		return fmt.Sprintf("Did %s and I talk one real people situation through, before and after, in the last two weeks?", first)
	case strings.HasPrefix(c, "An offer, to agree with "):
		return fmt.Sprintf("Did %s and I agree what new scope waits for the next review?", first)
	case strings.HasPrefix(c, "Candour:"):
		return fmt.Sprintf("Did I tell %s what I saw on %s since our last 1:1, good or not, with the example?", first, focus)
	case strings.HasPrefix(c, "Room to grow:"):
		return fmt.Sprintf("Did %s get a say in which work comes next, so that it serves %s?", first, focus)
	case strings.HasPrefix(c, "An introduction to "):
		for _, l := range pl.Mentors {
			if strings.HasPrefix(c, "An introduction to "+l.Person.Name+" ") {
				return fmt.Sprintf("Have I introduced %s to %s yet, for a first session on %s?", first, l.Person.Name, lowerFirst(l.Skill.Name))
			}
		}
		if o := pl.outside; o != nil && strings.HasPrefix(c, "An introduction to "+o.who+" ") {
			if o.via != "" {
				return fmt.Sprintf("Have I asked %s yet for %s to mentor %s in %s?", o.via, o.who, first, skillList(o.skills))
			}
			return fmt.Sprintf("Have I found %s yet to mentor %s in %s?", o.who, first, skillList(o.skills))
		}
	case strings.Contains(c, " as onboarding buddy"):
		buddy, _, _ := strings.Cut(c, " as onboarding buddy")
		return fmt.Sprintf("Did %s and %s have their weekly half-hour as buddies since our last 1:1?", first, buddy)
	}
	return ""
}

// skillList joins skill names as andList does, with a comma before the
// last one too when a name has an "and" of its own, so that the list reads
// as its skills (cold read 20: "in delegation and team performance and
// development plans and levelling and coaching and mentoring" -> "in
// delegation and team performance, development plans and levelling, and
// coaching and mentoring").
func skillList(names []string) string {
	if len(names) > 1 && slices.ContainsFunc(names, func(s string) bool { return strings.Contains(s, " and ") }) {
		return strings.Join(names[:len(names)-1], ", ") + ", and " + names[len(names)-1]
	}
	return andList(names)
}

// introDays is the window of a new hire's introductions: the first two
// weeks.
const introDays = 14

// skillName is the name of a skill of the plan's rows, or its id.
func skillName(pl *Plan, id string) string {
	for _, s := range pl.Skills {
		if s.ID == id {
			return s.Name
		}
	}
	return id
}

// ownWorkQuestion is a question of the week about the person's own work:
// the goal that names the focus skill, or their work at large when none
// does.
// ownWorkAgain are the second questions about the person's own work, for
// a week whose bank was asked in full within RecentWeeks, or is asked of a
// teammate this week: the first is asked unless it was lately, or a
// teammate has it.
func ownWorkAgain(g *skills.Goal) []string {
	if g == nil {
		return []string{
			"Which piece of your work this month would you do differently if you started it today, and what stops you changing it now?",
			"What did you say yes to this month that you would now say no to, and what would undoing it take?",
		}
	}
	obj := cmpOr(the(parseGoal(g.Text).Object), "“"+g.Text+"”")
	return []string{
		fmt.Sprintf("Who would notice first if %s went wrong, and when did you last hear from them?", obj),
		fmt.Sprintf("Which assumption under %s have you not yet checked with someone who could prove it wrong?", obj),
		fmt.Sprintf("What would you cut from %s if you had half the time left, and why is it still in?", obj),
	}
}

// ownWorkQuestion is a question of the week about the person's own work:
// the goal that names the focus skill, or their work at large when none
// does.
func ownWorkQuestion(g *skills.Goal) string {
	if g == nil {
		return "Which piece of your own work this month are you least sure of, and who could tell you?"
	}
	obj := cmpOr(the(parseGoal(g.Text).Object), "“"+g.Text+"”")
	return fmt.Sprintf("What on %s are you least sure of, and who could tell you?", obj)
}
