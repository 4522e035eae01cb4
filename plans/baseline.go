package plans

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/coach-dev/coach/skills"
)

// An assessment is either growth or a baseline. A baseline sets levels
// rather than moving them: the person's first assessment, a commit that
// moves most of their levels at once (a new manager's first assessment of
// them, a re-levelling after a reorganisation), or the file's assessment as
// it stands when it does either of those against its last committed
// version. Progress counts from the latest baseline, never across it, and a
// verdict that rests on a baseline nobody has calibrated says so.

// Baseline is one assessment that set a person's levels.
type Baseline struct {
	// Date is the day it was committed; for the file as it stands (Pending),
	// the plan's today.
	Date string `json:"date"`
	// Commit is empty for the file as it stands.
	Commit string `json:"commit,omitempty"`
	Author string `json:"author,omitempty"`
	// Kind is "first" (the person's first levels), "new-manager" (a
	// re-baseline by the person's manager, their first change of these
	// levels) or "re-baseline".
	Kind string `json:"kind"`
	// Moved counts the levels set or moved at once, out of Assessed.
	Moved    int `json:"moved"`
	Assessed int `json:"assessed"`
	// Pending is true when the baseline is the file as it stands: the
	// assessment this plan is written from.
	Pending bool `json:"pending"`
	// Calibrated is true when its commit says it was calibrated.
	Calibrated bool `json:"calibrated"`
	// ByOne counts the levels it raised by exactly one: when it is Moved,
	// the baseline lifted every level it touched one step, a change of
	// rater rather than evidence of growth.
	ByOne int `json:"by_one"`
	// levels are the levels it set; prior the levels just before it.
	levels, prior map[string]int
}

// minRebaseline is the fewest levels a commit must move at once, besides
// most of them, to be a re-baseline rather than a good review.
const minRebaseline = 6

// Baselines lists the baselines of a person's history, oldest first: the
// commits of history (any order, as from the history package) that set the
// person's levels, and, when current is not nil, the file as it stands when
// it does the same against the history's last version. managerName is the
// name of the person's manager, to tell their first assessment of the
// person; "" when unknown. The agenda names a commit with it: a baseline is
// said as one, never as so many level changes.
func Baselines(history []skills.Change, current *skills.Person, managerName string) []Baseline {
	return baselines(oldestFirst(history), current, managerName)
}

// baselines is Baselines of a history sorted oldest first (oldestFirst):
// a plan sorts its person's history once for everything that replays it.
func baselines(sorted []*skills.Change, current *skills.Person, managerName string) []Baseline {
	levels := map[string]int{}
	authors := map[string]bool{} // who changed the levels before
	var out []Baseline
	for i := 0; i < len(sorted); {
		j := i
		for j < len(sorted) && sorted[j].Commit == sorted[i].Commit && sorted[j].Date.Equal(sorted[i].Date) {
			j++
		}
		group := sorted[i:j]
		before := len(levels)
		// The levels before the group are kept only when a baseline needs
		// them: a clone of them up front when the group removes the file,
		// else an undo of the levels it changed, applied to a clone of
		// what it left (cloning the levels at every commit of every
		// person cost a third of plan --all at 100,000 commits).
		var prior map[string]int
		if slices.ContainsFunc(group, func(c *skills.Change) bool { return c.Kind == skills.KindRemoved }) {
			prior = maps.Clone(levels)
		}
		type undo struct {
			id  string
			was int
			had bool
		}
		var undos []undo
		moved, up := 0, 0 // levels moved, and moved one step up from a level
		for _, c := range group {
			was, had := levels[c.Skill]
			if c.Kind == skills.KindLevel {
				undos = append(undos, undo{c.Skill, was, had})
			}
			var level bool
			if levels, level = replay(levels, *c); level {
				moved++
				if had && levels[c.Skill] == was+1 {
					up++
				}
			}
		}
		c := group[0]
		// A later commit whose subject records a calibration ("Ben:
		// levels calibrated with Priya") calibrates every baseline before
		// it, as a baseline's own subject does: how a manager records the
		// calibration their reports' plans wait for.
		if calibrated(c.Subject) {
			for k := range out {
				out[k].Calibrated = true
			}
		}
		if b, ok := classify(before, moved, len(levels), c.Author, managerName, authors); ok {
			if prior == nil {
				prior = maps.Clone(levels)
				for k := len(undos) - 1; k >= 0; k-- {
					if u := undos[k]; u.had {
						prior[u.id] = u.was
					} else {
						delete(prior, u.id)
					}
				}
			}
			b.Date, b.Commit, b.Author = c.Date.Format(time.DateOnly), c.Commit, c.Author
			b.Calibrated = calibrated(c.Subject)
			b.levels, b.prior = maps.Clone(levels), prior
			b.ByOne = up
			out = append(out, b)
		}
		if moved > 0 && c.Author != "" {
			authors[c.Author] = true
		}
		i = j
	}
	if current == nil {
		return out
	}
	moved := 0
	for id, lvl := range current.Levels {
		if levels[id] != lvl {
			moved++
		}
	}
	for id := range levels {
		if _, ok := current.Levels[id]; !ok {
			moved++
		}
	}
	if b, ok := classify(len(levels), moved, len(current.Levels), "", "", authors); ok {
		b.Date, b.Pending, b.levels, b.prior = TodayOf(current).Date, true, maps.Clone(current.Levels), maps.Clone(levels)
		b.ByOne = byOne(levels, current.Levels)
		out = append(out, b)
	}
	return out
}

// classify says whether a change that moved moved levels, from before
// assessed skills to after, is a baseline, and of which kind.
func classify(before, moved, after int, author, managerName string, authors map[string]bool) (Baseline, bool) {
	switch {
	case after == 0 || moved == 0:
		return Baseline{}, false
	case before == 0:
		return Baseline{Kind: "first", Moved: moved, Assessed: after}, true
	case moved*2 > after && moved >= minRebaseline:
		kind := "re-baseline"
		if author != "" && author == managerName && !authors[author] {
			kind = "new-manager"
		}
		return Baseline{Kind: kind, Moved: moved, Assessed: after}, true
	}
	return Baseline{}, false
}

// minBatch is the fewest levels one commit must raise at once for its
// raises to be a batch: a batch raise with no evidence behind it is a
// rating, not growth.
const minBatch = 3

// unbacked is a level raised without evidence in a batch: the day of the
// raise and the level it was raised from.
type unbacked struct {
	On   string
	From int
}

// unbackedRaises finds the levels of p raised without evidence: a commit
// (or the file as it stands, on the plan's today) that raises minBatch
// levels or more at once, none of them a baseline, where the file holds no
// evidence on a raised skill dated since that skill's level was last set.
// It is keyed by skill, for the raises that set the levels the file holds
// now: a later change of the skill's level, or evidence on it, clears one.
// Such a level is never progress, and no verdict rests on it.
func unbackedRaises(sorted []*skills.Change, p *skills.Person) map[string]unbacked {
	out := map[string]unbacked{}
	levels := map[string]int{}
	setOn := map[string]string{} // the day each skill's level was last set
	backed := func(id, since string) bool {
		return slices.ContainsFunc(p.Evidence, func(e skills.Evidence) bool { return e.Skill == id && date(e.Date) >= since })
	}
	// step applies one commit's levels (after) on day on.
	step := func(after map[string]int, on string) {
		var raised []string
		moved := 0
		for id, lvl := range after {
			if was, ok := levels[id]; ok && lvl > was {
				raised = append(raised, id)
			}
			if levels[id] != lvl {
				moved++
			}
		}
		for id := range levels {
			if _, ok := after[id]; !ok {
				moved++
			}
		}
		base := len(levels) == 0 || moved*2 > len(after) && moved >= minRebaseline
		for id, lvl := range after {
			if levels[id] != lvl {
				delete(out, id)
			}
		}
		if len(raised) >= minBatch && !base {
			for _, id := range raised {
				if !backed(id, setOn[id]) {
					out[id] = unbacked{On: on, From: levels[id]}
				}
			}
		}
		for id, lvl := range after {
			if levels[id] != lvl {
				setOn[id] = on
			}
		}
		levels = maps.Clone(after)
	}
	// stepTouched is step for a commit that changed only the levels of
	// touched: the others are equal on both sides, so only these can move.
	stepTouched := func(after map[string]int, touched []string, on string) {
		var raised []string
		moved := 0
		for _, id := range touched {
			lvl, in := after[id]
			was, had := levels[id]
			if in && had && lvl > was {
				raised = append(raised, id)
			}
			if lvl != was {
				moved++
				if in {
					delete(out, id)
				}
			}
		}
		base := len(levels) == 0 || moved*2 > len(after) && moved >= minRebaseline
		if len(raised) >= minBatch && !base {
			for _, id := range raised {
				if !backed(id, setOn[id]) {
					out[id] = unbacked{On: on, From: levels[id]}
				}
			}
		}
		for _, id := range touched {
			if lvl, in := after[id]; in {
				if levels[id] != lvl {
					setOn[id] = on
				}
				levels[id] = lvl
			} else {
				delete(levels, id)
			}
		}
	}
	cur := map[string]int{}
	var touched []string
	for i := 0; i < len(sorted); {
		j := i
		for j < len(sorted) && sorted[j].Commit == sorted[i].Commit && sorted[j].Date.Equal(sorted[i].Date) {
			j++
		}
		removed := false
		touched = touched[:0]
		for _, c := range sorted[i:j] {
			var level bool
			cur, level = replay(cur, *c)
			removed = removed || c.Kind == skills.KindRemoved
			if level && !slices.Contains(touched, c.Skill) {
				touched = append(touched, c.Skill)
			}
		}
		// A commit that set no level changes nothing step looks at; one
		// that set a few is stepped through those alone (a step over every
		// level of every commit of every person cost a third of plan --all
		// at 100,000 commits).
		switch on := sorted[i].Date.Format(time.DateOnly); {
		case removed:
			step(cur, on)
		case len(touched) > 0:
			stepTouched(cur, touched, on)
		}
		i = j
	}
	if p != nil {
		step(maps.Clone(p.Levels), TodayOf(p).Date)
	}
	for id, u := range out {
		if p == nil || p.Levels[id] <= u.From || backed(id, u.On) {
			delete(out, id)
		}
	}
	return out
}

// calibrated reads a commit's subject for a calibration it records.
func calibrated(subject string) bool {
	// Without lowering the subject first: this runs on every commit of
	// every person's history.
	const word = "calibrat"
	for i := 0; i+len(word) <= len(subject); i++ {
		if strings.EqualFold(subject[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// Describe names the baseline in a sentence's middle, for the person named
// first: "Lee Park's first assessment of Pat as manager (2026-09-22, 15
// of 24 levels set at once)".
func (b Baseline) Describe(first string) string {
	who := b.Author
	switch {
	case b.Pending && b.Kind == "first":
		return fmt.Sprintf("this first assessment of %s", first)
	case b.Pending:
		return fmt.Sprintf("this assessment, which sets %s of %s levels at once", setOf(&b), possessive(first))
	case b.Kind == "first" && who != "":
		return fmt.Sprintf("%s's first assessment of %s (%s)", who, first, b.Date)
	case b.Kind == "first":
		return fmt.Sprintf("the first assessment of %s (%s)", first, b.Date)
	case b.Kind == "new-manager":
		return fmt.Sprintf("%s's first assessment of %s as manager (%s, %s levels set at once)", who, first, b.Date, setOf(&b))
	case who != "":
		return fmt.Sprintf("%s's re-assessment of %s (%s, %s levels set at once)", who, first, b.Date, setOf(&b))
	}
	return fmt.Sprintf("the re-assessment of %s (%s, %s levels set at once)", first, b.Date, setOf(&b))
}

// latestBaseline is the newest of bs, nil when there is none.
func latestBaseline(bs []Baseline) *Baseline {
	if len(bs) == 0 {
		return nil
	}
	b := bs[len(bs)-1]
	return &b
}

// replay applies change c to levels, the file's levels before it, and
// returns them after it: a removed file has none, a level change sets or
// clears one skill. level reports whether c was a level change.
func replay(levels map[string]int, c skills.Change) (after map[string]int, level bool) {
	switch c.Kind {
	case skills.KindRemoved:
		return map[string]int{}, false
	case skills.KindLevel:
		if c.ToLevel() == 0 {
			delete(levels, c.Skill)
		} else {
			levels[c.Skill] = c.ToLevel()
		}
		return levels, true
	}
	return levels, false
}

// byOne counts the skills whose level went from before to after up by
// exactly one step.
func byOne(before, after map[string]int) int {
	n := 0
	for id, lvl := range after {
		if was, ok := before[id]; ok && lvl == was+1 {
			n++
		}
	}
	return n
}

// possessive is "your" for "you", else the name's possessive.
func possessive(name string) string {
	if name == "you" {
		return "your"
	}
	// A group named in the plural ("the checkout and fraud leads") takes
	// the apostrophe alone; a name ("Customer Success") takes "'s".
	if f := strings.Fields(name); len(f) > 1 && strings.HasSuffix(f[len(f)-1], "s") && unicode.IsLower(rune(f[len(f)-1][0])) && !strings.HasSuffix(f[len(f)-1], "ss") {
		return name + "'"
	}
	return name + "'s"
}

// oldestFirst returns pointers to the changes of history, oldest first and
// in their order within a day: sorting the pointers, not the changes (over
// 200 bytes each), is what keeps plan --all's thousands of histories cheap.
func oldestFirst(history []skills.Change) []*skills.Change {
	out := make([]*skills.Change, len(history))
	for i := range history {
		out[i] = &history[i]
	}
	slices.SortStableFunc(out, func(a, b *skills.Change) int { return a.Date.Compare(b.Date) })
	return out
}

// calibrationDates are the dates of the calibration of baseline b, for a
// plan of today: due, a month after the baseline was set, the date the
// plans written then committed to; and by, the date a plan commits to now:
// the due date while it is not past, else two weeks from today, as an
// overdue calibration comes before anything new (overdue is then true).
// Zero dates when today is zero.
func calibrationDates(b Baseline, today time.Time) (due, by time.Time, overdue bool) {
	if today.IsZero() {
		return time.Time{}, time.Time{}, false
	}
	set, err := time.Parse(time.DateOnly, b.Date)
	if err != nil || set.After(today) {
		set = today
	}
	due = set.AddDate(0, 0, 30)
	if due.Before(today) {
		return due, today.AddDate(0, 0, 14), true
	}
	return due, due, false
}
