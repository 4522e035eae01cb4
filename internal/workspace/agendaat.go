package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"time"

	"github.com/coach-dev/coach/history"
	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
)

// An agenda is read from the repository as it stood on the day of its 1:1:
// the skill files and the matrix of the last commit of the current branch
// on or before that day (see history.Snapshots.LastOn), and the history and
// peer feedback up to it. An agenda for a past week never quotes a fact
// written down after its 1:1. When HEAD is on or before the day, the work
// tree is that state, and nothing more is read.

// NotYetError is a person whose skill file was not yet committed on the
// day of a 1:1: there is nothing to hold that 1:1 on.
type NotYetError struct {
	ID  string
	Day time.Time
	// Commit is the state of the branch that day ("": no commit yet).
	Commit string
}

// Error says why, and what to do: ask for a later week.
func (e *NotYetError) Error() string { return e.Reason() + "; pick a later week with --week" }

// Reason says why there is no agenda, for a note when the others are written.
func (e *NotYetError) Reason() string {
	day := e.Day.Format("Monday 2 January 2006")
	if e.Commit == "" {
		return fmt.Sprintf("no agenda for %s on %s: the repository has no commit on or before that day", e.ID, day)
	}
	return fmt.Sprintf("no agenda for %s on %s: skills/%s.toml was not yet committed then (the branch stood at %s)", e.ID, day, e.ID, e.Commit[:7])
}

// On returns the workspace as the repository stood on day, read once per
// day: w itself when the work tree is that state.
func (w *Workspace) On(day time.Time) (*Workspace, error) {
	if w.snaps == nil || w.head == nil {
		return w, nil // no git, or a history coach cannot read: today's files
	}
	key := day.Format(time.DateOnly)
	if at, ok := w.past[key]; ok {
		return at, nil
	}
	commit, err := w.snaps.LastOn(day)
	if errors.Is(err, history.ErrNoCommitYet) {
		return nil, &NotYetError{Day: day}
	}
	if err != nil || commit == "" {
		return w, err
	}
	at, err := w.at(commit, day)
	if err != nil {
		return nil, err
	}
	if w.past == nil {
		w.past = map[string]*Workspace{}
	}
	w.past[key] = at
	return at, nil
}

// at is the workspace of the skill files and matrix committed at commit,
// with the settings and templates of today, and the history and feedback
// up to day.
func (w *Workspace) at(commit string, day time.Time) (*Workspace, error) {
	snap, err := w.snaps.At(commit)
	if err != nil {
		return nil, err
	}
	files := skills.MapFS{}
	for f, data := range snap.Files {
		files[f] = data
	}
	if snap.Matrix != nil {
		files[skills.MatrixFile] = snap.Matrix
	}
	// The settings are today's: they say how the 1:1s run, not what
	// anyone's level was.
	if cfg, err := fs.ReadFile(w.Repo.FS(), skills.ConfigFile); err == nil {
		files[skills.ConfigFile] = cfg
	}
	repo, err := skills.LoadFS(w.Repo.Root, files)
	if err != nil {
		return nil, fmt.Errorf("the files as of %s (commit %s): %w", day.Format(time.DateOnly), commit[:7], err)
	}
	if err := Settings(repo); err != nil {
		return nil, fmt.Errorf("the files as of %s (commit %s): %w", day.Format(time.DateOnly), commit[:7], err)
	}
	if err := invalid(repo, w.Prefix); err != nil {
		return nil, fmt.Errorf("the skill files as of %s (commit %s): %w", day.Format(time.DateOnly), commit[:7], err)
	}
	end := day.AddDate(0, 0, 1)
	at := &Workspace{Repo: repo, Own: map[string][]skills.Change{}, Feedback: map[string][]string{},
		Templates: w.Templates, Prefix: w.Prefix, Workers: w.Workers, progress: w.progress, commit: commit}
	for id, own := range w.Own {
		if kept := slices.DeleteFunc(slices.Clone(own), func(c skills.Change) bool { return !c.Date.Before(end) }); len(kept) > 0 {
			at.Own[id] = kept
		}
	}
	for id, dates := range w.Feedback {
		for _, d := range dates {
			if d <= day.Format(time.DateOnly) {
				at.Feedback[id] = append(at.Feedback[id], d)
			}
		}
	}
	return at, nil
}

// agendaPerson is p as the workspace holds them: as of its day, for a
// workspace of a past state.
func (w *Workspace) agendaPerson(p *skills.Person, day time.Time) (*skills.Person, error) {
	if w.commit == "" {
		return p, nil
	}
	q, err := w.Repo.Person(p.ID)
	if err != nil {
		return nil, &NotYetError{ID: p.ID, Day: day, Commit: w.commit}
	}
	return q, nil
}

// pastPlanHistory is PlanHistory for a workspace of a past state, whose
// files are all as committed: the history before the file's latest change.
func (w *Workspace) pastPlanHistory(p *skills.Person) []skills.Change {
	own := w.Own[p.ID]
	if len(own) == 0 {
		return own
	}
	return plans.Committed(own, []byte{0}, []byte{0}, own[0].Commit)
}

// Is makes errors.Is(err, skills.ErrUnknownPerson) true: on that day, the
// person was not in the repository.
func (e *NotYetError) Is(target error) bool { return target == skills.ErrUnknownPerson }
