package plans

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/coach-dev/coach/skills"
)

// Verdict is a plan's readiness for the target role: in a word (Kind), in
// a short phrase for a team's overview (Text), and as the judgement a
// manager would say to the person (Why): where they stand, what decides
// it and a realistic time, never a count of levels.
type Verdict struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
	Why  string `json:"why,omitempty"`
}

// VerdictOf judges p's readiness for its target role, said to the person
// ("you"). Kind is "onboarding" for a new hire (the skill file's joined date
// within 90 days before the plan's today); "not-yet" when most skills have
// no level (too early to judge), when an assessed skill is below the current
// role's bar, or when the
// target's bar is far off (a gap of more than 6 levels in all); "held" when
// the readiness would rest on a re-baseline nobody has calibrated (a new
// rater, not evidence); "ready-now" when no assessed skill is below the
// target's bar and at most 2 skills are unassessed; "ready-soon" otherwise.
// A person below their current role's bar is told what the plan is about,
// never the next role's timeline.
func VerdictOf(p *Plan) Verdict {
	if p.backed != nil {
		// Judged on the levels evidence backs: a batch raised without it
		// is a rating, not growth.
		q := *p
		q.Readiness, q.Current, q.backed = p.backed[0], p.backed[1], nil
		v := VerdictOf(&q)
		if v.Kind == "onboarding" || TooEarly(&q) {
			return v
		}
		var names []string
		for _, id := range p.raised {
			for _, s := range p.Skills {
				if s.ID == id {
					names = append(names, s.Name)
				}
			}
		}
		// Plain words, in the reader's terms: which of their levels count
		// at the earlier level for now, and what happens next, by when. No
		// count of levels, no judgement of whoever raised them: that is
		// for the manager's own plan and the calibration packet.
		who := cmp.Or(p.ManagerCall, "your manager")
		switch {
		case len(names) == 0:
			// Only a level set lower: said once, at a glance.
		case len(names) == 1:
			v.Why += fmt.Sprintf(". Your level in %s, raised on %s, counts here at its earlier level until the work that shows it, and who saw it, is written down with %s at your next 1:1",
				names[0], p.raisedOn, who)
		default:
			v.Why += fmt.Sprintf(". Your levels in %s, raised on %s, count here at their earlier levels until the work that shows each, and who saw it, is written down with %s at your next 1:1",
				andList(short(names)), p.raisedOn, who)
		}
		return v
	}
	target := p.Target.Name
	if start, err := time.Parse(time.DateOnly, p.Person.Joined); err == nil {
		if today, err := time.Parse(time.DateOnly, p.Today.Date); err == nil &&
			!start.After(today) && !start.Before(today.AddDate(0, 0, -planDays)) {
			why := fmt.Sprintf("too early to judge, and rightly so: you joined on %s and are still learning the product, its customers and the team", p.Person.Joined)
			why += fmt.Sprintf("; your first full assessment is on %s", date(start.AddDate(0, 0, planDays)))
			return Verdict{Kind: "onboarding", Text: "onboarding", Why: why}
		}
	}
	if TooEarly(p) {
		who := cmp.Or(p.ManagerCall, p.Person.ManagerName, "your manager")
		if late := assessmentLate(p); late > 0 {
			// Past the first 90 days, few levels are the assessment running
			// late, not a person too new to judge.
			return Verdict{Kind: "not-yet", Text: "not yet: the assessment is late",
				Why: fmt.Sprintf("you joined on %s, %d days ago, and %s of %d skills have a level: too few to judge you against %s, and that is the assessment running late, not you. %s assesses the rest with you over the next 1:1s, starting with the ones your goals use",
					p.Person.Joined, late, number(p.Current.Assessed), p.Current.Total, target, upperFirst(who))}
		}
		return Verdict{Kind: "not-yet", Text: "not yet: too early to judge",
			Why: fmt.Sprintf("%s of %d skills have a level so far, too few to say how far you are from %s, or to call any of them a gap. %s assesses the rest with you over the next 1:1s, starting with the ones your goals use",
				number(p.Current.Assessed), p.Current.Total, target, upperFirst(who))}
	}
	var below, reentry []string
	for _, g := range focusFirst(p, p.Current.Below) {
		if p.Returned != "" && slices.Contains(p.Reentry, g.ID) {
			reentry = append(reentry, g.Name)
		} else {
			below = append(below, g.Name)
		}
	}
	if len(reentry) > 0 {
		// A level lowered after a return is neither a gap nor held
		// against the person: the verdict is judged without it, and it is
		// named as a level to re-assess together, with no reason given.
		q := *p
		q.Current, q.Readiness, q.Reentry = withoutGaps(p.Current, p.Reentry), withoutGaps(p.Readiness, p.Reentry), nil
		// The plan's glance names it just below; the verdict is silent.
		return VerdictOf(&q)
	}
	when := realistic(p)
	switch {
	case len(below) > 0 && p.FirstTimeManager:
		return Verdict{Kind: "not-yet", Text: "not yet: the new job first",
			Why: fmt.Sprintf("nor is it expected yet: you are new to leading people, and %s %s below the %s bar, the gaps most first-time managers have. Closing them in the job is the whole of this plan",
				andList(short(below)), isAre(len(below)), p.Role.Name)}
	case len(below) > 0:
		return Verdict{Kind: "not-yet", Text: "not yet: the current role first",
			Why: fmt.Sprintf("%s %s below the %s bar today, and this plan is about closing %s by the next review",
				upperFirst(andList(short(below))), isAre(len(below)), p.Role.Name, itThem(len(below)))}
	case p.Readiness.Gap > 6:
		where := "on " + andList(short(gapNames(p.Readiness.Below)))
		if len(p.Readiness.Below)*2 > p.Readiness.Assessed {
			where = "on most skills, as it is for anyone a role away"
		}
		v := Verdict{Kind: "not-yet", Text: "not yet",
			Why: fmt.Sprintf("no cause for worry: you are solid as %s, with the %s bar still ahead %s. With steady progress, realistically %s",
				article(p.Role.Name), target, where, when)}
		if p.ICTrack != "" {
			// The file names the target, not why: the plan states it
			// rather than telling the person what they chose.
			v.Why += fmt.Sprintf(". Your target is %s, on the individual-contributor path rather than %s, which manages people, and this plan is built for it", target, p.ICTrack)
		}
		return v
	}
	if held, ok := heldVerdict(p, when); ok {
		return held
	}
	var v Verdict
	if len(p.Readiness.Below) == 0 && p.Readiness.Total-p.Readiness.Assessed <= 2 {
		v = Verdict{Kind: "ready-now", Text: "ready now",
			Why: fmt.Sprintf("you are at or above the %s bar on every assessed skill", target)}
		if p.AtBarSince != "" {
			v.Why += fmt.Sprintf(", and have been since %s", p.AtBarSince)
			// Ready for months: say what stands in the way, as it is no
			// longer a skill.
			who := cmp.Or(p.ManagerCall, p.Person.ManagerName, "your manager")
			if with := p.caseWith(); with != "" {
				who += " and " + with
			}
			theCase := possessive(who) + " case for you"
			if h := p.handover; h != nil {
				// The manager is handing over their people, which the
				// reader may not know yet: the case is named by who stays
				// (the manager's manager) and by the role, "your manager",
				// true before the hand-over and after it.
				theCase = fmt.Sprintf("the case %s and your manager make for you", h.with)
			}
			switch {
			case p.targetLeads && !p.Leads && p.targetFull:
				// The team's shape has every such role filled: no role is
				// "opening up", and the plan does not hint at anyone's seat.
				v.Why += fmt.Sprintf(". What decides it now is not a skill but %s at the next promotion round; every %s role the team plans for is filled today, so until then the plan gives you scope in that role's terms", theCase, target)
			case p.targetLeads && !p.Leads:
				v.Why += fmt.Sprintf(". What stands between you and it is not a skill but a team to lead: %s role opening up, and %s at the next promotion round", article(target), theCase)
			default:
				v.Why += fmt.Sprintf(". What decides it now is not a skill but %s at the next promotion round", theCase)
			}
		}
	} else {
		// The time is in Text, which the plan prints just before Why.
		v = Verdict{Kind: "ready-soon", Text: "ready in " + when,
			Why: fmt.Sprintf("you are at the %s bar everywhere but %s", target, andList(short(gapNames(p.Readiness.Below))))}
		if len(p.Readiness.Below) == 0 {
			v.Why = fmt.Sprintf("you are at the %s bar on every assessed skill, and the skills with no level yet decide it", target)
		}
	}
	if p.Calibration != "" {
		v.Text += ", once calibrated"
		v.Why += ", once " + p.Calibration
	}
	return v
}

// TooEarly is true when fewer than half of the skills have a level: no
// claim about a bar, met or not, stands on so few.
func TooEarly(p *Plan) bool { return p.Current.Assessed*2 < p.Current.Total }

// assessmentLate is how many days ago p joined, when that is past the
// first 90 days (the onboarding window) and most skills still have no
// level; 0 otherwise.
func assessmentLate(p *Plan) int {
	start, err := time.Parse(time.DateOnly, p.Person.Joined)
	if err != nil || !TooEarly(p) {
		return 0
	}
	today, err := time.Parse(time.DateOnly, p.Today.Date)
	if err != nil || !start.Before(today.AddDate(0, 0, -planDays)) {
		return 0
	}
	return int(today.Sub(start).Hours() / 24)
}

// heldVerdict holds a verdict that would say "ready" on levels a
// re-baseline set and nobody calibrated: a new rater is not evidence. It
// says so plainly, and what will make the case instead.
func heldVerdict(p *Plan, when string) (Verdict, bool) {
	b := p.Baseline
	if b == nil || b.Calibrated || b.Kind == "first" || p.Calibration == "" {
		return Verdict{}, false
	}
	rater := b.Author
	if b.Pending || rater == "" {
		rater = p.Person.ManagerName
	}
	if rater == "" {
		rater = "your manager"
	}
	// Said in the reader's terms: what happens next and by when, not how
	// many levels moved (the manager's own plan and the calibration packet
	// say that). The assessment named is the baseline's, the one the
	// calibration is of, whatever assessments came after it: the strengths
	// and the commitment name the same one (cold read 17).
	what := fmt.Sprintf("%s assessment of %s", possessive(rater), b.Date)
	if b.Kind == "new-manager" || b.Pending && rater == p.Person.ManagerName {
		// The first assessment by the manager, who may have been the
		// manager for a while (another rater set the levels before): not
		// "when they became your manager".
		what = fmt.Sprintf("%s first assessment as your manager, on %s,", possessive(rater), b.Date)
	}
	// A manager's first assessment is their baseline, rightly: it is
	// calibrated with the leader above them before a verdict stands on it,
	// by a date the manager commits to (see commitments).
	with := cmp.Or(p.calibrateWith, "the other managers")
	by := ""
	if d := p.CalibrateBy(); d != "" {
		by = " by " + d
	}
	why := fmt.Sprintf("Your levels from %s are being calibrated with %s%s; the verdict follows", what, with, by)
	if due := p.CalibrationOverdue(); due != "" {
		// Overdue: said plainly, not as if it were still ahead.
		why = fmt.Sprintf("Your levels from %s wait for a calibration with %s, due by %s and not done yet: it is set now for %s, and the verdict follows it", what, with, due, p.CalibrateBy())
	}
	if len(p.Readiness.Below) > 0 {
		why += fmt.Sprintf(". Even on those levels, %s %s short of the %s bar", andList(short(gapNames(p.Readiness.Below))), isAre(len(p.Readiness.Below)), p.Target.Name)
	}
	why += ". " + upperFirst(promotionCase(p))
	return Verdict{Kind: "held", Text: "held until calibration", Why: strings.TrimSuffix(why, ".")}, true
}

// calibrationCommitment is the manager's commitment to calibrate the
// baseline, named as the verdict and the strengths name it: whose
// assessment, which one and of when, never the plan's later assessment
// (a calibration cannot be late before the assessment it calibrates).
// Late, it says so, whose it is, and the new date.
func calibrationCommitment(pl *Plan) string {
	b := pl.Baseline
	rater := b.Author
	if b.Pending || rater == "" {
		rater = pl.Person.ManagerName
	}
	what := "the assessment of you"
	switch {
	case rater == "":
	case b.Kind == "new-manager" || b.Pending && rater == pl.Person.ManagerName:
		what = possessive(rater) + " first assessment of you"
	default:
		what = possessive(rater) + " assessment of you"
	}
	when := func(d string) string { return longDate(day0(d), pl.Today.day) }
	with := cmp.Or(pl.calibrateWith, "the other managers")
	if due := pl.CalibrationOverdue(); due != "" {
		return fmt.Sprintf("Calibration of %s, of %s, due by %s and not done yet, which is on your manager: now set for %s, with %s, and what it settles told to you at the next 1:1 after it.",
			what, when(b.Date), when(due), when(pl.CalibrateBy()), with)
	}
	return fmt.Sprintf("Calibration of %s, of %s, with %s by %s, and what it settles told to you at the next 1:1 after it.",
		what, when(b.Date), with, when(pl.CalibrateBy()))
}

// promotionCase says what will make the case for the target role: the
// person's own goal on a focus skill, due soonest and not overdue, done and
// seen by others; else evidence others can see on the focus skills.
func promotionCase(p *Plan) string {
	for _, g := range p.Goals {
		if g.Overdue {
			continue
		}
		if slices.ContainsFunc(g.Skills, func(s SkillRef) bool {
			return slices.ContainsFunc(p.Focus, func(f Focus) bool { return f.ID == s.ID })
		}) {
			return fmt.Sprintf(caseOpeners[caseOpener(g.Text)], p.Target.Name, caseEvidence(g))
		}
	}
	return fmt.Sprintf("whatever the calibration settles, what will make the case for %s is work others can see on the focus skills below, written down as it happens", p.Target.Name)
}

// CalibrateBy is the date by which a baseline nobody has calibrated is
// calibrated, a commitment of the manager's: a month after the baseline
// was set, or, when that date is past, two weeks after the plan's today
// (see [Plan.CalibrationOverdue]); "" when the plan has no today.
func (p *Plan) CalibrateBy() string {
	if p.Today.day.IsZero() {
		return ""
	}
	var b Baseline
	if p.Baseline != nil {
		b = *p.Baseline
	}
	_, by, _ := calibrationDates(b, p.Today.day)
	return date(by)
}

// CalibrationOverdue is the date the calibration of the plan's baseline was
// due on, a month after it was set, when that date is before the plan's
// today: the plan says plainly it has not happened; "" otherwise.
func (p *Plan) CalibrationOverdue() string {
	if p.Today.day.IsZero() || p.Baseline == nil {
		return ""
	}
	if due, _, overdue := calibrationDates(*p.Baseline, p.Today.day); overdue {
		return date(due)
	}
	return ""
}

// realistic is a realistic time to the target: the largest step left on
// one skill sets it, as a bar rises a level in six to twelve months of
// deliberate work.
func realistic(p *Plan) string {
	lo, hi := realisticMonths(realisticStep(p))
	return fmt.Sprintf("%d-%d months", lo, hi)
}

// realisticStep is the number of level steps realistic weighs: the widest
// gap to the target, one more while below the current role, and at least 2
// or 3 for a wide gap in all.
func realisticStep(p *Plan) int {
	step := 0
	for _, g := range p.Readiness.Below {
		step = max(step, g.Expect-g.Level)
	}
	if len(p.Current.Below) > 0 {
		step++
	}
	switch {
	case p.Readiness.Gap > 12:
		step = max(step, 3)
	case p.Readiness.Gap > 6:
		step = max(step, 2)
	}
	return step
}

// realisticMonths is the span, in months, that closing gaps of step levels
// on the widest skill takes at steady progress.
func realisticMonths(step int) (lo, hi int) {
	switch {
	case step <= 1:
		return 6, 12
	case step == 2:
		return 12, 18
	}
	return 18, 24
}

func gapNames(gaps []SkillGap) []string {
	var out []string
	for _, g := range gaps {
		out = append(out, g.Name)
	}
	return out
}

// focusFirst is gaps with the plan's focus skills first, in the focus
// order, then the rest in their own (matrix) order: a verdict that names
// the gaps names first the ones the plan works on.
func focusFirst(p *Plan, gaps []SkillGap) []SkillGap {
	at := func(g SkillGap) int {
		if i := slices.IndexFunc(p.Focus, func(f Focus) bool { return f.ID == g.ID }); i >= 0 {
			return i
		}
		return len(p.Focus)
	}
	out := slices.Clone(gaps)
	slices.SortStableFunc(out, func(a, b SkillGap) int { return at(a) - at(b) })
	return out
}

// short keeps a list of names readable: three, then how many more.
func short(names []string) []string {
	if len(names) <= 3 {
		return names
	}
	return append(names[:3:3], number(len(names)-3)+" more")
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func article(role string) string {
	if role != "" && strings.ContainsRune("AEIOU", rune(role[0])) {
		return "an " + role
	}
	return "a " + role
}

func firstWord(name string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(name), " ")
	return first
}

// number writes a small count in words.
func number(n int) string {
	names := []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	if n >= 0 && n < len(names) {
		return names[n]
	}
	return fmt.Sprint(n)
}

func itThem(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// mustChange is what must have moved by the next review for someone below
// their current role's bar (a re-entry skill aside): one line for each
// focus skill below that bar, in the focus's order, so that the list and
// the focus are one set (cold read 17: a goal on a skill outside the focus
// is not what the review looks at first). Each line is from the person's
// own file: the goal the focus serves, each goal said once, and the setback
// the evidence records, turned round; else what the focus's first step
// says will show it. Evidence written about the person in the third person
// is pointed to by its date, never quoted in a plan that speaks to them.
func mustChange(pl *Plan) []string {
	var out []string
	used := map[string]bool{}
	first := firstWord(pl.Person.Name)
	for _, f := range pl.Focus {
		if !f.BelowRole || pl.Returned != "" && slices.Contains(pl.Reentry, f.ID) {
			continue
		}
		var parts []string
		for _, goal := range pl.Goals {
			if used[goal.Text] || !slices.Contains(f.Goals, goal.Text) {
				continue
			}
			used[goal.Text] = true
			switch {
			case goal.Overdue:
				parts = append(parts, fmt.Sprintf("\"%s\" done, not only given a new date: it was due on %s", goal.Text, goal.Due))
			case goal.Due != "" && pl.NextReview != "" && goal.Due > pl.NextReview:
				parts = append(parts, fmt.Sprintf("\"%s\" visibly on its way, with a first result to show (it is due %s)", goal.Text, goal.Due))
			case goal.Due != "":
				parts = append(parts, fmt.Sprintf("\"%s\" done by %s", goal.Text, goal.Due))
			default:
				parts = append(parts, fmt.Sprintf("\"%s\" done", goal.Text))
			}
			break
		}
		var latest *skills.Evidence
		for k, e := range pl.evidence {
			if e.Skill == f.ID && Setback(e.Text) && (latest == nil || !e.Date.Before(latest.Date)) {
				latest = &pl.evidence[k]
			}
		}
		if latest != nil {
			if measured(latest.Text) {
				parts = append(parts, fmt.Sprintf("the measure the note of %s gives (\"%s\") moving back at its next reading", date(latest.Date), SetbackClause(latest.Text)))
			} else if ThirdPerson(latest.Text, first) {
				parts = append(parts, fmt.Sprintf("the habit the note of %s describes turned round, as the people it affects tell it", date(latest.Date)))
			} else {
				parts = append(parts, fmt.Sprintf("what the note of %s says (\"%s\") turned round, as the people it affects tell it", date(latest.Date), latest.Text))
			}
		}
		// What the lowered level rests on is the manager's to write down:
		// a commitment of theirs (see commitments), not the person's to move.
		// A goal an earlier line already names leads the focus's actions
		// too: what must move is then the first action beside it.
		for _, a := range f.Actions {
			if len(parts) > 0 {
				break
			}
			if slices.ContainsFunc(f.Goals, func(g string) bool { return used[g] && strings.HasPrefix(a.Text, g) }) {
				continue
			}
			if ev := strings.TrimSuffix(cmp.Or(a.EvidenceInPlan, a.Evidence), "."); ev != "" {
				parts = append(parts, lowerFirst(ev))
			}
		}
		if i := slices.IndexFunc(pl.Current.Below, func(g SkillGap) bool { return g.ID == f.ID }); len(parts) == 0 && i >= 0 {
			g := pl.Current.Below[i]
			parts = append(parts, fmt.Sprintf("one piece of work others can point to that shows it at %s, the bar of the job", skills.LevelWords(g.Expect, g.ExpectName)))
		}
		if len(parts) > 0 {
			out = append(out, fmt.Sprintf("%s: %s.", f.Name, strings.Join(parts, "; and ")))
		}
	}
	return out
}

var thirdPersonWords = map[string]bool{"he": true, "him": true, "his": true, "she": true, "her": true, "hers": true, "himself": true, "herself": true}

// ThirdPerson is true when text speaks of the person in the third person:
// a he, she, his or her, or their first name. A plan addressed to "you"
// points to such a note by its date rather than quoting it.
// A pronoun after someone else's name ("Mentored Ivy through her first
// launch") is about them, not the person.
func ThirdPerson(text, first string) bool {
	other := false
	for i, w := range strings.FieldsFunc(text, notLetter) {
		switch {
		case first != "" && w == first:
			return true
		case thirdPersonWords[strings.ToLower(w)] && !other:
			return true
		case i > 0 && len(w) > 1 && unicode.IsUpper(rune(w[0])) && strings.ToLower(w[1:]) == w[1:]:
			other = true // a name, most likely someone else's
		}
	}
	return false
}

// concern is true when someone is seriously below their current role's bar
// (a re-entry skill aside, and not as a first-time manager): two skills or
// more, with a setback in the evidence or a level lowered among them.
func concern(pl *Plan) bool {
	if pl.FirstTimeManager {
		return false
	}
	below := pl.BelowRole()
	if len(below) < 2 {
		return false
	}
	for _, g := range below {
		if slices.ContainsFunc(pl.evidence, func(e skills.Evidence) bool { return e.Skill == g.ID && Setback(e.Text) }) ||
			slices.ContainsFunc(pl.Progress.Moves, func(mv Move) bool { return mv.ID == g.ID && mv.To < mv.From }) {
			return true
		}
	}
	return false
}

// withoutGaps is r with the skills of ids taken out of its gaps: counted
// as met, as a level to re-assess is not held against anyone.
func withoutGaps(r Readiness, ids []string) Readiness {
	r.Below = slices.DeleteFunc(slices.Clone(r.Below), func(g SkillGap) bool {
		if slices.Contains(ids, g.ID) {
			r.Met++
			r.Gap -= g.Expect - g.Level
			return true
		}
		return false
	})
	return r
}

// caseOpeners open what will make the promotion case on a held verdict; one
// is chosen by the kind of work the goal is (caseOpener), so that plans
// read side by side do not open it the same way.
var caseOpeners = []string{
	"whatever the calibration settles, what will make the case for %s is %s",
	"the calibration settles the levels; the case for %s rests on %s",
	"however the levels settle, the case for %s is made by %s",
}

// caseOpener picks one of caseOpeners by the kind of work a goal is: the
// same goal always gets the same one.
func caseOpener(text string) int {
	switch goalKind(text) {
	case "conversation", "delivery", "hiring", "handing":
		return 0
	case "writing", "number", "forum", "meetings":
		return 1
	}
	return 2
}

// caseEvidence is a goal as the evidence of a case: done by its date, and
// what shows it for the kind of work it is (goalKind), with the people it
// names: "your goal "Lead the renewal-flow scope conversation with Customer
// Success" done by 2027-01-31, and how Customer Success saw it go".
func caseEvidence(g GoalItem) string {
	by := ""
	if g.Due != "" {
		by = " by " + g.Due
	}
	who := counterpart(g.Text)
	goal := fmt.Sprintf("your goal \"%s\"", g.Text)
	switch goalKind(g.Text) {
	case "number":
		return fmt.Sprintf("%s reaching its number%s", goal, by)
	case "conversation":
		if who != "" {
			return fmt.Sprintf("%s done%s, and how %s saw it go", goal, by, who)
		}
	case "writing":
		return fmt.Sprintf("%s done%s, and in use by the people it is written for", goal, by)
	case "presentation":
		if who != "" {
			return fmt.Sprintf("%s given%s, and what %s decided on the back of it", goal, by, who)
		}
	case "delivery":
		return fmt.Sprintf("%s shipped%s, and what it changed for the people who use it", goal, by)
	case "running", "forum":
		if who != "" {
			return fmt.Sprintf("%s done%s, and the word of %s on how you ran it", goal, by, who)
		}
		return fmt.Sprintf("%s done%s, and what the people in it say of how you ran it", goal, by)
	}
	return fmt.Sprintf("%s done%s, and seen by the people it serves", goal, by)
}

// CalibrateWith is who calibrates the plan's baseline with the manager,
// the manager's manager; "" when the file names nobody.
func (p *Plan) CalibrateWith() string { return p.calibrateWith }
