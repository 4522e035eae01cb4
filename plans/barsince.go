package plans

import (
	"maps"
	"time"

	"github.com/coach-dev/coach/skills"
)

// versions replays a history sorted oldest first a commit at a time, and
// calls f with the levels after each commit and its date: what "at the bar
// since" reads, for the whole bar (atBarSince) and for each skill of it
// (SkillsAtBarSince). A merge brings its branch's commits in at their own
// dates, and a renamed file's changes come under the person's id of today,
// so neither breaks a run.
func versions(sorted []*skills.Change, f func(levels map[string]int, day time.Time)) {
	levels := map[string]int{}
	for i, c := range sorted {
		levels, _ = replay(levels, *c)
		if i+1 < len(sorted) && sorted[i+1].Commit == c.Commit && sorted[i+1].Date.Equal(c.Date) {
			continue // the rest of the same commit
		}
		f(levels, c.Date)
	}
}

// SkillsAtBarSince is, for each skill whose level in p's file is at or
// above target's bar, the day from which it has been so without a break:
// by history (the committed history of the file before its latest change,
// any order, as a plan is given it) and then the file as it stands, dated
// its assessment. A skill whose run starts at a baseline nobody has
// calibrated (see Baselines) is dated all the same: the promotion case
// says apart that its baseline is not calibrated.
func SkillsAtBarSince(m *skills.Matrix, p *skills.Person, target string, history []skills.Change) map[string]string {
	since := map[string]string{}
	step := func(levels map[string]int, day string) {
		for _, s := range m.Skills {
			lvl, ok := levels[s.ID]
			switch {
			case !ok || lvl < s.Expect[target]:
				delete(since, s.ID)
			case since[s.ID] == "":
				since[s.ID] = day
			}
		}
	}
	versions(oldestFirst(history), func(levels map[string]int, day time.Time) { step(levels, date(day)) })
	// A file with neither an assessment date nor evidence dates nothing
	// that only the file shows at the bar.
	step(p.Levels, TodayOf(p).Date)
	maps.DeleteFunc(since, func(_, day string) bool { return day == "" })
	return since
}

// RaisedWithoutEvidence lists the skills whose level was raised in the
// plan period in a batch with no evidence behind it, in matrix order, and
// the day of the latest such raise: the verdict is judged on the levels
// before them, and a promotion case names them.
func (pl *Plan) RaisedWithoutEvidence() (ids []string, on string) { return pl.raised, pl.raisedOn }
