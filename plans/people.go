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
// to leading people, a report seriously below their role's bar, and a
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
	today := TodayOf(p).day
	for _, id := range team.reports[p.ID] {
		q := team.people[id]
		names = append(names, cmpName(q))
		first := team.callName(q)
		qToday := TodayOf(q).day
		cq := team.countedOf(m, q)
		switch {
		case NewHire(q, qToday):
			ahead, past := onboardingWindows(q.Joined, today, "the introductions "+first+" needs", possessive(first))
			line := fmt.Sprintf("%s joined on %s and is onboarding with you to day 90, %s: %s",
				cmpName(q), date(q.Joined), date(q.Joined.AddDate(0, 0, planDays)), promiseList(append([]string{"a weekly 1:1"}, ahead...)))
			if past != "" {
				line += "; " + past
			}
			if b, ok := team.buddyOf[id]; ok {
				line += fmt.Sprintf("; %s is %s onboarding buddy", cmpName(team.people[b]), possessive(first))
			}
			out = append(out, line+".")
		case firstTimeManager(m, q, team.history[id]):
			out = append(out, fmt.Sprintf("%s is new to leading people, since the move to %s: an hour a fortnight with %s on one real people situation (a 1:1, a piece of feedback, a hand-over), talked through before and after.",
				cmpName(q), roleName(m, q.Role), first))
		case len(q.Levels)*2 < len(m.Skills) && !q.Joined.IsZero() && !qToday.IsZero():
			has := fmt.Sprintf("%s has a level on %s of %d skills, %d days after joining on %s", cmpName(q), number(len(q.Levels)), len(m.Skills), int(qToday.Sub(q.Joined).Hours()/24), date(q.Joined))
			// The session q's own plan books, on its day, when it books
			// one (cold read 20, point 6: "at the next 1:1s" here, one
			// session before 10 December in q's plan and agendas).
			if n := assessCount(m, cq.person); !assessBy(cq.person, n, qToday).IsZero() {
				out = append(out, fmt.Sprintf("%s: you and %s set the %d levels not yet assessed in one 90-minute session before %s, you with a draft, %s with an example for each, so that %s plan has something to stand on.",
					has, first, n, longDate(assessBy(cq.person, n, qToday), today), first, possessive(first)))
				break
			}
			out = append(out, fmt.Sprintf("%s: assess the rest with %s at the next 1:1s, starting with the ones %s goals use, so that %s plan has something to stand on.",
				has, first, possessive(first), possessive(first)))
		case fitInQuestion(m, cq.person):
			review := ""
			if !q.Assessed.IsZero() {
				review = " by " + date(q.Assessed.AddDate(0, reviewMonths, 0))
			}
			out = append(out, fmt.Sprintf("%s is below the %s bar on %s, with setbacks in the evidence: %s plan names what must move%s. Go through it with %s at each weekly 1:1, with the examples, and ask what support would help; at the review, agree the next step together on what moved and what did not.",
				cmpName(q), roleName(m, q.Role), words(len(readiness(m, cq.person, m.Role(q.Role)).Below), "skill"), possessive(first), review, first))
		}
		// A level of q's set lower with no example is the leader's to back:
		// q's plan counts the level before it until then.
		if l := loweredBy(m, cq); l != "" {
			out = append(out, fmt.Sprintf("You set %s %s lower on %s with no example behind it: write down what it rests on at your next 1:1 with %s; until then %s plan counts the level before it.",
				possessive(first), l, cq.loweredOn(), first, possessive(first)))
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
	on, by, was := "", "", ""
	for _, id := range team.reports[p.ID] {
		q := team.people[id]
		if b, ok := team.rebased[id]; ok && (b.Author == "" || b.Author == p.Name) {
			held = append(held, cmpName(q))
			on = max(on, b.Date)
			if d := TodayOf(q).day; !d.IsZero() {
				due, when, overdue := calibrationDates(b, d)
				by = max(by, date(when)) // the date their plans commit to
				if overdue {
					was = max(was, date(due))
				}
			}
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
		if by != "" {
			by = " by " + by
		}
		late := ""
		if was != "" {
			late = fmt.Sprintf(", and its calibration was due on %s", was)
		}
		out = append(out, fmt.Sprintf("Your assessment of %s (%s) set the levels at once and is not calibrated yet%s: calibrate it with %s%s, as %s until then.",
			andList(held), on, late, with, by, hold))
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
// on: the hand-over, with a date agreed with q.
func waitCommitments(q *skills.Person, team *TeamIndex) []string {
	mgr := team.people[q.Manager]
	if mgr == nil {
		return nil
	}
	var out []string
	for _, w := range waitsOn(mgr, q) {
		// Said without the manager's own goal or its lateness: that is for
		// the manager's plan and agendas, not for the report's file.
		out = append(out, fmt.Sprintf("The hand-over of the work your goal \"%s\" takes on, with its date agreed with you at the next 1:1 and kept to.",
			w.theirs.Text))
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
// back from leave: the plan then states the bar, the gap, the support and
// the date, and the next step is agreed at the review.
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

// countedOf is what q's own plan counts of q's levels (see
// countedLevels), from q's file and history.
func (t *TeamIndex) countedOf(m *skills.Matrix, q *skills.Person) counted {
	if m != t.matrix || t.people[q.ID] != q {
		return countedLevels(m, q, t.history[q.ID], t.names[q.Manager])
	}
	if c, ok := t.counted.Load(q.ID); ok {
		return c.(counted)
	}
	c := countedLevels(m, q, t.history[q.ID], t.names[q.Manager])
	t.counted.Store(q.ID, c)
	return c
}

// loweredBy names the skills, lowercase and in matrix order, whose level
// q's plan counts higher than q's file because it was set lower with no
// example; "" when there are none.
func loweredBy(m *skills.Matrix, c counted) string {
	if len(c.lowered) == 0 {
		return ""
	}
	var names []string
	for _, s := range m.Skills {
		if _, ok := c.lowered[s.ID]; ok {
			names = append(names, lowerFirst(s.Name))
		}
	}
	return andList(names)
}

// loweredOn is the latest day a level was set lower with no example.
func (c counted) loweredOn() string {
	on := ""
	for _, u := range c.lowered {
		on = max(on, u.On)
	}
	if t, err := time.Parse(time.DateOnly, on); err == nil {
		return date(t)
	}
	return on
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

// owedItem is something a manager owes their people that needs their own
// manager, for the agenda of the manager's 1:1 with them (see yourPeople):
// a baseline of theirs to calibrate, a new hire's day-30, 60 or 90 check,
// a report's goal still open two weeks past its date. Read from the team:
// who reports to whom, their baselines, joined dates and goals.
type owedItem struct {
	// kind is "track" (the person's own move off leading people, or a
	// report's move between tracks), "calibrate", "calibrate-line" (a
	// report's baseline of their own people, calibrated with the person),
	// "check" or "goal".
	kind string
	// names are how the agenda calls the people; first is set when every
	// baseline to calibrate is the manager's first assessment of them.
	names []string
	first bool
	// due is when: the date to calibrate by, the joined date (the checks
	// fall 30, 60 and 90 days after it), the goal's due date.
	due  time.Time
	goal string
	// was is, for a calibration whose first date passed, that date: due
	// is the date it was re-set for.
	was time.Time
	// For a track move: by is who makes it (the report; "" for the person
	// themselves), as the role they aim for, and people the ones they lead
	// today, whose hand-over is part of the move; toLead is set for a move
	// onto the track that leads people.
	by, byCall, as string
	people         []string
	toLead         bool
	// takes are who takes on whom, as the file of the one moving says
	// it in an open goal that hands named people to someone ("Ben and
	// Chloe to Alice, by 15 January"); unnamed the people it hands to
	// nobody yet.
	takes   []handOff
	unnamed []string
}

// handOff is some of a leaving manager's people, who takes them on, and
// by when (zero: no date).
type handOff struct {
	whom, to string
	due      time.Time
}

// words says h in a clause: "Ben and Chloe to Alice, by 15 January".
func (h handOff) words(day time.Time) string {
	if h.due.IsZero() {
		return h.whom + " to " + h.to
	}
	return fmt.Sprintf("%s to %s, by %s", h.whom, h.to, longDate(h.due, day))
}

// handedTo reads who takes on q's people from q's own open goals: a goal
// that names some of them and says who they go to (its counterpart after
// " to ") hands them over, by its date. The people no goal names are
// returned apart, in q's order of reports.
func handedTo(q *skills.Person, team *TeamIndex) (takes []handOff, unnamed []string) {
	named := map[string]bool{}
	for _, g := range q.OpenGoals() {
		i := strings.LastIndex(g.Text, " to ")
		who := counterpartAfter(g.Text, " to ")
		if i < 0 || who == "" {
			continue
		}
		head := g.Text[:i]
		var whom []string
		for _, id := range team.reports[q.ID] {
			r := team.people[id]
			if named[id] || r == nil {
				continue
			}
			if call := team.callName(r); strings.Contains(head, cmpName(r)) || containsWord(head, call) {
				whom = append(whom, call)
				named[id] = true
			}
		}
		if len(whom) == 0 {
			continue
		}
		takes = append(takes, handOff{whom: andList(whom), to: who, due: g.Due})
	}
	if len(takes) == 0 {
		return nil, nil
	}
	for _, id := range team.reports[q.ID] {
		if r := team.people[id]; r != nil && !named[id] {
			unnamed = append(unnamed, team.callName(r))
		}
	}
	return takes, unnamed
}

// containsWord reports whether text holds name as whole words.
func containsWord(text, name string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], name)
		if j < 0 || name == "" {
			return false
		}
		j += i
		before, after := j == 0 || !isLetter(text[j-1]), j+len(name) == len(text) || !isLetter(text[j+len(name)])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }

// peopleOwed lists what p owes their people, from the team index, in the
// order the agenda weighs it: calibration first, as verdicts wait on it,
// then new hires, then goals.
func peopleOwed(p *skills.Person, team *TeamIndex) []owedItem {
	out := trackMoves(p, team)
	cal := map[string]*owedItem{} // by date
	var dates []string
	for _, id := range team.reports[p.ID] {
		q := team.people[id]
		b, ok := team.rebased[id]
		if !ok || b.Author != "" && b.Author != p.Name {
			continue
		}
		today := TodayOf(q).day
		if today.IsZero() {
			continue
		}
		was, by, late := calibrationDates(b, today) // the date the report's plan commits to (CalibrateBy)
		it := cal[date(by)]
		if it == nil {
			it = &owedItem{kind: "calibrate", due: by, first: true}
			cal[date(by)] = it
			dates = append(dates, date(by))
		}
		if late && (it.was.IsZero() || was.Before(it.was)) {
			it.was = was
		}
		it.names = append(it.names, team.callName(q))
		it.first = it.first && b.Kind == "new-manager"
	}
	slices.Sort(dates)
	for _, d := range dates {
		out = append(out, *cal[d])
	}
	out = append(out, lineCalibrations(p, team)...)
	for _, id := range team.reports[p.ID] {
		if q := team.people[id]; !q.Joined.IsZero() {
			out = append(out, owedItem{kind: "check", names: []string{team.callName(q)}, due: q.Joined})
		}
	}
	for _, id := range team.reports[p.ID] {
		q := team.people[id]
		for _, g := range q.OpenGoals() {
			if !g.Due.IsZero() {
				out = append(out, owedItem{kind: "goal", names: []string{team.callName(q)}, due: g.Due, goal: g.Text})
			}
		}
	}
	return out
}

// trackMoves are the moves between tracks that p's 1:1s carry: p's own
// move off leading people (the hand-over of their people is agreed with
// their manager before anything is announced), then each report's move,
// by the report's aspiration in their file, in the order of p's reports.
func trackMoves(p *skills.Person, team *TeamIndex) []owedItem {
	m := team.matrix
	if m == nil {
		return nil
	}
	move := func(q *skills.Person) (owedItem, bool) {
		role := m.Role(q.Role)
		if q.Aspiration == nil || role == nil {
			return owedItem{}, false
		}
		it := owedItem{kind: "track"}
		if t := q.TargetRole(m); t != q.Role {
			it.as = roleName(m, t)
		}
		switch {
		case q.Aspiration.Track == skills.TrackIC && role.Leads:
			for _, id := range team.reports[q.ID] {
				it.people = append(it.people, team.callName(team.people[id]))
			}
			it.takes, it.unnamed = handedTo(q, team)
			return it, true
		case q.Aspiration.Track == skills.TrackManager && !role.Leads:
			it.toLead = true
			return it, true
		}
		return owedItem{}, false
	}
	var out []owedItem
	if it, ok := move(p); ok && !it.toLead && len(it.people) > 0 {
		out = append(out, it)
	}
	// A move that hands over people comes before a wish to lead them.
	var toLead []owedItem
	for _, id := range team.reports[p.ID] {
		q := team.people[id]
		if it, ok := move(q); ok {
			it.by, it.byCall = cmpName(q), team.callName(q)
			if it.toLead {
				toLead = append(toLead, it)
			} else {
				out = append(out, it)
			}
		}
	}
	return append(out, toLead...)
}

// lineCalibrations are the baselines p's reports set for their own
// people and have not calibrated yet: their plans name p to calibrate them
// with, so p's 1:1s carry them too, by the date the plans commit to.
func lineCalibrations(p *skills.Person, team *TeamIndex) []owedItem {
	var out []owedItem
	for _, mid := range team.reports[p.ID] {
		mgr := team.people[mid]
		it := owedItem{kind: "calibrate-line", by: cmpName(mgr), byCall: team.callName(mgr), first: true}
		for _, id := range team.reports[mid] {
			q := team.people[id]
			b, ok := team.rebased[id]
			today := TodayOf(q).day
			if !ok || b.Author != "" && b.Author != mgr.Name || today.IsZero() {
				continue
			}
			it.names = append(it.names, team.callName(q))
			it.first = it.first && b.Kind == "new-manager"
			was, by, late := calibrationDates(b, today)
			if by.After(it.due) {
				it.due = by
			}
			if late && (it.was.IsZero() || was.Before(it.was)) {
				it.was = was
			}
		}
		if len(it.names) > 0 {
			out = append(out, it)
		}
	}
	return out
}

// MaxPeopleLines is how many lines an agenda gives to what the person owes
// their own people.
const MaxPeopleLines = 3

// yourPeople are the lines of the agenda of pl's person for the 1:1 of day
// about what they owe their own people and need their manager for, in the
// agenda's voice (the manager is "I", the person "you"), each dated: a
// baseline to calibrate together, a new hire's next check, a report's goal
// still open two weeks past its date. At most MaxPeopleLines. What to
// bring turns with n, the agenda's number, so that a line kept for weeks
// asks something new each week.
func yourPeople(pl *Plan, day time.Time, n int) []string {
	with := "with me"
	if pl.Person.Manager == "" || pl.Person.ManagerName == "" {
		with = "with the other managers"
	}
	var out []string
	for _, it := range pl.owed {
		if len(out) == MaxPeopleLines {
			break
		}
		who := andList(it.names)
		switch it.kind {
		case "calibrate":
			what := "your assessment of " + who
			if len(it.names) > 1 {
				what = "your assessments of " + who
			}
			if it.first {
				what = strings.Replace(what, "your assessment", "your first assessment", 1)
			}
			wait := possessive(who) + " verdict waits"
			if len(it.names) > 1 {
				wait = "their verdicts wait"
			}
			when := fmt.Sprintf("%s %s", it.due.Weekday(), longDate(it.due, day))
			if it.due.Before(day) {
				out = append(out, lateCalibration(fmt.Sprintf("Calibrate %s %s", what, with), it, when, wait, "we book it", day))
			} else {
				out = append(out, calibrateLine(what, with, when, wait, n))
			}
		case "track":
			out = append(out, trackLine(it, n, day))
		case "calibrate-line":
			what := "first assessment"
			if !it.first {
				what = "assessment"
			}
			if len(it.names) > 1 {
				what += "s"
			}
			wait := possessive(who) + " verdict waits"
			if len(it.names) > 1 {
				wait = "their verdicts wait"
			}
			when := fmt.Sprintf("%s %s", it.due.Weekday(), longDate(it.due, day))
			if it.due.Before(day) {
				out = append(out, lateCalibration(fmt.Sprintf("Calibrate %s %s of %s with %s", possessive(it.by), what, who, it.byCall), it, when, wait, "book it", day))
			} else {
				out = append(out, calibrateLine(fmt.Sprintf("%s %s of %s", possessive(it.by), what, who), "with "+it.byCall, when, wait, n))
			}
		case "check":
			for _, check := range []int{30, 60, 90} {
				d := it.due.AddDate(0, 0, check)
				if d.Before(day) {
					continue
				}
				if !it.due.After(day) {
					out = append(out, fmt.Sprintf("%s day-%d check is on %s %s: %s",
						possessive(who), check, d.Weekday(), longDate(d, day), checkAsks[mod(n, len(checkAsks))]))
				}
				break
			}
		case "goal":
			if it.due.AddDate(0, 0, 14).Before(day) {
				out = append(out, fmt.Sprintf("%s goal “%s” was due on %s and is still open: %s",
					possessive(who), it.goal, longDate(it.due, day), goalAsk(n, who)))
			}
		}
	}
	return out
}

// calibrateLine is the line of a calibration still ahead, turning with n
// so that the weeks before it do not read the same (cold read 7, finding
// 8): what to calibrate, with whom, by when, and the verdicts that wait.
func calibrateLine(what, with, when, wait string, n int) string {
	switch mod(n, 3) {
	case 1:
		return fmt.Sprintf("Is the calibration of %s booked %s, before %s? %s on it.", what, with, when, upperFirst(wait))
	case 2:
		return fmt.Sprintf("For the calibration of %s %s, by %s: bring the levels you are least sure of, with the work behind each.", what, with, when)
	}
	return fmt.Sprintf("Calibrate %s %s by %s: %s on it.", what, with, when, wait)
}

// trackLine is the line of a move between tracks, turning with n: the
// person's own move off leading people (its hand-over agreed with me
// before anything is announced), or a report's, which the person agrees
// with them.
func trackLine(it owedItem, n int, day time.Time) string {
	as := ""
	if it.as != "" {
		as = ", as " + it.as
	}
	people := andList(it.people)
	var takes []string
	for _, h := range it.takes {
		takes = append(takes, h.words(day))
	}
	if len(it.takes) > 0 {
		// Who takes on whom is said as the file says it, and who is left
		// (cold read 13: the agendas asked where the hand-over stood when
		// the file said it).
		left := "is there anything left to settle before it is announced?"
		if len(it.unnamed) > 0 {
			left = fmt.Sprintf("nobody is named yet for %s: who would you suggest?", andList(it.unnamed))
		}
		has := "goals have"
		if len(it.takes) == 1 {
			has = "goal has"
		}
		if it.by == "" {
			return fmt.Sprintf("Your move to the individual-contributor track, as your %s it: %s; %s", has, strings.Join(takes, "; "), left)
		}
		if len(it.unnamed) > 0 {
			left = fmt.Sprintf("nobody is named yet for %s: agree it with %s before anything is announced.", andList(it.unnamed), it.byCall)
		} else {
			left = "bring the day it is announced."
		}
		return fmt.Sprintf("%s move to the individual-contributor track, as %s %s it: %s; %s", possessive(it.by), possessive(it.byCall), has, strings.Join(takes, "; "), left)
	}
	if it.by == "" {
		return []string{
			fmt.Sprintf("Your move to the individual-contributor track%s: who takes on %s, and when, is ours to agree before anything is announced; bring who you would suggest for each.", as, people),
			fmt.Sprintf("Your move to the individual-contributor track: which of %s could move first, to whom, and what do they need to hear from you before it is announced?", people),
			fmt.Sprintf("Your move to the individual-contributor track: where the hand-over of %s stands, and what you need from me to announce it well.", people),
		}[mod(n, 3)]
	}
	if it.toLead {
		return []string{
			fmt.Sprintf("%s wants to lead people%s: bring what people work %s is practising before the title, and how it is going.", it.by, as, it.byCall),
			fmt.Sprintf("%s wants to lead people: how is the practice going, as the people it serves tell it?", it.by),
		}[mod(n, 2)]
	}
	if len(it.people) == 0 {
		return fmt.Sprintf("%s wants to move to the individual-contributor track%s: agree with %s what the move asks, and bring it to me before anything is announced.", it.by, as, it.byCall)
	}
	return []string{
		fmt.Sprintf("%s wants to move to the individual-contributor track%s: agree with %s who takes on %s, and when, and bring it to me before anything is announced.", it.by, as, it.byCall, people),
		fmt.Sprintf("%s move to the individual-contributor track: where have you and %s got to on who takes on %s, and what do you need from me for it?", possessive(it.by), it.byCall, people),
		fmt.Sprintf("%s move to the individual-contributor track: bring the hand-over you and %s agreed, person by person, and the day it is announced.", possessive(it.by), it.byCall),
	}[mod(n, 3)]
}

// checkAsks are what a line of yourPeople asks about a check, in turn.
var checkAsks = []string{
	"bring how onboarding is going, and what you need from me for it.",
	"what is going well so far, and where is a hand still needed?",
	"anything about it to raise with me first?",
}

// goalAsk is what a line of yourPeople asks, in turn, about a report's
// goal past its date. The goal is the report's and their manager's to
// re-date: the leader above is asked what the two of them will agree,
// never for a date of their own (cold read 10, finding 19).
func goalAsk(n int, who string) string {
	return []string{
		"what it waits on, and whether I can help unblock it.",
		fmt.Sprintf("which will you and %s agree on, a new date that holds, a smaller goal or letting it go?", who),
		"what would let it close before our next 1:1?",
	}[mod(n, 3)]
}

// teamSituation are the lines of a people leader's plan about where their
// team stands, from the files: a report who wants the other track (their
// aspiration), for the leader at the top of the team the roles short
// against the team's shape and whether anyone is within reach of them, and
// whether anyone in the leader's line could step into the leader's role.
func teamSituation(m *skills.Matrix, cfg skills.Config, p *skills.Person, team *TeamIndex) []string {
	if len(team.reports[p.ID]) == 0 {
		return nil
	}
	var out []string
	for _, id := range team.reports[p.ID] {
		q := team.people[id]
		role := m.Role(q.Role)
		if q.Aspiration == nil || role == nil {
			continue
		}
		as := ""
		if r := m.Role(q.Aspiration.Role); r != nil && r.ID != q.Role {
			as = " as " + r.Name
			if !q.Aspiration.By.IsZero() {
				as += " by " + date(q.Aspiration.By)
			}
		}
		first := team.callName(q)
		switch {
		case q.Aspiration.Track == skills.TrackIC && role.Leads && len(team.reports[q.ID]) > 0:
			// A near-term question, not a review-time one (cold read 9,
			// finding 5): the people the move leaves need a manager.
			var led []string
			for _, r := range team.reports[q.ID] {
				led = append(led, team.callName(team.people[r]))
			}
			out = append(out, fmt.Sprintf("%s wants the individual-contributor track%s, and leads %s today: %s. Agree with %s this month who leads them, and from when, before anything is announced.",
				cmpName(q), as, andList(led), stepIn(m, team, q, possessive(first)+" line"), first))
		case q.Aspiration.Track == skills.TrackIC && role.Leads:
			out = append(out, fmt.Sprintf("%s, who leads people today, wants the individual-contributor track%s: agree with %s what the move asks and who takes on %s people, and when, before anything is announced.",
				cmpName(q), as, first, possessive(first)))
		case q.Aspiration.Track == skills.TrackManager && !role.Leads:
			out = append(out, fmt.Sprintf("%s wants to lead people%s: %s plan practises it before the title; ask at your 1:1s how that practice is going for the people it serves.",
				cmpName(q), as, possessive(first)))
		}
	}
	out = append(out, skipCases(m, p, team)...)
	if _, inTeam := team.people[p.Manager]; !inTeam {
		// The top of the team: its shape is this leader's to fill.
		// A manager handing over their people is counted out of the
		// role they leave, and the line says so.
		var all []*skills.Person
		for _, id := range team.ids {
			all = append(all, team.people[id])
		}
		have, left := shapeHave(m, all)
		var short, leaving []string
		toHire := false // a seat handed over said as the leader's to hire
		for _, r := range m.Roles {
			want, ok := cfg.Team.Shape[r.ID]
			if !ok || want <= have[r.ID] {
				continue
			}
			if len(left[r.ID]) > 0 {
				said := upperFirst(handingOver(left[r.ID], r.Name)) + "."
				if own, _ := hiringGoals(team, p.ID, func(q *skills.Person) bool { return slices.Contains(left[r.ID], cmpName(q)) }); len(own) > 0 {
					// Their own hiring goal is not the plan for that seat:
					// nobody hires their own successor (cold read 17,
					// finding 6).
					yours := "it is"
					if len(left[r.ID]) > 1 {
						yours = "they are"
					}
					said = strings.TrimSuffix(said, ".") + ", and " + yours + " yours to hire."
					if kept := keptHiringGoals(team, p.ID, func(q *skills.Person) bool { return slices.Contains(left[r.ID], cmpName(q)) }); kept != "" {
						said += " " + kept
					}
					toHire = true
				}
				leaving = append(leaving, said)
			}
			line := shortLine(r.Name, want-have[r.ID], have[r.ID], want, len(withinReach(m, team, r.ID)) > 0)
			if now := readyNowFor(m, team, r.ID); len(now) > 0 {
				// The team view's reading: ready now is said as ready now,
				// with what to do about it (cold read 17, finding 6).
				line = readyNowShort(m, team, r.Name, want-have[r.ID], have[r.ID], want, now)
			}
			short = append(short, line)
		}
		if len(short) > 0 {
			line := fmt.Sprintf("The team is short against its planned shape: %s.", strings.Join(short, "; "))
			if len(leaving) > 0 {
				line += " " + strings.Join(leaving, " ")
			}
			// Someone handing their seat over does not write the plan
			// that hires for it: their hiring goal is not the leader's to
			// back instead of their own.
			owners, calls := hiringGoals(team, p.ID, func(q *skills.Person) bool { return !leavesLeading(m, q) })
			if len(owners) > 0 {
				// A report already owns the hiring: the leader backs it
				// rather than starting a second plan for the same seats.
				line += fmt.Sprintf(" %s Back %s on it rather than start a hiring plan of your own: the headcount and the sign-off are yours to give.", strings.Join(owners, " "), andList(calls))
			} else if !toHire {
				// Said once: a seat handed over is already said to be
				// the leader's to hire.
				line += fmt.Sprintf(" The hiring plan for %s is yours to start.", itThem(len(short)))
			}
			out = append(out, line)
		}
	}
	// Who could step in, except for a leader whose own fit in the role is
	// in question, new to leading people or back from leave: there a
	// successor named beside the plan reads as a seat being filled.
	_, _, back := ReturnFromLeave(p)
	if role := m.Role(p.Role); role != nil && !back && !fitInQuestion(m, team.countedOf(m, p).person) && !firstTimeManager(m, p, team.history[p.ID]) {
		var ready []string
		for _, id := range withinReach(m, team, p.Role) {
			if underOf(team, p.ID, id) {
				ready = append(ready, cmpName(team.people[id]))
			}
		}
		if led := team.reports[p.ID]; role.Leads && len(led) > 0 && p.Aspiration != nil && p.Aspiration.Track == skills.TrackIC {
			// Your own move leaves your people without a manager: who
			// leads them is agreed now, not at the next review.
			with := "your manager"
			if mgr := team.people[p.Manager]; mgr != nil {
				with = team.callName(mgr)
			}
			var names []string
			for _, id := range led {
				names = append(names, team.callName(team.people[id]))
			}
			// Their plans sign what they promise as "your manager": the
			// promises pass to whoever leads them next (see CommitsBy).
			line := fmt.Sprintf("Your move to the individual-contributor track leaves %s without a manager: %s. Agree with %s at your next 1:1 who leads them, and from when, before anything is announced.",
				andList(names), stepIn(m, team, p, "your line"), with)
			if team.names[p.Manager] != "" { // as handoverOf reads it
				plans := "each of their plans commits"
				if len(names) == 1 {
					plans = "their plan commits"
				}
				line += fmt.Sprintf(" What %s their manager to passes to that next manager as it stands: those commitments are written to \"your manager\".", plans)
			}
			out = append(out, line)
		} else if len(ready) == 0 {
			out = append(out, fmt.Sprintf("Nobody in your line could step into your role (%s) yet, were you to move or be away for long: name at your next review whose plan could aim at it.", role.Name))
		} else {
			out = append(out, fmt.Sprintf("Who could step into your role (%s), were you to move: %s.", role.Name, andList(ready)))
		}
	}
	return out
}

// shortLine is one role of a shortfall against the team's shape: how many
// are short, have of want, and whether someone in the team is getting ready
// for the role or it is a hire.
func shortLine(role string, n, have, want int, growing bool) string {
	if n == 1 {
		line := fmt.Sprintf("one %s (%d of %d), ", role, have, want)
		if growing {
			return line + "with someone in the team getting ready for it"
		}
		return line + "a hire, as nobody in the team is within reach of it yet"
	}
	line := fmt.Sprintf("%s %s roles (%d of %d), ", number(n), role, have, want)
	if growing {
		return line + "with someone in the team getting ready for one of them"
	}
	return line + "hires, as nobody in the team is within reach of the role yet"
}

// stepIn says who in q's line (said as line) could lead q's people after q's move off
// leading them, or that nobody can yet.
func stepIn(m *skills.Matrix, team *TeamIndex, q *skills.Person, line string) string {
	var ready []string
	for _, id := range withinReach(m, team, q.Role) {
		if underOf(team, q.ID, id) {
			ready = append(ready, cmpName(team.people[id]))
		}
	}
	if len(ready) == 0 {
		return fmt.Sprintf("nobody in %s is within reach of %s yet, so their next manager comes from elsewhere or from a hire", line, roleName(m, q.Role))
	}
	return fmt.Sprintf("%s could step into %s", andList(ready), roleName(m, q.Role))
}

// hiringGoals are the open goals about hiring ("Hire a second PM",
// "Write the group's hiring plan") owned by someone in mgr's line, each
// said as whose it is and when it is due, by id then file order, and the
// owners' call names.
func hiringGoals(team *TeamIndex, mgr string, keep func(*skills.Person) bool) (out, calls []string) {
	eachHiringGoal(team, mgr, keep, func(q *skills.Person, g skills.Goal, due string) {
		out = append(out, fmt.Sprintf("%s own goal covers it: \"%s\"%s.", possessive(q.Name), g.Text, due))
		if c := team.callName(q); !slices.Contains(calls, c) {
			calls = append(calls, c)
		}
	})
	return out, calls
}

// eachHiringGoal calls fn with each open hiring goal (its words name hiring
// or recruiting) of the people in mgr's line that keep keeps, by id then
// file order, and its due date said as " (due D)", "" when it has none.
func eachHiringGoal(team *TeamIndex, mgr string, keep func(*skills.Person) bool, fn func(q *skills.Person, g skills.Goal, due string)) {
	for _, id := range team.ids {
		q := team.people[id]
		if !underOf(team, mgr, id) || !keep(q) {
			continue
		}
		for _, g := range q.OpenGoals() {
			if w := contentWords(g.Text); !w["hire"] && !w["hirin"] && !w["recru"] {
				continue
			}
			due := ""
			if !g.Due.IsZero() {
				due = fmt.Sprintf(" (due %s)", date(g.Due))
			}
			fn(q, g, due)
		}
	}
}

// readyNowFor are the ids, sorted, of the people within reach of role
// (withinReach) whom their own plan reads as ready now, as the team view's
// bench counts them: past onboarding, on levels a calibration does not
// still have to settle, at the role's bar on every assessed skill as their
// plan counts it (countedOf), with at most two unassessed.
func readyNowFor(m *skills.Matrix, team *TeamIndex, role string) []string {
	r := m.Role(role)
	var out []string
	for _, id := range withinReach(m, team, role) {
		q := team.people[id]
		if _, held := team.rebased[id]; held || NewHire(q, TodayOf(q).day) {
			continue
		}
		if rd := readiness(m, team.countedOf(m, q).person, r); len(rd.Below) == 0 && rd.Total-rd.Assessed <= 2 {
			out = append(out, id)
		}
	}
	return out
}

// readyNowShort is shortLine for a role someone in the team is ready for
// now: put up at the next promotion round, then their seat backfilled.
func readyNowShort(m *skills.Matrix, team *TeamIndex, role string, n, have, want int, now []string) string {
	line := fmt.Sprintf("one %s (%d of %d)", role, have, want)
	if n > 1 {
		line = fmt.Sprintf("%s %s roles (%d of %d)", number(n), role, have, want)
	}
	var names []string
	seats := map[string]bool{}
	seat := ""
	for _, id := range now {
		q := team.people[id]
		names = append(names, cmpName(q))
		seats[q.Role], seat = true, roleName(m, q.Role)
	}
	back := backfill(len(now), seats, seat)
	return fmt.Sprintf("%s: %s %s ready now: make the case at the next promotion round, then backfill %s", line, andList(names), isAre(len(now)), back)
}

// withinReach are the ids of the people, sorted, whose target is role and
// who could move into it soon: assessed on most skills, at their own role's
// bar, and at most 6 levels short of role's, on the levels their own plan
// counts (countedOf), as readyNowFor reads them too.
func withinReach(m *skills.Matrix, team *TeamIndex, role string) []string {
	r := m.Role(role)
	if r == nil {
		return nil
	}
	var out []string
	for _, id := range team.ids {
		q := team.people[id]
		own := m.Role(q.Role)
		if own == nil || q.Role == role || q.TargetRole(m) != role || len(q.Levels)*2 < len(m.Skills) {
			continue
		}
		// On the levels q's own plan counts (cold read 20, finding 2).
		c := team.countedOf(m, q).person
		if len(readiness(m, c, own).Below) == 0 && readiness(m, c, r).Gap <= 6 {
			out = append(out, id)
		}
	}
	return out
}

// underOf reports whether id is in the line of manager mgr: a report of
// theirs, or of one of their reports, and so on.
func underOf(team *TeamIndex, mgr, id string) bool {
	seen := map[string]bool{}
	for q := team.people[id]; q != nil && !seen[q.ID]; q = team.people[q.Manager] {
		seen[q.ID] = true
		if q.Manager == mgr {
			return true
		}
	}
	return false
}

// lateCalibration is the line of a calibration past its date, when (a
// day, in words): a date that was re-set says the first one too, as it
// slipped twice (VP cold read 18, finding 19), and who books it now.
func lateCalibration(head string, it owedItem, when, wait, book string, day time.Time) string {
	if it.was.IsZero() {
		return fmt.Sprintf("%s: it was due by %s, and %s on it still.", head, when, wait)
	}
	return fmt.Sprintf("%s: first due %s, re-set for %s, still not done: %s this week, as %s on it.", head, longDate(it.was, day), when, book, wait)
}

// FirstSinceOnboarding is the commit and day of the person's first
// assessment after their first 90 days, when every level before it was
// set in those 90 days: it sets the levels the plan measures from, not
// growth, in a review as in an agenda; "", "" when there is none.
func FirstSinceOnboarding(p *skills.Person, history []skills.Change) (commit, day string) {
	commit, day, _ = strings.Cut(firstSinceOnboarding(p, history), "/")
	return commit, day
}
