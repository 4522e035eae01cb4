// Package history reads a coaching repository's progress from its git
// commits: every change to every person's skill file, in one walk over the
// commits that serves all people at once.
//
// The walk reads one commit and one root tree per commit, compares the hash
// of the skills/ subtree with the parents', and only when it differs reads
// that subtree and decodes the skill files that changed, each version once.
// Merges report only file versions that match no parent, so a change made on
// a branch is attributed once, to the commit that made it. Renames are
// matched by identical content, then by the name inside the file, and a
// person's history follows them. A shallow clone's boundary is a starting
// point, not a day on which everyone's levels appeared.
//
// Packed objects are read straight from the mapped pack files (see pack.go),
// everything else through go-git's storage. Results per commit are cached
// under the git directory (.git/coach/), keyed by commit hash, so a second
// run reads only new commits.
package history

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"time"

	"github.com/coach-dev/coach/skills"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// ErrNotGit means the coaching repository is not in a git repository.
var ErrNotGit = errors.New("not a git repository")

// ErrDamaged means an object of the repository cannot be read back: a pack
// file is corrupt or cut short.
var ErrDamaged = errors.New("damaged repository")

// ErrRevision means the revision to read from does not exist.
var ErrRevision = errors.New("unknown revision")

// Options tune Read.
type Options struct {
	// Rev is the revision whose history is read; "" means HEAD.
	Rev string
	// NoCache reads every commit, neither using nor updating .git/coach/.
	NoCache bool
	// Workers is how many goroutines read changed commits; 0 means one per CPU.
	Workers int
}

// Result is the history of every person in the repository.
type Result struct {
	// Changes are every change to every skill file, newest first; within a
	// commit by person, then kind, then skill. Person ids are today's: a
	// change made before a rename carries the new id.
	Changes []skills.Change
	// Warnings are versions that could not be read, one line each.
	Warnings []string
	// Notes explain an empty or partial history, one line each.
	Notes []string
	// Commits is the number of commits walked.
	Commits int
}

// Read walks the history of the coaching repository at root.
func Read(root string, opts Options) (*Result, error) {
	return ReadContext(context.Background(), root, opts)
}

// ReadContext is Read, stopping with ctx's error soon after ctx is done.
func ReadContext(ctx context.Context, root string, opts Options) (*Result, error) {
	w, repo, err := openAt(root)
	if err != nil {
		return nil, err
	}
	w.ctx = ctx
	if w.gitDir != "" {
		w.packs = &packSet{gitDir: w.gitDir}
		defer w.packs.close()
	}
	w.nodes = map[plumbing.Hash]*node{}
	w.workers = opts.Workers
	if w.workers <= 0 {
		w.workers = min(runtime.GOMAXPROCS(0), 4)
	}
	head, err := resolve(repo, opts.Rev)
	if errors.Is(err, plumbing.ErrReferenceNotFound) && opts.Rev == "" {
		return &Result{Notes: []string{"the repository has no commits yet: commit the skill files to start their history"}}, nil
	}
	if err != nil {
		return nil, err
	}
	shallow, err := repo.Storer.Shallow()
	if err != nil {
		return nil, fmt.Errorf("read the shallow list: %w", err)
	}
	w.shallow = map[plumbing.Hash]bool{}
	for _, h := range shallow {
		w.shallow[h] = true
	}
	// A linked work tree has no .git directory of its own to keep a cache in.
	noCache := opts.NoCache || w.gitDir == ""
	var c *cacheFile
	if !noCache {
		c = loadCache(w.gitDir, w.skillsPath)
	}
	if err := w.collect(repo, head, c); err != nil {
		return nil, err
	}
	if err := w.diffPending(); err != nil {
		return nil, err
	}
	if !noCache && w.fresh > 0 {
		// A cache that cannot be written only costs speed next time.
		_ = saveCache(w.gitDir, w.skillsPath, w.nodes, w.shallow)
	}
	res := w.result()
	return res, nil
}

// findGit walks up from dir to the directory holding .git, as git does.
func findGit(dir string) (gitDir, workTree string, err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		fi, err := os.Stat(filepath.Join(d, ".git"))
		if err == nil {
			if fi.IsDir() {
				return filepath.Join(d, ".git"), d, nil
			}
			return "", d, nil // a .git file (a linked work tree): let go-git follow it
		}
		if filepath.Dir(d) == d {
			return "", "", fmt.Errorf("%w: %s is not inside one; history is read from the commits that changed skills/ (run git init and commit the skill files)", ErrNotGit, abs)
		}
	}
}

// objectCache bounds go-git's cache of decoded objects per open storage
// (one for the first pass, one per worker). The walk reads packed objects
// itself, so it serves loose objects, alternates, and the commands that read
// one revision.
const objectCache = 8 * cache.MiByte

// open opens the repository for reading objects. With a .git directory the
// storage keeps its pack files open across reads (go-git otherwise reopens
// the pack for every object) with a bounded object cache. A linked work tree
// (where .git is a file) is opened through go-git's own discovery.
func (w *walker) open() (*git.Repository, error) {
	if w.gitDir == "" {
		repo, err := git.PlainOpenWithOptions(w.workTree, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
		if err != nil {
			return nil, fmt.Errorf("open the git repository at %s: %w", w.workTree, err)
		}
		return repo, nil
	}
	st := filesystem.NewStorageWithOptions(osfs.New(w.gitDir), cache.NewObjectLRU(objectCache),
		filesystem.Options{KeepDescriptors: true})
	repo, err := git.Open(st, nil)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", w.gitDir, err)
	}
	return repo, nil
}

func resolve(repo *git.Repository, rev string) (plumbing.Hash, error) {
	if rev == "" {
		ref, err := repo.Head()
		if err != nil {
			return plumbing.ZeroHash, err
		}
		return ref.Hash(), nil
	}
	h, err := repo.ResolveRevision(plumbing.Revision(rev))
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("%w %q: %v", ErrRevision, rev, err)
	}
	return *h, nil
}

// ForPerson returns the changes of one person.
func ForPerson(changes []skills.Change, id string) []skills.Change {
	var out []skills.Change
	for _, c := range changes {
		if c.Person == id {
			out = append(out, c)
		}
	}
	return out
}

// People lists every person id that appears in changes, sorted.
func People(changes []skills.Change) []string {
	seen := map[string]bool{}
	for _, c := range changes {
		seen[c.Person] = true
	}
	out := make([]string, 0, len(seen))
	for id := range seen {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// Between returns the changes dated in [since, until); a zero bound is open.
func Between(changes []skills.Change, since, until time.Time) []skills.Change {
	var out []skills.Change
	for _, c := range changes {
		if (!since.IsZero() && c.Date.Before(since)) || (!until.IsZero() && !c.Date.Before(until)) {
			continue
		}
		out = append(out, c)
	}
	return out
}
