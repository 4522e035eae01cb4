package plans

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/coach-dev/coach/skills"
)

// What a plan advises, once the focus skills are chosen (see rank.go): the
// actions, the coaching question, the resources to learn from, how to use a
// strength, and what the manager commits to. Advice is keyed to the level
// being reached and to whether the person leads people.

// question picks a coaching question written for the level being reached,
// among those for the person's audience: the same one for the same person
// every time, and different people get different ones. When the matrix has
// none for that level, the nearest level below it, and only when there is
// none below, above it: a question of a higher level asks about the work
// of a higher role (cold read 9, finding 4).
func question(personID string, s *skills.Skill, next int, leads bool) string {
	bank := questionsAtOrBelow(s, next, leads)
	if len(bank) == 0 {
		bank = nearQuestions(s, next, leads, 0)
	}
	if len(bank) == 0 {
		return ""
	}
	h := fnv.New32a()
	h.Write([]byte(personID + "/" + s.ID))
	return bank[int(h.Sum32()%uint32(len(bank)))]
}

// questionBank is the skill's questions for someone reaching level next, the
// bank an agenda rotates through: those for their audience (people leaders or
// not) written for level next or the one below it, never above it, since a
// question written for a higher level asks about work of a higher role (an
// APM asked about "your roadmap", cold read 8, finding 4); when the matrix
// has none there, the ones closest to it. Matrix order.
func questionBank(s *skills.Skill, next int, leads bool) []string {
	var out []string
	for _, q := range s.Questions {
		if skills.Audience(q.Leads, leads) && q.Level <= next && q.Level >= next-1 && !strings.Contains(q.Text, skills.ImportTODO) {
			out = append(out, q.Text)
		}
	}
	if len(out) > 0 {
		return out
	}
	return nearQuestions(s, next, leads, 1)
}

// questionsAtOrBelow lists the questions for the audience written for the
// highest level at or below next that has any.
func questionsAtOrBelow(s *skills.Skill, next int, leads bool) []string {
	best := 0
	for _, q := range s.Questions {
		if skills.Audience(q.Leads, leads) && q.Level <= next && q.Level > best && !strings.Contains(q.Text, skills.ImportTODO) {
			best = q.Level
		}
	}
	var out []string
	for _, q := range s.Questions {
		if best > 0 && skills.Audience(q.Leads, leads) && q.Level == best && !strings.Contains(q.Text, skills.ImportTODO) {
			out = append(out, q.Text)
		}
	}
	return out
}

// nearQuestions lists the questions for the audience whose level is at most
// slack away from next, or, when there are none, those nearest to next.
func nearQuestions(s *skills.Skill, next int, leads bool, slack int) []string {
	best := -1
	for _, q := range s.Questions {
		if strings.Contains(q.Text, skills.ImportTODO) {
			continue // left to write after coach import
		}
		if d := abs(q.Level - next); skills.Audience(q.Leads, leads) && (best < 0 || d < best) {
			best = d
		}
	}
	var out []string
	for _, q := range s.Questions {
		if skills.Audience(q.Leads, leads) && abs(q.Level-next) <= max(best, slack) && !strings.Contains(q.Text, skills.ImportTODO) {
			out = append(out, q.Text)
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// actions are two or three things to do for the next step, from the
// person's own work first: their setback to turn round, their goal that
// names the skill (with its counterpart and date; a goal two focus skills
// share leads both, said in full once), then the matrix's actions
// for the level being reached that suit them (people leaders or not) and
// that their evidence does not already show done and no goal of theirs
// already says. The skill's reading is under "Learn from", once, never again
// as an action.
func actions(m *skills.Matrix, s *skills.Skill, p *skills.Person, c candidate, lvl, next int, leads bool, usedGoals map[string]bool) []Action {
	var out []Action
	lead := "" // the person's goal the actions open with
	// A skill at or above the target's bar asks for the level above it, the
	// stretch: the person's goal shows the bar, and the matrix's actions
	// for the level above are the stretch beside it, never the goal again.
	stretching := lvl > 0 && next > lvl && c.gap <= 0
	if c.setback && c.latest != nil && measured(c.latest.Text) {
		// A number that fell (a survey, a score) is no habit: the people
		// behind it say what changed, and the next reading shows the rest.
		out = append(out, Action{
			Text:     fmt.Sprintf("Start from what the evidence of %s says (\"%s\"): ask the people behind that number what changed for them, agree with your manager the one thing to do about it, and start it in the next two weeks.", date(c.latest.Date), SetbackClause(c.latest.Text)),
			Evidence: "The next reading of the same measure, and the people behind it saying what changed for them.",
		})
	} else if c.setback && c.latest != nil {
		out = append(out, Action{
			Text:     fmt.Sprintf("Start from what the evidence of %s says (\"%s\"): name the habit behind it, agree with your manager what you will do instead, and try it in the next two weeks.", date(c.latest.Date), SetbackClause(c.latest.Text)),
			Evidence: fmt.Sprintf("Within a month, the people who work with you telling you, unasked, what has changed since the note of %s.", date(c.latest.Date)),
		})
	}
	for _, g := range p.OpenGoals() {
		if !goalNames(g, s) {
			continue
		}
		overdue := !g.Due.IsZero() && g.Due.Before(TodayOf(p).day)
		text := g.Text
		repeat := usedGoals[g.Text]
		switch {
		case repeat:
			// An earlier focus leads with the same goal: it leads here too,
			// for what it asks of this skill, and its date and the rest of
			// what is said of it stay above.
			if !g.Due.IsZero() && !overdue {
				text += ", by " + date(g.Due)
			}
			text += ", the same goal as above: here, what it asks of this skill."
		case overdue:
			text += fmt.Sprintf(": it was due on %s. Agree a new date at the next 1:1, then hold to it.", date(g.Due))
		case !g.Due.IsZero():
			text += ", by " + date(g.Due) + "."
		default:
			text += "."
		}
		usedGoals[g.Text] = true // the bar it reaches for is shown above it, once
		due := ""
		if !g.Due.IsZero() && !overdue {
			due = " by " + date(g.Due)
		}
		// What would show it is the skill's own observable behaviour at the
		// level the goal reaches for, seen by the people the goal involves:
		// two skills never share the sentence.
		// Said three ways, by what the goal is: a number to reach is read,
		// not vouched for; a goal done for someone named is theirs to
		// judge; any other, the matrix's words for the level.
		who := counterpart(g.Text)
		reach := max(next, lvl)
		if stretching {
			reach = lvl
		}
		seen := observable(s, reach)
		// What the person's evidence already shows of that level is not
		// asked for as if it were absent: the goal shows the rest.
		var part levelReading
		if reach > lvl {
			part = readLevel(p, s, reach, TodayOf(p).day)
		}
		if part.shows() && len(part.Missing) > 0 {
			seen = part.Missing[len(part.Missing)-1]
		}
		var ev string
		switch {
		case measured(g.Text) && !repeat:
			ev = fmt.Sprintf("The number the goal names reached at its reading%s, and the people behind it saying what changed for them", due)
		case who != "" && seen != "" && (namesFunction(seen, who) || repeat):
			// A goal said under a second skill asks its people about that
			// skill's own words: two skills never share the sentence.
			ev = fmt.Sprintf("%s, asked after the goal is done%s, describing what you did in terms like these: \"%s\"", upperFirst(who), due, seen)
		case who != "":
			// The rubric's words are for whoever it names: anyone else is
			// asked about the goal's own outcome, in plain words.
			gw := parseGoal(g.Text)
			obj := cmpOr(the(gw.Object), "it")
			if who == metPeople(g.Text) {
				obj = "it" // the goal is done to them: what it changed for them
			}
			switch strings.ToLower(gw.Verb) {
			case "hand", "delegate", "give":
				ev = fmt.Sprintf("%s, asked after the goal is done%s, whether %s is now theirs to run, and where you still stepped in", upperFirst(who), due, obj)
			default:
				ev = fmt.Sprintf("%s, asked after the goal is done%s, what %s changed for them, and what you did to bring it about", upperFirst(who), due, obj)
			}
		case seen != "" && part.shows() && len(part.Missing) > 0:
			ev = fmt.Sprintf("The goal done%s, with the people it involved able to point to where you did what %s asks beyond your evidence of %s: \"%s\"", due, levelWords(m, reach), date(part.Entry.Date), seen)
		case seen != "" && part.shows():
			ev = fmt.Sprintf("The goal done%s, with the people it involved able to say they saw it again, as on %s: \"%s\"", due, date(part.Entry.Date), seen)
		case seen != "":
			ev = fmt.Sprintf("The goal done%s, with the people it involved able to point to where you did what %s asks: \"%s\"", due, levelWords(m, reach), seen)
		default:
			ev = fmt.Sprintf("The goal done%s, and the people it involved saying, in their own words, what you did differently", due)
		}
		out = append(out, Action{Text: text, Evidence: ev + "."})
		lead = g.Text
		break
	}
	var done []string
	for _, e := range p.Evidence {
		if e.Skill == s.ID && !Setback(e.Text) {
			done = append(done, e.Text)
		}
	}
	// A matrix action that restates one of the person's own goals ("Write
	// and present the multi-year vision" beside "Present the 2027 vision")
	// says the goal twice: the goal is the action.
	for _, g := range p.OpenGoals() {
		if !stretching {
			done = append(done, g.Text)
		}
	}
	for _, a := range s.Actions {
		if strings.Contains(a.Text+a.Evidence, skills.ImportTODO) {
			continue // left to write after coach import: never a placeholder in a plan
		}
		if len(out) >= 2 || (c.reentry || c.back || c.onboard) && len(out) > 0 {
			break // back from leave, or onboarding: no new recurring work beside the person's own
		}
		if c.busy && strings.Contains(strings.ToLower(a.Text), "mentee") {
			continue // no room for more mentees: the plan does not add them
		}
		if lead != "" && !stretching && sameWork(lead, a.Text) {
			continue // the same work as the goal the actions open with: said once
		}
		if a.To == next && next > lvl && skills.Audience(a.Leads, leads) && !shown(done, a.Text+" "+a.Evidence) {
			out = append(out, Action{Text: a.Text, Evidence: a.Evidence, After: doneBefore(p, s, a.Text)})
		}
	}
	if len(out) == 0 {
		// Nothing else to do: the skill's practice at work is the action,
		// and "Learn from" leaves it out.
		if i := slices.IndexFunc(s.Resources, func(r skills.Resource) bool {
			return r.Kind == "practice" && !strings.Contains(r.Title, skills.ImportTODO)
		}); i >= 0 {
			out = append(out, Action{Text: s.Resources[i].Title,
				Evidence: "What you tried, what happened and who noticed, brought to a 1:1."})
		}
	}
	return out
}

// observable is what a level of s looks like from outside, in the
// matrix's words: the last clause of its descriptor (after its last "; "),
// which says what others see, first letter lowered; "" when the matrix has
// no descriptor for the level.
func observable(s *skills.Skill, lvl int) string {
	d := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(descriptor(s, lvl)), "."))
	if i := strings.LastIndex(d, "; "); i >= 0 {
		d = d[i+2:]
	}
	return lowerFirst(d)
}

// counterpart is who a goal is done with or for: the words after its last
// " with " ("Agree the launch scope with Legal") or " to " ("Hand the
// release review to Tam", "Present the vision to the executive team"),
// when they name someone (a capital letter) or a body of people ("the
// board", "the leadership team"); "" otherwise.
// namesFunction reports whether text, a rubric's words, names the function
// of who, a goal's counterpart: one of who's words (bar the small ones)
// opens a word of text, as "Sales" does "sales or marketing".
func namesFunction(text, who string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
	for _, w := range strings.Fields(strings.ToLower(who)) {
		if len(w) < 4 || w == "team" || w == "teams" {
			continue
		}
		if slices.ContainsFunc(words, func(t string) bool { return strings.HasPrefix(t, w) }) {
			return true
		}
	}
	return false
}

func counterpart(goal string) string {
	if who := counterpartAfter(goal, " with ", " to "); who != "" {
		return who
	}
	return metPeople(goal)
}

// metPeople is who a goal is done to, when its verb acts on people and its
// object names them: "Meet the five largest bank partners again…", "Mentor
// Sam Patel through his first quarter". "" otherwise.
func metPeople(goal string) string {
	gw := parseGoal(goal)
	switch strings.ToLower(gw.Verb) {
	case "meet", "mentor", "coach", "interview", "onboard":
	default:
		return ""
	}
	obj := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(goal), strings.Fields(goal)[0]))
	if r, _ := utf8.DecodeRuneInString(obj); unicode.IsUpper(r) {
		return nameRun(obj)
	}
	return peopleRun(obj)
}

// partnerWith is who a goal is done with, after its last " with " only: a
// team the person works with, not an audience.
func partnerWith(goal string) string { return counterpartAfter(goal, " with ") }

func counterpartAfter(goal string, seps ...string) string {
	for _, sep := range seps {
		i := strings.LastIndex(goal, sep)
		if i < 0 {
			continue
		}
		who := strings.TrimRight(strings.TrimSpace(goal[i+len(sep):]), ".")
		if who == "" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(who); unicode.IsUpper(r) {
			return nameRun(who)
		}
		if run := peopleRun(who); run != "" {
			return run
		}
	}
	return ""
}

// peopleRun is the group of people that opens s, up to the word that
// names them, within five words: "the checkout and fraud leads", "the Data
// team" of "the Data team and take it through planning", "each report";
// "" when s opens with no such group.
func peopleRun(s string) string {
	f := strings.Fields(s)
	if len(f) < 2 {
		return ""
	}
	switch strings.ToLower(f[0]) {
	case "the", "each", "every":
	default:
		return ""
	}
	for j := 1; j < len(f) && j <= 5; j++ {
		w := strings.TrimRight(f[j], ".,;:")
		if bodyOfPeople(w) {
			// "the leadership team": the group's name runs on.
			for w == f[j] && j+1 < len(f) && bodyOfPeople(strings.TrimRight(f[j+1], ".,;:")) {
				j++
				w = strings.TrimRight(f[j], ".,;:")
			}
			return strings.Join(append(f[:j:j], w), " ")
		}
		if w != f[j] {
			break // a clause ends before any group is named
		}
	}
	return ""
}

// nameRun is the run of capitalised words that opens s, joined by "and",
// "of" or "&" ("Risk and Operations", "Head of Sales"): "Support and ship
// the first slice" names Support.
func nameRun(s string) string {
	var words []string
	for _, w := range strings.Fields(s) {
		end := strings.TrimRight(w, ".,;:")
		switch {
		case end == "and" || end == "of" || end == "&":
			words = append(words, end)
			continue
		case end == "" || strings.ToUpper(end[:1]) != end[:1] || strings.ToLower(end[:1]) == end[:1]:
		default:
			words = append(words, end)
			if end == w {
				continue
			}
		}
		break
	}
	for len(words) > 0 && (words[len(words)-1] == "and" || words[len(words)-1] == "of" || words[len(words)-1] == "&") {
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

// bodyOfPeople reports whether words name a group of people by its last
// word ("executive team", "board").
func bodyOfPeople(words string) bool {
	f := strings.Fields(words)
	switch f[len(f)-1] {
	case "team", "board", "committee", "council", "group", "customers", "partners", "leadership",
		"leads", "heads", "report", "reports", "engineers", "designers", "analysts":
		return true
	}
	return false
}

// shown reports whether one of the texts (the person's evidence) already
// records the work text describes: they share at least three content
// words, compared by their first five letters.
func shown(texts []string, text string) bool {
	want := contentWords(text)
	for _, t := range texts {
		n := 0
		for w := range contentWords(t) {
			if want[w] {
				n++
			}
		}
		if n >= 3 {
			return true
		}
	}
	return false
}

// sameWork reports whether a matrix action is the same work as the
// person's goal: it opens with the same verb ("Run a monthly clinic" and
// "Run a fortnightly clinic", "Write the brief ... and test it" and "Write
// the strategy ... and test it") and shares another content word with it
// that is not about where the work happens (a group, a team, the product).
func sameWork(goal, action string) bool {
	gv, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(goal)), " ")
	av, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(action)), " ")
	if gv == "" || gv != av {
		return false
	}
	want := contentWords(action)
	for w := range contentWords(goal) {
		if want[w] && !strings.HasPrefix(gv, w) && !placeWords[w] {
			return true
		}
	}
	return false
}

// forLevel are the resources of a skill for someone reaching level next:
// of each kind, those the matrix writes for that level when it writes any,
// else those it writes for no level (cold read 18: a Group Product
// Manager and a Product Manager given one line to learn from).
func forLevel(rs []skills.Resource, next int) []skills.Resource {
	own := map[string]bool{}
	for _, r := range rs {
		if r.To != 0 && r.To == next {
			own[r.Kind] = true
		}
	}
	return slices.DeleteFunc(slices.Clone(rs), func(r skills.Resource) bool {
		return r.To != 0 && r.To != next || r.To == 0 && own[r.Kind]
	})
}

// placeWords are content words (cut as contentWords cuts them) that say
// where work happens, not what it is.
var placeWords = map[string]bool{"group": true, "team": true, "teams": true, "produ": true, "area": true, "compa": true}

var stopWords = map[string]bool{
	"with": true, "that": true, "this": true, "from": true, "their": true, "them": true, "they": true,
	"your": true, "what": true, "when": true, "each": true, "every": true, "into": true, "than": true,
	"then": true, "have": true, "will": true, "about": true, "after": true, "before": true, "where": true,
	"which": true, "while": true, "other": true, "one": true, "two": true, "the": true, "and": true,
	"for": true, "own": true, "most": true, "more": true, "least": true, "first": true,
}

func contentWords(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '-')
	}) {
		w = strings.Trim(w, "-")
		if len(w) < 4 || stopWords[w] {
			continue
		}
		if len(w) > 5 {
			w = w[:5]
		}
		out[w] = true
	}
	return out
}

func levelText(m *skills.Matrix, s *skills.Skill, lvl int) LevelText {
	return LevelText{Value: lvl, Name: levelName(m, lvl), Descriptor: descriptor(s, lvl)}
}

// descriptor is what level lvl of s looks like, in the matrix's words; ""
// when the matrix has none, or only what coach import left to write.
func descriptor(s *skills.Skill, lvl int) string {
	if lvl < 1 || lvl > len(s.Descriptors) || strings.Contains(s.Descriptors[lvl-1], skills.ImportTODO) {
		return ""
	}
	return s.Descriptors[lvl-1]
}

// resources lists the skill's ways to learn, mixed by kind: a practice at
// work first, then a person to learn from, then reading, and again, so that
// the first three are one of each whenever the matrix has them.
func resources(s *skills.Skill, level int) []skills.Resource {
	if len(s.Resources) == 0 {
		return nil
	}
	s = &skills.Skill{Resources: forLevel(s.Resources, level)}
	out := make([]skills.Resource, 0, len(s.Resources))
	// next[k] is where the search for the next resource of kind k starts.
	next := make([]int, len(skills.ResourceKinds))
	for len(out) < len(s.Resources) {
		n := len(out)
		for k, kind := range skills.ResourceKinds {
			for next[k] < len(s.Resources) && s.Resources[next[k]].Kind != kind {
				next[k]++
			}
			if next[k] < len(s.Resources) {
				out = append(out, s.Resources[next[k]])
				next[k]++
			}
		}
		if len(out) == n {
			break // a kind outside ResourceKinds: validation rejects it
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// commitments are what the manager commits to, each real or absent:
// support suited to the verdict, backing for the person's own goals, those
// the focus serves first (they do the work, the manager reviews it), the
// mentors the team pairs them with, and, for a new hire, a named onboarding
// buddy. A manager is never promised to do well what their own file records
// as a setback (mgrSetbacks, the clauses that record one): a manager whose
// evidence says they rewrite or hold up others' work does not "review it
// without rewriting it".
func commitments(m *skills.Matrix, pl *Plan, first string, leads bool, buddy string, mgrSetbacks []string) []string {
	var out []string
	mgr := firstWord(pl.Person.ManagerName)
	switch {
	case mgr == "":
		mgr = "the manager"
	case mgr == first, strings.HasPrefix(first, mgr+" "):
		mgr = pl.Person.ManagerName // two people of one first name
	}
	if pl.handover != nil {
		// The promises run past the hand-over: they are the role's
		// (see CommitsBy).
		mgr = "your manager"
	}
	if pl.calibrationCommitted() {
		// The baseline's calibration is a commitment with a date, not a
		// doubt left open.
		out = append(out, calibrationCommitment(pl))
	}
	switch pl.Verdict.Kind {
	case "ready-now":
		c := fmt.Sprintf("Sponsorship: make the case for you as %s at the next promotion round, with the evidence in this plan", pl.Target.Name)
		if h := pl.handover; h != nil {
			// The promise outlives the hand-over: the manager's manager,
			// who stays, is named first as its sponsor (cold read 17,
			// finding 5), never the move itself.
			c = fmt.Sprintf("Sponsorship: %s and %s make the case for you as %s at the next promotion round, with the evidence in this plan", h.with, mgr, pl.Target.Name)
		}
		if pl.Calibration != "" {
			c += ", after the calibration it is waiting for"
		}
		if pl.handover == nil && pl.cosponsor != "" {
			c += fmt.Sprintf(", together with %s, who reads the evidence first-hand", pl.cosponsor)
		}
		out = append(out, c+".")
		if staysTalk(pl) {
			out = append(out, readyForMonths(pl, first, mgr)...)
		}
	case "ready-soon":
		c := fmt.Sprintf("Sponsorship: a slot for you at the next leadership review to present your own work, and the gaps to the %s bar named openly", pl.Target.Name)
		if h := pl.handover; h != nil {
			c += fmt.Sprintf(", booked with %s", h.with)
		}
		out = append(out, c+".")
	case "onboarding":
		ahead, past := onboardingWindows(pl.person.Joined, pl.Today.day, "the introductions under \"Who to meet\"", "your")
		c := "Onboarding: " + promiseList(append([]string{"a weekly 1:1 through day 90"}, ahead...))
		if past != "" {
			c += "; " + past
		}
		if h := pl.handover; h != nil && !pl.person.Joined.IsZero() && pl.person.Joined.AddDate(0, 0, 90).After(handoverEnd(pl)) {
			c += fmt.Sprintf("; %s joins the day-90 review", h.with)
		}
		out = append(out, c+".")
	case "not-yet":
		switch {
		case pl.Current.Assessed*2 < pl.Current.Total && pl.AssessSessionBy() != "":
			// The session "Assess first" books, on its day (see assessBy).
			out = append(out, fmt.Sprintf("Assessment: the %d levels not yet assessed, set with you in one 90-minute session before %s, so that the next plan has something to stand on.",
				len(pl.AssessFirst), longDate(day0(pl.AssessSessionBy()), pl.Today.day)))
		case pl.Current.Assessed*2 < pl.Current.Total:
			out = append(out, "Assessment: a level for every skill the goals use by the next review, agreed with you at the 1:1s, so that the next plan has something to stand on.")
		case pl.FirstTimeManager:
			out = append(out, "Learning the job: an hour a fortnight on one real people situation of yours (a 1:1, a piece of feedback, a hand-over), talked through before and after.")
		case pl.Returned != "":
			out = append(out, "An offer, to agree with you at the next 1:1: no new scope before the next review unless you want it.")
		case len(pl.Current.Below) > 0:
			out = append(out, fmt.Sprintf("Candour: at each weekly 1:1, what %s saw that week on the focus skills, good or not, with the example; and two hours of your week kept free of other work for them.", mgr))
		default:
			out = append(out, "Room to grow: a say for you in which work comes next, so that it serves the focus skills, and two hours a week kept clear for them.")
		}
	}
	// The goals the focus serves first, then the others: every open goal
	// the plan lists has the manager's backing, up to three.
	var goals []GoalItem
	// A goal that cannot be done as written is re-worded first, not backed
	// (cold read 11, finding 9).
	for _, f := range pl.Focus {
		for _, g := range pl.Goals {
			if slices.ContainsFunc(g.Skills, func(s SkillRef) bool { return s.ID == f.ID }) && !slices.ContainsFunc(goals, func(o GoalItem) bool { return o.Text == g.Text }) && !pl.unworkable(g) {
				goals = append(goals, g)
			}
		}
	}
	for _, g := range pl.Goals {
		if !slices.ContainsFunc(goals, func(o GoalItem) bool { return o.Text == g.Text }) && !pl.unworkable(g) {
			goals = append(goals, g)
		}
	}
	if len(goals) > 3 {
		goals = goals[:3]
	}
	// The backing fits the work each goal is (cold read 2, finding 7, and
	// issue 20: never one template for every goal): goals of one kind
	// share one promise, said once; goals of different kinds each get the
	// promise that fits them.
	var kinds []string
	byKind := map[string][]GoalItem{}
	for _, g := range goals {
		if g.Overdue {
			out = append(out, fmt.Sprintf("Backing for \"%s\", overdue since %s: a new date agreed with you at the next 1:1, and whatever stands in its way cleared by %s.", g.Text, g.Due, mgr))
			continue
		}
		k := goalKind(g.Text)
		if byKind[k] == nil {
			kinds = append(kinds, k)
		}
		byKind[k] = append(byKind[k], g)
	}
	for _, k := range kinds {
		out = append(out, backing(k, byKind[k], mgr, reviewHabit(mgrSetbacks)))
	}
	for _, mv := range pl.Progress.Moves {
		if mv.Unbacked {
			out = append(out, fmt.Sprintf("What the level of %s rests on, written down by %s at the next 1:1 with an example you will recognise.", lowerFirst(mv.Name), mgr))
		}
	}
	var mentors []string
	in := map[string][]string{}
	for _, l := range pl.Mentors {
		if in[l.Person.Name] == nil {
			mentors = append(mentors, l.Person.Name)
		}
		in[l.Person.Name] = append(in[l.Person.Name], lowerFirst(l.Skill.Name))
	}
	for _, who := range mentors {
		out = append(out, fmt.Sprintf("An introduction to %s as a mentor in %s, with a first working session in the next month.", who, strings.Join(in[who], ", and in ")))
	}
	if o := pl.outside; o != nil {
		c := fmt.Sprintf("An introduction to %s as a mentor in %s", o.who, strings.Join(o.skills, ", and in "))
		if o.via != "" {
			c += ", asked of " + o.via
		}
		out = append(out, c+", with a first working session within two months.")
	}
	if gm := pl.mentoredByName; gm != "" {
		out = append(out, fmt.Sprintf("Room for the mentoring with %s: time kept clear for your sessions, and how they go asked about at the 1:1s.", gm))
	}
	if buddy != "" {
		out = append(out, fmt.Sprintf("%s as onboarding buddy: a half-hour every week for the first two months, to ask what nobody writes down.", buddy))
	}
	return out
}

// reviewHabit reports whether one of a manager's setbacks is about how
// they review others' work (rewriting it, reviewing line by line, holding
// it for sign-off): then no plan promises their review.
func reviewHabit(setbacks []string) bool {
	for _, c := range setbacks {
		w := contentWords(c)
		if w["rewri"] || w["revie"] || w["sign-"] || w["appro"] || w["micro"] {
			return true
		}
	}
	return false
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	// An acronym stays as it is: its letters up to the first other
	// character ("OKRs", "TODO(coach import)") are all capitals.
	first := s
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		first = s[:i]
	}
	if len(first) > 1 && strings.ToUpper(first) == first {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// MakesCase reports whether commitment c is the promise to make the
// person's promotion case at the next round, by the manager alone or with
// someone named first.
func MakesCase(c string) bool {
	if !strings.HasPrefix(c, "Sponsorship: ") {
		return false
	}
	head, _, _ := strings.Cut(c, " at the next promotion round")
	return strings.Contains(head, "make the case for ")
}

// calibrationCommitted reports whether the plan commits the manager to
// calibrating the person's baseline by [Plan.CalibrateBy]: a baseline
// nobody has calibrated, flagged for calibration, past onboarding. The
// agendas name the same date.
func (pl *Plan) calibrationCommitted() bool {
	return pl.Calibration != "" && pl.Baseline != nil && !pl.Baseline.Calibrated && pl.Baseline.Kind != "first" &&
		pl.Verdict.Kind != "onboarding" && pl.CalibrateBy() != ""
}

// measured reports whether an evidence entry records a measure (a survey,
// a score, a count of points or a percentage) rather than something a
// person does: a setback in it is a number to move, not a habit.
func measured(text string) bool {
	t := strings.ToLower(text)
	for _, w := range []string{"survey", "engagement", "score", " points", "nps", "%", "rating"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// readyForMonths are the commitments for someone at the target's bar since
// a date before this assessment: scope in the target role's terms until
// the promotion round, and a conversation about staying, as waiting that
// long is when people leave.
func readyForMonths(pl *Plan, first, mgr string) []string {
	var scope string
	switch {
	case pl.targetLeads && !pl.Leads && pl.coachee != "":
		scope = fmt.Sprintf("Scope in %s terms before the title: %s, and a part of the group's roadmap that is yours to run, with its decisions, agreed at the next 1:1.", pl.Target.Name, pl.coachee)
	case pl.targetLeads && !pl.Leads:
		scope = fmt.Sprintf("Scope in %s terms before the title: a part of the group's roadmap that is yours to run, with its decisions, agreed at the next 1:1.", pl.Target.Name)
	default:
		scope = fmt.Sprintf("Scope in %s terms before the title: the widest problem the group has that fits the %s bar, yours to own from the next 1:1, with its decisions.", pl.Target.Name, pl.Target.Name)
	}
	if h := pl.handover; h != nil {
		// Scope held until the promotion round outlasts the hand-over: it
		// is agreed with the manager's manager, who stays.
		scope = strings.TrimSuffix(scope, ".")
		if strings.HasSuffix(scope, "agreed at the next 1:1") {
			scope += fmt.Sprintf(" with %s too, so that it holds until the round.", h.with)
		} else {
			scope += fmt.Sprintf(", agreed with %s so that it holds until the round.", h.with)
		}
	}
	return []string{scope, stayTalk(pl, first, mgr)}
}

// stayTalk is the conversation about staying with someone at the target's
// bar for months: on the day of their next career conversation (the first
// 1:1 of a month on their 1:1 weekday, as their agendas hold it), and in
// the words of their own file: how long they have been ready, and what
// they have shown since, or that nothing new is written down.
func stayTalk(pl *Plan, first, mgr string) string {
	today, when := pl.Today.day, stayWhen(pl)
	since := pl.AtBarSince
	var shown []skills.Evidence
	if d, err := time.Parse(time.DateOnly, since); err == nil && !today.IsZero() {
		if n := monthsBetween(d, today); n >= 2 {
			since = fmt.Sprintf("%s, %s", since, words(n, "month"))
		}
		for _, e := range pl.evidence {
			if !e.Date.Before(d) && !e.Date.After(today) && !Setback(e.Text) {
				shown = append(shown, e)
			}
		}
	}
	var what string
	switch len(shown) {
	case 0:
		what = fmt.Sprintf("with nothing new written down since: %s asks what has kept your work out of sight, as that is what a promotion case needs", mgr)
	default:
		latest := shown[0]
		for _, e := range shown {
			if !e.Date.Before(latest.Date) {
				latest = e
			}
		}
		// The piece of work in brackets after its date: a plan that quotes
		// it where it matters more (a strength it shows) names it here by
		// its date alone (see quotedOnce).
		what = fmt.Sprintf("with %s written down since, the latest of %s (\"%s\")", number(len(shown))+" pieces of work", date(latest.Date), spoken(latest.Text, pl.person, pl.ManagerCall))
		if len(shown) == 1 {
			what = fmt.Sprintf("with one piece of work written down since, of %s (\"%s\")", date(latest.Date), spoken(latest.Text, pl.person, pl.ManagerCall))
		}
	}
	// What the conversation is for, in the person's terms: the blunt
	// question of what would make them leave is the agenda's to ask
	// (stayingWords), not a line of their own plan.
	lead := fmt.Sprintf("What you need from us while the promotion round comes, talked through %s: you have been at the %s bar since %s, %s.", when, pl.Target.Name, since, what)
	if h := pl.handover; h != nil {
		// The one who promises must still be there when it comes due.
		return fmt.Sprintf("%s In it, %s and %s say plainly what they can and cannot promise.", lead, mgr, h.with)
	}
	return fmt.Sprintf("%s In it, %s says plainly what can and cannot be promised.", lead, mgr)
}

// doneBefore is action said after the person's own goal on s that is done, within their
// plan period, and opens with the verb action opens with ("Hand sprint
// planning to ..." before "Hand a whole problem ..."): the action is the
// step beyond what they just did, and the plan says so; "" when no goal is.
// The latest done goal wins.
func doneBefore(p *skills.Person, s *skills.Skill, action string) string {
	best := doneGoal(p, s.ID, action)
	if best == nil {
		return ""
	}
	return fmt.Sprintf("You did the first of this on %s: \"%s\". The step beyond it: %s", date(best.Done), best.Text, lowerFirst(action))
}

// doneGoal is the person's own goal on the skill id that action is the
// step beyond (see doneBefore), or nil: the plan and the week's agenda say
// it each in their own words.
func doneGoal(p *skills.Person, id, action string) *skills.Goal {
	av, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(action)), " ")
	var best *skills.Goal
	for i, g := range p.Goals {
		if g.Done.IsZero() || !slices.Contains(g.Skills, id) || !p.PlanStart.IsZero() && g.Done.Before(p.PlanStart) {
			continue
		}
		if gv, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(g.Text)), " "); gv == "" || gv != av {
			continue
		}
		if best == nil || g.Done.After(best.Done) {
			best = &p.Goals[i]
		}
	}
	return best
}

// stayWhen is when the conversation about staying is held: the first 1:1
// of this month when it is still ahead, else next month's, the agendas'
// career conversation.
func stayWhen(pl *Plan) string {
	today := pl.Today.day
	if today.IsZero() {
		return "at the next career conversation"
	}
	d := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC)
	d = d.AddDate(0, 0, mod(int(pl.weekday)-int(d.Weekday()), 7))
	if d.Before(today) {
		d = firstWeekday(today, pl.weekday)
	}
	return fmt.Sprintf("at the career conversation on %s %s, the first 1:1 of %s", d.Weekday(), longDate(d, today), d.Month())
}

// StayingAt is when the plan holds its conversation about staying ("at the
// career conversation on ..."), "" when it holds none: what a review says
// of it, without reading the commitment's words back.
func (pl *Plan) StayingAt() string {
	if !staysTalk(pl) {
		return ""
	}
	return stayWhen(pl)
}

// goalKind is what kind of work a goal is, read from its own words: a
// number to move, a conversation to lead, a piece of writing, a
// presentation, a delivery, a forum to run, mentoring, hiring, meetings, a
// hand-over given or taken; "" for any other.
func goalKind(text string) string {
	t := strings.ToLower(text)
	verb, _, _ := strings.Cut(t, " ")
	switch {
	case measured(text):
		return "number"
	case verb == "present" || verb == "pitch":
		return "presentation"
	case verb == "mentor" || verb == "coach":
		return "mentoring"
	case verb == "hire" || verb == "recruit":
		return "hiring"
	case verb == "hand" || verb == "delegate" || verb == "give":
		return "handing"
	case receives(text):
		return "taking"
	case (verb == "run" || verb == "hold" || verb == "host") && (strings.Contains(t, "monthly") || strings.Contains(t, "weekly") || strings.Contains(t, "session") || strings.Contains(t, "clinic") || strings.Contains(t, "forum")):
		return "forum"
	case strings.Contains(t, "conversation") || strings.Contains(t, "negotiat") || verb == "agree" || verb == "negotiate":
		return "conversation"
	case verb == "write" || verb == "draft" || verb == "define":
		return "writing"
	case verb == "ship" || verb == "launch" || verb == "deliver" || strings.Contains(t, " launch"):
		return "delivery"
	case verb == "meet" || verb == "visit":
		return "meetings"
	case verb == "run" || verb == "lead" || verb == "own":
		return "running"
	}
	return ""
}

// backing is the manager's backing for goals of one kind, in words that fit
// the work: who does what in it, and what the manager does and does not
// do. hands is set when the manager's own file records a setback in how
// they review work: no review is promised then, only what done looks like,
// agreed up front.
func backing(kind string, goals []GoalItem, mgr string, hands bool) string {
	var named []string
	for _, g := range goals {
		due := ""
		if g.Due != "" {
			due = fmt.Sprintf(" (due %s)", g.Due)
		}
		named = append(named, fmt.Sprintf("\"%s\"%s", g.Text, due))
	}
	it, its := "it", "its"
	if len(goals) > 1 {
		it, its = "them", "their"
		kind = "" // one promise for several: the general one
	}
	who := counterpart(goals[0].Text)
	upFront := "agrees with you up front what done looks like, then leaves the how to you"
	var doer, theirs string
	switch kind {
	case "number":
		doer = "you own the number and decide what moves it"
		theirs = fmt.Sprintf("%s reads the numbers with you each month, and the calls stay yours", mgr)
	case "conversation":
		doer = "you lead the conversation"
		if who != "" {
			doer += " with " + who
		}
		theirs = fmt.Sprintf("%s helps prepare your position beforehand, stays out of the room, and goes over how it went afterwards", mgr)
	case "writing":
		doer = "you write it and make the calls in it"
		theirs = fmt.Sprintf("%s reads the first draft within a week and comments in the margin, never rewriting it", mgr)
		if hands {
			theirs = mgr + " " + upFront
		}
	case "presentation":
		doer = "you write it and give it"
		theirs = fmt.Sprintf("%s gets it on the agenda", mgr)
		if who != "" {
			theirs = fmt.Sprintf("%s gets it on the agenda of %s", mgr, who)
		}
		theirs += ", hears one rehearsal the week before, and gives notes, not a rewrite"
		if hands {
			theirs = mgr + " " + upFront
		}
	case "delivery":
		doer = "you run it and make the scope calls"
		if who != "" {
			doer = fmt.Sprintf("you run it with %s and make the scope calls", who)
		}
		theirs = fmt.Sprintf("%s clears what blocks it when you raise it at a 1:1, and the scope calls stay yours", mgr)
	case "forum":
		doer = fmt.Sprintf("you run it and set %s agenda", its)
		theirs = fmt.Sprintf("%s keeps the time for it clear and asks at each 1:1 what came out of the last one", mgr)
	case "running":
		doer = fmt.Sprintf("you run it and make %s calls", its)
		if who != "" {
			doer = fmt.Sprintf("you run it with %s and make %s calls", who, its)
		}
		theirs = fmt.Sprintf("%s clears the time for it and asks at each 1:1 what stands in its way, never taking a call back", mgr)
	case "mentoring":
		doer = "you run the sessions"
		if whom := parseGoal(goals[0].Text).Object; whom != "" {
			doer += " with " + whom
		}
		theirs = fmt.Sprintf("%s keeps that time clear and leaves the mentoring to you", mgr)
	case "hiring":
		doer = "you run the hiring and choose whom to hire"
		theirs = fmt.Sprintf("%s secures the headcount, signs off the offer and sits on one interview panel, not every one", mgr)
	case "meetings":
		doer = "you hold the meetings and write down what each one said"
		theirs = fmt.Sprintf("%s opens the doors you ask for and leaves the meetings to you", mgr)
	case "handing":
		doer = "you give the work away in full"
		theirs = fmt.Sprintf("%s asks at each 1:1 where you stepped back in, not how the work is going", mgr)
	case "taking":
		doer = "you take it on and run it"
		theirs = fmt.Sprintf("%s hands it over whole and does not run it alongside", mgr)
	default:
		doer = "you do the work and make the calls"
		theirs = fmt.Sprintf("%s clears the time for %s, reviews %s without rewriting %s, and asks about %s at each 1:1", mgr, it, it, it, it)
		if hands {
			theirs = fmt.Sprintf("%s clears the time for %s, %s and asks about %s at each 1:1", mgr, it, upFront, it)
		}
	}
	return fmt.Sprintf("Backing for %s: %s; %s.", andList(named), doer, theirs)
}
