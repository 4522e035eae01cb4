package plans

import (
	"fmt"
	"slices"
	"strings"

	"github.com/coach-dev/coach/skills"
)

// The move of the month, in the career conversation (cold read 9, finding
// 3): of the transition's shifts of mindset, the one the person's own file
// shows least, said with what shows it, so that two people on one step are
// told the same move only when their files say the same of it. The shifts
// the file shows equally little of take turns by month.

// move is one shift of the transition, with how much the person's file
// shows of it: the surplus over the target's bar of the skill it concerns
// (its counted level less the bar, below zero when short), then the work
// written down on that skill; less is less shown.
type move struct {
	shift   string
	surplus int
	shown   int
	because string
}

// movesOf are the plan's shifts with what the file shows of each, in the
// transition's order; a shift that names none of the transition's skills
// (or, when it lists none, of the matrix's) counts as shown in full.
func movesOf(m *skills.Matrix, pl *Plan) []move {
	t := m.Transition(pl.Role.ID, pl.Target.ID)
	if t == nil || len(pl.Shifts) == 0 {
		return nil
	}
	var out []move
	for _, sh := range pl.Shifts {
		mv := move{shift: sh, surplus: m.MaxLevel(), shown: len(pl.evidence) + 1}
		for _, row := range pl.Skills {
			if len(t.Skills) > 0 && !slices.Contains(t.Skills, row.ID) || !namesSkill(sh, row.Name) {
				continue
			}
			lvl := row.Level
			if row.CountedAs > 0 {
				lvl = row.CountedAs
			}
			surplus := lvl - row.ExpectTarget
			var latest *skills.Evidence
			shown := 0
			for i, e := range pl.evidence {
				if e.Skill == row.ID && !Setback(e.Text) && (pl.Today.day.IsZero() || !e.Date.After(pl.Today.day)) {
					shown++
					if latest == nil || !e.Date.Before(latest.Date) {
						latest = &pl.evidence[i]
					}
				}
			}
			if lvl == 0 {
				surplus = -m.MaxLevel() // no level: nothing shown yet
			}
			if surplus > mv.surplus || surplus == mv.surplus && shown >= mv.shown {
				continue
			}
			mv.surplus, mv.shown = surplus, shown
			name := lowerFirst(row.Name)
			switch {
			case latest == nil && lvl > 0 && surplus >= 0 && len(pl.buddyTo) > 0 && coachingSkill(m.Skill(row.ID)):
				// Being a new hire's buddy is this work, though no entry
				// says so yet (cold read 15, finding 4).
				bar := ""
				if surplus == 0 {
					bar = fmt.Sprintf(", the %s bar", pl.Target.Name)
				}
				mv.because = fmt.Sprintf("Of this shift, the least shown so far: %s at %s%s. %s", name, skills.LevelWords(lvl, levelName(m, lvl)), bar, buddyWork(pl.buddyTo))
			case lvl == 0:
				mv.because = fmt.Sprintf("%s has no level yet.", upperFirst(name))
			case surplus < 0:
				mv.because = fmt.Sprintf("Of this shift, the least shown so far: %s at %s, where %s asks for %d.", name, skills.LevelWords(lvl, levelName(m, lvl)), pl.Target.Name, row.ExpectTarget)
			case surplus == 0 && latest == nil:
				mv.because = fmt.Sprintf("Of this shift, the least shown so far: %s at %s, the %s bar, with no piece of work on it written down.", name, skills.LevelWords(lvl, levelName(m, lvl)), pl.Target.Name)
			case latest == nil:
				mv.because = fmt.Sprintf("Of this shift, the least shown so far: %s at %s, with no piece of work on it written down.", name, skills.LevelWords(lvl, levelName(m, lvl)))
			default:
				work := "one piece of work"
				if shown > 1 {
					work = number(shown) + " pieces of work"
				}
				mv.because = fmt.Sprintf("Of this shift, the least shown so far: %s at %s, with %s on it written down, the latest on %s.", name, skills.LevelWords(lvl, levelName(m, lvl)), work, date(latest.Date))
			}
		}
		out = append(out, mv)
	}
	return out
}

// namesSkill reports whether a shift's words name a skill: they share a
// word of four letters or more (by its first five), other than "product"
// and "team" ("mentoring" and "Coaching and mentoring").
func namesSkill(shift, skill string) bool {
	stem := func(w string) string {
		w = strings.ToLower(w)
		if len(w) > 5 {
			w = w[:5]
		}
		return w
	}
	for _, w := range strings.FieldsFunc(skill, notLetter) {
		if len(w) < 4 || strings.EqualFold(w, "product") || strings.EqualFold(w, "team") {
			continue
		}
		for _, v := range strings.FieldsFunc(shift, notLetter) {
			if len(v) >= 4 && stem(v) == stem(w) {
				return true
			}
		}
	}
	return false
}

// MoveOfMonth is the move for the career conversation of month (0 for
// January): the shift the person's file shows least, with what shows it;
// among shifts shown equally little, month takes turns. "" when the plan
// has no transition.
func (pl *Plan) MoveOfMonth(month int) string {
	var least []move
	for _, mv := range pl.moves {
		switch {
		case len(least) == 0 || mv.surplus < least[0].surplus || mv.surplus == least[0].surplus && mv.shown < least[0].shown:
			least = []move{mv}
		case mv.surplus == least[0].surplus && mv.shown == least[0].shown:
			least = append(least, mv)
		}
	}
	if len(least) == 0 {
		return ""
	}
	mv := least[month%len(least)]
	if mv.because == "" {
		return mv.shift
	}
	return mv.shift + " " + mv.because
}

// coachingSkill reports whether a skill of the matrix is the work of
// growing other people one to one: a skill of the team-development pillar
// whose first persona is the coach and mentor, by the matrix's ids. A
// matrix with other ids has none, and nothing is said.
func coachingSkill(s *skills.Skill) bool {
	return s != nil && s.Pillar == "team-development" && len(s.Personas) > 0 && s.Personas[0] == "coach-mentor"
}

// buddyWork points someone who is onboarding buddy to new hires (their
// first names) at that work, for a coaching skill with nothing written on
// it.
func buddyWork(hires []string) string {
	if len(hires) == 1 {
		return fmt.Sprintf("Your weekly half-hours as %s onboarding buddy are coaching work: write down one thing that changed for %s.", possessive(hires[0]), hires[0])
	}
	return fmt.Sprintf("Your weekly half-hours as %s onboarding buddy are coaching work: write down one thing that changed for each of them.", possessive(andList(hires)))
}
