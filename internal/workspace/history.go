package workspace

import (
	"context"
	"fmt"

	"github.com/coach-dev/coach/history"
	"github.com/coach-dev/coach/skills"
)

// History is a repository opened for coach history: the skill files it
// names people from, and the matrix it names levels and roles from.
type History struct {
	Repo *skills.Repo
	// Matrix is the repository's, or the built-in one when it has none
	// that can be read.
	Matrix *skills.Matrix
}

// OpenHistory loads the repository holding dir for the history of person,
// reading only their skill file; with person "" and names, everyone's, for
// the names the JSON gives (text and Markdown name people by id).
func OpenHistory(dir, person string, names bool) (*History, error) {
	want := func(id string) bool { return id == person }
	if person == "" && names {
		want = nil
	}
	repo, err := LoadSome(dir, want)
	if err != nil {
		return nil, err
	}
	h := &History{Repo: repo, Matrix: repo.Matrix}
	if h.Matrix == nil {
		if h.Matrix, err = skills.DefaultMatrix(); err != nil {
			return nil, err
		}
	}
	return h, nil
}

// Read reads the history as opts say, ending p's piece of work when done.
func (h *History) Read(ctx context.Context, opts history.Options, p Progress) (*history.Result, error) {
	if p == nil {
		p = silent{}
	}
	opts.Progress = p.History()
	res, err := history.ReadContext(ctx, h.Repo.Root, opts)
	p.End()
	return res, err
}

// Own is the changes of res, read for person (opts.Person), that are
// theirs; a person unknown to the skill files and the history is an
// error naming the closest ids, from everyone's history, people who have
// left included, read once for it.
func (h *History) Own(ctx context.Context, res *history.Result, opts history.Options, p Progress) ([]skills.Change, error) {
	if err := KnownPerson(h.Repo, res.Changes, opts.Person); err != nil {
		everyone := opts
		everyone.Person, everyone.Stream = "", false
		all, rerr := h.Read(ctx, everyone, p)
		if rerr != nil {
			return nil, rerr
		}
		if err := KnownPerson(h.Repo, all.Changes, opts.Person); err != nil {
			return nil, err
		}
	}
	return history.ForPerson(res.Changes, opts.Person), nil
}

// CheckSkill refuses a --skill id the matrix does not have, naming the
// closest; "" is no skill asked.
func (h *History) CheckSkill(id string) error {
	if id == "" || h.Matrix.Skill(id) != nil {
		return nil
	}
	return &UnknownSkillError{ID: id, Closest: skills.Closest(id, h.Matrix.SkillIDs(), 1)[0]}
}

// UnknownSkillError is a skill id the matrix does not have.
type UnknownSkillError struct{ ID, Closest string }

func (e *UnknownSkillError) Error() string {
	return fmt.Sprintf("unknown skill %q; did you mean %s?", e.ID, e.Closest)
}

// UsageHint makes it wrong usage, with the usual hint.
func (e *UnknownSkillError) UsageHint() string { return "" }
