package workspace

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
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
	root := w.Repo.Root
	dir := filepath.Join(root, "agendas", id)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var best *plans.Week
	count := 0 // the person's agendas before week: their rotation's position
	for _, e := range entries {
		w, err := plans.ParseWeek(strings.TrimSuffix(e.Name(), ".md"))
		if err != nil || !strings.HasSuffix(e.Name(), ".md") || !w.Before(week) {
			continue
		}
		count++
		if best == nil || best.Before(w) {
			best = &w
		}
	}
	if best == nil {
		return nil, nil
	}
	path := plans.AgendaPath(id, *best)
	src, p, err := skills.ReadFile(root, path, skills.MaxAgendaSize, "an agenda")
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
		rep.Warnf("%s is not UTF-8 text; its action items were not carried over", path)
		return &plans.PreviousAgenda{Week: *best, Unreadable: true, Count: count}, nil
	}
	prev := plans.ReadAgenda(*best, src)
	prev.Count = count
	return prev, nil
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
