package workspace

import "github.com/coach-dev/coach/skills"

// Review is what a review (coach diff) reads of the working tree.
type Review struct {
	Repo *skills.Repo // the settings and the matrix; no people
	// Work are the skill files of the working tree by path, when it is the
	// head; Unread are the problems of those coach will not read.
	Work   map[string][]byte
	Unread skills.Problems
}

// OpenReview loads the coaching repository holding dir as OpenFiles does
// without history, but for its people: a review reads the people of its sides itself, and the
// working tree's (with workTree) only as they are. Errors in the matrix or
// coach.toml stop it as they stop every command; the working tree's skill
// files are read before, where skills.Load reads them.
func OpenReview(dir string, workTree bool) (*Review, error) {
	root, err := skills.FindRoot(dir)
	if err != nil {
		return nil, err
	}
	repo, err := skills.LoadSettings(root)
	if err != nil {
		return nil, err
	}
	t := &Review{Repo: repo}
	if workTree {
		paths, err := skills.SkillFiles(root)
		if err != nil {
			return nil, err
		}
		t.Work = map[string][]byte{}
		for _, p := range paths {
			data, problem, err := skills.ReadSkillFile(root, p)
			if err != nil {
				return nil, err
			}
			if problem != nil {
				t.Unread = append(t.Unread, *problem)
				continue
			}
			t.Work[p] = data
		}
	}
	if err := Settings(repo); err != nil {
		return nil, err
	}
	return t, nil
}
