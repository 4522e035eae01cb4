package workspace

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
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
func (w *Workspace) Agenda(p *skills.Person, week plans.Week, rep Reporter) (*plans.Agenda, error) {
	pl, err := w.Plan(p)
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
	for _, r := range AskedOf(requests, p.ID, week.Day(w.Repo.Config.Agenda.WeekdayValue())) {
		name := r.About
		if about, err := w.Repo.Person(r.About); err == nil {
			name = about.Name
		}
		asked = append(asked, plans.FeedbackAsk{About: plans.Who{ID: r.About, Name: name}, Date: r.Date.Format(time.DateOnly)})
	}
	return plans.BuildAgenda(plans.AgendaInput{Plan: pl, Matrix: w.Repo.Matrix, Config: w.Repo.Config, Person: p,
		History: w.Own[p.ID], Week: week, Previous: prev, Asked: asked}), nil
}
