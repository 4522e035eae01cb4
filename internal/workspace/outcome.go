package workspace

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/coach-dev/coach/history"
	"github.com/coach-dev/coach/skills"
)

// OutcomeProblems reports each goal of repo's people whose end (done or
// dropped) is dated before the goal existed: before the first commit, in
// the history of gitRoot, that wrote it down still open. A goal first
// committed already ended was written down after the fact, and is not
// one. It reads the history only when some goal has ended; without git, or
// in a repository coach cannot read, there is nothing to compare with.
func OutcomeProblems(ctx context.Context, gitRoot string, repo *skills.Repo) (skills.Problems, error) {
	var ended []*skills.Person
	for _, p := range repo.People {
		for _, g := range p.Goals {
			if !g.Open() {
				ended = append(ended, p)
				break
			}
		}
	}
	if len(ended) == 0 {
		return nil, nil
	}
	res, err := history.ReadContext(ctx, gitRoot, history.Options{Stream: true})
	switch {
	case errors.Is(err, history.ErrNotGit), errors.Is(err, history.ErrSHA256), errors.Is(err, history.ErrUnsupported):
		return nil, nil
	case err != nil:
		return nil, err
	}
	own := res.ByPerson()
	var ps skills.Problems
	for _, p := range ended {
		opened := GoalsOpened(own[p.ID])
		var src []byte
		for i, g := range p.Goals {
			end, on := g.End()
			since, ok := opened[g.Text]
			if end == "" || !ok || !on.Before(since) {
				continue
			}
			if src == nil {
				if src, err = os.ReadFile(filepath.Join(repo.Root, filepath.FromSlash(p.Path))); err != nil {
					return nil, err
				}
			}
			key := fmt.Sprintf("goal[%d].%s", i, end)
			line, col := skills.ValuePosition(src, key)
			ps = append(ps, skills.Problem{Path: p.Path, Line: line, Col: col, Severity: skills.Error,
				Message: fmt.Sprintf("goal %s on %s, before the goal was first committed on %s", end, on.Format(time.DateOnly), since.Format(time.DateOnly)),
				Hint:    fmt.Sprintf("correct the date: a goal ends on or after %s, the day it was written down", since.Format(time.DateOnly))})
		}
	}
	return ps, nil
}

// GoalsOpened maps each goal's text to the day of the first commit that
// wrote it down open, from a person's history (newest first). A goal
// whose first commit already ended it is left out.
func GoalsOpened(own []skills.Change) map[string]time.Time {
	out := map[string]time.Time{}
	for i := len(own) - 1; i >= 0; i-- {
		c := own[i]
		if c.Kind != skills.KindGoal {
			continue
		}
		if _, seen := out[c.Text]; seen {
			continue
		}
		endedAtOnce := false
		for j := i; j >= 0 && own[j].Commit == c.Commit; j-- {
			if own[j].Kind == skills.KindOutcome && own[j].Text == c.Text {
				endedAtOnce = true
			}
		}
		for j := i; j < len(own) && own[j].Commit == c.Commit; j++ {
			if own[j].Kind == skills.KindOutcome && own[j].Text == c.Text {
				endedAtOnce = true
			}
		}
		if endedAtOnce {
			out[c.Text] = time.Time{}
			continue
		}
		y, m, d := c.Date.Date()
		out[c.Text] = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	for k, v := range out {
		if v.IsZero() {
			delete(out, k)
		}
	}
	return out
}
