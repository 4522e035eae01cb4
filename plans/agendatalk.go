package plans

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/coach-dev/coach/skills"
)

// The parts of an agenda that look beyond the week: the manager's prep
// note, the monthly career conversation, the quarterly review and a new
// hire's place in their first 90 days. Each says only what the files show.

// prep is the manager's note before the 1:1: what to open with, from what
// changed and what is waiting. It says only what the files show: a goal
// past its date is a question, not "done", and an item left unticked is
// open, not failed.
func prep(in AgendaInput, a *Agenda, review, after time.Time) []string {
	var out []string
	first := a.FirstName
	day := in.Week.Day(in.Config.Agenda.WeekdayValue())
	// A goal past its date is raised once, under Goals due, with the
	// question that sets its new date (cold read 7, finding 6): the prep
	// does not raise it again.
	var up, down, unbackedUp []string
	for _, c := range a.Changes {
		switch {
		case c.Baseline && c.baseline == "onboarded":
			// As the since-last-time line and the review say it: levels
			// set, where the person starts from; the plan counts progress
			// from a day it agrees, not from here (cold read 20, point 3).
			late := ""
			if assessmentLate(in.Plan) > 0 {
				late = " came late and"
			}
			counts := "and count progress from them"
			if in.Plan.Progress.Since == "" {
				counts = "and agree the day progress counts from at the next review, as the plan asks"
			}
			out = append(out, fmt.Sprintf("The first assessment since onboarding, of %s,%s set %s levels: walk %s through them, %s.", c.When, late, possessive(first), first, counts))
		case c.Baseline:
			out = append(out, fmt.Sprintf("The assessment of %s is a new baseline, not growth: walk %s through it, and count progress from it.", c.When, first))
		case c.Setback && a.Focus != nil && a.Focus.ID == c.Skill && a.Focus.Of == 1 && strings.Contains(a.Focus.Why, "records a setback"):
			// The focus of the week opens with it already.
		case c.Setback:
			out = append(out, fmt.Sprintf("The note of %s records a setback: ask %s what got in the way and what they would try next.", longDate(day0(c.Date), day), first))
		case c.unbacked && len(c.Raised) == 0:
			// Set lower with no example: the example is what is missing,
			// and it is the manager's to write down.
			name, _, _ := strings.Cut(c.Text, " set lower, ")
			out = append(out, fmt.Sprintf("You set %s lower with no example written down: bring the example it rests on and talk it through with %s; until it is written down, %s plan counts the level before it.", lowerFirst(name), first, possessive(first)))
		case c.unbacked:
			unbackedUp = append(unbackedUp, c.Raised...)
		case len(c.Raised) > 0:
			up = append(up, c.Raised...)
		case c.Kind != skills.KindLevel:
			// Evidence or a goal's outcome may say "up from" in its own
			// words: it is no level that moved.
		case strings.Contains(c.Text, " up from "):
			up = append(up, strings.SplitN(c.Text, " up from ", 2)[0])
		case strings.Contains(c.Text, " down from "):
			down = append(down, strings.SplitN(c.Text, " down from ", 2)[0])
		case strings.HasSuffix(c.Text, " for now, to re-assess together."):
			down = append(down, strings.SplitN(c.Text, " set at ", 2)[0])
		}
	}
	if len(up) > 0 {
		it := "it"
		if len(up) > 1 {
			it = "them"
		}
		out = append(out, fmt.Sprintf("%s moved up: tell %s what you saw that earned %s.", fewNames(up), first, it))
	}
	if len(unbackedUp) > 0 {
		// Raised with no example: the example is what is missing, so the
		// prep asks for it rather than praising the raise.
		were := "were"
		if len(unbackedUp) == 1 {
			were = "was"
		}
		out = append(out, fmt.Sprintf("%s %s raised with no example written down: ask %s for the work behind each, and write it down together.", fewNames(unbackedUp), were, first))
	}
	if len(down) > 0 {
		if back, _, ok := ReturnFromLeave(in.Person); ok && !back.After(day) {
			// Lowered after a return: not a drop to discuss, and the
			// leave is not given as its reason.
			out = append(out, fmt.Sprintf("%s: to re-assess together; ask %s what the work shows today, and agree the level before the calibration.", fewNames(down), first))
		} else {
			out = append(out, fmt.Sprintf("%s moved down: say what you saw, and agree one thing that would bring it back.", fewNames(down)))
		}
	}
	// A quiet week says nothing about it: a line that only says nothing
	// was written down is bookkeeping, not something to open a 1:1 with.
	if n := len(Lines(a.Open)); n > 0 {
		oldest := a.Open[0].Since
		for _, it := range a.Open {
			if it.Since < oldest {
				oldest = it.Since
			}
		}
		from := oldest
		if w, err := ParseWeek(oldest); err == nil {
			from = "our 1:1 of " + longDate(w.Day(in.Config.Agenda.WeekdayValue()), day)
		}
		ask := "ask what is in the way before adding new ones."
		switch {
		case a.Number%2 == 0 && n == 1:
			ask = "agree who closes it, or drop it, before adding more."
		case a.Number%2 == 0:
			ask = "agree who closes each, or drop it, before adding more."
		}
		out = append(out, fmt.Sprintf("%s open, the oldest from %s: %s", count(n, "action item is", "action items are"), from, ask))
	}
	// The same question two weeks running (the only commitment with one)
	// is asked every other week.
	if c, q := commitmentChecked(in.Plan, in.Person, a); q != "" && (in.Previous == nil || in.Previous.Asked != lowerFirst(q)) {
		if late := lateIntroduction(c, in.Plan, in.Previous, first, day); late != "" {
			out = append(out, late)
		} else {
			out = append(out, "Ask yourself before you go in: "+stillOpen(in, lowerFirst(q), day))
		}
	}
	// A plan period with no focus skill moving is taken up here, between
	// the person and their manager, and nowhere else (team.md only counts
	// it): said once (see stalledNews), and in other words when said again.
	// Only the focus skills the plan expects to move within its period are
	// named: one whose next level is a step of a year or more is not
	// stalled for not having moved yet.
	_, names, ok := NoFocusProgress(in.Person, in.Plan, in.Config.Team.ReviewCycleDays)
	all := len(names)
	var long []string
	for _, f := range in.Plan.Focus {
		if yearLong(in.Matrix, f) && slices.Contains(names, f.Name) {
			names = slices.DeleteFunc(names, func(n string) bool { return n == f.Name })
			long = append(long, f.Name)
		}
	}
	if ok && len(names) > 0 && stalledNews(in, a, day) && !focusQuietFrom(in, day).After(day.AddDate(0, 0, -stallDays)) {
		since := longDate(focusQuietFrom(in, day), day)
		switch {
		case in.Previous != nil && len(long) > 0:
			// Every focus skill the plan names is named, as the career
			// conversation names them, the longer step said apart (cold
			// read 20: the prep named two focus skills, the career
			// conversation three).
			out = append(out, fmt.Sprintf("None of %s %s focus skills has gone up a level since %s. %s %s a step of a year or more; %s %s due to move within the plan: ask what stands in the way, and agree whether the support or the focus changes.",
				possessive(first), number(all), since, andList(long), isAre(len(long)), andList(names), isAre(len(names))))
		case in.Previous != nil:
			out = append(out, fmt.Sprintf("None of %s focus skills (%s) has gone up a level since %s: ask what stands in the way, and agree whether the support or the focus changes.", possessive(first), fewNames(names), since))
		default:
			out = append(out, fmt.Sprintf("No focus skill has moved since %s (%s): ask %s what would help most now, and whether these are still the right skills.", since, fewNames(names), first))
		}
	}
	// A goal of the person's that waits on the manager's own overdue
	// hand-over is the manager's move: said to the manager, never chased
	// with the person (BuildAgenda left it out of their agenda).
	var waits []string
	for g := range in.Plan.handOver {
		waits = append(waits, g)
	}
	slices.Sort(waits)
	for _, g := range waits {
		h := in.Plan.handOver[g]
		if h.Due.IsZero() || !h.Due.Before(day) {
			continue
		}
		// In other words each week, while it waits. The person reads the
		// agenda too: the hand-over is said as the next step, never as
		// the manager's late goal.
		switch mod(a.Number, 3) {
		case 1:
			out = append(out, fmt.Sprintf("%s goal “%s” starts with your hand-over in “%s”: agree with %s today what moves to them and when.",
				possessive(first), g, h.Text, first))
		case 2:
			out = append(out, fmt.Sprintf("The hand-over in “%s” opens %s “%s”: name the first part that moves, and the day.",
				h.Text, possessive(first), g))
		default:
			out = append(out, fmt.Sprintf("%s “%s” begins once the hand-over in “%s” is made: say today what moves to %s and when.",
				possessive(first), g, h.Text, first))
		}
	}
	// An unreadable last agenda is the manager's to know, from the
	// warning coach writes on stderr: the agenda, which the person reads
	// too, only asks to list what is still open (cold read 17).
	switch {
	case review.IsZero() || a.Quarterly != nil:
	case !review.After(after):
		out = append(out, fmt.Sprintf("The plan's review was due on %s and the levels have not been reassessed since: hold it today or put a date on it.", longDate(review, day)))
	case !review.After(day.AddDate(0, 0, 28)):
		held := ""
		if meeting := reviewMeeting(review, in.Config.Agenda.WeekdayValue()); !meeting.Equal(review) {
			held = fmt.Sprintf(", and we hold it at our 1:1 of %s", longDate(meeting, day))
		}
		out = append(out, fmt.Sprintf("The plan's review is due on %s%s: look at the focus skills' evidence before then.", longDate(review, day), held))
	}
	return out
}

// stalledNews reports whether a plan period with no focus skill moving is
// worth the prep this week (cold read 6, finding 6): not when the focus is
// new (the role or the target role changed within a review cycle), not
// when every focus skill is at the target's bar already (the plan asks for
// no level beyond it), and said once: on the first agenda it holds for,
// then again only after a level or evidence on a focus skill changed
// since the last 1:1.
func stalledNews(in AgendaInput, a *Agenda, day time.Time) bool {
	pl := in.Plan
	cycle := max(in.Config.Team.ReviewCycleDays, 1)
	for _, c := range in.History {
		if (c.Kind == skills.KindRole || c.Kind == skills.KindTarget) && c.Date.After(day.AddDate(0, 0, -cycle)) && !c.Date.After(endOfDay(day)) {
			return false
		}
	}
	atBar := pl.Ready
	if !atBar {
		atBar = true
		for _, f := range pl.Focus {
			if f.Level.Value == 0 || f.Level.Value < f.Expect {
				atBar = false
			}
		}
	}
	if atBar {
		return false
	}
	if in.Previous == nil {
		return true
	}
	// Due already at the last 1:1 (its period was as long then): said
	// there, unless the focus skills' file changed since.
	last := in.Previous.Week.Day(in.Config.Agenda.WeekdayValue())
	if in.Person.PlanStart.IsZero() || int(last.Sub(in.Person.PlanStart).Hours()/24) <= cycle {
		return true
	}
	// Or not due yet then: the focus skills had been quiet less than
	// stallDays at the last 1:1.
	if focusQuietFrom(in, last).After(last.AddDate(0, 0, -stallDays)) {
		return true
	}
	for _, c := range a.Changes {
		for _, f := range pl.Focus {
			if (c.Kind == skills.KindLevel || c.Kind == skills.KindEvidence) && (strings.HasPrefix(c.Text, f.Name+" ") || slices.Contains(c.Raised, f.Name)) || c.Skill == f.ID {
				return true
			}
		}
	}
	return false
}

// stallDays is how long the focus skills go without a level or a piece of
// evidence before the agenda calls them stalled: six weeks, so that a focus
// set at the last assessment is given time before it is questioned.
const stallDays = 42

// focusQuietFrom is the day the focus skills last saw something happen, as
// of day: the plan start, the assessment the focus derives from, or the
// last level or evidence on a focus skill, whichever is latest. A stall is
// counted from it, never from an older level change.
func focusQuietFrom(in AgendaInput, day time.Time) time.Time {
	from := day0(in.Plan.Progress.Since)
	if a := in.Person.Assessed; a.After(from) {
		from = a
	}
	for _, c := range in.History {
		if c.Kind != skills.KindLevel && c.Kind != skills.KindEvidence || c.Date.After(endOfDay(day)) || !c.Date.After(from) {
			continue
		}
		for _, f := range in.Plan.Focus {
			if c.Concerns(f.ID) {
				from = c.Date
			}
		}
	}
	return day0(from.Format(time.DateOnly))
}

// fewNames lists up to three skills by name, and names two and counts the
// rest of a longer list.
func fewNames(names []string) string {
	if len(names) <= 3 {
		return andList(names)
	}
	return fmt.Sprintf("%s, %s and %d more skills", names[0], names[1], len(names)-2)
}

func day0(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

// careerQuestions turn month by month, two at a time.
var careerQuestions = []string{
	"Where do you want to be in two years, and has that changed since we last talked about it?",
	"Which part of the %s role would you most like to try in the next month, and what would let you?",
	"What would make the next six months a success for you, whatever the title?",
	"What have you done this year that belongs in the case for your next step, and what is still missing from it?",
	"Who do you learn most from at the moment, and who would you like to learn from?",
	"Which part of your job would you give away tomorrow if you could, and what does that tell us?",
}

// onboardingQuestions replace the career questions in a new hire's first
// 90 days: how the first weeks went, and what they want, every month.
var onboardingQuestions = []string{
	"How have the first weeks gone, in your own words: what has been easier than you expected, and what harder?",
	"What do you want from this role, and what would make your first 90 days a success for you?",
}

// returnQuestions replace the career questions for someone back from a
// long leave: the return comes before the next role.
var returnQuestions = []string{
	"How is the return going: what has been easier than you expected, and what harder?",
	"What has changed while you were away that you would like us to look at together?",
	"What do you need from me, or from the team, to be fully back in your stride?",
	"Which part of the work do you want back first, and which can wait?",
}

// firstManagerQuestions replace them for someone new to leading people:
// the job they have just taken, not the one after it.
var firstManagerQuestions = []string{
	"What has surprised you most about leading people so far?",
	"Which part of managing do you enjoy most, and which do you put off?",
	"Who do you go to when a people question comes up, and who else could you go to?",
	"What did you do as a PM that you find hardest to let go of now?",
}

// careerBank is the career questions that fit the person: a new hire's
// first 90 days, a return from leave, a first time leading people; else the
// longer view, without trying out the next role while the current one's
// bar is not met.
func careerBank(pl *Plan, p *skills.Person, day time.Time) []string {
	switch {
	case onboardingWeek(pl, day) != nil:
		return onboardingQuestions
	case returned(pl, p, day):
		return returnQuestions
	case pl.FirstTimeManager:
		return firstManagerQuestions
	}
	switch {
	case len(pl.Current.Below) > 0:
		return currentRoleQuestions
	case pl.Target.ID == pl.Role.ID:
		return slices.DeleteFunc(slices.Clone(careerQuestions), func(q string) bool { return strings.Contains(q, "%s") })
	}
	return careerQuestions
}

// currentRoleQuestions are for someone below their own role's bar: the
// longer view starts from the role they hold.
var currentRoleQuestions = []string{
	"What would make your current role feel fully in hand, and what is in the way of it?",
	"Where do you want more support from me in the role as it is today?",
	"Who do you learn most from at the moment, and who would you like to learn from?",
	"Which part of your job would you give away tomorrow if you could, and what does that tell us?",
	"What would make the next six months a success for you, whatever the title?",
}

// returned reports whether the person came back from a long leave within
// the plan's 90 days, on or before day.
func returned(pl *Plan, p *skills.Person, day time.Time) bool {
	if pl.Returned != "" {
		return !day0(pl.Returned).After(day)
	}
	back, _, ok := ReturnFromLeave(p)
	return ok && !back.After(day)
}

// career is the monthly career conversation: where the person stands
// against the target, the move it asks for, a strength to use, and a
// difference of view to open.
func career(in AgendaInput, day time.Time, focus *WeekFocus) *Talk {
	pl, p := in.Plan, in.Person
	month := int(day.Month()) - 1
	t := &Talk{Title: "Career conversation",
		Intro: fmt.Sprintf("Our first 1:1 of %s: the longer view.", day.Month())}
	onboarding := onboardingWeek(pl, day) != nil
	if onboarding {
		// A new hire's longer view is their first 90 days, not the next role.
		t.Intro = fmt.Sprintf("Our first 1:1 of %s: how the first months are going.", day.Month())
	}
	b, recent := lastBaseline(in.History, pl.Person.ManagerName, day)
	recent = recent && day0(b.Date).After(day.AddDate(0, -6, 0))
	if v := verdictWords(pl, day); v != "" && !onboarding && pl.Target.ID != pl.Role.ID && !(recent && pl.Verdict.Kind == "held") {
		t.Points = append(t.Points, v)
	}
	// What this quarter is about, from the plan: the longer view says
	// where the weeks' focus is heading (cold read 13: Ben's career
	// conversation never named his plan's focus).
	if about := planAbout(pl, day); about != "" && !onboarding {
		t.Points = append(t.Points, about)
	}
	// A date the plan judges ambitious is talked through here, as the
	// plan asks (cold read 10, finding 12): its question comes first.
	if point, ask := paceTalk(pl, day); point != "" && !onboarding {
		t.Points = append(t.Points, point)
		t.Questions = append(t.Questions, ask)
	}
	if recent && !onboarding {
		t.Points = append(t.Points, baselineWords(pl, b, day, firstWeekday(day, in.Config.Agenda.WeekdayValue())))
	}
	if st := stayingWords(pl, p, day); st != "" {
		t.Points = append(t.Points, st)
	}
	back := returned(pl, p, day)
	if back {
		t.Intro = fmt.Sprintf("Our first 1:1 of %s: how the return is going.", day.Month())
	}
	// The last agenda said when the next career conversation was: when
	// its whole month went by with no 1:1, this one says so and holds it
	// now (cold read 20: 1 December announced twice, then six weeks
	// without a word). Held later in the same month, it is that month's.
	if due, ok := missedCareer(in, day); ok {
		t.Intro = fmt.Sprintf("The career conversation due on %s %s did not happen: we hold it today. %s", due.Weekday(), longDate(due, day), t.Intro)
	}
	if mv := pl.MoveOfMonth(month); mv != "" && !onboarding && !back && len(pl.Current.Below) == 0 {
		t.Points = append(t.Points, "The move this month: "+mv)
	}
	// Only a strength with a use tied to a real person or goal is one to
	// bring up: the others have nothing to do with them yet.
	var usable []Strength
	for _, st := range pl.Strengths {
		if st.Use != "" {
			usable = append(usable, st)
		}
	}
	if len(usable) > 0 && !onboarding {
		// The plan's strengths, with its caveat on a held re-baseline, in
		// the manager's voice.
		st := usable[month%len(usable)]
		at := skills.LevelWords(st.Level, st.LevelName)
		if b := pl.Baseline; pl.StrengthsOn != "" && b != nil {
			at += ", " + strengthsOn("my", longDate(day0(b.Date), day))
		}
		// The plan says how to lead with it on a goal; the 1:1 asks for a
		// moment where it showed there, so that one advice is not read in
		// every agenda, and the sentence still says what to do.
		use, _, cut := strings.Cut(strings.TrimSuffix(st.Use, "."), ": lead with it there")
		if cut {
			use += ": bring a moment where it showed"
		}
		t.Points = append(t.Points, fmt.Sprintf("A strength to use: %s (%s); %s.", st.Name, at, use))
	}
	var asks []string
	for _, s := range in.Matrix.Skills {
		if focus != nil && s.ID == focus.ID || onboarding {
			// A new hire's first career conversations ask what they want
			// and how the first weeks went, never open a rating dispute.
			continue
		}
		if olderRater(in.History, pl, p, s.ID, day) != "" {
			continue // not the manager's own level to defend (cold read 13)
		}
		if q := disagreement(p, s.ID, s.Name); q != "" {
			asks = append(asks, q)
		}
	}
	if len(asks) > 0 {
		t.Points = append(t.Points, asks[month%len(asks)])
	}
	// What the person wants is asked about every month (aspiration.go).
	point, ask := careerAsk(in.Matrix, p, pl, month)
	if point != "" {
		t.Points = append(t.Points, point)
	}
	if ask != "" {
		t.Questions = append(t.Questions, ask)
	}
	bank := careerBank(pl, p, day)
	start := month*2 + offset(p.ID)
	if back {
		// How the return is going is asked every month; the other
		// question turns.
		t.Questions = append(t.Questions, bank[0])
		bank = bank[1:]
		start = month + offset(p.ID)
	}
	// The first question, when the month has none yet, is drawn from the
	// person's own file, its goals and target date, in turn by month: the
	// same few questions for everyone, month after month, read as a form
	// (cold read 13).
	if own := ownCareerQuestions(pl, p, day); len(own) > 0 && len(t.Questions) == 0 && !onboarding && !back {
		t.Questions = append(t.Questions, own[mod(month+offset(p.ID), len(own))])
	}
	for i := range 2 - len(t.Questions) {
		q := bank[(start+i)%len(bank)]
		if strings.Contains(q, "%s") {
			q = fmt.Sprintf(q, pl.Target.Name)
		}
		t.Questions = append(t.Questions, q)
	}
	return t
}

// baselineWords says, in the manager's voice, which assessment the
// person's levels come from (by its date, never "fresh"), and, while it is
// not calibrated, who calibrates it and by when: the date the plan commits
// to, else the next career conversation (next), where the longer view is
// taken up again.
func baselineWords(pl *Plan, b Baseline, day, next time.Time) string {
	of := "the assessment of " + longDate(day0(b.Date), day)
	switch {
	case b.Author != "" && b.Author == pl.Person.ManagerName && b.Kind == "new-manager":
		of = "my assessment of " + longDate(day0(b.Date), day) + ", my first as your manager"
	case b.Author != "" && b.Author == pl.Person.ManagerName:
		of = "my assessment of " + longDate(day0(b.Date), day)
	case b.Author != "":
		of += " by " + b.Author
	}
	if b.Calibrated {
		return fmt.Sprintf("Your levels come from %s, calibrated since: your progress counts from there.", of)
	}
	with := cmp.Or(pl.calibrateWith, "the other managers")
	// The plan's date for it, the one the manager committed to there.
	if d, err := time.Parse(time.DateOnly, pl.CalibrateBy()); err == nil && pl.calibrationCommitted() {
		if d.Before(day) {
			if first, err := time.Parse(time.DateOnly, pl.CalibrationOverdue()); err == nil {
				// A date re-set once already says the first one too (VP
				// cold read 18, finding 19).
				return fmt.Sprintf("Your levels come from %s. Its calibration with %s was first due %s, re-set for %s, and is still not done: I book it this week, and we go through what it settles at our next 1:1.", of, with, longDate(first, day), longDate(d, day))
			}
			return fmt.Sprintf("Your levels come from %s. I committed to calibrate it with %s by %s, and that is late: it is done before our next 1:1, and we go through what it settles there.", of, with, longDate(d, day))
		}
		next = d
	}
	by := fmt.Sprintf("by %s %s", next.Weekday(), longDate(next, day))
	if pl.Verdict.Kind == "held" {
		return fmt.Sprintf("Your levels come from %s. I will calibrate it with %s %s, and we take up %s at our first 1:1 after it, on levels we both trust.", of, with, by, pl.Target.Name)
	}
	return fmt.Sprintf("Your levels come from %s. I will calibrate it with %s %s, so that it holds up when it counts towards %s.", of, with, by, pl.Target.Name)
}

// verdictWords says where the person stands towards their target in the
// manager's words, from the plan's judgement; "" when it has none to say.
func verdictWords(pl *Plan, day time.Time) string {
	t := pl.Target.Name
	switch v := pl.Verdict; v.Kind {
	case "ready-now":
		if pl.Calibration != "" {
			return fmt.Sprintf("Towards %s: ready now, as I see it, once the ratings it rests on are calibrated.", t)
		}
		return fmt.Sprintf("Towards %s: ready now, as I see it.", t)
	case "ready-soon":
		return fmt.Sprintf("Towards %s: close, and realistically %s.", t, strings.TrimSuffix(v.Text, "."))
	case "held":
		return fmt.Sprintf("Towards %s: I hold my judgement until your levels are calibrated.", t)
	case "not-yet":
		switch strings.TrimPrefix(v.Text, "not yet: ") {
		case "the current role first":
			// The plan's own gaps, asked about rather than restated: the
			// plan's At a glance says the verdict already (cold read 15).
			if ask := gapAsk(pl, day); ask != "" {
				return fmt.Sprintf("Towards %s: %s", t, ask)
			}
			return fmt.Sprintf("Towards %s: not yet, because the %s role comes first.", t, pl.Role.Name)
		case "the new job first":
			return fmt.Sprintf("Towards %s: not yet; leading people well comes first.", t)
		case "too early to judge":
			return fmt.Sprintf("Towards %s: too early to judge, with so few of your skills assessed.", t)
		case "the assessment is late":
			return fmt.Sprintf("Towards %s: not judged yet, because your assessment is late; that is mine to fix, not yours.", t)
		}
		return fmt.Sprintf("Towards %s: not yet, and further than one plan; steady progress gets you there.", t)
	}
	return ""
}

// gapAsk asks the person where they stand on the skills below their own
// role's bar, the plan's reason for "not yet", since the plan started: in
// the manager's voice, from the same facts as the plan; "" when the plan
// names no such skill.
func gapAsk(pl *Plan, day time.Time) string {
	var names []string
	for _, g := range pl.CountedCurrent().Below {
		if !slices.Contains(pl.Reentry, g.ID) {
			names = append(names, lowerFirst(g.Name))
		}
	}
	if len(names) == 0 {
		return ""
	}
	gap, it := "the gap today is", "it"
	if len(names) > 1 {
		gap, it = "the gaps today are", "them"
	}
	s := fmt.Sprintf("first the %s bar, where %s %s.", pl.Role.Name, gap, andList(short(names)))
	if start := day0(pl.Start); !start.IsZero() && start.Before(day) {
		return s + fmt.Sprintf(" Start with how far you think you have closed %s since %s.", it, longDate(start, day))
	}
	return s + fmt.Sprintf(" Start with how far along you think you are on %s.", it)
}

// quarterly is the review on the first 1:1 on or after the plan's review
// date: the plan's milestones and focus skills, reassessed with their
// evidence (the goals past their date are listed above it already).
func quarterly(pl *Plan, p *skills.Person, day time.Time) *Talk {
	falls := "The plan's review falls on this 1:1"
	if review, err := time.Parse(time.DateOnly, pl.NextReview); err == nil && review.Before(day) {
		// Held after the date the plan gives it: both are said, so that
		// the plan's date and this day agree.
		falls = fmt.Sprintf("The plan dates its review %s; we hold it at this 1:1, the first since", longDate(review, day))
	}
	t := &Talk{Title: "Review of the plan",
		Intro: fmt.Sprintf("%s, and it is this month's career conversation too. Look back at the last %s together: was each checkpoint met, partly met or not yet, and what shows the next level of each focus skill now? Then write the new levels and their evidence down, so that the next plan starts from them.", falls, plural(max(pl.ReviewMonths, 1), "month"))}
	for _, ms := range pl.Milestones {
		// Dated as the plan dates it: "By 10 December", not "Day 30".
		when := cmp.Or(ms.Label, fmt.Sprintf("By day %d", ms.Days))
		if ms.Label == "" && ms.Date != "" {
			when = "By " + longDate(day0(ms.Date), day)
		}
		t.Points = append(t.Points, fmt.Sprintf("%s: %s", when, ms.Text))
	}
	for _, f := range pl.Focus {
		t.Points = append(t.Points, fmt.Sprintf("%s, from %s towards %s.", f.Name, f.Level.Words(), f.Next.Words()))
	}
	t.Questions = []string{
		"Looking back since the plan began, what are you proudest of, and what would you do differently?",
		"Which focus skill moved most, and which one needs a different approach?",
		"What should the plan hold until the next review?",
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
			w := &OnboardingWeek{Day: n, Phase: ph, on: day}
			if ph.Date != "" {
				w.Until = longDate(day0(ph.Date), day)
			}
			if o.FirstAssessment != "" {
				w.FirstAssessment = longDate(day0(o.FirstAssessment), day)
				w.Assess = stillToAssess(pl, w.FirstAssessment)
			}
			return w
		}
	}
	return nil
}

// stillToAssess says what of the first assessment is still due by its
// date (by, in words): the skills with no level yet, the ones the person's
// goals use first; "" when every skill has a level already.
func stillToAssess(pl *Plan, by string) string {
	var goal, other []string
	for _, s := range pl.AssessFirst {
		used := slices.ContainsFunc(pl.Goals, func(g GoalItem) bool {
			return slices.ContainsFunc(g.Skills, func(r SkillRef) bool { return r.ID == s.ID })
		})
		if used {
			goal = append(goal, lowerFirst(s.Name))
		} else {
			other = append(other, lowerFirst(s.Name))
		}
	}
	all := append(slices.Clone(goal), other...)
	// The skills with no level that the first assessment leaves for later
	// (a people leader's, for someone whose role leads no one) are counted
	// too, so the numbers add up with the plan's.
	unassessed := 0
	for _, r := range pl.Skills {
		if r.Level == 0 {
			unassessed++
		}
	}
	later := ""
	if n := unassessed - len(all); n > 0 {
		later = fmt.Sprintf(" (the other %s with no level, for leading people, wait for a role that asks for them)", plural(n, "skill"))
	}
	switch {
	case len(all) == 0:
		return ""
	case len(all) <= 3:
		return fmt.Sprintf("Still to assess by %s: %s%s.", by, andList(all), later)
	case len(goal) > 0:
		return fmt.Sprintf("Still to assess by %s: %d skills, starting with %s, which your goals use%s.", by, len(all), andList(goal[:min(len(goal), 2)]), later)
	}
	return fmt.Sprintf("Still to assess by %s: %d skills, a few at each 1:1%s.", by, len(all), later)
}

// commitmentToCheck is the question this agenda asks the manager about
// one of their own commitments in the plan: one a week, in turn by the
// person's own agendas, so that an introduction, a sponsorship, a re-entry
// promise or a buddy is asked about rather than forgotten. A commitment
// that backs only goals the agenda asks about already (under Goals due, in
// the idea to try or the work review) gives its turn to the next: the goal
// is not asked about twice. The question is the commitment's own, in the
// manager's voice (see commitmentQuestion), never its text pasted.
func commitmentToCheck(pl *Plan, p *skills.Person, a *Agenda) string {
	_, q := commitmentChecked(pl, p, a)
	return q
}

// commitmentChecked is commitmentToCheck with the commitment it asks
// about.
func commitmentChecked(pl *Plan, p *skills.Person, a *Agenda) (string, string) {
	// The turns run from the first agenda, each skipping the one before
	// (the goals asked about are this week's: earlier weeks are read as
	// asking the same, which is what they did unless the file changed).
	last := ""
	w := *a
	q := ""
	for n := 1; n <= a.Number; n++ {
		w.Number = n
		if len(pl.Commitments) < 2 {
			last = ""
		}
		last, q = commitmentTurn(pl, p, &w, last)
	}
	if q == "" {
		return "", ""
	}
	// The question is the agenda of a.Number's: its goal turns with it.
	return last, commitmentQuestion(last, pl, p, a, askedGoals(a))
}

// lateIntroduction is the prep line for an introduction the plan promised
// within a month of its start (commitment c) once that month is past: said
// as late, to own up to or drop, not asked again as if still ahead; "" for
// any other commitment, or while the month runs.
//
// When the notes or the ticked items of a 1:1 since name the person
// introduced, it may have happened: it is not said to be late, and the
// question is asked as for any commitment.
func lateIntroduction(c string, pl *Plan, pv *PreviousAgenda, first string, day time.Time) string {
	if !strings.HasPrefix(c, "An introduction to ") || !strings.Contains(c, " in the next month") {
		return ""
	}
	for _, l := range pl.Mentors {
		if strings.HasPrefix(c, "An introduction to "+l.Person.Name+" ") {
			by := introDue(pl, l.Person.Name)
			if by.IsZero() || !by.Before(day) {
				return ""
			}
			if writtenOf(pv, l.Person.Name) {
				return ""
			}
			return fmt.Sprintf("The introduction to %s for %s, promised by %s, is late: tell %s, and book it or drop it today.", l.Person.Name, lowerFirst(l.Skill.Name), longDate(by, day), first)
		}
	}
	return ""
}

// introDue is the day the plan promised an introduction to name by: a
// month after its start, for an introduction it promises "in the next
// month"; zero when it promises none.
func introDue(pl *Plan, name string) time.Time {
	start, err := time.Parse(time.DateOnly, pl.Start)
	if err != nil {
		return time.Time{}
	}
	for _, c := range pl.Commitments {
		if strings.HasPrefix(c, "An introduction to "+name+" ") && strings.Contains(c, " in the next month") {
			return start.AddDate(0, 1, 0)
		}
	}
	return time.Time{}
}

// writtenOf reports whether the notes or the ticked items of the 1:1s pv
// holds (see PreviousAgenda.Held) name someone by their full name.
func writtenOf(pv *PreviousAgenda, name string) bool {
	var ticked func(items []Item) bool
	ticked = func(items []Item) bool {
		for _, it := range items {
			if it.Done && strings.Contains(string(it.Text), name) || ticked(it.Children) {
				return true
			}
		}
		return false
	}
	for _, a := range pv.held() {
		for _, l := range a.Notes {
			if strings.Contains(string(l), name) {
				return true
			}
		}
		if ticked(a.Items) {
			return true
		}
	}
	return false
}

// askedGoals are the texts the agenda asks about already: the work review,
// the goals due and the week's idea to try.
func askedGoals(a *Agenda) string {
	asked := strings.Join(a.Review, "\n")
	for _, g := range a.GoalsDue {
		asked += "\n" + g.Text
	}
	if a.Focus != nil && a.Focus.Action != nil {
		asked += "\n" + a.Focus.Action.Text
		if a.Focus.Goal != nil {
			asked += "\n" + a.Focus.Goal.Text
		}
	}
	return asked
}

// commitmentTurn is the commitment of agenda a's turn, skipping last (the
// one checked the week before) and those it has no question for, and its
// question.
func commitmentTurn(pl *Plan, p *skills.Person, a *Agenda, last string) (string, string) {
	asked := askedGoals(a)
	n := len(pl.Commitments)
	for k := range n {
		c := pl.Commitments[mod(a.Number-1+k, n)]
		if c == last {
			continue
		}
		if q := commitmentQuestion(c, pl, p, a, asked); q != "" {
			return c, q
		}
	}
	return "", ""
}

// checklist fills in which onboarding items to ask about: the items of
// earlier phases still open, carried rather than dropped, and this phase's
// open ones, in full on the phase's first agenda (last: the day of the last
// 1:1, zero for none) and after that one a week, in turn, so that the same
// list is not pasted week after week. Items the person's evidence shows done
// are counted, not asked about, by the plan's own judgement (see shown),
// over the evidence dated by the day, later holding what was dated by it
// but written down after.
func checklist(w *OnboardingWeek, pl *Plan, last time.Time, number int, later []skills.Evidence) {
	if w == nil || pl.Onboarding == nil {
		return
	}
	start := day0(pl.Onboarding.Start)
	day := start.AddDate(0, 0, w.Day-1)
	prevPhaseEnd := 0
	var open []string
	// What is done is read from the evidence dated by the 1:1 (cold read
	// 7, finding 5), so that each week counts what the file showed then;
	// and the count of what is open is said again only once it moved.
	doneBy := func(t time.Time, it string) bool {
		var texts []string
		for _, e := range append(slices.Clone(pl.evidence), later...) {
			if !e.Date.After(t) {
				texts = append(texts, e.Text)
			}
		}
		return shown(texts, it)
	}
	openThen := 0
	for _, ph := range pl.Onboarding.Phases {
		checks := slices.Clone(ph.Checks)
		if len(checks) == 0 {
			for _, it := range ph.Items {
				checks = append(checks, Check{Text: it})
			}
		}
		for i, c := range checks {
			if pl.evidence != nil || later != nil {
				c.Done = doneBy(day, c.Text)
			}
			if !last.IsZero() && ph.Days <= w.Phase.Days && !doneBy(last, c.Text) {
				openThen++
			}
			checks[i] = c
		}
		for _, c := range checks {
			switch {
			case ph.Days < w.Phase.Days && !c.Done:
				w.Carried = append(w.Carried, c.Text)
			case ph.Days == w.Phase.Days && c.Done:
				w.Done++
			case ph.Days == w.Phase.Days:
				open = append(open, c.Text)
			}
		}
		if ph.Days < w.Phase.Days {
			prevPhaseEnd = ph.Days
		}
	}
	lastN := 0
	if !last.IsZero() {
		lastN = int(last.Sub(start).Hours()/24) + 1
	}
	w.FirstOfPhase = lastN <= prevPhaseEnd
	w.DaysLeft = w.Phase.Days - w.Day
	if w.Phase.Date != "" && !w.on.IsZero() {
		// The days to the date the agenda names, so that the two agree
		// (cold read 10: "until day 60 (11 December), 16 days from now",
		// said on 24 November).
		w.DaysLeft = int(day0(w.Phase.Date).Sub(w.on).Hours() / 24)
	}
	if w.Phase.Days < 90 || !w.FirstOfPhase && number%2 == 0 {
		// What is left to assess is the last phase's work, said every
		// other week then: before it, it is bookkeeping in a short agenda.
		w.Assess = ""
	}
	if b := buddyOf(pl.Onboarding); b != "" {
		w.Buddy = fmt.Sprintf("Your onboarding buddy, %s: %s", b, buddyPrompts[mod(number, len(buddyPrompts))])
	}
	all := append(slices.Clone(w.Carried), open...)
	if len(all) <= 1 {
		w.Open = open
		return
	}
	// A new hire's agenda is short: one item a week, in turn, even on a
	// phase's first; the carried ones come first.
	w.Carried, w.Open = nil, nil
	pick := all[mod(number-1, len(all))]
	w.Ask, w.Left = pick, len(all)-1
	if !last.IsZero() && !w.FirstOfPhase && openThen == len(all) {
		w.Left = 0 // as many open as at the last 1:1: said then
	}
}

// buddyPrompts turn week by week: what the new hire brings from their
// weekly half-hour with their onboarding buddy.
var buddyPrompts = []string{
	"bring one thing from this week's half-hour that nobody writes down.",
	"bring the question you took to this week's half-hour, and what you heard.",
	"if this week's half-hour has not happened yet, book it before our next 1:1.",
}

// buddyOf is the new hire's onboarding buddy named in their plan, or "".
func buddyOf(o *Onboarding) string {
	for _, m := range o.Meet {
		if name, _, ok := strings.Cut(m, buddySuffix); ok && !strings.Contains(name, ":") {
			return name
		}
	}
	return ""
}

// staysTalk reports whether the plan promises a conversation about
// staying: someone ready for their target for months, on levels nobody
// questions (see readyForMonths). Their next career conversation holds it.
func staysTalk(pl *Plan) bool {
	return pl.Verdict.Kind == "ready-now" && pl.AtBarSince != "" && pl.Calibration == ""
}

// stayingWords is the conversation about staying, in the career
// conversation of someone ready for months, with their own facts: since
// when, how long that is by the 1:1, and the latest of their evidence that
// shows it; "" when the plan promises none.
func stayingWords(pl *Plan, p *skills.Person, day time.Time) string {
	if !staysTalk(pl) {
		return ""
	}
	since, err := time.Parse(time.DateOnly, pl.AtBarSince)
	if err != nil {
		return ""
	}
	how := ""
	if n := monthsBetween(since, day); n >= 2 {
		how = ", " + words(n, "month") + " now"
	}
	shows := ""
	var last *skills.Evidence
	for i, e := range p.Evidence {
		if !e.Date.After(day) && !Setback(e.Text) && (last == nil || !e.Date.Before(last.Date)) {
			last = &p.Evidence[i]
		}
	}
	if last != nil {
		shows = fmt.Sprintf(", and the work shows it (“%s”, %s)", toYou(last.Text, p), longDate(last.Date, day))
	}
	return fmt.Sprintf("About staying: you have been ready for %s since %s%s%s. What would make you leave, and what do you need from me while the promotion round comes? I will say plainly what I can and cannot promise.",
		pl.Target.Name, longDate(since, day), how, shows)
}

// stillToDo opens a prep question asked at an earlier 1:1 and still open.
const stillToDo = "still to do from our 1:1 of"

// stillOpen is the prep question q, said as still to do when one of the
// agendas within RecentWeeks asked it and it is a one-off ("have I
// introduced ... yet"): a repeat says it is open, never the same words
// again (cold read 9, finding 17). A check held every time ("did I tell
// ... since our last 1:1") is asked as it is.
func stillOpen(in AgendaInput, q string, day time.Time) string {
	if in.Previous == nil || !strings.HasPrefix(q, "have I ") {
		return q
	}
	for _, e := range in.Previous.Earlier {
		if e.Asked == q {
			return fmt.Sprintf("%s %s, %s", stillToDo, longDate(e.Week.Day(in.Config.Agenda.WeekdayValue()), day), q)
		}
	}
	return q
}

// planAbout is what the person's plan is about until its review, in one
// sentence: each focus skill and the step it asks for, in the plan's
// order; "" without focus skills.
func planAbout(pl *Plan, day time.Time) string {
	var parts []string
	for _, f := range pl.Focus {
		name := lowerFirst(f.Name)
		switch {
		case f.Lowered:
			parts = append(parts, fmt.Sprintf("%s, %s", name, f.Step()))
		case f.Level.Value == 0:
			parts = append(parts, name+", which we assess first")
		case f.Next.Value > f.Level.Value && f.StretchPast != "":
			parts = append(parts, fmt.Sprintf("%s, from %s to %s, the stretch past the %s bar", name, f.Level.Words(), f.Next.Words(), f.StretchPast))
		case f.Next.Value > f.Level.Value:
			parts = append(parts, fmt.Sprintf("%s, from %s to %s", name, f.Level.Words(), f.Next.Words()))
		case len(f.Goals) > 0:
			// A skill already at the bar is in focus for the goal that
			// names it: the goal is what the quarter asks of it.
			parts = append(parts, fmt.Sprintf("%s, through your goal “%s”", name, ShortGoal(f.Goals[0])))
		default:
			parts = append(parts, fmt.Sprintf("%s, %s", name, f.Step()))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	list := parts[0]
	if n := len(parts); n > 1 {
		list = strings.Join(parts[:n-1], "; ") + "; and " + parts[n-1]
	}
	when := ""
	if r, err := time.Parse(time.DateOnly, pl.NextReview); err == nil && r.After(day) {
		when = fmt.Sprintf(", until our review on %s", longDate(r, day))
	}
	return fmt.Sprintf("What your plan is about this quarter%s: %s.", when, list)
}

// ownCareerQuestions are career questions drawn from the person's own
// file: the target date they wrote, and each open goal still ahead, the
// latest first (the longest view).
func ownCareerQuestions(pl *Plan, p *skills.Person, day time.Time) []string {
	var out []string
	if a := p.Aspiration; a != nil && a.By.After(day) && pl.Target.Name != "" && !pl.pace.ambitious() {
		q := fmt.Sprintf("You aim for %s by %s: what would you want to have shown by then that you cannot show today?", pl.Target.Name, longDate(a.By, day))
		if r, err := time.Parse(time.DateOnly, pl.NextReview); err == nil && r.After(day) {
			q = fmt.Sprintf("You aim for %s by %s: what would you want to have shown by our review on %s, to know you are on the way?", pl.Target.Name, longDate(a.By, day), longDate(r, day))
		}
		out = append(out, q)
	}
	var ahead []skills.Goal
	for _, g := range p.OpenGoals() {
		if g.Text != "" && g.Due.After(day) {
			ahead = append(ahead, g)
		}
	}
	slices.SortStableFunc(ahead, func(a, b skills.Goal) int { return b.Due.Compare(a.Due) })
	for _, g := range ahead[:min(len(ahead), 2)] {
		out = append(out, fmt.Sprintf("When “%s” is done, by %s, what will it show about you that nobody has seen yet?", g.Text, longDate(g.Due, day)))
	}
	return out
}

// missedCareer is the day of the career conversation the last agenda
// announced, when its whole month went by with no 1:1 (see career).
func missedCareer(in AgendaInput, day time.Time) (time.Time, bool) {
	pv := in.Previous
	if pv == nil || pv.Unreadable {
		return time.Time{}, false
	}
	wd := in.Config.Agenda.WeekdayValue()
	due := firstWeekday(pv.Week.Day(wd), wd)
	if due.Before(day0(date(day))) && (due.Year() != day.Year() || due.Month() != day.Month()) {
		return due, true
	}
	return time.Time{}, false
}
