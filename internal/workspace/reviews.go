package workspace

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/coach-dev/coach/internal/cycle"
	"github.com/coach-dev/coach/internal/files"
	"github.com/coach-dev/coach/internal/selfreview"
	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
)

// asOf is a person's skill file as it stood at the end of a day, with the
// history up to then.
type asOf struct {
	person *skills.Person
	// current is set when it is the file as it stands.
	current bool
	// history is everything up to the day; plan what the plan of that
	// version is built from (its own commit left out, see plans.Committed).
	history, plan []skills.Change
	commit        string
}

// fileAsOf reads p's skill file as it stood at the end of day: the file as
// it stands when no commit changed it since, else the version the last
// commit up to day made. Nil when the file had no version then.
func (w *Workspace) fileAsOf(p *skills.Person, day time.Time) (*asOf, error) {
	own := w.Own[p.ID]
	next := day.AddDate(0, 0, 1)
	var last *skills.Change
	changedSince := false
	for i, c := range own {
		if !c.Date.Before(next) {
			changedSince = true
			continue
		}
		if last == nil || c.Date.After(last.Date) {
			last = &own[i]
		}
	}
	var upTo []skills.Change
	for _, c := range own {
		if c.Date.Before(next) {
			upTo = append(upTo, c)
		}
	}
	if !changedSince {
		planned, err := w.PlanHistory(p)
		if err != nil {
			return nil, err
		}
		var before []skills.Change
		for _, c := range planned {
			if c.Date.Before(next) {
				before = append(before, c)
			}
		}
		return &asOf{person: p, current: true, history: upTo, plan: before}, nil
	}
	if last == nil || last.Kind == skills.KindRemoved {
		return nil, nil
	}
	if w.head == nil {
		return nil, fmt.Errorf("%s: the history is needed to read the file as of %s, and coach could not read it", p.Path, day.Format(time.DateOnly))
	}
	rel := skills.SkillsDir + "/" + idAt(own, p.ID, last.Date) + ".toml"
	w.head.mu.Lock()
	snap, err := w.snaps.HashesAt(last.Commit)
	var src []byte
	if err == nil {
		h, ok := snap.Hashes[rel]
		if !ok {
			rel = p.Path
			h, ok = snap.Hashes[rel]
		}
		if !ok {
			err = fmt.Errorf("%s: commit %s does not hold it", p.Path, short(last.Commit))
		} else {
			src, err = w.snaps.Blob(rel, h)
		}
	}
	w.head.mu.Unlock()
	if err != nil {
		return nil, err
	}
	old, probs := skills.DecodePerson(p.Path, src, w.Repo.Matrix)
	if probs.Errors() > 0 || old == nil {
		return nil, fmt.Errorf("%s as of %s (commit %s) does not read against today's matrix: %s", p.Path, day.Format(time.DateOnly), short(last.Commit), probs[0].Message)
	}
	old.ID, old.Path = p.ID, p.Path
	var plan []skills.Change
	for _, c := range upTo {
		if c.Commit != last.Commit {
			plan = append(plan, c)
		}
	}
	return &asOf{person: old, history: upTo, plan: plan, commit: last.Commit}, nil
}

// idAt is the id a person's file had at day: renames after it undone,
// newest first.
func idAt(own []skills.Change, id string, day time.Time) string {
	renames := slices.DeleteFunc(slices.Clone(own), func(c skills.Change) bool { return c.Kind != skills.KindRenamed || !c.Date.After(day) })
	slices.SortStableFunc(renames, func(a, b skills.Change) int { return b.Date.Compare(a.Date) })
	for _, c := range renames {
		if c.To == id {
			id = c.From
		}
	}
	return id
}

func short(hash string) string { return hash[:min(7, len(hash))] }

// planOf builds the plan of a version of p's file.
func (w *Workspace) planOf(v *asOf, day time.Time) (*plans.Plan, error) {
	var feedback []string
	for _, d := range w.Feedback[v.person.ID] {
		if d <= day.Format(time.DateOnly) {
			feedback = append(feedback, d)
		}
	}
	return plans.Build(plans.Input{Matrix: w.Repo.Matrix, Config: w.Repo.Config, Person: v.person, Team: w.Repo.People,
		Index: w.TeamIndex(), History: v.plan, Feedback: feedback})
}

// Review builds p's review for period, read from the skill file as it
// stood at the period's end and its history, beside p's self-review of the
// period when there is one, and renders it, marker line first, with the
// repository's templates/review.md.tmpl when it has one. A person whose
// file did not exist by the period's end is an error, or with skip no
// review (nil) and no error.
func (w *Workspace) Review(p *skills.Person, period cycle.Period, skip bool) (*cycle.Review, []byte, error) {
	now, err := w.fileAsOf(p, period.End)
	if err != nil {
		return nil, nil, err
	}
	if now == nil {
		if skip {
			return nil, nil, nil
		}
		return nil, nil, &skills.ProblemsError{Problems: skills.Problems{{Path: p.Path, Severity: skills.Error,
			Message: fmt.Sprintf("the skill file did not exist by %s, the end of %s: there is nothing to review", period.End.Format(time.DateOnly), period.Name),
			Hint:    "review a period after the file was first committed"}}}
	}
	pl, err := w.planOf(now, period.End)
	if err != nil {
		return nil, nil, err
	}
	in := cycle.ReviewInput{Matrix: w.Repo.Matrix, Config: w.Repo.Config, Period: period, Person: now.person, Current: now.current,
		Plan: pl, History: now.history, PlanHistory: append([]skills.Change{}, now.plan...), Feedback: w.Feedback[p.ID],
		Reports: w.TeamIndex().Reports(p.ID)}
	prevEnd := period.Start.AddDate(0, 0, -1)
	if before, err := w.fileAsOf(p, prevEnd); err != nil {
		return nil, nil, err
	} else if before != nil {
		in.PreviousAssessed = before.person.Assessed
		if in.Previous, err = w.planOf(before, prevEnd); err != nil {
			return nil, nil, err
		}
	}
	if q, err := selfreview.ParsePeriod(period.Name); err == nil {
		self, err := selfreview.Read(w.Repo.Root, p.ID, q)
		if err != nil {
			return nil, nil, err
		}
		if self != nil {
			in.SelfPath = self.Path
			for _, s := range self.Sections {
				in.Self = append(in.Self, cycle.SelfSection{Title: s.Title, Text: plans.Markdown(s.Text)})
			}
		} else {
			// None yet: the one before is where the conversation starts.
			prev := selfreview.PeriodOf(q.Start().AddDate(0, 0, -1))
			before, err := selfreview.Read(w.Repo.Root, p.ID, prev)
			if err != nil {
				return nil, nil, err
			}
			if before != nil {
				in.SelfBeforePeriod = prev.String()
				for _, s := range before.Sections {
					in.SelfBefore = append(in.SelfBefore, cycle.SelfSection{Title: s.Title, Text: plans.Markdown(s.Text)})
				}
			}
		}
	}
	var also []string
	if pl.Baseline != nil && pl.Baseline.Commit != "" {
		also = append(also, pl.Baseline.Commit)
	}
	if in.Raters, err = w.ratersAt(p, now.history, period, also...); err != nil {
		return nil, nil, err
	}
	r, err := cycle.BuildReview(in)
	if err != nil {
		return nil, nil, err
	}
	body, err := w.Templates.Render("review.md.tmpl", r)
	if err != nil {
		return nil, nil, err
	}
	content, err := cycle.Stamp(body, p.Path, period.Name)
	return r, content, err
}

// ratersAt names, for each commit of history in period that set a level
// (and each of also), the manager p's file named in that commit's version:
// who rated the levels then, whoever committed them.
func (w *Workspace) ratersAt(p *skills.Person, history []skills.Change, period cycle.Period, also ...string) (map[string]string, error) {
	out := map[string]string{}
	if w.head == nil {
		return out, nil
	}
	names := map[string]string{}
	for _, l := range w.Repo.Config.Leaders {
		names[l.ID] = l.Name
	}
	for _, q := range w.Repo.People {
		names[q.ID] = cmp.Or(q.Name, q.ID)
	}
	next := period.End.AddDate(0, 0, 1)
	for _, c := range history {
		if c.Kind != skills.KindLevel || c.Commit == "" || (c.Date.Before(period.Start) || !c.Date.Before(next)) && !slices.Contains(also, c.Commit) {
			continue
		}
		if _, done := out[c.Commit]; done {
			continue
		}
		rel := skills.SkillsDir + "/" + idAt(w.Own[p.ID], p.ID, c.Date) + ".toml"
		w.head.mu.Lock()
		snap, err := w.snaps.HashesAt(c.Commit)
		var src []byte
		if err == nil {
			if h, ok := snap.Hashes[rel]; ok {
				src, err = w.snaps.Blob(rel, h)
			}
		}
		w.head.mu.Unlock()
		if err != nil {
			return nil, err
		}
		out[c.Commit] = ""
		if old, _ := skills.DecodePerson(p.Path, src, w.Repo.Matrix); src != nil && old != nil && old.Manager != "" {
			out[c.Commit] = cmp.Or(names[old.Manager], old.Manager)
		}
	}
	return out, nil
}

// ReadReview is the review written at rel, nil when there is none.
func ReadReview(root, rel string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return data, err
}

// ErrReviewUpToDate means a review already holds what coach would write.
var ErrReviewUpToDate = errors.New("up to date")

// WriteReview writes the review content at rel: a new file, or the written
// one with the rest regenerated and the manager's sections kept (see
// cycle.Merge). again is the command that writes it. It returns the
// sections kept and those dropped (with force only).
func WriteReview(ctx context.Context, root, rel string, content []byte, force bool, again string) (cycle.Kept, error) {
	if err := files.CheckWritable(root, rel); err != nil {
		return cycle.Kept{}, err
	}
	file := filepath.Join(root, filepath.FromSlash(rel))
	old, err := ReadReview(root, rel)
	if err != nil {
		return cycle.Kept{}, err
	}
	if old == nil {
		return cycle.Kept{}, files.NotWritable(rel, "coach "+again, files.Create(ctx, file, rel, content))
	}
	merged, outcome, kept, err := cycle.Merge(old, content, force)
	var bad *cycle.SectionError
	switch {
	case errors.As(err, &bad):
		return kept, &skills.ProblemsError{Problems: skills.Problems{{Path: rel, Line: bad.Line, Col: 1, Severity: skills.Error, Message: bad.Msg, Hint: bad.Fix}}}
	case err != nil:
		return kept, err
	case outcome == cycle.NotCoach:
		return kept, &files.NotReplacedError{Path: rel, Why: "was not written by coach (its first line is not coach's marker)",
			Fix: "move it aside or delete it first, if it should be replaced"}
	case outcome == cycle.HandEdited:
		return kept, &files.NotReplacedError{Path: rel, Why: "was edited by hand outside the manager's sections",
			Fix: fmt.Sprintf("move those edits between the coach:manager marks, or run `coach %s --force`, which keeps what is written between them and replaces the rest", again)}
	case outcome == cycle.Orphaned:
		return kept, &files.NotReplacedError{Path: rel, Why: fmt.Sprintf("holds text in the section %q, which the review no longer has", strings.Join(kept.Dropped, ", ")),
			Fix: fmt.Sprintf("move that text into another section, or run `coach %s --force` to drop it", again)}
	case bytes.Equal(files.LF(old), merged):
		return kept, ErrReviewUpToDate
	}
	return kept, files.Replace(ctx, file, rel, old, merged, "coach "+again)
}
