package workspace

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
)

// PreviousAgenda reads the most recent agenda of person id before week, or
// returns nil when there is none. Files in agendas/ID/ whose names are not
// weeks are ignored.
func (w *Workspace) PreviousAgenda(id string, week plans.Week, rep Reporter) (*plans.PreviousAgenda, error) {
	dir := filepath.Join(w.Repo.Root, "agendas", id)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var weeks []plans.Week // the person's agendas before week: their rotation's position
	for _, e := range entries {
		w, err := plans.ParseWeek(strings.TrimSuffix(e.Name(), ".md"))
		if err != nil || !strings.HasSuffix(e.Name(), ".md") || !w.Before(week) {
			continue
		}
		weeks = append(weeks, w)
	}
	if len(weeks) == 0 {
		return nil, nil
	}
	slices.SortFunc(weeks, func(a, b plans.Week) int {
		if b.Before(a) {
			return -1
		}
		if a.Before(b) {
			return 1
		}
		return 0
	})
	prev, err := w.readAgenda(id, weeks[0], rep)
	if err != nil || prev == nil {
		return prev, err
	}
	prev.Count = len(weeks)
	// The agendas before it within plans.RecentWeeks of week, so that a
	// question or an idea is not asked again word for word.
	for _, e := range weeks[1:] {
		if e.Monday().Before(week.Monday().AddDate(0, 0, -7*plans.RecentWeeks)) {
			break
		}
		if older, err := w.readAgenda(id, e, nil); err == nil && older != nil && !older.Unreadable {
			prev.Earlier = append(prev.Earlier, older)
		}
	}
	// Those within plans.HeldWeeks, for what their notes and ticked items
	// say was discussed and done.
	for _, e := range weeks[1:] {
		if e.Monday().Before(week.Monday().AddDate(0, 0, -7*plans.HeldWeeks)) {
			break
		}
		i := slices.IndexFunc(prev.Earlier, func(a *plans.PreviousAgenda) bool { return a.Week == e })
		if i >= 0 {
			prev.Held = append(prev.Held, prev.Earlier[i])
		} else if older, err := w.readAgenda(id, e, nil); err == nil && older != nil && !older.Unreadable {
			prev.Held = append(prev.Held, older)
		}
	}
	return prev, nil
}

// readAgenda reads p's agenda of week; rep, when set, hears of one that is
// not text.
func (w *Workspace) readAgenda(id string, week plans.Week, rep Reporter) (*plans.PreviousAgenda, error) {
	path := plans.AgendaPath(id, week)
	src, p, err := skills.ReadFile(w.Repo.Root, path, skills.MaxAgendaSize, "an agenda")
	if err != nil {
		return nil, err
	}
	if p == nil {
		p = plans.CheckAgenda(path, src)
	}
	if p != nil {
		return nil, &skills.ProblemsError{Problems: skills.Problems{*p}}
	}
	if !utf8.Valid(src) || bytes.IndexByte(src, 0) >= 0 {
		if rep != nil {
			rep.Warnf("%s is not UTF-8 text; its action items were not carried over", path)
		}
		return &plans.PreviousAgenda{Week: week, Unreadable: true}, nil
	}
	return plans.ReadAgenda(week, src), nil
}

// Agenda builds p's agenda for week: their plan, their history and what
// their previous agenda left open.
//
// Its files, history and the team it reads are as they stood on the day
// of the 1:1 (see On); its previous agendas, the notes people write in,
// are the work tree's.
func (w *Workspace) Agenda(p *skills.Person, week plans.Week, rep Reporter) (*plans.Agenda, error) {
	day := week.Day(w.Repo.Config.Agenda.WeekdayValue())
	at, err := w.On(day)
	var notYet *NotYetError
	if errors.As(err, &notYet) {
		notYet.ID = p.ID
	}
	if err != nil {
		return nil, err
	}
	if p, err = at.agendaPerson(p, day); err != nil {
		return nil, err
	}
	pl, err := at.agendaPlan(p)
	if err != nil {
		return nil, err
	}
	prev, err := w.PreviousAgenda(p.ID, week, rep)
	if err != nil {
		return nil, err
	}
	requests, err := Requests(w.Repo.Root)
	if err != nil {
		return nil, err
	}
	var asked []plans.FeedbackAsk
	for _, r := range AskedOf(requests, p.ID, day) {
		name := r.About
		if about, err := at.Repo.Person(r.About); err == nil {
			name = about.Name
		}
		asked = append(asked, plans.FeedbackAsk{About: plans.Who{ID: r.About, Name: name}, Date: r.Date.Format(time.DateOnly)})
	}
	in := plans.AgendaInput{Plan: pl, Matrix: at.Repo.Matrix, Config: w.Repo.Config, Person: p,
		History: at.Own[p.ID], Week: week, Previous: prev, Asked: asked}
	if err := at.team(p, &in); err != nil {
		return nil, err
	}
	if at != w {
		in.Later = laterEvidence(w, p, day)
	}
	if in.Taken, in.TakenAsks, err = w.taken(at, p.ID, week); err != nil {
		return nil, err
	}
	a := plans.BuildAgenda(in)
	at.tries[week.String()+"/"+p.ID] = weekKeys{a.TryKey(), a.AskKeys()}
	if at != w {
		// Read as of a past state: the header says what came after it.
		wish := false
		if now, err := w.Repo.Person(p.ID); err == nil {
			wish = !reflect.DeepEqual(now.Aspiration, p.Aspiration)
		}
		a.AsOf = plans.LaterNote(w.Own[p.ID], day, wish)
	}
	return a, nil
}

// weekKeys are what one agenda of a week holds that a teammate's is not
// to: its idea to try (see plans.TryKey) and its questions (see
// plans.Agenda.AskKeys).
type weekKeys struct {
	try  string
	asks []string
}

// taken are the ideas to try of the week (as plans.TryKey says them) and
// the questions (as plans.Agenda.AskKeys says them) of the people of the
// team before id, by id, each built once per workspace of the day: a
// person's idea and questions are chosen after theirs, the same whichever
// command builds the agenda, one or all of them (cold read 10, finding
// 11). Someone whose agenda cannot be built that day has none.
func (w *Workspace) taken(at *Workspace, id string, week plans.Week) (tries, asks []string, err error) {
	if at.tries == nil {
		at.tries = map[string]weekKeys{}
	}
	var ids []string
	for _, q := range at.Repo.People {
		if q.ID < id {
			ids = append(ids, q.ID)
		}
	}
	slices.Sort(ids)
	for _, qid := range ids {
		keys, ok := at.tries[week.String()+"/"+qid]
		if !ok {
			q, err := at.Repo.Person(qid)
			if err != nil {
				return nil, nil, err
			}
			a, err := w.Agenda(q, week, nil)
			if err != nil {
				// Not in the repository yet that day, or an agenda of
				// theirs that cannot be read: theirs says so when it is
				// built; here it takes no idea.
				at.tries[week.String()+"/"+qid] = weekKeys{}
				continue
			}
			keys = weekKeys{a.TryKey(), a.AskKeys()}
		}
		if keys.try != "" {
			tries = append(tries, keys.try)
		}
		asks = append(asks, keys.asks...)
	}
	return tries, asks, nil
}

// agendaPlan is p's plan, built once per workspace: a leader's agenda
// reads the plans of the people two levels below them too.
func (w *Workspace) agendaPlan(p *skills.Person) (*plans.Plan, error) {
	if pl, ok := w.plans[p.ID]; ok {
		return pl, nil
	}
	pl, err := w.Plan(p)
	if err != nil {
		return nil, err
	}
	if w.plans == nil {
		w.plans = map[string]*plans.Plan{}
	}
	w.plans[p.ID] = pl
	return pl, nil
}

// team fills in what p's agenda reads of the team: p's peers (same
// manager, same role) and, for a leader of leaders, the people two levels
// down whose plans say ready now, with their manager.
func (w *Workspace) team(p *skills.Person, in *plans.AgendaInput) error {
	who := func(q *skills.Person) plans.Who { return plans.Who{ID: q.ID, Name: q.Name, Path: q.Path} }
	for _, q := range w.Repo.People {
		in.Team = append(in.Team, q.ID)
		in.Names = append(in.Names, q.Name)
		if q.ID != p.ID && p.Manager != "" && q.Manager == p.Manager && q.Role == p.Role {
			in.Peers = append(in.Peers, who(q))
		}
	}
	for _, r := range w.Repo.People {
		if r.Manager != p.ID || r.ID == p.ID {
			continue
		}
		for _, q := range w.Repo.People {
			if q.Manager != r.ID || q.ID == r.ID || q.ID == p.ID {
				continue
			}
			pl, err := w.agendaPlan(q)
			if err != nil {
				return err
			}
			if pl.Verdict.Kind == "ready-now" {
				in.Ready = append(in.Ready, plans.ReadyReport{Person: who(q), Manager: who(r), Target: pl.Target.Name})
			}
		}
	}
	return nil
}

// laterEvidence is the evidence of p's file in the work tree that p (their
// file as of day) does not hold and that is dated on or before day: done
// by the 1:1, written down after it.
func laterEvidence(w *Workspace, p *skills.Person, day time.Time) []skills.Evidence {
	now, err := w.Repo.Person(p.ID)
	if err != nil {
		return nil
	}
	var later []skills.Evidence
	for _, e := range now.Evidence {
		if e.Date.After(day) || slices.ContainsFunc(p.Evidence, func(o skills.Evidence) bool { return o.Text == e.Text && o.Date.Equal(e.Date) }) {
			continue
		}
		later = append(later, e)
	}
	return later
}
