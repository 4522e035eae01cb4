package plans

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/coach-dev/coach/skills"
)

// What the person wants, in the plan and the agenda. The skill file's
// aspiration is the person's voice; the target is the manager's. Without a
// target, the wish sets it (skills.Person.TargetRole), and the plan says it
// is built for it. With a target, a wish that agrees is said so; one that
// differs is a conversation: a short paragraph that names both, what the
// wished-for role would ask, and one question to open it. The plan keeps
// the manager's target until the two agree otherwise.
//
// The wish also moves three things elsewhere: a skill the person wants to
// grow ranks first among skills with equal signals (rank.go); mentor
// matching serves first the needs a mentee wants to grow, and prefers a
// mentor who wants to teach the skill (mentors.go); and the monthly career
// conversation asks about both (agendatalk.go).

// Aspiration is the plan's section on what the person wants.
type Aspiration struct {
	// Text is the paragraph: the wish, and how the plan's target stands to it.
	Text string `json:"text"`
	// Path are the steps towards the wished-for role when the plan is built
	// for it, and the skills to grow and teach, one a line.
	Path []string `json:"path"`
	// Conflict is set when the wish differs from the target the manager
	// wrote; Question then opens the conversation.
	Conflict bool   `json:"conflict,omitempty"`
	Question string `json:"question,omitempty"`
}

// aspiration is the plan's section on p's aspiration; nil without one.
// It runs last in Build: it reads the readiness, the focus and the mentors.
func aspiration(m *skills.Matrix, p *skills.Person, pl *Plan) *Aspiration {
	a := p.Aspiration
	if a == nil {
		return nil
	}
	out := &Aspiration{}
	role := m.Role(p.Role)
	wantID := a.Wants(m, p.Role)
	want := m.Role(wantID)
	target := m.Role(pl.Target.ID)
	if role == nil || target == nil {
		return nil
	}
	by := ""
	if !a.By.IsZero() {
		by = " by " + date(a.By)
	}
	var text []string
	switch {
	case a.Track == skills.TrackManager && !role.Leads:
		text = append(text, "You want to lead people"+aimFor(a, want, by)+".")
	case a.Track == skills.TrackManager:
		text = append(text, "You want to keep leading people"+aimFor(a, want, by)+".")
	case a.Track == skills.TrackIC && role.Leads:
		text = append(text, "You would rather grow as an individual contributor than lead people"+aimFor(a, want, by)+".")
	case a.Track == skills.TrackIC:
		text = append(text, "You want to grow as an individual contributor"+aimFor(a, want, by)+".")
	case want != nil:
		text = append(text, fmt.Sprintf("You aim to be %s%s.", want.Name, by))
	}
	mgr := pl.ManagerCall
	agree := want == nil || want.ID == target.ID ||
		(a.Role == "" && p.Target != "" && skills.TrackOf(target) == a.Track)
	switch {
	case want == nil:
	case p.Target == "" && want.ID == role.ID:
		text = append(text, fmt.Sprintf("This plan measures you against the %s bar, the role you hold.", role.Name))
	case p.Target == "":
		text = append(text, fmt.Sprintf("This plan is built for it: its target is %s.", target.Name))
	case agree && want.ID == target.ID:
		text = append(text, fmt.Sprintf("It is the target %s set too, and this plan is built for it.", mgr))
	case agree:
		text = append(text, fmt.Sprintf("%s, the target %s set, is on that path, and this plan is built for it.", target.Name, mgr))
	default:
		out.Conflict = true
		leads := "which does not lead people"
		if target.Leads {
			leads = "which leads people"
		}
		if target.Leads == want.Leads {
			leads = "a different role"
		}
		text = append(text, fmt.Sprintf("The target %s set is %s, %s. The plan stays written for it until you two agree otherwise: the difference is a conversation to have, not a mistake to correct.", mgr, target.Name, leads))
		rd := readiness(m, p, want)
		switch {
		case rd.Assessed == 0:
		case len(rd.Below) == 0:
			text = append(text, fmt.Sprintf("You meet the %s bar on every assessed skill already.", want.Name))
		case len(rd.Below) <= 3:
			text = append(text, fmt.Sprintf("You meet the %s bar on %d of %d skills; short of it: %s.", want.Name, rd.Met, rd.Total, gapList(rd.Below)))
		default:
			text = append(text, fmt.Sprintf("You meet the %s bar on %d of %d skills; short of it: %s, and %s more.", want.Name, rd.Met, rd.Total, gapList(rd.Below[:3]), number(len(rd.Below)-3)))
		}
		out.Question = conflictQuestion(a, target, want)
	}
	out.Text = strings.Join(text, " ")
	if want != nil && !out.Conflict && want.ID != role.ID {
		out.Path = append(out.Path, pathSteps(m, p, pl, role, target)...)
	}
	if line := growLine(m, p, pl, target); line != "" {
		out.Path = append(out.Path, line)
	}
	if line := teachLine(m, p, pl, role); line != "" {
		out.Path = append(out.Path, line)
	}
	if out.Text == "" && len(out.Path) == 0 {
		return nil
	}
	return out
}

// aimFor is the role in a wish that names a track: ", as Director of
// Product by 2027-06-30", or only the date.
func aimFor(a *skills.Aspiration, want *skills.Role, by string) string {
	if a.Role != "" && want != nil {
		return ", as " + want.Name + by
	}
	if by != "" {
		return "," + by
	}
	return ""
}

// conflictQuestion opens the conversation about a wish that differs from
// the target.
func conflictQuestion(a *skills.Aspiration, target, want *skills.Role) string {
	switch {
	case a.Track == skills.TrackIC && target.Leads:
		return "What draws you away from leading people, and what would you want to keep from it?"
	case a.Track == skills.TrackManager && !target.Leads:
		return "What draws you to leading people, and what have you done so far that tells you it suits you?"
	}
	return fmt.Sprintf("What draws you to %s rather than %s, and what would we need to see to settle it?", want.Name, target.Name)
}

// pathSteps are the steps towards a wished-for target: the gaps and where
// the plan starts on them, the time the date leaves, and the change of
// track, when there is one.
func pathSteps(m *skills.Matrix, p *skills.Person, pl *Plan, role, target *skills.Role) []string {
	var out []string
	rd := pl.Counted()
	var focus []string
	for _, f := range pl.Focus {
		focus = append(focus, f.Name)
	}
	switch {
	case !pl.Judged():
	case len(rd.Below) == 0:
		out = append(out, fmt.Sprintf("The skills: you meet the %s bar on every assessed skill already; what remains is the work that shows it, where others see it.", target.Name))
	default:
		line := fmt.Sprintf("The skills: %s to close to the %s bar, across %s", words(rd.Gap, "level"), target.Name, words(len(rd.Below), "skill"))
		if rd.Gap == len(rd.Below) {
			line = fmt.Sprintf("The skills: one level to close in each of %s to reach the %s bar", words(len(rd.Below), "skill"), target.Name)
			if len(rd.Below) == 1 {
				line = fmt.Sprintf("The skills: one level to close in %s to reach the %s bar", rd.Below[0].Name, target.Name)
			}
		}
		if len(focus) > 0 {
			line += "; this plan starts with " + andList(focus)
			if len(focus) < len(rd.Below) {
				line += ", and each review after it takes the next"
			}
		}
		out = append(out, line+".")
	}
	if a := p.Aspiration; !a.By.IsZero() && !p.Assessed.IsZero() && a.By.After(p.Assessed) {
		months := monthsBetween(p.Assessed, a.By)
		reviews := 0
		if pl.ReviewMonths > 0 {
			reviews = months / pl.ReviewMonths
		}
		switch {
		case reviews == 0:
			out = append(out, fmt.Sprintf("The time: %s is %s after the assessment of %s, before the next review; too soon for one plan to show the move, so the date is worth talking through.", date(a.By), words(months, "month"), date(p.Assessed)))
		default:
			line := fmt.Sprintf("The time: %s is %s after the assessment of %s, %s of this plan away", date(a.By), words(months, "month"), date(p.Assessed), words(reviews, "review"))
			if pl.Judged() && rd.Gap > 0 {
				// Said against what the gap takes at steady progress, so
				// that the date is one both can believe in, or is moved.
				lo, hi := realisticMonths(realisticStep(pl))
				pl.pace = &datePace{by: a.By, months: months, lo: lo, hi: hi, gap: rd.Gap}
				gap := pl.pace.gapWords()
				switch {
				case pl.pace.ambitious():
					line += fmt.Sprintf(". With %s, realistically %d-%d months at steady progress, the date is ambitious: talk it through with %s, to keep it with more support than this plan gives or to move it", gap, lo, hi, pl.ManagerCall)
				case months <= hi:
					line += fmt.Sprintf(": realistic for %s, which takes %d-%d months at steady progress", gap, lo, hi)
				default:
					line += fmt.Sprintf(": more than the %d-%d months that closing %s takes at steady progress, so there is room in it", lo, hi, words(rd.Gap, "level"))
				}
			}
			out = append(out, line+".")
		}
	}
	switch {
	case target.Leads && !role.Leads:
		line := "The people side: leading people can be practised before the title, "
		switch {
		case len(pl.Mentoring) > 0 && !slices.ContainsFunc(pl.Mentoring, func(l MentorLink) bool { return !wantsToTeach(p, l.Skill.ID) }):
			line += "and you will as a mentor (below): ask the people you mentor how it is going for them, as a manager asks their reports."
		case len(pl.Mentoring) > 0:
			line += fmt.Sprintf("and you will: %s. Ask them how it is going for them, as a manager asks their reports.", mentoringAsked(pl.Mentoring))
		case mentoringGoal(m, p) != "":
			line += fmt.Sprintf("and your goal \"%s\" is that practice: ask the person it serves how it is going for them, as a manager asks their reports.", mentoringGoal(m, p))
		default:
			line += fmt.Sprintf("by mentoring a teammate or onboarding a new hire: ask %s for the first chance.", pl.ManagerCall)
		}
		out = append(out, line)
	case role.Leads && !target.Leads:
		out = append(out, fmt.Sprintf("The people side: handing over your people well is part of the move; agree with %s who takes each of them on, and when, before anything is announced.", pl.ManagerCall))
	}
	return out
}

// datePace is the time a dated aspiration leaves, in months from the
// assessment, against the lo-hi months that closing gap levels takes at
// steady progress.
type datePace struct {
	by                  time.Time
	months, lo, hi, gap int
}

// ambitious reports whether the date comes before the gap can close at
// steady progress: the plan asks for a talk about it, and the agenda's
// career conversation holds it.
func (d *datePace) ambitious() bool { return d != nil && d.months < d.lo }

func (d *datePace) gapWords() string { return words(d.gap, "level") + " to close" }

// paceTalk is, for an ambitious date, what the career conversation says
// of it and the question it asks, in the manager's voice, from the same
// figures as the plan's path; "" when the date is not ambitious.
func paceTalk(pl *Plan, day time.Time) (point, question string) {
	d := pl.pace
	if !d.ambitious() || !d.by.After(day) {
		return "", ""
	}
	when := longDate(d.by, day)
	away := "less than a month away"
	// Rounded to the nearest month, as people say it: 1 December to 30
	// September is ten months away, not nine (cold read 11, finding 10).
	if n := monthsBetween(day, d.by.AddDate(0, 0, 15)); n >= 1 {
		away = words(n, "month") + " away"
	}
	point = fmt.Sprintf("Your date for %s, %s, is %s. With %s, that realistically takes %d-%d months at steady progress, so the date is ambitious.",
		pl.Target.Name, when, away, d.gapWords(), d.lo, d.hi)
	question = fmt.Sprintf("Do we keep %s, with more support than your plan gives (and which support from me), or move it to a date we both believe in?", when)
	return point, question
}

// mentoringGoal is the text of p's first open goal that exercises the
// matrix's coaching or mentoring skill, "" when none does.
func mentoringGoal(m *skills.Matrix, p *skills.Person) string {
	for _, g := range p.Goals {
		for _, id := range g.Skills {
			if s := m.Skill(id); s != nil && strings.Contains(strings.ToLower(s.ID+" "+s.Name), "mentor") {
				return g.Text
			}
		}
	}
	return ""
}

// mentoringAsked is links said as asked of the mentor, each mentee's
// introduction still to come (see askedToMentor).
func mentoringAsked(links []MentorLink) string {
	var by []string
	for _, l := range links {
		by = append(by, l.IntroducedBy)
	}
	return askedToMentor([]string{mentoringList(links)}, "", by)
}

// mentoringList names the people the plan's person mentors, and in what.
func mentoringList(links []MentorLink) string {
	var parts []string
	in := map[string][]string{} // a mentee's skills, said once with their name
	var order []string
	for _, l := range links {
		if in[l.Person.Name] == nil {
			order = append(order, l.Person.Name)
		}
		in[l.Person.Name] = append(in[l.Person.Name], lowerFirst(l.Skill.Name))
	}
	for _, who := range order {
		parts = append(parts, fmt.Sprintf("%s in %s", who, strings.Join(in[who], ", and in ")))
	}
	return andList(parts)
}

// growLine says where each skill the person wants to grow stands in the plan.
func growLine(m *skills.Matrix, p *skills.Person, pl *Plan, target *skills.Role) string {
	var parts []string
	for _, id := range p.Aspiration.Grow {
		s := m.Skill(id)
		if s == nil {
			continue
		}
		lvl, exp := p.Levels[id], s.Expect[target.ID]
		var where string
		switch {
		case slices.ContainsFunc(pl.Focus, func(f Focus) bool { return f.ID == id }):
			where = "a focus of this plan"
			if i := slices.IndexFunc(pl.Mentors, func(l MentorLink) bool { return l.Skill.ID == id }); i >= 0 {
				where += ", with " + pl.Mentors[i].Person.Name + " as mentor"
			}
		case lvl == 0:
			where = "not assessed yet: assess it first"
		case lvl >= exp:
			where = fmt.Sprintf("at %d, already at the %s bar: growing past it is yours to choose", lvl, target.Name)
		default:
			where = fmt.Sprintf("at %d where %s asks for %d, next after the focus skills", lvl, target.Name, exp)
		}
		parts = append(parts, s.Name+" ("+where+")")
	}
	if len(parts) == 0 {
		return ""
	}
	return "What you want to grow: " + strings.Join(parts, "; ") + "."
}

// teachLine says where each skill the person would gladly teach stands:
// whom they mentor in it, or why nobody yet.
func teachLine(m *skills.Matrix, p *skills.Person, pl *Plan, role *skills.Role) string {
	var parts, names, wheres []string
	for _, id := range p.Aspiration.Teach {
		s := m.Skill(id)
		if s == nil {
			continue
		}
		var mentees, by []string
		for _, l := range pl.Mentoring {
			if l.Skill.ID == id {
				mentees, by = append(mentees, l.Person.Name), append(by, l.IntroducedBy)
			}
		}
		lvl, exp := p.Levels[id], s.Expect[role.ID]
		var where string
		switch {
		case len(mentees) > 0:
			where = askedToMentor(mentees, "in it", by)
		case lvl == 0:
			where = "not assessed yet, so nobody is paired with you in it"
		case lvl < exp:
			where = fmt.Sprintf("at %d, below the %d the %s job asks for: reach it first, then teach it", lvl, exp, role.Name)
		default:
			where = "nobody is paired with you in it this time"
		}
		parts = append(parts, s.Name+" ("+where+")")
		names, wheres = append(names, s.Name), append(wheres, where)
	}
	if len(parts) == 0 {
		return ""
	}
	if len(names) > 1 && !slices.ContainsFunc(wheres, func(w string) bool { return w != wheres[0] }) {
		// One word for them all: said once.
		parts = []string{andList(names) + " (" + strings.ReplaceAll(wheres[0], " in it", " in them") + ")"}
	}
	return "What you would gladly teach: " + strings.Join(parts, "; ") + "."
}

// monthsBetween counts the whole months from a to b.
func monthsBetween(a, b time.Time) int {
	n := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	if b.Day() < a.Day() {
		n--
	}
	return max(n, 0)
}

// wantsToGrow reports whether p wants to grow skill id.
func wantsToGrow(p *skills.Person, id string) bool {
	return p.Aspiration != nil && slices.Contains(p.Aspiration.Grow, id)
}

// wantsToTeach reports whether p would gladly teach skill id.
func wantsToTeach(p *skills.Person, id string) bool {
	return p.Aspiration != nil && slices.Contains(p.Aspiration.Teach, id)
}

// careerAsk is the career conversation's point and question on what the
// person wants: "" and "" without an aspiration. The question turns month
// by month between the direction, the skills to grow and those to teach.
func careerAsk(m *skills.Matrix, p *skills.Person, pl *Plan, month int) (point, question string) {
	a := p.Aspiration
	if a == nil {
		return "", ""
	}
	if pl.Aspiration != nil && pl.Aspiration.Conflict {
		point = fmt.Sprintf("What you want and the plan's target, %s, still differ: let us give that ten minutes today.", pl.Target.Name)
	}
	names := func(ids []string) string {
		var out []string
		for _, id := range ids {
			out = append(out, lowerFirst(skillRef(m, id).Name))
		}
		// "customer insight, and product discovery and UX": a name with an
		// "and" of its own is set apart by a comma.
		if len(out) > 1 && slices.ContainsFunc(out, func(n string) bool { return strings.Contains(n, " and ") }) {
			return strings.Join(out[:len(out)-1], ", ") + ", and " + out[len(out)-1]
		}
		return andList(out)
	}
	var qs []string
	switch want := m.Role(a.Wants(m, p.Role)); {
	case pl.Aspiration != nil && pl.Aspiration.Conflict:
		return point, pl.Aspiration.Question // every month, until it is settled
	case want != nil && a.Track == skills.TrackIC && isLeader(m, p.Role):
		// A move off leading people is asked about every month until it
		// is made: it changes more than the person's own work.
		return point, fmt.Sprintf("You asked to move to the individual-contributor track, as %s: is it still what you want, and what would make it a good move for you and for your people?", want.Name)
	case want != nil:
		qs = append(qs, fmt.Sprintf("Is %s still what you want, and what has this month told you about it?", want.Name))
	}
	if len(a.Grow) > 0 {
		qs = append(qs, fmt.Sprintf("You want to grow %s: where did you get to practise it this month, and where could you next?", names(a.Grow)))
	}
	if len(a.Teach) > 0 {
		qs = append(qs, fmt.Sprintf("You would gladly teach %s: who could you help with it, and how much time can you give?", names(a.Teach)))
	}
	if len(qs) == 0 {
		return point, ""
	}
	return point, qs[month%len(qs)]
}
