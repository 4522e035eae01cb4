package plans

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/coach-dev/coach/skills"
)

// The week's idea to try fits the week between two 1:1s: the plan's
// actions run over months (a goal due in March, a book "within two
// weeks", a review held twice), and the next agenda asks what was tried.
// Each kind of plan action becomes the step of it that a week holds, built
// from the person's own goal (what it is about, who it is with, its date),
// their own evidence, or the next level's step: never one sentence with a
// skill's name dropped in for everyone. A goal stays whole under Work
// review.

// bookAction is the plan's reading action.
var bookAction = regexp.MustCompile(`^Read (\*[^*]+\*)(?: by .+?)? and pick one idea to try in your own work within two weeks\.$`)

// weekStep starts an action the agenda wrote for the week itself.
const weekStep = "Before our next 1:1, "

// weeklyTry returns the part of the plan action a that one week holds, and
// the person's goal it comes from, if any (nil otherwise). f is the focus
// skill the action is for.
//
// A goal's step turns with turn, how many times its action has come round
// on this skill before (and under the focus skills before it, before), and is never last week's (last) again: the same
// goal a second and a third time is the decision it waits on and the view
// of those it is for, not the same sentence.
func weeklyTry(a Action, p *skills.Person, f Focus, day time.Time, last string, turn int, before ...string) (Action, *skills.Goal) {
	return weeklyTryAt(a, p, f, day, last, turn, offset(p.ID), nil, nil, before...)
}

// weeklyTryAt is weeklyTry for the person at seat in their team (see
// teamSeat): a goal's later steps turn from the seat, so that two people
// of one team on the same turn in the same week are handed different
// steps while there are others (cold read 10, finding 11).
//
// taken, when set, says a step is not to be handed this week (a
// teammate's this week, or the person's of the last weeks): the goal's
// steps pass over it for the next one that is not, while there is one.
//
// mate, when set, says a teammate has a step this week: a goal's first
// step, which stays the person's own, is started the first of its ways
// (see goalWays) no teammate has, while there is one (cold read 10: two
// people of one week both opening their documents with a paragraph).
func weeklyTryAt(a Action, p *skills.Person, f Focus, day time.Time, last string, turn, seat int, taken, mate func(string) bool, before ...string) (Action, *skills.Goal) {
	open := p.OpenGoals()
	for i, g := range open {
		if g.Text == "" || !strings.Contains(a.Text, g.Text) {
			continue
		}
		obj := cmpOr(the(parseGoal(g.Text).Object), "“"+g.Text+"”")
		way := 0
		for w := range goalWays {
			if mate == nil || !mate(goalStepAt(g, day, setbackOn(p, f.ID), f.Noted, withOthers(f), w)) {
				way = w
				break
			}
		}
		steps := []string{goalStepAt(g, day, setbackOn(p, f.ID), f.Noted, withOthers(f), way)}
		shows := []string{goalShowsAt(g, f, day, way)}
		// The goal's second step is the skill's own practice at work (or
		// the person to learn it from) begun on it: the focus skill at the
		// person's level, not a sentence any goal would take; one that
		// cannot be done on the goal, and so does not name it, is not a
		// step of the goal's (cold read 8, finding 2).
		if h := habit(p, f); h != nil && habitGoal(p, f) != nil && habitGoal(p, f).Text == g.Text && strings.Contains(h.Text, obj) {
			steps, shows = append(steps, h.Text), append(shows, h.Evidence)
		}
		// The later steps turn from a different place for each person, so
		// that teammates a week apart are not handed one sentence; a
		// goal's own decision and its people's view go with the focus
		// skill's next level, in the matrix's words.
		later, ev := laterSteps(g, day), laterShows(g)
		// Due within two weeks, a goal's later steps are the work itself
		// (see soonStep), once, not a decision or a view to ask for.
		if soon := !g.Due.IsZero() && !g.Due.Before(day) && !g.Due.After(day.AddDate(0, 0, 14)); soon && later[0] == nextDecision(g, day) {
			st, sh := soonStep(g, day)
			later, ev = []string{st}, []string{sh}
		}
		if later[0] == nextDecision(g, day) && f.Next.Value > 0 && f.Next.Descriptor != "" {
			later = append(later, fmt.Sprintf("Pick the part of %s in %s (“%s”) that %s needs most, and do it before our next 1:1.",
				f.Next.Words(), lowerFirst(f.Name), firstClause(f.Next.Descriptor), obj))
			ev = append(ev, fmt.Sprintf("The part you picked, what you did on %s, and who noticed.", obj))
		}
		r := mod(seat, len(later))
		steps = append(append(steps, later[r:]...), later[:r]...)
		shows = append(append(shows, ev[r:]...), ev[:r]...)
		// A goal that names two focus skills starts the later one's weeks
		// at its next step: its first was tried under the earlier one.
		for _, id := range before {
			if slices.Contains(g.Skills, id) {
				turn++
			}
		}
		k := mod(turn, len(steps))
		if steps[k] == last {
			k = (k + 1) % len(steps)
		}
		// A step a teammate has this week, or one of the last weeks',
		// is passed over for the next that is neither, while there is one.
		for i := 0; taken != nil && taken(steps[k]) && i < len(steps); i++ {
			if n := mod(k+1+i, len(steps)); steps[n] != last && !taken(steps[n]) {
				k = n
				break
			}
		}
		return Action{Text: steps[k], Evidence: shows[min(k, len(shows)-1)]}, &open[i]
	}
	switch m := bookAction.FindStringSubmatch(a.Text); {
	case strings.HasPrefix(a.Text, weekStep):
		return a, nil // sized for the week already
	case m != nil:
		return Action{
			Text:     fmt.Sprintf("Read the chapter of %s that speaks most to %s before our next 1:1, and bring one idea you would try.", m[1], lowerFirst(f.Name)),
			Evidence: "The idea, and where in your own work you will try it first.",
		}, nil
	}
	if e := setbackOn(p, f.ID); e != nil && strings.Contains(a.Text, SetbackClause(e.Text)) {
		return Action{
			Text: fmt.Sprintf("%s of %s reads “%s”: before our next 1:1, catch the next moment it happens, do one thing differently, and write down what followed.",
				UpperFirst(noteWord(f.Noted)), longDate(e.Date, day), strings.TrimSuffix(clauseToYou(e.Text, p), ".")),
			Evidence: "What you did differently, and how the people it affected responded, at our next 1:1.",
		}, nil
	}
	ev := strings.TrimSpace(a.Evidence)
	if ev == "" {
		ev = "What you started, and who saw it."
	}
	if !strings.HasSuffix(ev, ".") {
		ev += "."
	}
	step := strings.TrimSpace(a.Text)
	if !strings.HasSuffix(step, ".") {
		step += "."
	}
	// The matrix's action is the plan's first action for the skill,
	// started this week (the agenda says so, see WeekFocus.Long), said as
	// the plan says it: the step beyond the person's own goal done on it,
	// when there is one, and what would show it is the plan's own
	// evidence, something others can see, not a sentence any skill would
	// take (cold read 13).
	if g := doneGoal(p, f.ID, step); g != nil {
		step = fmt.Sprintf("%s%s (“%s”)%s%s", doneFirst, longDate(g.Done, day), g.Text, doneStep, lowerFirst(step))
	}
	return Action{Text: step, Evidence: ev, Started: true}, nil
}

// longAction reports whether a week's idea to try is a matrix action
// that runs for months, started this week rather than done in it.
func longAction(a Action) bool { return a.Started }

// ownFirst orders a focus skill's actions so that the person's own come
// first: the steps of their goals that name the skill (the most pressing
// first; a goal the plan's actions do not name is added as one), then the
// rest in the plan's order.
func ownFirst(actions []Action, p *skills.Person, f Focus, day time.Time) []Action {
	var goals []skills.Goal
	for _, g := range p.OpenGoals() {
		if g.Text != "" && slices.Contains(g.Skills, f.ID) {
			goals = append(goals, g)
		}
	}
	slices.SortStableFunc(goals, func(a, b skills.Goal) int {
		switch {
		case sooner(a, b):
			return -1
		case sooner(b, a):
			return 1
		}
		return 0
	})
	var own, rest []Action
	for _, g := range goals {
		i := slices.IndexFunc(actions, func(a Action) bool { return strings.Contains(a.Text, g.Text) })
		if i < 0 {
			own = append(own, Action{Text: g.Text + "."})
			continue
		}
		own = append(own, actions[i])
	}
	for _, a := range actions {
		if !slices.ContainsFunc(goals, func(g skills.Goal) bool { return strings.Contains(a.Text, g.Text) }) {
			rest = append(rest, a)
		}
	}
	if len(actions) == 0 {
		return nil // nothing to try on this skill: the plan says why
	}
	return append(own, rest...)
}

// The words that size a long action to the week.
const (
	firstPlace = " Start where it fits, before our next 1:1."
	firstStep  = " Take its first step before our next 1:1."
	// oldPlace is firstPlace as earlier agendas wrote it.
	oldPlace = " Before our next 1:1, name where in your own work you will do it first, and take that first step."
)

// ShortTry is an idea to try as the next agenda recalls it: without the
// words that sized it to the week.
//
// A step beyond the person's own goal done on the skill is recalled as the
// step, without the goal said again.
func ShortTry(t string) string {
	if rest, ok := strings.CutPrefix(t, doneFirst); ok {
		if _, step, ok := strings.Cut(rest, doneStep); ok {
			t = UpperFirst(step)
		}
	}
	return strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(t, oldPlace), firstPlace), firstStep)
}

// doneFirst and doneStep say a matrix action as the step beyond the
// person's own goal done on the skill (see doneGoal).
const (
	doneFirst = "You did the first of this on "
	doneStep  = "; the step beyond it: "
)

// setbackOn is the person's latest evidence on a skill when it records a
// setback, else nil.
func setbackOn(p *skills.Person, id string) *skills.Evidence {
	if e := lastEvidenceOn(p, id); e != nil && Setback(e.Text) {
		return e
	}
	return nil
}

// lastEvidenceOn is the person's latest evidence on a skill, or nil.
func lastEvidenceOn(p *skills.Person, id string) *skills.Evidence {
	var last *skills.Evidence
	for i, e := range p.Evidence {
		if e.Skill == id && (last == nil || !e.Date.Before(last.Date)) {
			last = &p.Evidence[i]
		}
	}
	return last
}

// metricMove reads a goal that moves a number: "move 7-day activation from
// 31% to 36%", "bring team engagement back to 72".
var metricMove = regexp.MustCompile(`(?i)\b(?:move|grow|raise|cut|reduce|lift|increase|bring)\s+(.+?)\s+(?:from\s+\S+\s+to|back\s+to|to)\s+(\d[\d.,]*\s*%?)`)

// recurring marks a goal that is a habit to hold ("a monthly clinic").
var recurring = regexp.MustCompile(`(?i)\b(weekly|fortnightly|monthly|quarterly|every)\b`)

// goalStep is the week's step of a goal, from its verb, what it is about,
// who it is with and its date: the goal's next real occasion, and the
// preparation that makes it go well. setback, when set, is the person's
// latest evidence on the skill recording a setback: the step then watches
// for it.
//
// noted is who wrote that evidence, in the agenda's words (see noteWord).
func goalStep(g skills.Goal, day time.Time, setback *skills.Evidence, noted string, others bool) string {
	return goalStepAt(g, day, setback, noted, others, 0)
}

// goalWays is how many ways goalStepAt has of starting a goal that is a
// document or a presentation; other goals have one, whatever the way.
const goalWays = 3

// goalStepAt is goalStep started the way-th of its ways (see goalWays),
// counted from the goal's own first: a team whose week holds several
// written goals starts each its own way.
func goalStepAt(g skills.Goal, day time.Time, setback *skills.Evidence, noted string, others bool, way int) string {
	w := parseGoal(g.Text)
	obj := the(w.Object)
	if obj == "" {
		obj = "“" + g.Text + "”"
	}
	verb := strings.ToLower(w.Verb)
	by := ""
	if !g.Due.IsZero() {
		by = " by " + longDate(g.Due, day)
	}
	watch := ""
	if setback != nil {
		watch = fmt.Sprintf(", with %s of %s in mind (“%s”)", noteWord(noted), longDate(setback.Date, day), strings.TrimSuffix(SetbackClause(setback.Text), "."))
	}
	late := !g.Due.IsZero() && g.Due.Before(day)
	soon := !g.Due.IsZero() && !late && !g.Due.After(day.AddDate(0, 0, 14))
	with := w.With
	switch {
	case late && (verb == "hand" || verb == "delegate" || verb == "give") && with != "":
		return fmt.Sprintf("Once we have agreed what happens to the hand-over, give %s one part of %s to run alone before our next 1:1, and stay out of it%s.", with, obj, watch)
	case late:
		return fmt.Sprintf("Once %s has a date we both believe, take its next step before our next 1:1%s, and tell me how the people it involves responded.", obj, watch)
	case verb == "present" || strings.Contains(strings.ToLower(g.Text), " present it "):
		if with == "" {
			with = "your audience"
		}
		if soon {
			return fmt.Sprintf("%s goes to %s on %s: before then, hold a full run-through with one person who knows them, and cut what they did not need.", capitalize(obj), with, longDate(g.Due, day))
		}
		switch mod(way, goalWays) {
		case 1:
			return fmt.Sprintf("Write down the one decision you want %s to take on %s, and the question they are most likely to ask before taking it; bring both, with your answer, to our next 1:1.", with, obj)
		case 2:
			return fmt.Sprintf("Draft the first slide of %s as %s will see it, one headline sentence and the one number behind it, and bring it to our next 1:1.", obj, with)
		}
		return fmt.Sprintf("Write the three things %s must take away from %s, a line each, and test them on one person who knows them before our next 1:1.", with, obj)
	}
	if m := metricMove.FindStringSubmatch(g.Text); m != nil {
		// Three ways into a number, by the goal, so that a team moving
		// several is not handed one sentence (cold read 13).
		metric := the(strings.TrimSpace(m[1]))
		switch mod(offset(g.Text)+way, goalWays) {
		case 1:
			return fmt.Sprintf("Find where %s stands today and what moved it last, and bring both to our next 1:1, with the one lever you will pull first%s.", metric, by)
		case 2:
			return fmt.Sprintf("Ask two of the people %s measures what would move it for them, before our next 1:1, and bring their words with the change you will try first.", metric)
		}
		return fmt.Sprintf("Name the one change you expect to move %s most%s, by how much, and the first sign you will see; bring the number to our next 1:1.", metric, by)
	}
	switch {
	case verb == "meet":
		return fmt.Sprintf("Book the first of the meetings with %s before our next 1:1, and write down the one question you will ask each.", obj)
	case verb == "hand" || verb == "delegate" || verb == "give":
		return fmt.Sprintf("Give %s one part of %s to run alone before our next 1:1, and stay out of it%s.", cmpOr(with, "the person taking it on"), obj, watch)
	case verb == "take over":
		return fmt.Sprintf("Before the next %s, write down the three decisions in it you will make yourself, and agree them with the person handing it over.", strings.TrimPrefix(obj, "the "))
	case verb == "mentor" || verb == "coach":
		return fmt.Sprintf("In your next session with %s, ask what they would do before you say what you would, and note how much of the time you talked.", w.Object)
	case verb == "hire" || verb == "recruit":
		return fmt.Sprintf("Write the one-page profile of %s before our next 1:1: the three things they must be able to do in their first six months.", obj)
	case verb == "write" || verb == "draft":
		if with != "" {
			return fmt.Sprintf("Write the first page of %s before our next 1:1, show it to %s, and bring the question it raised.", obj, with)
		}
		// Three ways into a document, by the goal, so that a team writing
		// several is not given one sentence (see writeShows).
		switch mod(offset(g.Text)+way, goalWays) {
		case 1:
			return fmt.Sprintf("Outline %s before our next 1:1, a line for each section, and bring the section you are least sure of.", obj)
		case 2:
			return fmt.Sprintf("Write the paragraph that opens %s before our next 1:1, what it decides and why, and bring the decision you found hardest to put in words.", obj)
		}
		return fmt.Sprintf("Write the first page of %s before our next 1:1, and bring the question it left open.", obj)
	case verb == "ship" || verb == "launch" || verb == "release":
		step, _ := shipStep(g, day)
		return step
	case recurring.MatchString(g.Text):
		return fmt.Sprintf("Put the next %s in the diary%s before our next 1:1, with the one thing it should settle.", strings.TrimPrefix(obj, "the "), cmpOr(prefixed(" with ", with), ""))
	case with != "" && others:
		return fmt.Sprintf("Before your next meeting with %s on %s, write down what you need from it and what %s needs from you%s; bring both to our next 1:1.", with, obj, with, watch)
	case with != "" && soon:
		step, _ := soonStep(g, day)
		return step
	case with != "":
		// What each side needs is a step of a skill about working with
		// others; of any other, the goal's own question, agreed with the
		// people it is done with (cold read 10, finding 8: a discovery
		// goal handed a negotiation step).
		return fmt.Sprintf("Agree with %s, before our next 1:1, the one question %s must answer, and bring it with what you will do with the answer%s.", with, obj, watch)
	case soon:
		return fmt.Sprintf("%s is due on %s: list what is left, and settle the one item most likely to slip before our next 1:1.", capitalize(obj), longDate(g.Due, day))
	}
	return fmt.Sprintf("Take the next step on %s before our next 1:1, and bring what it changed%s.", obj, watch)
}

// shipStep is the first step of a goal to ship something, and what
// would show it, from what the goal says beside the thing: who it is
// shipped with, or what it must be shipped with ("with its metric defined
// before build"); only a goal that says neither lists what stands in the
// way (cold read 17: one sentence in three people's agendas).
func shipStep(g skills.Goal, day time.Time) (string, string) {
	w := parseGoal(g.Text)
	obj := cmpOr(the(w.Object), "“"+g.Text+"”")
	by := ""
	if !g.Due.IsZero() {
		by = " by " + longDate(g.Due, day)
	}
	tail := ""
	if i := strings.Index(g.Text, w.Object); w.Object != "" && i >= 0 {
		tail = strings.TrimSuffix(strings.TrimSpace(g.Text[i+len(w.Object):]), ".")
	}
	switch {
	case w.With != "":
		return fmt.Sprintf("Walk %s through %s as it stands, before our next 1:1, and bring what they need on release day that is not built yet.", w.With, obj),
			fmt.Sprintf("What %s need on release day, and what of it is not built yet.", w.With)
	case tail != "":
		return fmt.Sprintf("Check %s against what your goal asks of it (“%s”) before our next 1:1, and settle the first thing that falls short.", obj, tail),
			fmt.Sprintf("The first thing that fell short of “%s”, and how you settled it.", tail)
	}
	return fmt.Sprintf("List what stands between %s and its release%s, and clear the first item before our next 1:1.", obj, by),
		fmt.Sprintf("The list of what stands before %s ships, and the first item cleared.", obj)
}

// soonStep is the step of a goal with someone due within two weeks, and
// what would show it: with the days that are left, the work itself, done
// with them, and what it taught, not a question that should have been
// asked weeks before (cold read 17, finding 20).
func soonStep(g skills.Goal, day time.Time) (string, string) {
	w := parseGoal(g.Text)
	obj := cmpOr(the(w.Object), "“"+g.Text+"”")
	days := int(day0(g.Due.Format(time.DateOnly)).Sub(day0(day.Format(time.DateOnly))).Hours() / 24)
	left := fmt.Sprintf("as far as the %d days before %s allow", days, longDate(g.Due, day))
	if days <= 7 {
		left = "before it is due on " + longDate(g.Due, day)
	}
	with, who := prefixed(" with ", w.With), cmpOr(w.With, "you")
	return fmt.Sprintf("%s %s%s before our next 1:1, %s, and bring the one thing you learned that surprised %s.", upperFirst(w.Verb), obj, with, left, who),
		fmt.Sprintf("How far %s got, and the one thing that surprised %s.", obj, who)
}

// withOthers reports whether f is a skill of working with other people,
// by its own words in the matrix (its name, summary and levels): a step
// that weighs what each side needs is one of its steps.
func withOthers(f Focus) bool {
	text := strings.ToLower(strings.Join([]string{f.Name, f.Summary, f.Level.Descriptor, f.Next.Descriptor}, " "))
	return slices.ContainsFunc([]string{"stakeholder", "negotiat", "collaborat", "interests"}, func(w string) bool { return strings.Contains(text, w) })
}

// goalShows is what would show goalStep's step done: the thing the step
// asks to bring, by the goal's own verb, and where the step is open-ended
// the focus skill's next level it is a step towards, in the matrix's
// words (cold read 6, finding 19: never one sentence for every goal).
func goalShows(g skills.Goal, f Focus, day time.Time) string { return goalShowsAt(g, f, day, 0) }

// goalShowsAt is what would show goalStepAt's step of the same way done.
func goalShowsAt(g skills.Goal, f Focus, day time.Time, way int) string {
	w := parseGoal(g.Text)
	obj := cmpOr(the(w.Object), "“"+g.Text+"”")
	verb := strings.ToLower(w.Verb)
	late := !g.Due.IsZero() && g.Due.Before(day)
	towards := ""
	switch {
	case f.Level.Value == 0 && f.Next.Value > 0:
		// No level yet: the step shows where the person stands, which
		// is assessed first, not a first level to reach.
		towards = fmt.Sprintf(", and which level of %s it reads like to you", lowerFirst(f.Name))
	case f.Next.Value > f.Level.Value:
		towards = fmt.Sprintf(", and what of %s in %s it showed", f.Next.Words(), lowerFirst(f.Name))
	}
	with := w.With
	switch {
	case late && (verb == "hand" || verb == "delegate" || verb == "give") && with != "":
		return fmt.Sprintf("The part %s ran alone, how it went, and where you held back from stepping in.", with)
	case late:
		return fmt.Sprintf("The date we agree for %s, the step taken%s.", obj, cmpOr(towards, ", and who it involved"))
	case verb == "present" || strings.Contains(strings.ToLower(g.Text), " present it "):
		with = cmpOr(with, "your audience")
		return [...]string{"What the person you tested it on repeated back, and what you cut because of it.",
			fmt.Sprintf("The decision you will ask %s for, the question you expect, and your answer to it.", with),
			"The slide's headline, the number behind it, and what you left off to keep it to one."}[mod(way, goalWays)]
	}
	if m := metricMove.FindStringSubmatch(g.Text); m != nil {
		metric := the(strings.TrimSpace(m[1]))
		return [...]string{fmt.Sprintf("The change you named, the size you expect, and the first reading of %s.", metric),
			fmt.Sprintf("Where %s stands today, what moved it last, and the lever you picked.", metric),
			fmt.Sprintf("Their words on what would move %s, and the change you will try first.", metric)}[mod(offset(g.Text)+way, goalWays)]
	}
	switch {
	case verb == "meet":
		return "The first meeting in the diary, and the question you will ask each."
	case verb == "hand" || verb == "delegate" || verb == "give":
		return fmt.Sprintf("What %s decided without you, and what you did not step into.", cmpOr(with, "the person taking it on"))
	case verb == "take over":
		return "The three decisions you will make yourself, agreed with the person handing it over."
	case verb == "mentor" || verb == "coach":
		return fmt.Sprintf("How much of the session you talked, and what %s worked out for themselves.", w.Object)
	case verb == "hire" || verb == "recruit":
		return "The profile, read by one person who will interview with you."
	case verb == "write" || verb == "draft":
		// "with the Data team and take it through planning": a second
		// clause, not the people it is shown to.
		if with != "" && !slices.Contains(strings.Fields(with), "it") {
			return fmt.Sprintf("The first page, and the question %s raised on it.", with)
		}
		return [...]string{"The first page, and the question it left open.",
			"The outline, and the section you are least sure of, with why.",
			"The opening paragraph, and the decision in it you found hardest to word."}[mod(offset(g.Text)+way, goalWays)]
	case verb == "ship" || verb == "launch" || verb == "release":
		_, shows := shipStep(g, day)
		return shows
	case recurring.MatchString(g.Text):
		return fmt.Sprintf("The date of the next %s, and what it settled.", strings.TrimPrefix(obj, "the "))
	case with != "" && withOthers(f):
		return fmt.Sprintf("What you needed from %s and what they needed from you, side by side%s.", with, towards)
	case with != "" && !g.Due.IsZero() && !g.Due.After(day.AddDate(0, 0, 14)):
		_, shows := soonStep(g, day)
		return shows
	case with != "":
		return fmt.Sprintf("The question you agreed with %s and what you will do with its answer%s.", with, towards)
	case !g.Due.IsZero() && !g.Due.After(day.AddDate(0, 0, 14)):
		return fmt.Sprintf("What is left on %s, and the item most likely to slip, settled.", obj)
	}
	return fmt.Sprintf("What the step changed in %s%s.", obj, cmpOr(towards, ", and who noticed"))
}

// laterSteps are a goal's steps for the weeks after its first: with
// people, what they asked and the one known least; with a thing, the
// decision it waits on and the view of those it is for.
func laterSteps(g skills.Goal, day time.Time) []string {
	w := parseGoal(g.Text)
	switch strings.ToLower(w.Verb) {
	case "meet":
		return []string{
			fmt.Sprintf("After each meeting with %s, write down the one thing they asked of us, and bring the list to our next 1:1.", w.Object),
			fmt.Sprintf("Pick the one among %s you know least, and find out before our next 1:1 what matters most to them this quarter.", w.Object),
		}
	case "mentor", "coach":
		return []string{
			fmt.Sprintf("Ask %s what they want from your next session before you plan it, and bring what they said to our next 1:1.", w.Object),
			fmt.Sprintf("Write down one thing %s now does without you that they could not a month ago, and tell them.", w.Object),
		}
	}
	return []string{nextDecision(g, day), theirView(g)}
}

// nextDecision is a goal's second step: the decision it waits on.
func nextDecision(g skills.Goal, day time.Time) string {
	w := parseGoal(g.Text)
	obj := cmpOr(the(w.Object), "“"+g.Text+"”")
	by := ""
	if !g.Due.IsZero() && !g.Due.Before(day) {
		by = fmt.Sprintf(" (due %s)", longDate(g.Due, day))
	}
	return fmt.Sprintf("Name the next decision on %s%s and who makes it, and if it is yours, make it before our next 1:1.", obj, by)
}

// laterShows are what would show each of laterSteps done.
func laterShows(g skills.Goal) []string {
	w := parseGoal(g.Text)
	obj := cmpOr(the(w.Object), "“"+g.Text+"”")
	switch strings.ToLower(w.Verb) {
	case "meet":
		return []string{
			fmt.Sprintf("The list of what %s asked, and the one ask you will act on.", w.Object),
			"What matters most to them this quarter, in their words.",
		}
	case "mentor", "coach":
		return []string{
			fmt.Sprintf("What %s said they want, and how the session changed because of it.", w.Object),
			fmt.Sprintf("The one thing, and how %s took hearing it.", w.Object),
		}
	}
	return []string{
		fmt.Sprintf("The decision on %s, and who made it.", obj),
		fmt.Sprintf("Their words on %s, and your one change.", obj),
	}
}

// theirView is a goal's third step: the view of those it is with or for.
func theirView(g skills.Goal) string {
	w := parseGoal(g.Text)
	obj := cmpOr(the(w.Object), "“"+g.Text+"”")
	if w.With != "" {
		return fmt.Sprintf("Ask %s what would make %s a success for them, and bring their words, not yours, to our next 1:1.", w.With, obj)
	}
	return fmt.Sprintf("Ask one person %s affects what would make it a success for them, and bring their words, not yours, to our next 1:1.", obj)
}

func cmpOr(s, or string) string {
	if s != "" {
		return s
	}
	return or
}

// prefixed writes s after p, or nothing when s is empty.
func prefixed(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}

// noteWord is whose note an evidence entry is, as the manager says it in
// the 1:1: "my note" when the manager wrote it, "your note" when the person
// did, "Rosa's note" for someone else, and "the note" when the history does
// not say.
func noteWord(noted string) string { return cmpOr(noted, "the note") }

// notedBy is who wrote the evidence e of p, in the agenda's words (see
// noteWord), from the commit that added it: the agenda is the manager's
// script, so the manager's own note is "my note", never the person's.
func notedBy(history []skills.Change, p *skills.Person, manager string, e *skills.Evidence) string {
	if e == nil {
		return ""
	}
	for _, c := range history {
		if c.Kind != skills.KindEvidence || c.Text != e.Text || c.Author == "" {
			continue
		}
		switch {
		case manager != "" && strings.EqualFold(c.Author, manager):
			return "my note"
		case strings.EqualFold(c.Author, p.Name):
			return "your note"
		}
		return firstName(&skills.Person{Name: c.Author}) + "'s note"
	}
	return ""
}

// habit is the skill's own way to learn it at work, in the matrix's words,
// as a week's step: its practice at work, or the person to learn it from,
// in turn with the level being reached (so that two people on one skill at
// neighbouring levels are not handed the same step), begun on the person's
// own most pressing goal that names the skill. It is nil when the matrix
// gives the skill neither, or the plan's actions hold it already.
func habit(p *skills.Person, f Focus) *Action {
	var practice, person string
	for _, r := range f.Resources {
		t := strings.TrimSpace(r.Title)
		switch {
		case r.Kind == "practice" && practice == "":
			practice = t
		case r.Kind == "person" && person == "":
			person = t
		}
	}
	if who, what, ok := strings.Cut(person, ": "); ok && what != "" {
		person = fmt.Sprintf("Go to %s: %s", lowerFirst(strings.TrimPrefix(who, "A ")), what)
		if strings.HasPrefix(who, "A ") {
			person = fmt.Sprintf("Find %s: %s", lowerFirst(who), what)
		}
	} else {
		person = ""
	}
	isPerson := false
	if practice == "" || person != "" && f.Next.Value%2 == 0 {
		practice, isPerson = person, true
	}
	if practice == "" || f.Next.Value == 0 {
		return nil
	}
	if !strings.HasSuffix(practice, ".") {
		practice += "."
	}
	for _, a := range f.Actions {
		if strings.Contains(strings.ToLower(a.Text), strings.ToLower(strings.TrimSuffix(practice, "."))) {
			return nil // the plan's actions hold it already
		}
	}
	// The practice is the line, one sentence of the matrix's own (cold
	// read 7, finding 2). The goal it is begun on is named only where the
	// practice can be done on it (cold read 8, finding 2): a person is
	// brought it as the case; a practice run on every one of a kind of
	// work starts with the goal when the goal is one of that kind; one
	// that names the goal's kind once is tried on it first, in a sentence
	// of its own; any other is done as written, and what it teaches is
	// brought to the goal, a sentence of its own.
	on, text := "", practice
	first, firstShows := firstInstance(practice)
	if !isPerson && first != "" {
		text = first
	}
	if goal := habitGoal(p, f); goal != nil {
		obj := cmpOr(the(parseGoal(goal.Text).Object), "“"+goal.Text+"”")
		switch series, named := practiceFits(practice, obj); {
		case isPerson:
			on, text = " on "+obj, strings.TrimSuffix(practice, ".")+", with "+obj+" as the case you bring."
		case series:
			on, text = " on "+obj, strings.TrimSuffix(practice, ".")+", starting with "+obj+"."
		case named:
			on, text = " on "+obj, practice+" Try it first on "+obj+"."
		default:
			text = practice + " Bring what it teaches you to " + obj + "."
		}
	}
	shows := levelShows(f, on)
	if !isPerson && first != "" {
		shows = firstShows
	}
	return &Action{Text: text, Evidence: shows}
}

// repeatsMonthly is a practice's rhythm of every month or quarter: the clause
// that repeats it (", and update it every month"), or the rhythm inside
// it ("each month").
var repeatsMonthly = regexp.MustCompile(`(?i)(,? and (?:update|review|refresh|repeat|redo) (?:it|them) (?:every|each) (?:month|quarter))|\b(?:every|each) (?:month|quarter)\b`)

// firstInstance is a practice that recurs monthly or quarterly said as the
// week's try, its first instance (cold read 18, finding 16: a week does not
// hold "update it every month"), and what would show it, the first one
// itself and the one thing in it that surprised; "", "" when the practice
// does not recur so.
func firstInstance(practice string) (string, string) {
	loc := repeatsMonthly.FindStringSubmatchIndex(practice)
	if loc == nil {
		return "", ""
	}
	what := "thing"
	if contentWords(practice)["numbe"] || strings.Contains(practice, "spreadsheet") {
		what = "figure"
	}
	if loc[2] >= 0 {
		// The clause that repeats it is what comes after the first.
		first := strings.TrimSuffix(strings.TrimSpace(practice[:loc[2]]+practice[loc[3]:]), ".")
		return fmt.Sprintf("Build the first version before our next 1:1: %s, and bring the one %s in it that surprised you.", lowerFirst(first), what),
			fmt.Sprintf("The first version, and the one %s in it that surprised you.", what)
	}
	first := strings.TrimSpace(practice[:loc[0]]) + " before our next 1:1" + practice[loc[1]:]
	return first, fmt.Sprintf("What the first round showed you, and the one %s in it that surprised you.", what)
}

// longCadence marks a practice whose rhythm is a month or longer ("each
// half-year", "an hour a month", "quarterly"): a habit for the months, not
// something one week between two 1:1s holds.
var longCadence = regexp.MustCompile(`(?i)\b(?:(?:each|every|a|per|once a) (?:half-year|half year|quarter|year)|half-yearly|quarterly|yearly|annually|(?:a|per) month|monthly)\b`)

// weekResources are the matrix's ways to learn f that can be a week's try
// for p (see habit), from f's resources:
//
//   - none whose rhythm is a month or longer: a week cannot hold it, and
//     the plan's steps take its turn (cold read 9, findings 12 and 18);
//   - no person to learn from when p's own role asks for Leading or more
//     in the skill: p is the one others are sent to, not the one sent;
//   - neither when p holds the level the plan aims at already and their
//     latest evidence on the skill is no setback: the evidence shows the
//     skill at work, and a beginner's habit tells them nothing new.
func weekResources(m *skills.Matrix, p *skills.Person, f Focus) []skills.Resource {
	s := m.Skill(f.ID)
	leads := false
	if s != nil {
		leads = s.Expect[p.Role] >= 4
	}
	e := lastEvidenceOn(p, f.ID)
	shown := f.Level.Value > 0 && f.Next.Value <= f.Level.Value && e != nil && !Setback(e.Text)
	var out []skills.Resource
	for _, r := range f.Resources {
		switch {
		case (r.Kind == "practice" || r.Kind == "person") && longCadence.MatchString(r.Title):
		case r.Kind == "person" && leads:
		case (r.Kind == "practice" || r.Kind == "person") && shown:
		default:
			out = append(out, r)
		}
	}
	return out
}

// practiceFits reports whether a practice can be done on a goal's object
// ("the two-page strategy"): named, when the practice names the object's
// kind, its last word ("Give your strategy to a PM"), and series, when it
// names it as every or each one of a kind ("before every launch").
func practiceFits(practice, obj string) (series, named bool) {
	words := strings.FieldsFunc(strings.ToLower(obj), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' })
	if len(words) == 0 {
		return false, false
	}
	kind := strings.TrimSuffix(words[len(words)-1], "s")
	prev := ""
	for _, w := range strings.FieldsFunc(strings.ToLower(practice), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }) {
		if strings.TrimSuffix(w, "s") == kind {
			named = true
			series = series || prev == "every" || prev == "each"
		}
		prev = w
	}
	return series, named
}

// shortName is a skill's name before any colon, lower-cased: "business
// acumen", which the focus's heading names in full.
func shortName(name string) string {
	n, _, _ := strings.Cut(lowerFirst(name), ":")
	return n
}

// levelShows is what would show a week's practice of f done: the first
// clause of its next level in the matrix's words, and how near the first
// try came to it, so that the line is the skill's own, not every
// practice's (cold read 6, finding 19). on says where the try was made.
func levelShows(f Focus, on string) string {
	clause := strings.TrimSpace(f.Next.Descriptor)
	if i := strings.IndexAny(clause, ":;."); i > 0 {
		clause = clause[:i]
	}
	if i := strings.LastIndex(clause[:min(len(clause), 90)], ", "); len(clause) > 90 && i > 0 {
		clause = clause[:i]
	}
	name := shortName(f.Name)
	if f.Level.Value == 0 && f.Next.Value > 0 {
		// No level yet: the try is read for the level it shows, which is
		// set first (cold read 10, finding 8), never held against the
		// scale's first step.
		return fmt.Sprintf("In %s, which level does your first try%s read like to you? We set your first level from it.", name, on)
	}
	if clause == "" || f.Next.Value <= f.Level.Value || f.StretchPast != "" && on != "" {
		// At the level already: what it changed, not a level to reach. A
		// goal of someone past the target's bar shows that bar, as the
		// plan says: the level above it is the stretch beside the goal,
		// never held against the goal's own work.
		return fmt.Sprintf("%s: what your first try%s changed.", UpperFirst(name), on)
	}
	// One question a manager would ask (cold read 8, finding 3): the
	// level's clause read as what someone at it does, when it opens with
	// what they do ("Prepares", "Can"), else quoted after the level. It
	// opens with the skill and ends with the matrix's words, so that it is
	// the skill's own line, not every practice's.
	verb, _, _ := strings.Cut(clause, " ")
	if strings.HasSuffix(verb, "s") || verb == "Can" {
		return fmt.Sprintf("In %s, did your first try%s show you as someone who “%s”, as %s asks?", name, on, lowerFirst(clause), f.Next.Words())
	}
	return fmt.Sprintf("In %s, how close did your first try%s come to %s: “%s”?", name, on, f.Next.Words(), clause)
}

// habitGoal is the person's most pressing open goal that names the focus
// skill, the one its habit begins on, or nil.
func habitGoal(p *skills.Person, f Focus) *skills.Goal {
	var goal *skills.Goal
	for _, g := range p.OpenGoals() {
		// A goal past its date is raised under Goals due alone.
		late := !g.Due.IsZero() && !p.Assessed.IsZero() && g.Due.Before(p.Assessed)
		if g.Text != "" && !late && slices.Contains(g.Skills, f.ID) && (goal == nil || sooner(g, *goal)) {
			goal = &g
		}
	}
	return goal
}

// firstClause is a level's descriptor up to its first colon, semicolon or
// full stop: the part a line can quote.
func firstClause(d string) string {
	c := strings.TrimSpace(d)
	if i := strings.IndexAny(c, ":;."); i > 0 {
		c = c[:i]
	}
	return c
}

// clauseToYou is the clause of a note that records a setback, said to p
// when the whole note speaks of p in the third person (see toYou): a
// pronoun in the clause may be about someone the note named before it.
func clauseToYou(text string, p *skills.Person) string {
	c := SetbackClause(text)
	if toYou(text, p) == text {
		return c
	}
	return toYou(c, p)
}
