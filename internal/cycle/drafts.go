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
	"unicode"

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

// isPast reports whether w, an entry's first word, is a verb in the past.
func isPast(w string) bool {
	lw := strings.ToLower(strings.Trim(w, ",.;:"))
	return pastVerbs[lw] || strings.HasSuffix(lw, "ed") && len(lw) > 3 && !notPast[lw]
}

// prepositions follow a participle said in the passive ("used in Q3
// planning", "adopted by all four squads").
var prepositions = map[string]bool{"by": true, "in": true, "with": true, "at": true, "on": true, "for": true, "across": true}

// joined writes an entry's clauses as one sentence a manager would write
// (VP cold read 17: "summarised twelve onboarding interviews; dropped the
// tour carousel" read broken): a second act of the person's joins with
// "and", a passive participle follows a comma ("…three competitors, used
// in Q3 planning"), a result with no verb of its own follows "with" ("…,
// with two changes made"), and any other clause follows ", and".
func joined(text string) string {
	parts := strings.Split(strings.TrimSuffix(strings.TrimSpace(text), "."), "; ")
	out := parts[0]
	for _, c := range parts[1:] {
		w := strings.Fields(c)
		switch {
		case len(w) == 0:
		case isPast(w[0]) && len(w) > 1 && prepositions[w[1]]:
			out += ", " + c
		case isPast(w[0]):
			out += " and " + c
		case !finite(w):
			out += ", with " + c
		default:
			out += ", and " + c
		}
	}
	return out
}

// finite reports whether a clause holds a verb of its own ("nobody
// reopened it", "one line still holds out"), not only a result ("two
// changes made", "search success rate up from 61% to 66%"): a past
// participle that ends a short clause is a result.
func finite(w []string) bool {
	for i, x := range w {
		switch strings.ToLower(x) {
		case "is", "are", "was", "were", "has", "have", "had", "will", "can", "still":
			return true
		}
		if i > 0 && isPast(x) && !(i == len(w)-1 && len(w) <= 4) {
			return true
		}
	}
	return false
}

// yours says an entry's words for the person to them: "her first two
// weeks" is "your first two weeks", "the date she committed to" is "the
// date you committed to". An entry that opens with the person's act
// speaks of no one else in the third person singular until it names
// someone: from the first other name on ("ran Lena's first career
// conversation with her development plan open", "mentored Ivy through her
// first launch review") a pronoun may be theirs and is kept as written
// (VP cold read 18, findings 2 and 3).
func yours(text string) string {
	w := strings.Fields(text)
	for i, x := range w {
		if i > 0 && x != "I" && unicode.IsUpper([]rune(x)[0]) {
			break
		}
		core := strings.TrimRight(x, ",.;:")
		tail := x[len(core):]
		switch core {
		case "his":
			w[i] = "your" + tail
		case "her":
			if tail == "" && i+1 < len(w) && !prepositions[w[i+1]] && w[i+1] != "to" && w[i+1] != "and" {
				w[i] = "your"
			} else {
				w[i] = "you" + tail
			}
		case "him":
			w[i] = "you" + tail
		case "himself", "herself":
			w[i] = "yourself" + tail
		case "he", "she":
			w[i] = "you" + tail
			if tail == "" && i+1 < len(w) {
				w[i+1] = yourVerb(w[i+1])
			}
		}
	}
	return strings.Join(w, " ")
}

// did says what an evidence entry records as the person's own act, in the
// second person, when it opens with a verb in the past ("On 9 November,
// you tested three filter layouts…"), else it quotes it: the drafts are
// the manager's words to the person (VP cold read 17: never the manager
// on the person in the third person).
func did(day, text string) string {
	if w, _, _ := strings.Cut(text, " "); w != "" && isPast(w) {
		return fmt.Sprintf("On %s, you %s", day, sentence(lowerFirst(yours(joined(text)))))
	}
	return fmt.Sprintf("On %s: \"%s\".", day, strings.TrimSuffix(text, "."))
}

// opening says a piece of the period's work the way a manager would: as
// the person's own act when the entry opens with a verb in the past, else
// as the state it reached ("By October, your monthly checkout update was
// read and quoted by Finance and Support."), and only when neither reads
// as a sentence, quoted within one, by its month, never as a bare dated
// quote (cold read 14, finding 9).
func (r *Review) opening(day, text string, said []string) string {
	if s := did(day, text); !strings.HasSuffix(s, "\".") {
		return s
	}
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return did(day, text)
	}
	month := t.Format("January")
	text = strings.TrimSuffix(text, ".")
	if head, rest, ok := strings.Cut(text, " now "); ok && !strings.Contains(head, " now") {
		if h, ok := strings.CutSuffix(head, " is"); ok && !strings.Contains(h, "'") && !subject[strings.ToLower(h)] {
			// "The monthly search review is now where Finance reads the
			// numbers": the state it reached, by its month.
			if w, _, _ := strings.Cut(h, " "); w == "The" || w == "Our" || w == "Your" {
				h = lowerFirst(h)
			}
			if sub, after, _ := strings.Cut(rest, " "); !pastVerbs[strings.ToLower(sub)] && !strings.HasSuffix(sub, "ed") && sub != "read" && sub != "used" && sub != "live" {
				return fmt.Sprintf("By %s, %s was %s %s.", month, h, sub, after)
			}
		}
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
			return fmt.Sprintf("By %s, your %s %s %s.", month, lowerFirst(head), was, rest)
		}
	}
	// A practice kept up since a day ("Fortnightly artifact reviews with
	// Sam Patel since he joined") is the person's habit: said as one, in
	// a whole sentence, not a fragment "…, as of November" (VP cold read
	// 20).
	if w, _, _ := strings.Cut(text, " "); habitual[strings.ToLower(w)] && strings.Contains(text, " since ") {
		return fmt.Sprintf("You have kept up %s.", lowerFirst(text))
	}
	// The example itself, with its month, in one plain sentence: never a
	// "your work showed this" frame around a quote (cold read 19a,
	// finding 15).
	_ = said
	return fmt.Sprintf("%s, as of %s.", text, month)
}

// habitual are the words that open a note of a practice kept up: how
// often it happens.
var habitual = map[string]bool{"daily": true, "weekly": true, "fortnightly": true, "bi-weekly": true, "biweekly": true, "monthly": true, "quarterly": true, "regular": true}

// subject are the words that open an entry with someone as its subject,
// which the state it reached cannot be said of.
var subject = map[string]bool{"i": true, "we": true, "he": true, "she": true, "they": true, "it": true, "the": true, "a": true, "this": true, "that": true}

// still says a setback clause to the person when it opens with "still"
// ("as of 13 November, you still review every PRD line by line"), else
// as the note of its day, quoted.
func still(day, clause string) string {
	w := strings.Fields(strings.TrimSuffix(clause, "."))
	if len(w) > 1 && strings.EqualFold(w[0], "still") {
		w[0], w[1] = "still", yourVerb(w[1])
		return fmt.Sprintf("as of %s, you %s", day, sentence(strings.Join(w, " ")))
	}
	return fmt.Sprintf("the note of %s reads \"%s\".", day, strings.TrimSuffix(clause, "."))
}

// yourVerb is a verb said of someone ("reviews", "does") said to them
// ("review", "do").
func yourVerb(v string) string {
	switch v {
	case "is":
		return "are"
	case "was":
		return "were"
	case "has":
		return "have"
	case "does":
		return "do"
	case "goes":
		return "go"
	}
	switch {
	case strings.HasSuffix(v, "ies") && len(v) > 4:
		return strings.TrimSuffix(v, "ies") + "y"
	case strings.HasSuffix(v, "sses"), strings.HasSuffix(v, "shes"), strings.HasSuffix(v, "ches"), strings.HasSuffix(v, "xes"), strings.HasSuffix(v, "zes"):
		return strings.TrimSuffix(v, "es")
	case strings.HasSuffix(v, "s") && !strings.HasSuffix(v, "ss"):
		return strings.TrimSuffix(v, "s")
	}
	return v
}

// sentence ends s with a full stop unless it ends with one already.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}

// managerCall is what the review calls the manager: their first name,
// or their full name when it is the person's too.
func (r *Review) managerCall() string {
	if r.Manager == nil {
		return "the manager"
	}
	if mgr := firstWord(r.Manager.Name); mgr != r.First {
		return mgr
	}
	// Sam Lee editing Sam Patel's review: "for Sam" names either.
	return r.Manager.Name
}

// drafts writes the three drafts from the review as built.
func (r *Review) drafts(in ReviewInput, asOf time.Time) {
	p, pl := in.Person, in.Plan
	mgr := r.managerCall()
	r.Drafts.Marker = plans.Markdown(fmt.Sprintf("*Draft, for %s to edit.* %s", mgr, draftMark))
	r.Drafts.Summary = r.inWords(strings.Join(r.summaryDraft(p, pl, asOf), " "))
	r.Drafts.Growth = r.inWords(strings.Join(r.growthDraft(pl), " "))
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

// summaryDraft: the headline first (the role changed, the result the
// person's own goal or self-review names), then what else was done and
// seen, what is late or behind, and where the verdict stands, said by the
// manager to the person.
func (r *Review) summaryDraft(p *skills.Person, pl *plans.Plan, asOf time.Time) []string {
	var out []string
	backDay, backText, back := plans.ReturnFromLeave(p)
	backSaid := false
	period := "period"
	if r.Quarter {
		period = "quarter"
	}
	headline := r.selfHeadline()
	if slices.ContainsFunc(r.Met, func(g GoalLine) bool { return g.Outcome != "" }) {
		// A goal met with its outcome written down is the headline, in
		// the manager's words; the self-review stays below, quoted.
		headline = ""
	}
	switch {
	case r.Handover != "":
		out = append(out, fmt.Sprintf("The %s turns on your move to the individual-contributor track: handing over %s well comes first.", period, r.reports))
	case len(r.Roles) > 0 && headline != "":
		last := r.Roles[len(r.Roles)-1]
		out = append(out, fmt.Sprintf("You became %s on %s, and the %s's biggest result is the one your self-review names: \"%s\".", last.To.Name, last.Date, period, headline))
		headline = ""
	case len(r.Roles) > 0:
		last := r.Roles[len(r.Roles)-1]
		out = append(out, fmt.Sprintf("You became %s on %s.", last.To.Name, last.Date))
	}
	if headline != "" {
		out = append(out, fmt.Sprintf("The %s's biggest result is the one your self-review names: \"%s\".", period, headline))
	}
	// Done and seen: the goals met, then the newest work of the period
	// that is no setback and no goal's outcome said already.
	said := 0
	met := slices.Clone(r.Met)
	slices.SortStableFunc(met, func(a, b GoalLine) int { return cmp.Compare(min(len(b.Outcome), 1), min(len(a.Outcome), 1)) })
	for _, g := range met {
		if said == 2 {
			break
		}
		s := fmt.Sprintf("You met your goal \"%s\" on %s", g.Text, g.Ended)
		if g.Outcome != "" {
			o := g.Outcome
			if w, _, _ := strings.Cut(o, " "); isPast(w) {
				o = "you " + lowerFirst(yours(joined(o)))
			}
			s += ": " + o
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
		s := r.opening(e.Date, e.Text, out)
		// The entry that records the return says so, as the plan and
		// the agendas do (VP cold read 18, finding 15: "On 19 October,
		// you met each of your managers… in your first two weeks" read
		// as a new hire's review); why and how long stay the person's.
		if back && e.Date == date(backDay) && e.Text == reviewQuoted(backText) && e.Text != backText {
			if rest, ok := strings.CutPrefix(s, "On "+e.Date+", "); ok {
				s, backSaid = "Back from leave on "+e.Date+", "+rest, true
			}
		}
		out = append(out, s)
		r.said = append(r.said, e)
		said++
	}
	if back && r.Handover == "" {
		// A review feeds calibration: why and how long the person was
		// away is theirs to tell, and stays in the manager's own prep;
		// that they came back is said once. The period reads as a start
		// again, with the person's own goals first.
		if d := date(backDay); !backSaid && d >= r.Since && d <= r.Until {
			out = append(out, fmt.Sprintf("You came back from leave on %s: this %s is a fresh start, led by your own goals.", date(backDay), period))
		} else {
			out = append(out, fmt.Sprintf("This %s is a fresh start, led by your own goals.", period))
		}
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
				out = append(out, upperFirst(still(e.Date, c)))
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

// selfHeadline is the result the person's own self-review of the period
// names first: the first sentence of its first section that says what
// changed rather than what the person did ("The new tiers went live in
// September, and Sales stopped asking for one-off discounts…"), without
// its full stop; "" when there is none.
func (r *Review) selfHeadline() string {
	if len(r.Self) == 0 {
		return ""
	}
	text := strings.Join(strings.Fields(string(r.Self[0].Text)), " ")
	for _, s := range regexp.MustCompile(`[.!?](\s+|$)`).Split(text, -1) {
		w, _, _ := strings.Cut(strings.TrimSpace(s), " ")
		switch strings.Trim(w, "*_-") {
		case "", "I", "I'm", "I've", "We", "My", "Our", "Me", "It", "This", "That":
			continue
		}
		if len(strings.Fields(s)) < 5 || strings.ContainsAny(s, "#`[") {
			continue
		}
		return strings.TrimSpace(s)
	}
	return ""
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
// words and said to the person (issue 20; VP cold read 17: the manager
// speaks as "I", to "you"): never a count of levels, and never a
// re-baseline read as growth.
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
			return fmt.Sprintf("You joined on %s and are in your first 90 days: %s so far %s, and I judge none of them before your first full assessment on %s.", pl.Person.Joined,
				plural(n, "the one level I have set", fmt.Sprintf("the %d levels I have set", n)), plural(n, "is a first reading", "are first readings"), r.day(first))
		}
		return fmt.Sprintf("You joined on %s and are in your first 90 days, with no level set yet: your first full assessment is on %s.", pl.Person.Joined, r.day(first))
	case "held":
		// Said in plain words, by the manager (cold read 17): who set the
		// levels, what they put at the bar, who checks them with whom, by
		// when, and that none of it counts as growth before then.
		with := cmp.Or(pl.CalibrateWith(), "the other managers")
		set := "Your levels were set fresh"
		mine := r.Manager != nil && r.heldBy == possessive(r.Manager.Name)
		switch {
		case mine:
			set = "I set your levels fresh"
		case r.heldBy != "the" && r.heldBy != "":
			set = strings.TrimSuffix(strings.TrimSuffix(r.heldBy, "'s"), "'") + " set your levels fresh"
		}
		if pl.Baseline != nil {
			set += " on " + r.day(pl.Baseline.Date)
		}
		if len(r.lifted) > 0 {
			var names []string
			for _, n := range r.lifted {
				names = append(names, lowerFirst(n))
			}
			put := few(names)
			if len(names) > 3 {
				put += ","
			}
			set += fmt.Sprintf(", with %s at the %s bar", put, r.Target.Name)
		}
		check := fmt.Sprintf("%s and I still have to check them", with)
		if by := pl.CalibrateBy(); by != "" {
			check = fmt.Sprintf("%s and I check them by %s", with, r.day(by))
			// A date that moved says the first one too (VP cold read 18,
			// finding 19): the slip is the manager's, and said.
			if first := pl.CalibrationOverdue(); first != "" {
				check = fmt.Sprintf("%s and I check them, first due %s and re-set for %s", with, r.day(first), r.day(by))
			}
		}
		out := fmt.Sprintf("%s; %s, before any of it counts as growth.", set, check)
		// What makes the case whatever the calibration settles: the first
		// dated goal of the focus, the person's own work.
		for _, f := range r.Focus {
			for _, g := range r.Open {
				if g.Due != "" && slices.Contains(f.Goals, g.Text) {
					return out + fmt.Sprintf(" Whatever the calibration settles, your case for %s rests on \"%s\", due %s.", r.Target.Name, plans.ShortGoal(g.Text), g.Due)
				}
			}
		}
		return out
	case "ready-now":
		if pl.AtBarSince != "" {
			return fmt.Sprintf("You are ready for %s now, and have been at its bar since %s.", r.Target.Name, pl.AtBarSince)
		}
		return fmt.Sprintf("You are ready for %s now.", r.Target.Name)
	}
	if plans.TooEarly(pl) {
		if by := pl.AssessSessionBy(); by != "" {
			// The session the plan books, on its day (cold read 20).
			return fmt.Sprintf("Only a few of your skills have a level, which is my assessment running late, not you: we set the rest together in one 90-minute session before %s.", r.day(by))
		}
		return fmt.Sprintf("Only a few of your skills have a level, which is my assessment running late, not you: I assess the rest with you over our next 1:1s, before %s.", next)
	}
	switch {
	case len(role) > 0 && pl.FirstTimeManager:
		return fmt.Sprintf("You are new to leading people, and %s is not expected of you yet: the %s bar comes first, in %s, by %s.", r.Target.Name, r.Role.Name, few(role), next)
	case len(role) > 0 && r.Quarter && len(r.promised) > 0:
		// The same rule, run for the period before, said this period's
		// review: a date passed unmet is said plainly, never moved
		// silently (VP cold read).
		if r.AsOf < r.Until {
			// Read before the period ends: the date set for it still
			// stands, and nothing is called missed yet. Said as a
			// manager would (VP cold read 18, finding 11), from what the
			// file holds: the assessment before the period and its plan,
			// the weeks left, and where each gap stands now.
			out := fmt.Sprintf("You are not yet ready for %s: the %s bar comes first", r.Target.Name, r.Role.Name)
			if len(r.promised) < len(role) {
				out += ", in " + few(role)
			}
			return out + ". " + r.gapSince(pl)
		}
		return fmt.Sprintf("You are not yet ready for %s: the %s bar comes first, in %s. We set the %s review for it; the gap is still open, and the new date is %s.", r.Target.Name, r.Role.Name, few(role), r.Period, next)
	case len(role) > 0:
		return fmt.Sprintf("You are not yet ready for %s: the %s bar comes first, in %s, by %s.", r.Target.Name, r.Role.Name, few(role), next)
	case len(target) > 0:
		when := ""
		if m := realistically.FindStringSubmatch(pl.Verdict.Why); m != nil {
			when = ", realistically " + m[1] + " away"
		}
		return fmt.Sprintf("You are solid as %s, with the %s bar still ahead in %s%s.", anArticle(r.Role.Name), r.Target.Name, few(target), when)
	}
	return ""
}

// growthDraft: the strengths with their examples, then the areas with what
// shows them or where they can show, said by the manager to the person.
// That an example predates the period is said once, however many
// strengths it is true of (VP cold read 17: "carried from earlier in the
// year…" under every strength).
func (r *Review) growthDraft(pl *plans.Plan) []string {
	var out []string
	// The period's own work leads; an example carried from before it
	// comes after (cold read 14, finding 10): Earlier is set or empty.
	strengths := slices.Clone(r.Strengths)
	slices.SortStableFunc(strengths, func(a, b Point) int { return cmp.Compare(len(a.Earlier), len(b.Earlier)) })
	var shown []Point
	for _, s := range strengths {
		if s.Evidence != nil && len(shown) < 2 {
			shown = append(shown, s)
		}
	}
	carried, uncalibrated := 0, false
	for i, s := range shown {
		suit := "is your strongest suit"
		switch {
		case i > 0:
			suit = "is close behind"
		case s.Earlier != "":
			suit = "is still your strongest suit"
		}
		e := s.Evidence
		switch {
		case slices.ContainsFunc(r.said, func(x Entry) bool { return x.Date == e.Date && x.Text == e.Text }):
			// Said in the summary already: pointed at, not repeated.
			out = append(out, fmt.Sprintf("%s %s, as that work of %s shows.", s.Skill.Name, suit, e.Date))
		case slices.ContainsFunc(r.Met, func(g GoalLine) bool { return plans.SameWork(g.Text+" "+g.Outcome, e.Text) }):
			// The goal met, said in the summary already.
			out = append(out, fmt.Sprintf("%s %s, as the goal you met shows.", s.Skill.Name, suit))
		case strings.HasSuffix(did(e.Date, e.Text), "\"."):
			out = append(out, fmt.Sprintf("%s %s: \"%s\", on %s.", s.Skill.Name, suit, strings.TrimSuffix(e.Text, "."), e.Date))
		default:
			out = append(out, fmt.Sprintf("%s %s: %s", s.Skill.Name, suit, lowerFirst(did(e.Date, e.Text))))
		}
		if s.Earlier != "" {
			carried++
			uncalibrated = uncalibrated || s.Uncalibrated != ""
		}
	}
	if carried > 0 {
		// Said once, after the examples it is true of, in the person's
		// terms: when they were, and which skill wants a new one.
		// Read on the period's last day, the period is over: the example
		// asked for is of the next one (cold read 20, finding 6).
		ended := r.AsOf >= r.Until
		one := "an example from this period"
		if ended {
			one = "an example from the next period"
		}
		if r.Quarter {
			_, q, _ := strings.Cut(r.Period, "-")
			if ended {
				q = nextQuarter(q)
			}
			one = "a " + q + " example"
		}
		var months, names []string
		for _, s := range shown {
			if s.Earlier == "" {
				continue
			}
			names = append(names, lowerFirst(s.Skill.Name))
			t, err := time.Parse(time.DateOnly, s.Evidence.Date)
			m := s.Evidence.Date
			if err == nil {
				m = t.Format("January")
				if !strings.HasPrefix(r.Since, t.Format("2006")) {
					m = t.Format("January 2006")
				}
			}
			if !slices.Contains(months, m) {
				months = append(months, m)
			}
		}
		when := "That was in " + plans.AndList(months)
		of := "of your " + names[0]
		if carried > 1 {
			when, of = "Both were in "+plans.AndList(months), "of each"
		}
		switch {
		case uncalibrated && pl.Baseline != nil:
			out = append(out, fmt.Sprintf("%s, before the levels of %s, and %s the level before them: I'd like %s %s at the new level.", when, r.day(pl.Baseline.Date), plural(carried, "shows", "show"), one, of))
		default:
			out = append(out, fmt.Sprintf("%s: I'd like %s %s.", when, one, of))
		}
	}
	var next []string
	gaps := map[string][]string{} // by the role whose bar it is
	var bars []string
	shownAreas := 0
	for _, a := range r.Improvements {
		name := lowerFirst(a.Skill.Name)
		switch {
		case a.Next:
			next = append(next, name)
		case a.Waits != "":
			out = append(out, fmt.Sprintf("%s grows with the work you take over, once it is handed over to you.", a.Skill.Name))
		case a.AtBar && a.SelfNote != "":
			i := slices.IndexFunc(r.Apart, func(x Apart) bool { return x.Skill.ID == a.Skill.ID })
			if i < 0 {
				continue
			}
			x := r.Apart[i]
			out = append(out, fmt.Sprintf("On %s you rate yourself %d %s, below my %d %s: we settle it in the calibration.", name, x.Self, x.SelfName, x.Manager, x.ManagerName))
		case a.AtBar && strings.Contains(a.Unshown, "\""):
			_, goal, _ := strings.Cut(a.Unshown, "\"")
			goal, _, _ = strings.Cut(goal, "\"")
			out = append(out, fmt.Sprintf("I rate your %s at the %s bar with no example from work yet: \"%s\" is where I expect to see it.", name, a.BarRole, plans.ShortGoal(goal)))
		case a.Evidence != nil:
			// One sentence with what shows it, so that it is this
			// person's.
			lead := "What I most want you to work on is %s: %s"
			switch shownAreas {
			case 0:
			case 1:
				lead = "Next comes %s: %s"
			default:
				lead = "And %s: %s"
			}
			out = append(out, fmt.Sprintf(lead, name, sentence(still(a.Evidence.Date, a.Evidence.Text))))
			shownAreas++
		case a.BarRole != "":
			if a.Fell != "" {
				name += " (which I rated down on " + a.Fell + ")"
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
	for i, role := range bars {
		list := plans.AndList(gaps[role])
		switch {
		case role == r.Role.Name && shownAreas > 0:
			out = append(out, fmt.Sprintf("Also below the %s bar: %s.", role, list))
		case role == r.Role.Name:
			out = append(out, fmt.Sprintf("Where I want you to grow first: %s, still below the %s bar.", list, role))
		case i > 0 || shownAreas > 0:
			out = append(out, fmt.Sprintf("Then, towards %s: %s.", role, list))
		default:
			out = append(out, fmt.Sprintf("Towards %s, the work is %s.", role, list))
		}
	}
	if len(next) > 0 {
		out = append(out, fmt.Sprintf("For the step after that, %s, your work is %s.", r.Improvements[0].BarRole, plans.AndList(next)))
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
	// A goal due by the period's end closes this period, not the next
	// one (VP cold read 18, finding 1): next period's vehicle is a goal
	// due after it, or the focus skill alone.
	closing := map[string]string{}
	for _, g := range r.Open {
		if g.Due != "" && g.Due <= r.Until {
			closing[g.Text] = g.Due
		}
	}
	quoted := map[string]bool{}
	var bare, closes, items []string // items: each focus, in the plan's order
	for _, f := range r.Focus {
		name := lowerFirst(f.Skill.Name)
		var goals []string
		for _, g := range f.Goals {
			if quoted[g] {
				continue
			}
			quoted[g] = true
			s := fmt.Sprintf("\"%s\"", plans.ShortGoal(g))
			if c := closing[g]; c != "" {
				closes = append(closes, fmt.Sprintf("%s (%s)", s, c))
				continue
			}
			if d := due[g]; d != "" {
				s += ", " + d
			}
			goals = append(goals, s)
		}
		if len(goals) > 0 {
			through = append(through, fmt.Sprintf("%s through %s", name, plans.AndList(goals)))
			items = append(items, through[len(through)-1])
		} else {
			bare = append(bare, name)
			items = append(items, name)
		}
	}
	// A plan whose first focus has no goal to carry it (a skill below the
	// bar, say) still leads with it: the next period follows the plan's
	// order, never the goals' (cold read 20, finding 7).
	lead := len(through) > 0 && len(bare) > 0 && items[0] == bare[0]
	period, this := "Next period", "This period"
	if r.Quarter {
		period, this = "Next quarter", "This quarter"
	}
	if len(closes) > 0 {
		out = append(out, fmt.Sprintf("%s closes with %s.", this, plans.AndList(closes)))
	}
	switch {
	case lead:
		said := fmt.Sprintf("%s, you work first on %s", period, items[0])
		for i, it := range items[1:] {
			if i > 0 && i == len(items)-2 {
				said += "; and on " + it
			} else {
				said += "; then on " + it
			}
		}
		out = append(out, said+".")
	case len(through) > 0:
		out = append(out, fmt.Sprintf("%s, you work on %s.", period, strings.Join(through, "; ")))
	}
	if len(bare) > 0 && !lead {
		switch {
		case len(through) > 0:
			out = append(out, fmt.Sprintf("We keep %s in focus too.", plans.AndList(bare)))
		case r.Carried != "":
			out = append(out, fmt.Sprintf("Your next goals come from the %s bar: %s.", r.Target.Name, plans.AndList(bare)))
		default:
			out = append(out, fmt.Sprintf("%s, your focus is %s.", period, plans.AndList(bare)))
		}
	}
	if len(r.carried) > 0 {
		var short []string
		for _, g := range r.carried {
			short = append(short, fmt.Sprintf("\"%s\"", plans.ShortGoal(g)))
		}
		out = append(out, fmt.Sprintf("%s %s people-management %s, carried only until the hand-over.", plans.AndList(short), plural(len(short), "is a", "are"), plural(len(short), "goal", "goals")))
	}
	// Said as the plan says it, why under the goal (VP cold read 18,
	// finding 4).
	for _, g := range append(slices.Clone(r.Overdue), r.Open...) {
		if g.Rework != "" {
			out = append(out, fmt.Sprintf("\"%s\" cannot be done as written: we re-word it at our next 1:1.", plans.ShortGoal(g.Text)))
		}
	}
	// The manager's part.
	var mine []string
	if r.Handover != "" {
		mine = append(mine, fmt.Sprintf("agree with you who leads %s, and from when, before anything is announced", r.reports))
	}
	for _, g := range p.OpenGoals() {
		if who, theirs := pl.WaitsOn(g.Text); who != "" {
			// The plan's words for the hand-over (VP cold read 20: "hand
			// over the work "Take over…" waits on" read as the goal
			// waiting).
			mine = append(mine, fmt.Sprintf("hand over the work your goal \"%s\" takes on, planned for %s and now on a date we agree at our next 1:1", plans.ShortGoal(g.Text), r.day(date(theirs.Due))))
		}
	}
	if pl.Verdict.Kind == "held" {
		if by := pl.CalibrateBy(); by != "" {
			// Which levels to test first, and why: those the new baseline
			// moved most (VP cold read: "communication first" said
			// nothing of why).
			with := cmp.Or(pl.CalibrateWith(), "the other managers")
			c := fmt.Sprintf("calibrate your levels with %s by %s", with, r.day(by))
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
				c += fmt.Sprintf(", starting with the ones that put you at the %s bar, as they decide the verdict", r.Target.Name)
			}
			mine = append(mine, c+", and tell you what it settles at our next 1:1 after it")
		}
	}
	if r.Promotion != "" {
		c := fmt.Sprintf("put you forward for %s at the next promotion round", r.Target.Name)
		if with := pl.CaseWith(); with != "" {
			c += ", with " + with
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
	// The plan's focus first, in its order, then the matrix's: the gaps a
	// draft names are the ones the plan works on (cold read 20, finding 5).
	at := map[string]int{}
	for i, f := range pl.Focus {
		at[lowerFirst(f.Name)] = i + 1
	}
	byFocus := func(a, b string) int {
		return cmp.Compare(cmp.Or(at[a], len(pl.Focus)+1), cmp.Or(at[b], len(pl.Focus)+1))
	}
	slices.SortStableFunc(role, byFocus)
	slices.SortStableFunc(target, byFocus)
	return role, target
}

// gapSince says, read before the period ends, the gaps to the role's bar
// the assessment before the period already had (r.promised): set then as
// the ones to close by this review when that assessment's plan put them in
// focus, the weeks of the period left, and where each stands now, from
// the review's own areas.
func (r *Review) gapSince(pl *plans.Plan) string {
	gaps := plans.AndList(r.promised)
	set := fmt.Sprintf("%s %s short of the %s bar since before the %s", upperFirst(gaps), plural(len(r.promised), "has been", "have been"), r.Role.Name, period(r.Quarter))
	if r.Before != nil && r.Before.AsOf != "" {
		set = fmt.Sprintf("%s %s short of the %s bar since your assessment of %s", upperFirst(gaps), plural(len(r.promised), "has been", "have been"), r.Role.Name, r.day(r.Before.AsOf))
		if prev := r.previous; prev != nil && r.inFocus(prev) {
			set = fmt.Sprintf("At your assessment of %s, we set %s as the %s to close first", r.day(r.Before.AsOf), gaps, plural(len(r.promised), "gap", "gaps"))
		}
	}
	left := "with the quarter not over yet"
	if from, err := time.Parse(time.DateOnly, r.AsOf); err == nil {
		if until, err := time.Parse(time.DateOnly, r.Until); err == nil {
			if w := int(until.Sub(from).Hours()/24) / 7; w > 0 {
				left = fmt.Sprintf("with %s of the %s left", weeks(w), period(r.Quarter))
			}
		}
	}
	var stands []string
	for _, g := range r.promised {
		i := slices.IndexFunc(r.Improvements, func(a Point) bool { return lowerFirst(a.Skill.Name) == g })
		if i < 0 {
			continue
		}
		a := r.Improvements[i]
		day := isoDay.FindString(a.Step)
		var s string
		switch {
		case a.Evidence != nil && r.Before != nil && a.Evidence.Date < r.Before.AsOf:
			// A setback the assessment already read is why the gap was
			// set, not where it stands now (cold read 20b, finding 14).
			s = "nothing written down for it since"
		case a.Evidence != nil:
			s = "a setback on " + r.day(a.Evidence.Date)
		case a.Fell != "":
			s = "rated down on " + r.day(a.Fell)
		case day != "":
			s = "a step towards it on " + r.day(day)
		default:
			s = "no example written down for it yet"
		}
		stands = append(stands, s)
	}
	still := "it is still short of the bar"
	if len(r.promised) > 1 {
		still = "both are still short of the bar"
		if len(r.promised) > 2 {
			still = "all are still short of the bar"
		}
	}
	switch {
	case len(stands) != len(r.promised):
	case len(stands) == 1:
		still += ", with " + stands[0]
	case !slices.ContainsFunc(stands, func(s string) bool { return s != stands[0] }) && stands[0] == "no example written down for it yet":
		still += plural(len(stands), "", ", with no example written down for either yet")
		if len(stands) > 2 {
			still = "all are still short of the bar, with no example written down for any yet"
		}
	default:
		var each []string
		for i, s := range stands {
			each = append(each, r.promised[i]+" with "+s)
		}
		still += ": " + strings.Join(each, ", ")
	}
	out := fmt.Sprintf("%s; %s, %s.", set, left, still)
	if pl != nil && pl.NextReview > r.Until {
		// The plan's own date for them, so that the review does not judge
		// against an earlier one (cold read 20b, finding 3).
		out += fmt.Sprintf(" Your plan gives %s to its review of %s.", plural(len(r.promised), "it", "them"), r.day(pl.NextReview))
	}
	return out
}

// inFocus reports whether the plan before the period had every gap it
// promised among its focus skills: set then as the ones to work on.
func (r *Review) inFocus(prev *plans.Plan) bool {
	for _, g := range r.promised {
		if !slices.ContainsFunc(prev.Focus, func(f plans.Focus) bool { return lowerFirst(f.Name) == g }) {
			return false
		}
	}
	return true
}

// period is what a review's period is called in a sentence.
func period(quarter bool) string {
	if quarter {
		return "quarter"
	}
	return "period"
}

// weeks says n weeks in words up to twelve.
func weeks(n int) string {
	words := []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
	if n < len(words) {
		return plural(n, words[n]+" week", words[n]+" weeks")
	}
	return fmt.Sprintf("%d weeks", n)
}

// nextQuarter is the quarter after q ("Q3" -> "Q4", "Q4" -> "Q1").
func nextQuarter(q string) string {
	switch q {
	case "Q1":
		return "Q2"
	case "Q2":
		return "Q3"
	case "Q3":
		return "Q4"
	case "Q4":
		return "Q1"
	}
	return q
}
