package history

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/coach-dev/coach/skills"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// ErrNotFetched means a revision is named but its commit is not in the
// repository, as in a shallow clone that stops before it.
var ErrNotFetched = errors.New("commit not fetched")

// Snapshot is the skill files of one revision.
type Snapshot struct {
	// Rev is the revision as asked for ("origin/main"), Commit its hash.
	Rev    string
	Commit string
	// When is the commit's date.
	When time.Time
	// Files maps "skills/alice.toml" to its content.
	Files map[string][]byte
	// Matrix is the revision's matrix.toml, nil when it has none (and uses
	// the built-in matrix).
	Matrix []byte
}

// FilesAt reads the skill files of revision rev of the repository holding
// root. An unborn HEAD gives an empty snapshot.
func FilesAt(root, rev string) (*Snapshot, error) {
	w, repo, err := openAt(root)
	if err != nil {
		return nil, err
	}
	h, err := resolve(w, repo, rev)
	if errors.Is(err, plumbing.ErrReferenceNotFound) && (rev == "" || rev == "HEAD") {
		return &Snapshot{Rev: "HEAD", Files: map[string][]byte{}}, nil
	}
	if err != nil {
		return nil, err
	}
	return snapshot(w, repo, rev, h)
}

func snapshot(w *walker, repo *git.Repository, rev string, h plumbing.Hash) (*Snapshot, error) {
	commit, err := object.GetCommit(repo.Storer, h)
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		return nil, fmt.Errorf("%w: %s (%s) is not in this clone; fetch it with `git fetch --unshallow` or `git fetch origin %s`",
			ErrNotFetched, rev, h.String()[:7], rev)
	}
	if err != nil {
		return nil, objectError("commit "+h.String()[:7], h, err, w.promisor)
	}
	s := &Snapshot{Rev: rev, Commit: h.String(), When: commit.Author.When, Files: map[string][]byte{}}
	skillsPath := w.skillsPath
	sub, err := subtree(repo.Storer, commit.TreeHash, skillsPath)
	if err == nil && sub.IsZero() {
		// Before a move of the coaching folder, its files were elsewhere.
		var moved string
		if moved, sub, err = w.movedSince(repo, commit); moved != "" {
			skillsPath = moved
		}
	}
	if err != nil {
		return nil, objectError("the tree of "+rev, commit.TreeHash, err, w.promisor)
	}
	if s.Matrix, err = fileAt(repo.Storer, commit.TreeHash, path.Join(path.Dir(skillsPath), skills.MatrixFile)); err != nil {
		var oe *ObjectError
		if errors.As(err, &oe) {
			oe.What, oe.Remote = skills.MatrixFile+" at "+rev, w.promisor
		}
		return nil, err
	}
	if sub.IsZero() {
		return s, nil
	}
	tree, err := object.GetTree(repo.Storer, sub)
	if err != nil {
		return nil, objectError("the skills/ tree of "+rev, sub, err, w.promisor)
	}
	for _, e := range tree.Entries {
		if !e.Mode.IsFile() || !strings.HasSuffix(e.Name, ".toml") {
			continue
		}
		data, err := readObject(repo.Storer, plumbing.BlobObject, e.Hash)
		if err != nil {
			return nil, objectError(skills.SkillsDir+"/"+e.Name+" at "+rev, e.Hash, err, w.promisor)
		}
		s.Files[skills.SkillsDir+"/"+e.Name] = data
	}
	return s, nil
}

// movedSince finds where the skills/ tree was at commit c when the coaching
// folder has moved between c and HEAD; "" when it has not.
func (w *walker) movedSince(repo *git.Repository, c *object.Commit) (string, plumbing.Hash, error) {
	head, err := repo.Head()
	if err != nil || head.Hash() == c.Hash {
		return "", plumbing.ZeroHash, nil
	}
	hc, err := object.GetCommit(repo.Storer, head.Hash())
	if err != nil {
		return "", plumbing.ZeroHash, err
	}
	hs, err := subtree(repo.Storer, hc.TreeHash, w.skillsPath)
	if err != nil || hs.IsZero() {
		return "", plumbing.ZeroHash, err
	}
	return w.moved(repo.Storer, c.TreeHash, &commit{Hash: hc.Hash, Skills: hs, tree: hc.TreeHash})
}

// fileAt reads the file at slash path p of the tree root, or nil when
// there is none. (go-git's Tree.File reports a blob it cannot read as a file
// that does not exist.)
func fileAt(s storer.EncodedObjectStorer, root plumbing.Hash, p string) ([]byte, error) {
	dir, name := path.Split(p)
	h := root
	if dir = strings.TrimSuffix(dir, "/"); dir != "" {
		var err error
		if h, err = subtree(s, root, dir); err != nil || h.IsZero() {
			if err != nil {
				err = objectError("the tree of "+dir+"/", root, err, "")
			}
			return nil, err
		}
	}
	t, err := object.GetTree(s, h)
	if err != nil {
		return nil, objectError("the tree of "+dir+"/", h, err, "")
	}
	for _, e := range t.Entries {
		if e.Name == name && e.Mode.IsFile() {
			data, err := readObject(s, plumbing.BlobObject, e.Hash)
			if err != nil {
				return nil, objectError(p, e.Hash, err, "")
			}
			return data, nil
		}
	}
	return nil, nil
}

// DefaultBase finds what a pull request is compared with: the merge base of
// HEAD and the default branch (origin/HEAD, else main or master, local or
// remote), or HEAD itself when there is no such branch. It returns the
// revision's name and its snapshot.
func DefaultBase(root string) (*Snapshot, error) {
	w, repo, err := openAt(root)
	if err != nil {
		return nil, err
	}
	head, err := repo.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return &Snapshot{Rev: "HEAD", Files: map[string][]byte{}}, nil
	}
	if err != nil {
		return nil, err
	}
	var branch string
	var tip plumbing.Hash
	if ref, err := repo.Reference("refs/remotes/origin/HEAD", true); err == nil {
		branch, tip = strings.TrimPrefix(ref.Name().String(), "refs/remotes/"), ref.Hash()
	} else {
		for _, name := range []string{"refs/heads/main", "refs/heads/master", "refs/remotes/origin/main", "refs/remotes/origin/master"} {
			if ref, err := repo.Reference(plumbing.ReferenceName(name), true); err == nil {
				branch = strings.TrimPrefix(strings.TrimPrefix(name, "refs/heads/"), "refs/remotes/")
				tip = ref.Hash()
				break
			}
		}
	}
	if branch == "" {
		return snapshot(w, repo, "HEAD", head.Hash())
	}
	headCommit, err := object.GetCommit(repo.Storer, head.Hash())
	if err != nil {
		return nil, err
	}
	tipCommit, err := object.GetCommit(repo.Storer, tip)
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		return nil, fmt.Errorf("%w: %s is not in this clone; fetch it with `git fetch origin`", ErrNotFetched, branch)
	}
	if err != nil {
		return nil, err
	}
	bases, err := headCommit.MergeBase(tipCommit)
	if err != nil || len(bases) == 0 {
		return nil, fmt.Errorf("%w: no common ancestor of HEAD and %s in this clone; fetch more history with `git fetch --unshallow`, or name the base with --base", ErrNotFetched, branch)
	}
	label := "merge base with " + branch
	if bases[0].Hash == head.Hash() {
		label = branch
	}
	return snapshot(w, repo, label, bases[0].Hash)
}
