package plans

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/coach-dev/coach/skills"
)

// A plan is committed beside the skill file it comes from, so it must read
// the same whatever commit ends up holding the two: any author, any date, a
// merge, a squash, a rebase or an amended date. Everything below therefore
// comes from the file's content, or from versions of the file committed
// before the plan period began; nothing comes from the clock, and nothing
// from the commit that will hold the plan.

// Today is the day a plan is written for: the assessment date the leader
// wrote in the skill file (assessed = 2026-11-10), else the date of the
// file's latest evidence entry. Goals are overdue against it and the plan
// period's start is compared with it. Source is "assessed", "evidence" or
// "" when the file dates nothing.
type Today struct {
	Date   string `json:"date,omitempty"`
	Source string `json:"source"`
	day    time.Time
}

// TodayOf reads a plan's today from p's content.
func TodayOf(p *skills.Person) Today {
	if !p.Assessed.IsZero() {
		return Today{Date: date(p.Assessed), Source: "assessed", day: p.Assessed}
	}
	var last time.Time
	for _, e := range p.Evidence {
		if e.Date.After(last) {
			last = e.Date
		}
	}
	if last.IsZero() {
		return Today{}
	}
	return Today{Date: date(last), Source: "evidence", day: last}
}

// Committed returns the committed history of a skill file before its
// latest change. When the file as it is now (current) is the version
// committed at HEAD (head), the newest commit that changed it (latest, from
// the history) made it so: that commit's changes are its latest change and
// are left out, so that committing the file with its plan, and any commit
// that lands on top of it (a merge commit among them), changes nothing in
// the plan. A latest commit that changed nothing history lists (a new
// assessment date, notes) leaves nothing out. Line endings are not content:
// a checkout with CRLF is the same version.
func Committed(history []skills.Change, current, head []byte, latest string) []skills.Change {
	if head == nil || latest == "" || !sameText(current, head) {
		return history
	}
	// A history newest first, as coach reads it, starts with the latest
	// commit's changes: the rest is what came before, shared, not copied.
	k := 0
	for k < len(history) && history[k].Commit == latest {
		k++
	}
	if !slices.ContainsFunc(history[k:], func(c skills.Change) bool { return c.Commit == latest }) {
		return history[k:]
	}
	return slices.DeleteFunc(slices.Clone(history), func(c skills.Change) bool { return c.Commit == latest })
}

func sameText(a, b []byte) bool {
	return slices.Equal(dropCR(a), dropCR(b))
}

func dropCR(b []byte) []byte {
	if !slices.Contains(b, '\r') {
		return b
	}
	return slices.DeleteFunc(slices.Clone(b), func(c byte) bool { return c == '\r' })
}

// Progress compares the skill file as it is now with the last version of it
// committed before the plan period began (plan_start).
type Progress struct {
	// Since is the plan start; empty when the file sets none.
	Since string `json:"since,omitempty"`
	// Started is false when the plan period starts after the plan's today.
	Started bool `json:"started"`
	// Known is true when the period has a starting point: a version of the
	// file committed before it began (or, for a newer file, before the
	// plan's today), whose levels are compared with the file's. Start is
	// the day that version was committed.
	Known bool   `json:"known"`
	Start string `json:"start,omitempty"`
	Moves []Move `json:"moves"`
	// Unchanged counts the assessed skills whose level did not move.
	Unchanged int `json:"unchanged"`
	// Roles is the role change of the period, if any: the role at the start
	// and the role now.
	Roles []RoleChange `json:"roles"`
	// Evidence are the file's entries dated in the period, oldest first.
	Evidence []EvidenceItem `json:"evidence"`
	// Goals are the goals in the file now that it did not hold at the start,
	// in the file's order, other than the ones dropped since; Dropped the
	// goals dropped in the period, or held at the start and gone from the
	// file now (cold read 9, finding 8): a dropped goal is never "added".
	Goals   []string `json:"goals"`
	Dropped []string `json:"dropped,omitempty"`
	// Baseline is set when an assessment in the period (or the file as it
	// stands) set the levels rather than moved them: the moves count from
	// it, and a pending one leaves none to count yet.
	Baseline *Baseline `json:"baseline,omitempty"`
	// Before are the moves of the period before that baseline: growth the
	// baseline does not erase.
	Before []Move `json:"before,omitempty"`
}

// Growth lists the moves that are growth: those raised in a batch without
// evidence are not (see Raised), nor a level rated down on a return from
// leave, which is a refresh, not a change to report (see Refreshed).
func (pr Progress) Growth() []Move {
	return slices.DeleteFunc(slices.Clone(pr.Moves), func(mv Move) bool { return mv.RaisedOn != "" || mv.Reentry })
}

// Refreshed lists the skills rated down on a return from leave, by name.
func (pr Progress) Refreshed() []string {
	var out []string
	for _, mv := range pr.Moves {
		if mv.Reentry {
			out = append(out, mv.Name)
		}
	}
	return out
}

// Raised lists the moves raised in a batch without evidence, by day.
func (pr Progress) Raised() []RaisedBatch {
	var out []RaisedBatch
	for _, mv := range pr.Moves {
		if mv.RaisedOn == "" {
			continue
		}
		if len(out) == 0 || out[len(out)-1].On != mv.RaisedOn {
			out = append(out, RaisedBatch{On: mv.RaisedOn})
		}
		out[len(out)-1].Moves = append(out[len(out)-1].Moves, mv)
	}
	slices.SortStableFunc(out, func(a, b RaisedBatch) int { return strings.Compare(a.On, b.On) })
	return out
}

// RaisedBatch is the levels raised on one day without evidence.
type RaisedBatch struct {
	On    string
	Moves []Move
}

// EvidenceItem is one evidence entry: its own date, the skill and the text.
type EvidenceItem struct {
	Date  string   `json:"date"`
	Skill SkillRef `json:"skill"`
	Text  string   `json:"text"`
}

// Move is one skill's level then and now.
type Move struct {
	SkillRef
	From     int    `json:"from"`
	FromName string `json:"from_name"`
	To       int    `json:"to"`
	ToName   string `json:"to_name"`
	// Reentry is set for a move down after a return from leave: re-entry,
	// not a lost skill.
	Reentry bool `json:"reentry,omitempty"`
	// Unbacked is set for a level lowered with no evidence on the skill
	// dated since the starting point: a fairness risk until the reason is
	// written down.
	Unbacked bool `json:"unbacked,omitempty"`
	// NoEvidence is set for a level raised, outside a batch, with no
	// evidence on the skill dated since the starting point.
	NoEvidence bool `json:"no_evidence,omitempty"`
	// RaisedOn is the day the level was raised in a batch with no evidence
	// behind it (see unbackedRaises): a rating, not growth, until evidence
	// backs it.
	RaisedOn string `json:"raised_on,omitempty"`
}

// progress measures the plan period. The starting point is the version of
// the file committed last on a day before plan_start (each commit's day in
// its author's own time zone); for a file first committed on or after
// plan_start, it is that first version, once it was committed on a day
// before the plan's today. Either way it was committed before the pull
// request that changes the file now: a pull request's commits are dated on
// or after the assessment they record, so merging, squashing or rebasing
// them leaves the starting point where it was. Evidence is read from the
// file by its own dates.
func progress(m *skills.Matrix, p *skills.Person, history []skills.Change, today time.Time, baselines []Baseline, raised map[string]unbacked) Progress {
	pr := Progress{Moves: []Move{}, Roles: []RoleChange{}, Evidence: []EvidenceItem{}, Goals: []string{}}
	if p.PlanStart.IsZero() {
		return pr
	}
	pr.Since = date(p.PlanStart)
	pr.Started = today.IsZero() || !today.Before(p.PlanStart)
	if !pr.Started {
		return pr
	}
	for _, e := range p.Evidence {
		if !e.Date.Before(p.PlanStart) {
			pr.Evidence = append(pr.Evidence, EvidenceItem{Date: date(e.Date), Text: Quoted(e.Text), Skill: skillRef(m, e.Skill)})
		}
	}
	sort.SliceStable(pr.Evidence, func(i, j int) bool { return pr.Evidence[i].Date < pr.Evidence[j].Date })

	then, ok := startOf(history, pr.Since, today)
	if !ok {
		return pr
	}
	pr.Known, pr.Start = true, then.on
	if b := latestBaseline(baselines); b != nil && (b.Pending || b.Date > then.on) {
		// Progress counts from the latest baseline, never across it; the
		// growth before it in the period is kept, not erased by it.
		pr.Baseline = b
		if b.Kind != "first" {
			for _, s := range m.Skills {
				was, now := then.levels[s.ID], b.prior[s.ID]
				if was > 0 && now > was {
					mv := Move{SkillRef: ref(&s), From: was, FromName: levelName(m, was), To: now, ToName: levelName(m, now)}
					if slices.ContainsFunc(p.Evidence, func(e skills.Evidence) bool { return e.Skill == s.ID && date(e.Date) >= then.on }) {
						pr.Before = append(pr.Before, mv)
					}
				}
			}
		}
		if !b.Pending {
			then.levels, pr.Start = b.levels, b.Date
		} else {
			then.levels = p.Levels
		}
	}
	_, _, back := ReturnFromLeave(p)
	if then.role != "" && then.role != p.Role {
		pr.Roles = append(pr.Roles, RoleChange{From: roleRef(m, then.role), To: roleRef(m, p.Role)})
	}
	now := map[string]bool{}
	for _, g := range p.Goals {
		now[g.Text] = true
		switch {
		case !g.Dropped.IsZero() && g.Done.IsZero():
			if date(g.Dropped) >= pr.Since {
				pr.Dropped = append(pr.Dropped, g.Text)
			}
		case !then.goals[g.Text]:
			pr.Goals = append(pr.Goals, g.Text)
		}
	}
	var gone []string
	for text := range then.goals {
		if !now[text] {
			gone = append(gone, text)
		}
	}
	slices.Sort(gone)
	pr.Dropped = append(pr.Dropped, gone...)
	for _, s := range m.Skills {
		now, ok := p.Levels[s.ID]
		if !ok {
			continue
		}
		was := then.levels[s.ID]
		if was == now {
			pr.Unchanged++
			continue
		}
		mv := Move{SkillRef: ref(&s), From: was, FromName: levelName(m, was), To: now, ToName: levelName(m, now), Reentry: back && now < was}
		if u, ok := raised[s.ID]; ok && now > was && u.On >= pr.Start {
			mv.RaisedOn = u.On
		}
		backed := slices.ContainsFunc(p.Evidence, func(e skills.Evidence) bool {
			return e.Skill == s.ID && date(e.Date) >= pr.Start
		})
		mv.Unbacked = now < was && !mv.Reentry && !backed
		// A raise outside a batch with nothing on the skill in the period
		// is growth nobody has written down yet: said so, not hidden (a
		// cold read found single raises read as growth with no evidence).
		mv.NoEvidence = now > was && mv.RaisedOn == "" && !backed
		pr.Moves = append(pr.Moves, mv)
	}
	return pr
}

// start is what a skill file held at the start of a plan period.
type start struct {
	on     string // the day the version was committed
	role   string
	levels map[string]int
	goals  map[string]bool
}

// startOf replays the changes that make the starting point of a period
// that begins on since (YYYY-MM-DD), oldest first; ok is false when there
// is none yet.
func startOf(history []skills.Change, since string, today time.Time) (start, bool) {
	sorted := slices.Clone(history)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Date.Before(sorted[j].Date) })
	var before []skills.Change
	for _, c := range sorted {
		if c.Date.Format(time.DateOnly) < since && c.Kind != skills.KindPlainNotes {
			before = append(before, c)
		}
	}
	if len(before) == 0 && len(sorted) > 0 && !today.IsZero() && sorted[0].Date.Format(time.DateOnly) < date(today) {
		// The file is newer than the period: its first version.
		for _, c := range sorted {
			if c.Commit != sorted[0].Commit || !c.Date.Equal(sorted[0].Date) {
				break
			}
			before = append(before, c)
		}
	}
	if len(before) == 0 {
		return start{}, false
	}
	st := start{levels: map[string]int{}, goals: map[string]bool{}}
	for _, c := range before {
		switch c.Kind {
		case skills.KindRemoved:
			st = start{levels: map[string]int{}, goals: map[string]bool{}}
			continue
		case skills.KindRole:
			st.role = c.To
		case skills.KindLevel:
			st.levels[c.Skill] = c.ToLevel()
		case skills.KindGoal:
			st.goals[c.Text] = true
		}
		st.on = c.Date.Format(time.DateOnly)
	}
	return st, true
}

// ProgressEvidence are the entries dated in the period that the plan does
// not already quote elsewhere (a focus, a strength, a question): the
// Progress section lists only those, and counts the others (see
// ProgressQuoted), so no entry is read twice.
func (pl *Plan) ProgressEvidence() []EvidenceItem { return pl.progressOwn }

// ProgressQuoted is how many entries dated in the period the plan quotes
// elsewhere.
func (pl *Plan) ProgressQuoted() int { return len(pl.Progress.Evidence) - len(pl.progressOwn) }

// splitQuoted sets the entries of the period the plan quotes elsewhere
// apart from the others.
func (pl *Plan) splitQuoted(p *skills.Person) {
	var said []string
	for _, f := range pl.Focus {
		said = append(said, f.Why)
		said = append(said, f.Evidence...)
		for _, a := range f.Actions {
			said = append(said, a.Text, a.After, a.Evidence)
		}
	}
	for _, s := range pl.Strengths {
		said = append(said, s.Shows)
	}
	if pl.BuildOn != nil {
		said = append(said, pl.BuildOn.Plan)
	}
	for _, c := range pl.Conversations {
		said = append(said, c.Question)
	}
	said = append(said, pl.VerdictEvidence...)
	all := strings.Join(said, "\n")
	pl.progressOwn = nil
	for _, e := range pl.Progress.Evidence {
		raw := e.Text
		for _, x := range p.Evidence {
			if date(x.Date) == e.Date && x.Skill == e.Skill.ID {
				raw = x.Text
			}
		}
		if !strings.Contains(all, e.Text) && !strings.Contains(all, raw) {
			pl.progressOwn = append(pl.progressOwn, e)
		}
	}
}
