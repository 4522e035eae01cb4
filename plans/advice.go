package plans

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"

	"github.com/coach-dev/coach/skills"
)

// What a plan advises, once the focus skills are chosen (see rank.go): the
// actions, the coaching question, the resources to learn from, how to use a
// strength, and what the manager commits to. Advice is keyed to the level
// being reached and to whether the person leads people.

// question picks a coaching question written for the level being reached,
// or the nearest level, among those for the person's audience: the same one
// for the same person every time, and different people get different ones.
func question(personID string, s *skills.Skill, next int, leads bool) string {
	bank := nearQuestions(s, next, leads, 0)
	if len(bank) == 0 {
		return ""
	}
	h := fnv.New32a()
	h.Write([]byte(personID + "/" + s.ID))
	return bank[int(h.Sum32()%uint32(len(bank)))]
}

// questionBank is the skill's questions for someone reaching level next, the
// bank an agenda rotates through: those for their audience (people leaders or
// not) written for a level within one of next, or, when there are none, the
// ones closest to it. Matrix order.
func questionBank(s *skills.Skill, next int, leads bool) []string {
	return nearQuestions(s, next, leads, 1)
}

// nearQuestions lists the questions for the audience whose level is at most
// slack away from next, or, when there are none, those nearest to next.
func nearQuestions(s *skills.Skill, next int, leads bool, slack int) []string {
	best := -1
	for _, q := range s.Questions {
		if d := abs(q.Level - next); skills.Audience(q.Leads, leads) && (best < 0 || d < best) {
			best = d
		}
	}
	var out []string
	for _, q := range s.Questions {
		if skills.Audience(q.Leads, leads) && abs(q.Level-next) <= max(best, slack) {
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

// actions are two or three things to do for the next step: the matrix's
// actions for that step that suit the person (people leaders or not), practice
// through the person's own goals that name the skill, and the skill's first
// reading to study.
func actions(s *skills.Skill, p *skills.Person, lvl, next int, leads bool) []Action {
	var out []Action
	for _, a := range s.Actions {
		if a.To == next && next > lvl && skills.Audience(a.Leads, leads) && len(out) < 2 {
			out = append(out, Action{Text: a.Text, Evidence: a.Evidence})
		}
	}
	for _, g := range p.Goals {
		if slices.Contains(g.Skills, s.ID) {
			out = append(out, Action{
				Text:     fmt.Sprintf("Use the goal \"%s\" as the place to practise this skill, and name the step you are practising before each milestone.", g.Text),
				Evidence: fmt.Sprintf("An evidence entry for %s in your skill file, dated in this plan period, saying what you did differently.", s.Name),
			})
			break
		}
	}
	if i := slices.IndexFunc(s.Resources, func(r skills.Resource) bool { return r.Kind == "reading" }); i >= 0 && len(out) < 3 {
		r := s.Resources[i]
		by := ""
		if r.Author != "" {
			by = " by " + r.Author
		}
		out = append(out, Action{
			Text:     fmt.Sprintf("Read *%s*%s and pick one idea to try in your own work within two weeks.", r.Title, by),
			Evidence: "The idea, where you tried it and what happened, brought to a 1:1.",
		})
	}
	return out
}

func levelText(m *skills.Matrix, s *skills.Skill, lvl int) LevelText {
	lt := LevelText{Value: lvl, Name: levelName(m, lvl)}
	if lvl >= 1 && lvl <= len(s.Descriptors) {
		lt.Descriptor = s.Descriptors[lvl-1]
	}
	return lt
}

// resources lists the skill's ways to learn, mixed by kind: a practice at
// work first, then a person to learn from, then reading, and again, so that
// the first three are one of each whenever the matrix has them.
func resources(s *skills.Skill) []skills.Resource {
	if len(s.Resources) == 0 {
		return nil
	}
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

// strengthUse says how to put a strength to work: a skill at or above the
// target's bar (teach) is one to teach; one above the current role's bar
// only is one to lead with in the work.
func strengthUse(s *skills.Skill, teach, leads bool) string {
	switch {
	case teach && leads:
		return "teach it: make it part of how your team works, and coach the person on your team who needs it most"
	case teach:
		return "teach it: review a newer PM's work in it each month, or run a short session on how you do it"
	}
	switch s.Pillar {
	case "soft-skills":
		return "lead with it: volunteer for the cross-team conversations where it decides the outcome"
	case "team-development":
		return "lead with it: take on one team-development task your manager would otherwise do"
	case "technical-ux":
		return "lead with it: pair with engineering or design on the hardest question in your area"
	}
	return "lead with it: take the piece of work in your area that needs it most, and write down how you approached it"
}

// commitments are what the manager commits to for the plan: sponsorship
// suited to the verdict, a stretch assignment for the top focus skill, and
// introductions to the people the matrix suggests learning from.
func commitments(m *skills.Matrix, pl *Plan, first string, leads bool) []string {
	var out []string
	switch pl.Verdict.Kind {
	case "ready-now":
		out = append(out, fmt.Sprintf("Sponsorship: make the case for %s as %s at the next promotion calibration, with the evidence in the skill file.", first, pl.Target.Name))
	case "ready-soon":
		out = append(out, fmt.Sprintf("Sponsorship: give %s a slot at the next leadership review to present their work, and name the gaps to the %s bar openly.", first, pl.Target.Name))
	case "onboarding":
		out = append(out, fmt.Sprintf("Onboarding: a weekly 1:1 through day 90, the introductions under \"Who to meet\" made in the first two weeks, and no delivery deadline of %s's own before day 30.", first))
	case "not-yet":
		out = append(out, fmt.Sprintf("Protected time: two hours a week for the focus skills, and saying no on %s's behalf to work that crowds them out.", first))
	}
	if len(pl.Focus) > 0 {
		f := pl.Focus[0]
		if s := m.Skill(f.ID); s != nil {
			out = append(out, "Stretch assignment: "+stretch(s, f.Name, leads))
		}
	}
	n := 0
	for _, f := range pl.Focus {
		for _, r := range f.Resources {
			if r.Kind == "person" && n < 2 {
				out = append(out, introduction(f.Name, r.Title))
				n++
				break
			}
		}
	}
	return out
}

// introduction writes a person resource ("Your finance partner: ask how
// ...") as the manager's introduction to them, for the skill named.
func introduction(skill, title string) string {
	who, rest, ok := strings.Cut(strings.TrimRight(title, "."), ": ")
	if !ok {
		return fmt.Sprintf("Introduction to %s (for %s).", lowerFirst(who), skill)
	}
	return fmt.Sprintf("Introduction to %s (for %s). %s.", lowerFirst(who), skill, upperFirst(rest))
}

// stretch is an assignment that exercises skill s, by pillar and audience.
func stretch(s *skills.Skill, name string, leads bool) string {
	switch s.Pillar {
	case "soft-skills":
		return fmt.Sprintf("one cross-team decision a month that turns on %s, with a debrief together afterwards.", lowerFirst(name))
	case "team-development":
		if leads {
			return fmt.Sprintf("one team-development responsibility the manager holds today (a hiring loop, a calibration, a new PM's onboarding), handed over to practise %s, with the manager as reviewer.", lowerFirst(name))
		}
		return fmt.Sprintf("buddy a newer PM for a quarter, which asks for %s every week.", lowerFirst(name))
	case "technical-ux":
		return fmt.Sprintf("one piece of work that needs %s, paired with an engineering or design lead.", lowerFirst(name))
	}
	return fmt.Sprintf("one piece of %s work owned end to end (a strategy, a pricing review, a launch), with the manager as reviewer, not author.", lowerFirst(name))
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	first, _, _ := strings.Cut(s, " ")
	if len(first) > 1 && strings.ToUpper(first) == first {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
