package history

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/coach-dev/coach/internal/gitobj"
	"github.com/coach-dev/coach/skills"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
	gitstorage "github.com/go-git/go-git/v5/storage"
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
	// Files maps "skills/alice.toml" to its content; empty from
	// [Snapshots.HashesAt], which reads no file.
	Files map[string][]byte
	// Hashes maps "skills/alice.toml" to git's hash of its blob, for every
	// file in Files (and, from HashesAt, every file it would hold).
	Hashes map[string]plumbing.Hash
	// Matrix is the revision's matrix.toml, nil when it has none (and uses
	// the built-in matrix) or when it is in Unread.
	Matrix []byte
	// Config is the revision's coach.toml, nil when it has none.
	Config []byte
	// Templates are the revision's templates/*.tmpl files by name
	// ("diff.md.tmpl"), empty when it has none.
	Templates map[string][]byte
	// Code are the files of the coaching folder that run as code, the
	// pre-commit hook (hooks/*) and the CI workflows (.github/workflows/*),
	// by path, as git's blob hash: what a review says changed, never reads.
	Code map[string]string
	// Self are the paths of the self-reviews (self/PERIOD/ID.md), listed
	// and never read: a review says which were added.
	Self []string
	// Unread are the problems of the revision's files that coach does not
	// read: a skill file or matrix.toml whose object is over coach's size
	// limit (refused from its header, without inflating it), an entry that
	// is not a file. Their paths are as in Files.
	Unread skills.Problems
}

// Snapshots reads the snapshots of several revisions of one repository, as
// coach diff reads a pull request's base and head: the repository is opened
// once, objects are read from the mapped packs as the walk reads them (see
// internal/gitobj), and a file version that one revision shares with another, which
// is almost every file of a pull request, is read once. The snapshots it
// returns share the content of those files: callers must not change it. A
// Snapshots is for one goroutine at a time, as go-git's storage is.
type Snapshots struct {
	w    *walker
	repo *git.Repository
	st   gitstorage.Storer
	// blobs are the file versions read so far, by hash.
	blobs map[plumbing.Hash][]byte
}

// OpenSnapshots opens the repository holding root; Close releases it.
func OpenSnapshots(root string) (*Snapshots, error) {
	w, repo, err := openAt(root)
	if err != nil {
		return nil, err
	}
	return &Snapshots{w: w, repo: repo, st: packedStorer{repo.Storer, w.obj.Store(repo.Storer)},
		blobs: map[plumbing.Hash][]byte{}}, nil
}

// packedStorer is the repository's storage with its objects read from the
// mapped packs first; references and everything else are go-git's.
type packedStorer struct {
	gitstorage.Storer
	packed *gitobj.Store
}

func (s packedStorer) EncodedObject(t plumbing.ObjectType, h plumbing.Hash) (plumbing.EncodedObject, error) {
	return s.packed.EncodedObject(t, h)
}

func (s packedStorer) ReadMax(t plumbing.ObjectType, h plumbing.Hash, max int64) ([]byte, error) {
	return s.packed.ReadMax(t, h, max)
}

// Close releases the repository's packs. Snapshots already read stay
// valid: their content is copied out of the packs.
func (s *Snapshots) Close() { s.w.obj.Close() }

// At reads the skill files of revision rev. An unborn HEAD gives an empty
// snapshot.
func (s *Snapshots) At(rev string) (*Snapshot, error) {
	h, err := (&revisions{w: s.w, st: s.st}).commit(rev)
	if errors.Is(err, plumbing.ErrReferenceNotFound) && (rev == "" || rev == "HEAD") {
		return &Snapshot{Rev: "HEAD", Files: map[string][]byte{}, Hashes: map[string]plumbing.Hash{}}, nil
	}
	if err != nil {
		return nil, err
	}
	return s.snapshot(rev, h, true)
}

// HashesAt is At without reading the skill files: the snapshot's Hashes
// name them, and [Snapshots.Blob] reads one when it is needed. Comparing a
// file with its committed version by hash reads nothing for the thousands
// that are unchanged.
func (s *Snapshots) HashesAt(rev string) (*Snapshot, error) {
	h, err := (&revisions{w: s.w, st: s.st}).commit(rev)
	if errors.Is(err, plumbing.ErrReferenceNotFound) && (rev == "" || rev == "HEAD") {
		return &Snapshot{Rev: "HEAD", Files: map[string][]byte{}, Hashes: map[string]plumbing.Hash{}}, nil
	}
	if err != nil {
		return nil, err
	}
	return s.snapshot(rev, h, false)
}

// Blob reads the skill file file whose blob is h, as At would have read
// it: over coach's limit for a skill file, the error is a *TooLargeError
// (a version At leaves unread).
func (s *Snapshots) Blob(file string, h plumbing.Hash) ([]byte, error) {
	if data, ok := s.blobs[h]; ok {
		return data, nil
	}
	data, err := gitobj.ReadBlob(s.st, h, skills.MaxSkillFileSize)
	var large *TooLargeError
	if errors.As(err, &large) {
		return nil, err
	}
	if err != nil {
		return nil, gitobj.NewObjectError(file+" at HEAD", h, err, s.w.promisor)
	}
	s.blobs[h] = data
	return data, nil
}

func (s *Snapshots) snapshot(rev string, h plumbing.Hash, read bool) (*Snapshot, error) {
	w, st := s.w, s.st
	commit, err := object.GetCommit(st, h)
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		return nil, fmt.Errorf("%w: %s (%s) is not in this clone; fetch it with `git fetch --unshallow` or `git fetch origin %s`",
			ErrNotFetched, rev, h.String()[:7], rev)
	}
	if err != nil {
		return nil, gitobj.NewObjectError("commit "+h.String()[:7], h, err, w.promisor)
	}
	snap := &Snapshot{Rev: rev, Commit: h.String(), When: commit.Author.When, Files: map[string][]byte{},
		Hashes: map[string]plumbing.Hash{}}
	skillsPath := w.skillsPath
	sub, err := gitobj.Subtree(st, commit.TreeHash, skillsPath)
	if err == nil && sub.IsZero() {
		// Before a move of the coaching folder, its files were elsewhere.
		var moved string
		if moved, sub, err = w.movedSince(s.repo, st, commit); moved != "" {
			skillsPath = moved
		}
	}
	if err != nil {
		return nil, gitobj.NewObjectError("the tree of "+rev, commit.TreeHash, err, w.promisor)
	}
	snap.Matrix, err = fileAt(st, commit.TreeHash, path.Join(path.Dir(skillsPath), skills.MatrixFile), skills.MaxMatrixSize)
	var large *TooLargeError
	if errors.As(err, &large) {
		snap.Unread = append(snap.Unread, *skills.MatrixSizeProblem(skills.MatrixFile, large.Size))
		err = nil
	}
	if err != nil {
		var oe *ObjectError
		if errors.As(err, &oe) {
			oe.What, oe.Remote = skills.MatrixFile+" at "+rev, w.promisor
		}
		return nil, err
	}
	if err := settingsAt(st, commit.TreeHash, path.Dir(skillsPath), rev, snap); err != nil {
		return nil, err
	}
	if sub.IsZero() {
		return snap, nil
	}
	tree, err := object.GetTree(st, sub)
	if err != nil {
		return nil, gitobj.NewObjectError("the skills/ tree of "+rev, sub, err, w.promisor)
	}
	for _, e := range tree.Entries {
		if e.Mode == filemode.Dir || !strings.HasSuffix(e.Name, ".toml") {
			continue
		}
		file := skills.SkillsDir + "/" + e.Name
		if !e.Mode.IsFile() || e.Mode == filemode.Symlink {
			what := "a symbolic link"
			if e.Mode == filemode.Submodule {
				what = "a submodule (a gitlink to a commit of another repository)"
			}
			snap.Unread = append(snap.Unread, skills.Problem{Path: file, Severity: skills.Error,
				Message: what + ", not a file, which coach does not read",
				Hint:    "replace it with the skill file, or remove it with `git rm --cached " + file + "`"})
			continue
		}
		if !read {
			snap.Hashes[file] = e.Hash
			continue
		}
		data, ok := s.blobs[e.Hash]
		if !ok {
			data, err = gitobj.ReadBlob(st, e.Hash, skills.MaxSkillFileSize)
			if errors.As(err, &large) {
				snap.Unread = append(snap.Unread, *skills.SkillFileSizeProblem(file, large.Size))
				continue
			}
			if err != nil {
				return nil, gitobj.NewObjectError(file+" at "+rev, e.Hash, err, w.promisor)
			}
			s.blobs[e.Hash] = data
		}
		snap.Files[file], snap.Hashes[file] = data, e.Hash
	}
	return snap, nil
}

// settingsAt reads the coach.toml and templates/*.tmpl of the coaching
// folder dir ("." at the root) of the tree root into snap. A file over
// coach's limit for it is an error, found from the object's header before
// it is inflated: these are the files that decide how a review is written.
func settingsAt(st storer.EncodedObjectStorer, root plumbing.Hash, dir, rev string, snap *Snapshot) error {
	snap.Templates, snap.Code = map[string][]byte{}, map[string]string{}
	h := root
	if dir != "." && dir != "" {
		var err error
		if h, err = gitobj.Subtree(st, root, dir); err != nil {
			return gitobj.NewObjectError("the tree of "+dir+"/ at "+rev, root, err, "")
		}
		if h.IsZero() {
			return nil
		}
	}
	read := func(name string, e object.TreeEntry, limit int, what string) ([]byte, error) {
		obj, err := st.EncodedObject(plumbing.BlobObject, e.Hash)
		if err != nil {
			return nil, gitobj.NewObjectError(name+" at "+rev, e.Hash, err, "")
		}
		if p := skills.SizeProblem(name, obj.Size(), limit, what); p != nil {
			p.Path = rev + ":" + name // as git names a file of a revision
			return nil, &skills.ProblemsError{Problems: skills.Problems{*p}}
		}
		data, err := gitobj.ReadObject(st, plumbing.BlobObject, e.Hash)
		if err != nil {
			return nil, gitobj.NewObjectError(name+" at "+rev, e.Hash, err, "")
		}
		return data, nil
	}
	t, err := object.GetTree(st, h)
	if err != nil {
		return gitobj.NewObjectError("the tree of "+rev, h, err, "")
	}
	var tmpl plumbing.Hash
	code := func(dir string, h plumbing.Hash) error {
		t, err := object.GetTree(st, h)
		if err != nil {
			return gitobj.NewObjectError("the tree of "+dir+"/ at "+rev, h, err, "")
		}
		for _, e := range t.Entries {
			if e.Mode != filemode.Dir && e.Mode != filemode.Submodule {
				snap.Code[dir+"/"+e.Name] = e.Hash.String()
			}
		}
		return nil
	}
	for _, e := range t.Entries {
		switch {
		case e.Name == "hooks" && e.Mode == filemode.Dir:
			if err := code("hooks", e.Hash); err != nil {
				return err
			}
		case e.Name == ".github" && e.Mode == filemode.Dir:
			wf, err := gitobj.Subtree(st, e.Hash, "workflows")
			if err != nil {
				return gitobj.NewObjectError("the tree of .github/ at "+rev, e.Hash, err, "")
			}
			if !wf.IsZero() {
				if err := code(".github/workflows", wf); err != nil {
					return err
				}
			}
		case e.Name == skills.ConfigFile && e.Mode.IsFile():
			if snap.Config, err = read(e.Name, e, skills.MaxConfigSize, skills.ConfigFile); err != nil {
				return err
			}
		case e.Name == templatesDir && e.Mode == filemode.Dir:
			tmpl = e.Hash
		case e.Name == "self" && e.Mode == filemode.Dir:
			if snap.Self, err = selfReviews(st, e.Hash, rev); err != nil {
				return err
			}
		}
	}
	if tmpl.IsZero() {
		return nil
	}
	tt, err := object.GetTree(st, tmpl)
	if err != nil {
		return gitobj.NewObjectError("the tree of "+templatesDir+"/ at "+rev, tmpl, err, "")
	}
	for _, e := range tt.Entries {
		// A link is not followed: its target, read as a template, could be
		// anything in the tree.
		if e.Mode != filemode.Regular && e.Mode != filemode.Executable || !strings.HasSuffix(e.Name, ".tmpl") {
			continue
		}
		if snap.Templates[e.Name], err = read(templatesDir+"/"+e.Name, e, skills.MaxTemplateSize, "a template"); err != nil {
			return err
		}
	}
	return nil
}

// selfReviews lists the self/PERIOD/*.md of the tree self, in order.
func selfReviews(st storer.EncodedObjectStorer, self plumbing.Hash, rev string) ([]string, error) {
	t, err := object.GetTree(st, self)
	if err != nil {
		return nil, gitobj.NewObjectError("the tree of self/ at "+rev, self, err, "")
	}
	var out []string
	for _, d := range t.Entries {
		if d.Mode != filemode.Dir {
			continue
		}
		pt, err := object.GetTree(st, d.Hash)
		if err != nil {
			return nil, gitobj.NewObjectError("the tree of self/"+d.Name+"/ at "+rev, d.Hash, err, "")
		}
		for _, e := range pt.Entries {
			if e.Mode.IsFile() && strings.HasSuffix(e.Name, ".md") {
				out = append(out, "self/"+d.Name+"/"+e.Name)
			}
		}
	}
	return out, nil
}

// templatesDir is where a coaching folder keeps its own templates (the
// templates package's Dir, which history does not import).
const templatesDir = "templates"

// movedSince finds where the skills/ tree was at commit c when the coaching
// folder has moved between c and HEAD; "" when it has not.
func (w *walker) movedSince(repo *git.Repository, st storer.EncodedObjectStorer, c *object.Commit) (string, plumbing.Hash, error) {
	head, err := repo.Head()
	if err != nil || head.Hash() == c.Hash {
		return "", plumbing.ZeroHash, nil
	}
	hc, err := object.GetCommit(st, head.Hash())
	if err != nil {
		return "", plumbing.ZeroHash, err
	}
	hs, err := gitobj.Subtree(st, hc.TreeHash, w.skillsPath)
	if err != nil || hs.IsZero() {
		return "", plumbing.ZeroHash, err
	}
	return w.moved(st, c.TreeHash, &commit{Hash: hc.Hash, Skills: hs, tree: hc.TreeHash})
}

// fileAt reads the file at slash path p of the tree root, or nil when
// there is none; a *TooLargeError when it is over max bytes. (go-git's Tree.File reports a blob it cannot read as a file
// that does not exist.)
func fileAt(s storer.EncodedObjectStorer, root plumbing.Hash, p string, max int64) ([]byte, error) {
	dir, name := path.Split(p)
	h := root
	if dir = strings.TrimSuffix(dir, "/"); dir != "" {
		var err error
		if h, err = gitobj.Subtree(s, root, dir); err != nil || h.IsZero() {
			if err != nil {
				err = gitobj.NewObjectError("the tree of "+dir+"/", root, err, "")
			}
			return nil, err
		}
	}
	t, err := object.GetTree(s, h)
	if err != nil {
		return nil, gitobj.NewObjectError("the tree of "+dir+"/", h, err, "")
	}
	for _, e := range t.Entries {
		if e.Name == name && e.Mode.IsFile() {
			data, err := gitobj.ReadBlob(s, e.Hash, max)
			if tl := (*TooLargeError)(nil); errors.As(err, &tl) {
				return nil, err
			}
			if err != nil {
				return nil, gitobj.NewObjectError(p, e.Hash, err, "")
			}
			return data, nil
		}
	}
	return nil, nil
}

// DefaultBase finds what a pull request is compared with: the merge base of
// HEAD and the default branch (origin/HEAD, else main or master, local or
// remote), or HEAD itself when there is no such branch, and reads its
// snapshot.
func (s *Snapshots) DefaultBase() (*Snapshot, error) {
	repo := s.repo
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
		return s.snapshot("HEAD", head.Hash(), true)
	}
	headCommit, err := object.GetCommit(s.st, head.Hash())
	if err != nil {
		return nil, err
	}
	tipCommit, err := object.GetCommit(s.st, tip)
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
	return s.snapshot(label, bases[0].Hash, true)
}
