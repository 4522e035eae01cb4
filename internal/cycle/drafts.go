package cycle

// The manager's sections of a review start as a draft the manager edits
// (cold read 10, finding 9: every manager section was empty, so no review
// could be signed as written). Each draft is written from what the review
// already holds, in concrete sentences: the period's main event, the goals
// met and the work others saw, what is late or behind, the strengths with
// their examples and the areas with what shows them, and the next period's
// focus with the manager's part in it. A short marker says it is a draft;
// coach replaces a draft nobody edited when it writes the review again, and
// keeps one that was edited (see Stamp and Merge).

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
)

// Drafts are the first words of the manager's sections; "" leaves a
// section empty.
type Drafts struct {
	Summary string `json:"summary,omitempty"`
	Growth  string `json:"growth,omitempty"`
	Next    string `json:"next,omitempty"`
	// Marker opens each draft: who it is for to edit.
	Marker plans.Markdown `json:"-"`
}

// draftMark ends a draft's marker line; Stamp adds the draft's digest.
const draftMark = "<!-- coach:draft -->"

func lowerFirst(s string) string {
	if s == "" || len(s) > 1 && s[1] >= 'A' && s[1] <= 'Z' {
		return s // an acronym keeps its case
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// pastVerbs are the irregular past tenses an evidence entry opens with
// ("Ran twelve interviews"); a regular one ends in -ed.
var pastVerbs = map[string]bool{"ran": true, "wrote": true, "led": true, "held": true, "sat": true, "set": true, "built": true,
	"brought": true, "cut": true, "made": true, "met": true, "took": true, "gave": true, "won": true, "kept": true, "began": true,
	"found": true, "drove": true, "sent": true, "grew": true, "rewrote": true, "shipped": true, "put": true, "got": true}

// notPast are words ending in -ed that are no past tense.
var notPast = map[string]bool{"need": true, "feed": true, "seed": true, "speed": true, "shred": true, "breed": true}

// did says what an evidence entry records with the person as its subject
// when it opens with a verb in the past ("Nora tested three filter
// layouts…"), else it quotes it ("Chloe has run…" stays as written): a
// name is never lowered.
func did(first, day, text string) string {
	w, _, _ := strings.Cut(text, " ")
	lw := strings.ToLower(w)
	if w != "" && (pastVerbs[lw] || strings.HasSuffix(lw, "ed") && len(lw) > 3 && !notPast[lw]) {
		return fmt.Sprintf("On %s, %s %s", day, first, sentence(lowerFirst(text)))
	}
	return fmt.Sprintf("On %s: \"%s\".", day, strings.TrimSuffix(text, "."))
}

// opening says a piece of the period's work the way a manager would: as
// the person's own act when the entry opens with a verb in the past, else
// as the state it reached ("By October, Chloe's monthly checkout update
// was read and quoted by Finance and Support."), and only when neither
// reads as a sentence, quoted within one, by its month, never as a bare
// dated quote (cold read 14, finding 9).
func (r *Review) opening(day, text string, said []string) string {
	if s := did(r.First, day, text); !strings.HasSuffix(s, "\".") {
		return s
	}
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return did(r.First, day, text)
	}
	month := t.Format("January")
	text = strings.TrimSuffix(text, ".")
	if head, rest, ok := strings.Cut(text, " now "); ok && !strings.Contains(head, " now") {
		head = strings.TrimSuffix(strings.TrimSuffix(head, " is"), " are")
		if h, ok := strings.CutPrefix(head, "The "); ok && strings.Contains(h, " ") {
			head = h
		}
		w, _, _ := strings.Cut(head, " ")
		rw, _, _ := strings.Cut(rest, " ")
		lw := strings.ToLower(rw)
		participle := pastVerbs[lw] || lw == "read" || lw == "used" || lw == "live" || strings.HasSuffix(lw, "ed") && len(lw) > 3 && !notPast[lw]
		if participle && !subject[strings.ToLower(w)] && w != r.First && !strings.Contains(head, "'") {
			was := "was"
			if strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") {
				was = "were"
			}
			return fmt.Sprintf("By %s, %s's %s %s %s.", month, r.First, lowerFirst(head), was, rest)
		}
	}
	lead := fmt.Sprintf("In %s, %s's work showed this", month, r.First)
	if slices.ContainsFunc(said, func(s string) bool { return strings.HasPrefix(s, lead) }) {
		lead = fmt.Sprintf("In %s, %s's work also showed this", month, r.First)
	}
	return fmt.Sprintf("%s: \"%s\".", lead, text)
}

// subject are the words that open an entry with someone as its subject,
// which the state it reached cannot be said of.
var subject = map[string]bool{"i": true, "we": true, "he": true, "she": true, "they": true, "it": true, "the": true, "a": true, "this": true, "that": true}

// still says a setback clause with the person as its subject when it
// opens with "still" ("Marcus still reviews every PRD line by line"), else
// quotes it.
func still(first, day, clause string) string {
	if w, _, _ := strings.Cut(clause, " "); strings.EqualFold(w, "still") {
		return fmt.Sprintf("On %s, %s %s", day, first, sentence(lowerFirst(clause)))
	}
	return fmt.Sprintf("On %s: \"%s\".", day, strings.TrimSuffix(clause, "."))
}

// sentence ends s with a full stop unless it ends with one already.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}

// drafts writes the three drafts from the review as built.
func (r *Review) drafts(in ReviewInput, asOf time.Time) {
	p, pl := in.Person, in.Plan
	mgr := "the manager"
	if r.Manager != nil {
		mgr = firstWord(r.Manager.Name)
		if mgr == r.First {
			// Sam Lee editing Sam Patel's review: "for Sam" names either.
			mgr = r.Manager.Name
		}
	}
	r.Drafts.Marker = plans.Markdown(fmt.Sprintf("*Draft, for %s to edit.* %s", mgr, draftMark))
	r.Drafts.Summary = r.inWords(strings.Join(r.summaryDraft(p, pl, asOf), " "))
	r.Drafts.Growth = r.inWords(strings.Join(r.growthDraft(), " "))
	r.Drafts.Next = r.inWords(strings.Join(r.nextDraft(p, pl), " "))
}

// isoDay is a day as the skill files write it.
var isoDay = regexp.MustCompile(`\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b`)

// inWords writes every day of a draft in words, "18 December", with the
// year only when it is not the period's: the drafts are what the manager
// hands over, and read as prose (VP cold read: "On 2026-11-12, Ben wrote").
func (r *Review) inWords(draft string) string {
	return isoDay.ReplaceAllStringFunc(draft, r.day)
}

// summaryDraft: the main event, what was done and seen, what is late or
// behind, and where the verdict stands.
func (r *Review) summaryDraft(p *skills.Person, pl *plans.Plan, asOf time.Time) []string {
	var out []string
	_, _, back := plans.ReturnFromLeave(p)
	switch {
	case r.Handover != "":
		out = append(out, fmt.Sprintf("The quarter turns on %s's move to the individual-contributor track: handing over %s well comes first.", r.First, r.reports))
	case len(r.Roles) > 0:
		last := r.Roles[len(r.Roles)-1]
		out = append(out, fmt.Sprintf("%s became %s on %s.", r.First, last.To.Name, last.Date))
	}
	// Done and seen: the goals met, then the newest work of the period
	// that is no setback and no goal's outcome said already.
	said := 0
	for _, g := range r.Met {
		if said == 2 {
			break
		}
		s := fmt.Sprintf("%s met \"%s\" on %s", r.First, g.Text, g.Ended)
		if g.Outcome != "" {
			s += ": " + g.Outcome
			if w, _, _ := strings.Cut(g.Outcome, " "); pastVerbs[strings.ToLower(w)] || strings.HasSuffix(w, "ed") && !notPast[strings.ToLower(w)] {
				s = strings.TrimSuffix(s, g.Outcome) + lowerFirst(g.Outcome)
			}
		}
		out = append(out, sentence(s))
		said++
	}
	var seen []Entry
	for _, se := range r.Evidence {
		for _, e := range se.Entries {
			if !plans.Setback(e.Text) && !slices.ContainsFunc(r.Met, func(g GoalLine) bool { return plans.SameWork(g.Text+" "+g.Outcome, e.Text) }) {
				seen = append(seen, e)
			}
		}
	}
	slices.SortStableFunc(seen, func(a, b Entry) int { return strings.Compare(b.Date, a.Date) })
	for _, e := range seen {
		if said >= 3 {
			break
		}
		out = append(out, r.opening(e.Date, e.Text, out))
		r.said = append(r.said, e)
		said++
	}
	if back && r.Handover == "" {
		// A review feeds calibration: the leave is the person's to tell,
		// and stays in the manager's own prep. The period still reads as
		// a start again, with the person's own goals first.
		out = append(out, fmt.Sprintf("This period is a fresh start, led by %s's own goals.", r.First))
	}
	// Late or behind.
	for _, g := range r.Overdue[:min(2, len(r.Overdue))] {
		out = append(out, fmt.Sprintf("\"%s\" is still open, past its date of %s.", g.Text, g.Due))
	}
	for _, g := range r.Open {
		if g.Pace != "" {
			out = append(out, fmt.Sprintf("\"%s\" is behind the pace: %s", plans.ShortGoal(g.Text), lowerFirst(strings.TrimPrefix(g.Pace, "Behind the pace: "))))
		}
	}
	for _, se := range r.Evidence {
		for _, e := range slices.Backward(se.Entries) {
			// Said once: an area that quotes it says it in the growth
			// draft.
			c := plans.QuotedSetback(e.Text)
			if c != "" && !slices.ContainsFunc(r.Improvements, func(a Point) bool { return a.Evidence != nil && a.Evidence.Text == c && a.Evidence.Date == e.Date }) {
				out = append(out, still(r.First, e.Date, c))
			}
			if c != "" {
				break
			}
		}
	}
	if w := r.where(pl); w != "" {
		out = append(out, w)
	}
	return out
}

// day says a date in words, "18 December", with its year only when it is
// not the year the period starts in; "" stays "".
func (r *Review) day(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	if strings.HasPrefix(r.Since, t.Format("2006")) {
		return t.Format("2 January")
	}
	return t.Format("2 January 2006")
}

// realistically reads the plan's realistic time for the target, "" when
// its verdict gives none.
var realistically = regexp.MustCompile(`realistically ([0-9]+-[0-9]+ months)`)

// where says where the person stands, what decides it, and by when, in
// words and in the third person (issue 20): never a count of levels, and
// never a re-baseline read as growth.
func (r *Review) where(pl *plans.Plan) string {
	next := "the next review"
	if r.Quarter {
		end, _ := time.Parse(time.DateOnly, r.Until)
		next = "the " + QuarterOf(end.AddDate(0, 0, 1)).Name + " review"
	}
	role, target := gaps(pl)
	few := func(names []string) string {
		if len(names) > 3 {
			return plans.AndList(names[:3]) + ", among others"
		}
		return plans.AndList(names)
	}
	switch pl.Verdict.Kind {
	case "onboarding":
		joined, err := time.Parse(time.DateOnly, pl.Person.Joined)
		if err != nil {
			return ""
		}
		first := date(joined.AddDate(0, 0, 90))
		if o := pl.Onboarding; o != nil && o.FirstAssessment != "" {
			first = o.FirstAssessment
		}
		// As the plan says it (cold read 14, finding 12): the levels set
		// so far are first readings, not judged until the first full
		// assessment.
		if n := pl.Readiness.Assessed; n > 0 {
			return fmt.Sprintf("%s joined on %s and is in the first 90 days: %s so far %s, not judged until the first full assessment on %s.", r.First, pl.Person.Joined,
				plural(n, "the one level set", fmt.Sprintf("the %d levels set", n)), plural(n, "is a first reading", "are first readings"), r.day(first))
		}
		return fmt.Sprintf("%s joined on %s and is in the first 90 days, with no level set yet: the first full assessment is on %s.", r.First, pl.Person.Joined, r.day(first))
	case "held":
		// Said in plain words (cold read 14, finding 9): whose levels are
		// checked, with whom and by when, and what the assessment did.
		with := cmp.Or(pl.CalibrateWith(), "the other managers")
		out := fmt.Sprintf("%s's levels are still to be checked with %s", r.First, with)
		if by := pl.CalibrateBy(); by != "" {
			out = fmt.Sprintf("%s's levels are being checked with %s by %s", r.First, with, r.day(by))
		}
		set := "the latest assessment"
		if r.heldBy != "the" && pl.Baseline != nil {
			set = fmt.Sprintf("%s assessment of %s", r.heldBy, r.day(pl.Baseline.Date))
		}
		what := "set them all at once, so none of it counts as growth yet"
		if len(r.lifted) > 0 {
			var names []string
			for _, n := range r.lifted {
				names = append(names, lowerFirst(n))
			}
			put := few(names)
			if len(names) > 3 {
				put += ","
			}
			what = fmt.Sprintf("put %s at the %s bar at once, so none of that counts as growth yet", put, r.Target.Name)
		}
		out += fmt.Sprintf(": %s %s.", set, what)
		// What makes the case whatever the calibration settles: the first
		// dated goal of the focus, the person's own work.
		for _, f := range r.Focus {
			for _, g := range r.Open {
				if g.Due != "" && slices.Contains(f.Goals, g.Text) {
					return out + fmt.Sprintf(" Whatever comes out, the case for %s rests on \"%s\", due %s.", r.Target.Name, plans.ShortGoal(g.Text), g.Due)
				}
			}
		}
		return out
	case "ready-now":
		if pl.AtBarSince != "" {
			return fmt.Sprintf("%s is ready for %s now, and has been at its bar since %s.", r.First, r.Target.Name, pl.AtBarSince)
		}
		return fmt.Sprintf("%s is ready for %s now.", r.First, r.Target.Name)
	}
	if plans.TooEarly(pl) {
		who := "the manager"
		if r.Manager != nil {
			who = firstWord(r.Manager.Name)
		}
		return fmt.Sprintf("Only a few of %s's skills have a level, which is the assessment running late, not %s: %s assesses the rest with %s over the next 1:1s, before %s.", r.First, r.First, who, r.First, next)
	}
	switch {
	case len(role) > 0 && pl.FirstTimeManager:
		return fmt.Sprintf("%s is new to leading people, and %s is not expected yet: the %s bar comes first, in %s, by %s.", r.First, r.Target.Name, r.Role.Name, few(role), next)
	case len(role) > 0 && r.Quarter && len(r.promised) > 0:
		// The same rule, run for the period before, said this period's
		// review: a date passed unmet is said plainly, never moved
		// silently (VP cold read).
		if r.AsOf < r.Until {
			// Read before the period ends: the date set for it still
			// stands, and nothing is called missed yet.
			out := fmt.Sprintf("%s is not yet ready for %s: the %s bar comes first, in %s, by this review as we said at the last one", r.First, r.Target.Name, r.Role.Name, few(role))
			if len(r.promised) < len(role) {
				// Only what the last review promised was said then.
				out = fmt.Sprintf("%s is not yet ready for %s: the %s bar comes first, in %s; we said %s by this review", r.First, r.Target.Name, r.Role.Name, few(role), few(r.promised))
			}
			return out + ", with the period not over yet."
		}
		return fmt.Sprintf("%s is not yet ready for %s: the %s bar comes first, in %s. We said by the %s review; it has not closed yet, and the new date is %s.", r.First, r.Target.Name, r.Role.Name, few(role), r.Period, next)
	case len(role) > 0:
		return fmt.Sprintf("%s is not yet ready for %s: the %s bar comes first, in %s, by %s.", r.First, r.Target.Name, r.Role.Name, few(role), next)
	case len(target) > 0:
		when := ""
		if m := realistically.FindStringSubmatch(pl.Verdict.Why); m != nil {
			when = ", realistically " + m[1] + " away"
		}
		return fmt.Sprintf("%s is solid as %s, with the %s bar still ahead in %s%s.", r.First, anArticle(r.Role.Name), r.Target.Name, few(target), when)
	}
	return ""
}

// growthDraft: the strengths with their examples, then the areas with what
// shows them or where they can show.
func (r *Review) growthDraft() []string {
	var out []string
	n := 0
	// The period's own work leads; an example carried from before it
	// comes after (cold read 14, finding 10): Earlier is set or empty.
	strengths := slices.Clone(r.Strengths)
	slices.SortStableFunc(strengths, func(a, b Point) int { return cmp.Compare(len(a.Earlier), len(b.Earlier)) })
	carried := ""
	for _, s := range strengths {
		if s.Evidence == nil || n == 2 {
			continue
		}
		lead := "Strongest"
		if n > 0 {
			lead = "Also strong"
		}
		if slices.ContainsFunc(r.said, func(e Entry) bool { return e.Date == s.Evidence.Date && e.Text == s.Evidence.Text }) {
			// Said in the summary already: pointed at, not repeated.
			out = append(out, fmt.Sprintf("%s: %s, as the work of %s above shows.", lead, lowerFirst(s.Skill.Name), s.Evidence.Date))
		} else {
			out = append(out, fmt.Sprintf("%s: %s. %s", lead, lowerFirst(s.Skill.Name), did(r.First, s.Evidence.Date, s.Evidence.Text)))
			switch {
			case s.Earlier != "" && s.Earlier == carried:
				// Said once (VP cold read: the same clause twice in one
				// paragraph).
				out[len(out)-1] = fmt.Sprintf("%s: %s, likewise carried. %s", lead, lowerFirst(s.Skill.Name), did(r.First, s.Evidence.Date, s.Evidence.Text))
			case s.Earlier != "":
				out[len(out)-1] = fmt.Sprintf("%s: %s, %s. %s", lead, lowerFirst(s.Skill.Name), strings.Replace(s.Earlier, ";", ", with", 1), did(r.First, s.Evidence.Date, s.Evidence.Text))
				carried = s.Earlier
			}
		}
		n++
	}
	var next []string
	gaps := map[string][]string{} // by the role whose bar it is
	var bars []string
	for _, a := range r.Improvements {
		name := lowerFirst(a.Skill.Name)
		switch {
		case a.Next:
			next = append(next, name)
		case a.Waits != "":
			out = append(out, fmt.Sprintf("%s grows with the work %s takes over, once it is handed over.", a.Skill.Name, r.First))
		case a.AtBar && a.SelfNote != "":
			out = append(out, fmt.Sprintf("%s: %s.", a.Skill.Name, a.SelfNote))
		case a.AtBar && strings.Contains(a.Unshown, "\""):
			_, goal, _ := strings.Cut(a.Unshown, "\"")
			goal, _, _ = strings.Cut(goal, "\"")
			out = append(out, fmt.Sprintf("%s is rated at the %s bar, with nothing from work to show it yet: \"%s\" is where it can show.", a.Skill.Name, a.BarRole, plans.ShortGoal(goal)))
		case a.Evidence != nil:
			// One sentence with what shows it, so that it is this
			// person's.
			out = append(out, fmt.Sprintf("%s: %s; %s", workOn(out), name, lowerFirst(still(r.First, a.Evidence.Date, a.Evidence.Text))))
		case a.BarRole != "":
			if a.Fell != "" {
				name += " (rated down on " + a.Fell + ")"
			}
			if _, ok := gaps[a.BarRole]; !ok {
				bars = append(bars, a.BarRole)
			}
			gaps[a.BarRole] = append(gaps[a.BarRole], name)
		}
	}
	// Said in words, by the bar each falls short of: the current role's
	// comes first, the target's is the way towards it (issue 20: never a
	// count of levels).
	var parts []string
	for _, role := range bars {
		if role == r.Role.Name {
			parts = append(parts, fmt.Sprintf("%s, below the %s bar", plans.AndList(gaps[role]), role))
		} else {
			parts = append(parts, fmt.Sprintf("towards %s, %s", role, plans.AndList(gaps[role])))
		}
	}
	switch {
	case len(parts) == 1 && bars[0] != r.Role.Name:
		out = append(out, fmt.Sprintf("%s, towards %s: %s.", workOn(out), bars[0], plans.AndList(gaps[bars[0]])))
	case len(parts) > 0:
		out = append(out, fmt.Sprintf("%s: %s.", workOn(out), strings.Join(parts, "; and, ")))
	}
	if len(next) > 0 {
		out = append(out, fmt.Sprintf("For the step after it, %s, the work is %s.", r.Improvements[0].BarRole, plans.AndList(next)))
	}
	return out
}

// nextDraft: the focus through the goals that carry it, then the manager's
// part: the hand-over, the calibration, the case, a date for what is late.
func (r *Review) nextDraft(p *skills.Person, pl *plans.Plan) []string {
	var out, through []string
	due := map[string]string{}
	for _, g := range r.Open {
		if g.Due != "" {
			due[g.Text] = "due " + g.Due
		}
	}
	for _, g := range r.Overdue {
		due[g.Text] = "overdue since " + g.Due
	}
	quoted := map[string]bool{}
	var bare []string
	for _, f := range r.Focus {
		name := lowerFirst(f.Skill.Name)
		var goals []string
		for _, g := range f.Goals {
			if quoted[g] {
				continue
			}
			quoted[g] = true
			s := fmt.Sprintf("\"%s\"", plans.ShortGoal(g))
			if d := due[g]; d != "" {
				s += ", " + d
			}
			goals = append(goals, s)
		}
		if len(goals) > 0 {
			through = append(through, fmt.Sprintf("%s through %s", name, plans.AndList(goals)))
		} else {
			bare = append(bare, name)
		}
	}
	if len(through) > 0 {
		out = append(out, fmt.Sprintf("Next period, %s works on %s.", r.First, strings.Join(through, "; ")))
	}
	if len(bare) > 0 {
		lead := "Next period's focus"
		switch {
		case len(through) > 0:
			lead = "Also in focus"
		case r.Carried != "":
			lead = fmt.Sprintf("Next period's goals come from the %s bar", r.Target.Name)
		}
		out = append(out, fmt.Sprintf("%s: %s.", lead, plans.AndList(bare)))
	}
	if len(r.carried) > 0 {
		var short []string
		for _, g := range r.carried {
			short = append(short, fmt.Sprintf("\"%s\"", plans.ShortGoal(g)))
		}
		out = append(out, fmt.Sprintf("%s %s people-management %s, carried only until the hand-over.", plans.AndList(short), plural(len(short), "is a", "are"), plural(len(short), "goal", "goals")))
	}
	// The manager's part.
	var mine []string
	if r.Handover != "" {
		mine = append(mine, fmt.Sprintf("agree with %s who leads %s, and from when, before anything is announced", r.First, r.reports))
	}
	for _, g := range p.OpenGoals() {
		if who, theirs := pl.WaitsOn(g.Text); who != "" {
			mine = append(mine, fmt.Sprintf("the hand-over \"%s\" waits on, planned for %s, with a date agreed with %s at our next 1:1", plans.ShortGoal(g.Text), date(theirs.Due), r.First))
		}
	}
	if pl.Verdict.Kind == "held" {
		if by := pl.CalibrateBy(); by != "" {
			// Which levels to test first, and why: those the new baseline
			// moved most (VP cold read: "communication first" said
			// nothing of why).
			with := cmp.Or(pl.CalibrateWith(), "the other managers")
			c := fmt.Sprintf("calibrate %s's levels with %s by %s", r.First, with, r.day(by))
			switch n := len(r.jumped); {
			case n > 3:
				c += fmt.Sprintf(", starting with the ones that moved most, %s among them", plans.AndList(r.jumped[:3]))
			case n > 1:
				c += ", starting with the ones that moved most, " + plans.AndList(r.jumped)
			case n == 1:
				c += ", starting with the one that moved most, " + r.jumped[0]
			case len(r.generous) > 0:
				// Every level moved alike: first the readings furthest
				// above the role's own bar, the most generous.
				c += fmt.Sprintf(", starting with %s furthest above the %s bar, %s", plural(len(r.generous), "the one", "the two"), r.Role.Name, plans.AndList(r.generous))
			case len(r.lifted) > 0:
				c += fmt.Sprintf(", starting with the ones the new baseline alone put at the %s bar, as they decide the verdict", r.Target.Name)
			}
			mine = append(mine, c+fmt.Sprintf(", and tell %s what it settles at the next 1:1 after it", r.First))
		}
	}
	if r.Promotion != "" {
		c := fmt.Sprintf("the case for %s as %s at the next promotion round", r.First, r.Target.Name)
		if with := pl.CaseWith(); with != "" {
			c += ", made with " + with
		}
		mine = append(mine, c)
	}
	if len(mine) > 0 {
		out = append(out, fmt.Sprintf("My part: %s.", strings.Join(mine, "; ")))
	}
	for _, g := range r.Overdue[:min(2, len(r.Overdue))] {
		// A goal on a skill below the person's own role's bar is never
		// offered up to be dropped: it gets a new date, and the question
		// is what is in its way (issue 20, rule 2).
		if belowOwnBar(pl, g) {
			out = append(out, fmt.Sprintf("Agreed at our next 1:1: a new date for \"%s\", and what is in the way of it.", plans.ShortGoal(g.Text)))
		} else {
			out = append(out, fmt.Sprintf("Agreed at our next 1:1: a new date for \"%s\", or we let it go.", plans.ShortGoal(g.Text)))
		}
	}
	return out
}

// belowOwnBar reports whether g names a skill below the current role's
// bar.
func belowOwnBar(pl *plans.Plan, g GoalLine) bool {
	return slices.ContainsFunc(g.Skills, func(s plans.SkillRef) bool {
		return slices.ContainsFunc(pl.Current.Below, func(b plans.SkillGap) bool { return b.ID == s.ID })
	})
}

// anArticle is role with its article: "a Director of Product", "an
// Associate Product Manager".
func anArticle(role string) string {
	if role != "" && strings.ContainsRune("AEIOU", rune(role[0])) {
		return "an " + role
	}
	return "a " + role
}

// workOn leads the next area said in the growth draft: "To work on", then
// "Also to work on", then "And to work on".
func workOn(said []string) string {
	switch n := strings.Count(strings.Join(said, " "), "to work on") + strings.Count(strings.Join(said, " "), "To work on"); {
	case n == 0:
		return "To work on"
	case n == 1:
		return "Also to work on"
	}
	return "And to work on"
}

// gaps names the skills of a plan short of the person's own role's bar,
// and those short only of the target's, as the review's summary says
// them; a level still to re-assess after a return is in neither.
func gaps(pl *plans.Plan) (role, target []string) {
	for _, row := range pl.Skills {
		lvl := cmp.Or(row.CountedAs, row.Level)
		switch {
		case lvl == 0 || pl.Returned != "" && slices.Contains(pl.Reentry, row.ID):
		case lvl < row.ExpectRole:
			role = append(role, lowerFirst(row.Name))
		case lvl < row.ExpectTarget:
			target = append(target, lowerFirst(row.Name))
		}
	}
	return role, target
}
