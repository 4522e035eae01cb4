package history

import (
	"container/heap"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"time"

	"github.com/coach-dev/coach/internal/gitobj"
	"github.com/coach-dev/coach/skills"
	"github.com/go-git/go-git/v5/config"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// FileCommit is a commit that changed a file, with the file's content before
// (in its first parent; nil when it had none) and after.
type FileCommit struct {
	Commit         string
	When           time.Time // the committer's date
	Committer      string
	CommitterEmail string
	Author         string
	AuthorEmail    string
	Before, After  []byte
}

// maxBetween bounds the commits Between reads: a pull request is a few, and
// a base that is not an ancestor of the head must not walk the whole history.
const maxBetween = 20_000

// Between lists the commits reachable from head but not from base (as
// `git log base..head` does) that changed the file p of the coaching folder
// ("skills/alice.toml"), newest first. A merge is listed only when the file
// differs from every parent's: a change it brought from a branch is listed
// under the commit that made it. complete is false when the walk stopped
// at maxBetween commits or at a commit a shallow clone does not have.
func (s *Snapshots) Between(base, head, p string) (out []FileCommit, complete bool, err error) {
	full := path.Join(path.Dir(s.w.skillsPath), p)
	const fromHead, fromBase = 1, 2
	flags := map[plumbing.Hash]uint8{}
	q := &betweenQueue{}
	commits := map[plumbing.Hash]*object.Commit{}
	queued := map[plumbing.Hash]bool{}
	live := 0 // queued commits not reached from base: the walk ends at none
	push := func(h plumbing.Hash, f uint8) {
		old, seen := flags[h]
		flags[h] = old | f
		if seen {
			if queued[h] && old&fromBase == 0 && f&fromBase != 0 {
				live--
			}
			return
		}
		c, err := object.GetCommit(s.st, h)
		if err != nil {
			complete = false // a shallow clone's edge, or an object not fetched
			return
		}
		commits[h] = c
		queued[h] = true
		if f&fromBase == 0 {
			live++
		}
		heap.Push(q, c)
	}
	complete = true
	if base != "" {
		push(plumbing.NewHash(base), fromBase)
	}
	push(plumbing.NewHash(head), fromHead)
	var onlyHead []*object.Commit
	// Done when every commit left is reachable from base.
	for steps := 0; live > 0; steps++ {
		if steps == maxBetween {
			complete = false
			break
		}
		c := heap.Pop(q).(*object.Commit)
		queued[c.Hash] = false
		f := flags[c.Hash]
		if f&fromBase == 0 {
			live--
			onlyHead = append(onlyHead, c)
		}
		for _, parent := range c.ParentHashes {
			push(parent, f)
		}
	}
	for _, c := range onlyHead {
		if flags[c.Hash]&fromBase != 0 {
			continue // reached from base after all (a skewed clock)
		}
		after, err := fileAt(s.st, c.TreeHash, full, skills.MaxSkillFileSize)
		if err != nil {
			return nil, false, err
		}
		changed, first := true, []byte(nil)
		for i, ph := range c.ParentHashes {
			pc := commits[ph]
			if pc == nil {
				if pc, err = object.GetCommit(s.st, ph); err != nil {
					changed, complete = false, false
					break
				}
			}
			before, err := fileAt(s.st, pc.TreeHash, full, skills.MaxSkillFileSize)
			if err != nil {
				return nil, false, err
			}
			if i == 0 {
				first = before
			}
			if string(before) == string(after) && (before == nil) == (after == nil) {
				changed = false
				break
			}
		}
		if changed {
			out = append(out, FileCommit{Commit: c.Hash.String(), When: c.Committer.When, Committer: c.Committer.Name,
				CommitterEmail: c.Committer.Email, Author: c.Author.Name, AuthorEmail: c.Author.Email, Before: first, After: after})
		}
	}
	return out, complete, nil
}

// betweenQueue orders commits newest first by committer date, as git log does.
type betweenQueue []*object.Commit

func (q betweenQueue) Len() int { return len(q) }
func (q betweenQueue) Less(i, j int) bool {
	if !q[i].Committer.When.Equal(q[j].Committer.When) {
		return q[i].Committer.When.After(q[j].Committer.When)
	}
	return q[i].Hash.String() < q[j].Hash.String()
}
func (q betweenQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *betweenQueue) Push(x any)   { *q = append(*q, x.(*object.Commit)) }
func (q *betweenQueue) Pop() any {
	old := *q
	c := old[len(old)-1]
	*q = old[:len(old)-1]
	return c
}

// CommitterEmail is the email git would record as this user's committer:
// $GIT_COMMITTER_EMAIL, else user.email of the repository's configuration
// and the user's (committer.email first), else $EMAIL; "" when none says.
func (s *Snapshots) CommitterEmail() string {
	if e := strings.TrimSpace(os.Getenv("GIT_COMMITTER_EMAIL")); e != "" {
		return e
	}
	if cfg, err := s.repo.ConfigScoped(config.GlobalScope); err == nil {
		if cfg.Committer.Email != "" {
			return cfg.Committer.Email
		}
		if cfg.User.Email != "" {
			return cfg.User.Email
		}
	}
	return strings.TrimSpace(os.Getenv("EMAIL"))
}

// maxLastCommit bounds the commits LastCommitBy reads.
const maxLastCommit = 200_000

// LastCommitBy finds the newest commit reachable from HEAD whose committer
// email is email (in any case), and reads the settings of that revision
// (its coach.toml and templates). It returns nil when there is none, or
// when HEAD has no commits.
func (s *Snapshots) LastCommitBy(email string) (*Snapshot, error) {
	head, err := s.repo.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) || email == "" {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	start, err := object.GetCommit(s.st, head.Hash())
	if err != nil {
		return nil, gitobj.NewObjectError("commit "+head.Hash().String()[:7], head.Hash(), err, s.w.promisor)
	}
	iter := object.NewCommitIterCTime(start, nil, nil)
	defer iter.Close()
	for n := 0; n < maxLastCommit; n++ {
		c, err := iter.Next()
		if errors.Is(err, io.EOF) || errors.Is(err, plumbing.ErrObjectNotFound) {
			return nil, nil // the whole history, or as far as a shallow clone has it
		}
		if err != nil {
			return nil, err
		}
		if !strings.EqualFold(c.Committer.Email, email) {
			continue
		}
		snap := &Snapshot{Rev: c.Hash.String()[:7], Commit: c.Hash.String(), When: c.Committer.When}
		if err := settingsAt(s.st, c.TreeHash, path.Dir(s.w.skillsPath), snap.Rev, snap); err != nil {
			return nil, err
		}
		return snap, nil
	}
	return nil, nil
}

// WrittenIn finds the commit that wrote the version of the coaching
// folder's file p that HEAD holds, as far as same says: walking first
// parents from HEAD, the oldest commit of the run in which same holds for
// the file's content (nil: no file). It reads that revision's settings (its
// coach.toml) and returns nil when HEAD has no commits or the file is not
// in HEAD. The walk stops at maxBetween commits or a shallow clone's edge,
// and then names the oldest commit it reached.
func (s *Snapshots) WrittenIn(p string, same func(data []byte) bool) (*Snapshot, error) {
	head, err := s.repo.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	full := path.Join(path.Dir(s.w.skillsPath), p)
	c, err := object.GetCommit(s.st, head.Hash())
	if err != nil {
		return nil, gitobj.NewObjectError("commit "+head.Hash().String()[:7], head.Hash(), err, s.w.promisor)
	}
	var writer *object.Commit
	for n := 0; n < maxBetween && c != nil; n++ {
		data, err := fileAt(s.st, c.TreeHash, full, skills.MaxSkillFileSize)
		if err != nil {
			return nil, err
		}
		if data == nil || !same(data) {
			break
		}
		writer = c
		if len(c.ParentHashes) == 0 {
			break
		}
		if c, err = object.GetCommit(s.st, c.ParentHashes[0]); err != nil {
			break // a shallow clone's edge
		}
	}
	if writer == nil {
		return nil, nil
	}
	snap := &Snapshot{Rev: writer.Hash.String()[:7], Commit: writer.Hash.String(), When: writer.Committer.When}
	if err := settingsAt(s.st, writer.TreeHash, path.Dir(s.w.skillsPath), snap.Rev, snap); err != nil {
		return nil, err
	}
	return snap, nil
}

// ErrNoCommitYet means no commit of HEAD's first-parent line is dated on
// or before the day asked for: the repository did not exist yet.
var ErrNoCommitYet = errors.New("no commit on or before that day")

// LastOn finds the state of the current branch on day: walking first
// parents from HEAD, the newest commit whose committer date, read in its
// own time zone, is on or before day. A change made on a branch is there
// only once the merge that brought it in is, so a change merged after day
// is not in it, whatever its own commit's date. It returns "" when HEAD
// itself is on or before day (the work tree is that state; reading it
// costs one commit) or has no commits, and ErrNoCommitYet when every
// commit is after day. A shallow clone's edge ends the walk with
// ErrNotFetched.
func (s *Snapshots) LastOn(day time.Time) (string, error) {
	head, err := s.repo.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	want := day.Format(time.DateOnly)
	h := head.Hash()
	for first := true; ; first = false {
		c, err := object.GetCommit(s.st, h)
		if err != nil {
			if errors.Is(err, plumbing.ErrObjectNotFound) {
				return "", fmt.Errorf("%w: the history stops at %s, before %s; fetch more with `git fetch --unshallow`", ErrNotFetched, h.String()[:7], want)
			}
			return "", gitobj.NewObjectError("commit "+h.String()[:7], h, err, s.w.promisor)
		}
		if c.Committer.When.Format(time.DateOnly) <= want {
			if first {
				return "", nil
			}
			return c.Hash.String(), nil
		}
		if len(c.ParentHashes) == 0 {
			return "", ErrNoCommitYet
		}
		h = c.ParentHashes[0]
	}
}
