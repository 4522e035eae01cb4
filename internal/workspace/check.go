package workspace

import (
	"context"

	"github.com/coach-dev/coach/internal/version"
	"github.com/coach-dev/coach/skills"
)

// Checked is what coach check finds in a coaching repository.
type Checked struct {
	Repo     *skills.Repo
	Root     string // the repository's own root, where git runs
	Problems skills.Problems
}

// Check loads the coaching repository holding dir, or with staged what its
// git index holds (what the pre-commit hook checks), and lists every
// problem: the files', the coach version's (b is the running binary) and,
// for the work tree, the misplaced files. The caller adds those of
// package notes (which imports this one) for the work tree, and sorts.
// more are the checks of packages that import this one (peer feedback's),
// run on the files read, while a staged copy of them still exists.
func Check(dir string, staged bool, b version.Build, more ...func(*skills.Repo) skills.Problems) (*Checked, error) {
	c := &Checked{}
	if staged {
		repo, err := LoadStaged(dir)
		if err != nil {
			return nil, err
		}
		c.Repo, c.Root = repo, repo.Root
	} else {
		repo, err := Load(dir)
		if err != nil {
			return nil, err
		}
		c.Repo, c.Root = repo, repo.Root
	}
	ps := append(c.Repo.Problems, VersionProblems(c.Repo.Config, b)...)
	ended, err := OutcomeProblems(context.Background(), c.Root, c.Repo)
	if err != nil {
		return nil, err
	}
	ps = append(ps, ended...)
	if !staged {
		// What the next commit holds is checked by --staged (the hook);
		// what earlier commits hold, here.
		ps = append(ps, PlacementProblems(c.Repo.Root)...)
		ps = append(ps, CaseProblems(c.Repo)...)
	}
	for _, f := range more {
		ps = append(ps, f(c.Repo)...)
	}
	c.Problems = ps
	return c, nil
}
