package plans

import (
	"fmt"
	"slices"
	"strings"
	"time"
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

// VerdictOf judges p's readiness for its target role. Kind is "onboarding"
// for a new hire (the skill file's joined date within 90 days before the
// plan's today); "not-yet" when most skills have no level, when an assessed
// skill is below the current role's bar (or rated down on a return from
// leave: re-entry), or when the target's bar is far off (a gap of more than
// 6 levels in all); "ready-now" when no assessed skill is below the
// target's bar and at most 2 skills are unassessed; "ready-soon" otherwise.
// A readiness that rests on a baseline not yet calibrated, or on a manager
// whose ratings stand apart from the other managers', says so.
func VerdictOf(p *Plan) Verdict {
	first := firstWord(p.Person.Name)
	target := p.Target.Name
	if start, err := time.Parse(time.DateOnly, p.Person.Joined); err == nil {
		if today, err := time.Parse(time.DateOnly, p.Today.Date); err == nil &&
			!start.After(today) && !start.Before(today.AddDate(0, 0, -planDays)) {
			why := fmt.Sprintf("too early to judge, and rightly so: %s joined on %s and is still learning the product, its customers and the team", first, p.Person.Joined)
			if day90 := start.AddDate(0, 0, planDays); true {
				why += fmt.Sprintf("; the first full assessment is on %s", date(day90))
			}
			return Verdict{Kind: "onboarding", Text: "onboarding", Why: why}
		}
	}
	if p.Current.Assessed*2 < p.Current.Total {
		return Verdict{Kind: "not-yet", Text: "not yet: too early to judge",
			Why: fmt.Sprintf("too early to judge: most skills have no level yet, so nobody can say how far %s is from %s. Assess the rest over the next 1:1s, starting with the ones the goals use", first, target)}
	}
	var below, reentry []string
	for _, g := range p.Current.Below {
		if p.Returned != "" && slices.Contains(p.Reentry, g.ID) {
			reentry = append(reentry, g.Name)
		} else {
			below = append(below, g.Name)
		}
	}
	when := realistic(p)
	switch {
	case len(below) > 0 && p.FirstTimeManager:
		return Verdict{Kind: "not-yet", Text: "not yet: the new job first",
			Why: fmt.Sprintf("not yet, and not expected yet: %s is new to leading people, and %s %s below the %s bar, the gaps most first-time managers have. Closing them in the job is the whole of this plan; %s is a conversation for after that, realistically %s away",
				first, andList(short(below)), isAre(len(below)), p.Role.Name, target, when)}
	case len(below) > 0:
		return Verdict{Kind: "not-yet", Text: "not yet: the current role first",
			Why: fmt.Sprintf("not yet: the %s job comes first. %s %s below its bar today; %s is a conversation for after that, realistically %s away",
				p.Role.Name, upperFirst(andList(short(below))), isAre(len(below)), target, when)}
	case len(reentry) > 0:
		return Verdict{Kind: "not-yet", Text: "not yet: re-entry first",
			Why: fmt.Sprintf("re-entry first: %s came back from leave on %s, and %s %s rated below the %s bar while it comes back with use. Judge the move to %s once it has, not before: realistically %s",
				first, p.Returned, andList(short(reentry)), isAre(len(reentry)), p.Role.Name, target, when)}
	case p.Readiness.Gap > 6:
		where := "on " + andList(short(gapNames(p.Readiness.Below)))
		if len(p.Readiness.Below)*2 > p.Readiness.Assessed {
			where = "on most skills, as it is for anyone a role away"
		}
		return Verdict{Kind: "not-yet", Text: "not yet",
			Why: fmt.Sprintf("not yet, and no cause for worry: solid as %s, with the %s bar still ahead %s. With steady progress, realistically %s",
				article(p.Role.Name), target, where, when)}
	}
	var v Verdict
	if len(p.Readiness.Below) == 0 && p.Readiness.Total-p.Readiness.Assessed <= 2 {
		v = Verdict{Kind: "ready-now", Text: "ready now",
			Why: fmt.Sprintf("ready now: %s is at or above the %s bar on every assessed skill", first, target)}
		if p.AtBarSince != "" {
			v.Why += fmt.Sprintf(", and has been since %s", p.AtBarSince)
		}
	} else {
		v = Verdict{Kind: "ready-soon", Text: "ready in " + when,
			Why: fmt.Sprintf("close: %s is at the %s bar everywhere but %s; realistically %s", first, target, andList(short(gapNames(p.Readiness.Below))), when)}
		if len(p.Readiness.Below) == 0 {
			v.Why = fmt.Sprintf("close: %s is at the %s bar on every assessed skill, and the skills with no level yet decide it; realistically %s", first, target, when)
		}
	}
	if p.Calibration != "" {
		v.Text += ", once calibrated"
		v.Why += ", once " + p.Calibration
	}
	return v
}

// realistic is a realistic time to the target: the largest step left on
// one skill sets it, as a bar rises a level in six to twelve months of
// deliberate work.
func realistic(p *Plan) string {
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
	switch {
	case step <= 1:
		return "6-12 months"
	case step == 2:
		return "12-18 months"
	}
	return "18-24 months"
}

func gapNames(gaps []SkillGap) []string {
	var out []string
	for _, g := range gaps {
		out = append(out, g.Name)
	}
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
