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
// Objects are read through internal/gitobj: packed ones straight from the
// mapped pack files, everything else through go-git's storage; both read a
// linked work tree's common directory and the alternates as git does. An object
// that cannot be read fails the walk, with its file named; it is never taken
// for a version that does not parse. Revisions are resolved as git resolves
// them (see revision.go). What the walk finds is cached under the git
// directory (.git/coach/history.cache, see cache.go), so a second run reads
// only new commits. The walk's memory is per person and per file version,
// not per commit (see walk.go).
package history

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"time"

	"github.com/coach-dev/coach/internal/gitobj"
	"github.com/coach-dev/coach/skills"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
)

// The errors of the object layer, which Read and Snapshots return as they
// are (see internal/gitobj).
var (
	// ErrNotGit means the coaching repository is not in a git repository.
	ErrNotGit = gitobj.ErrNotGit
	// ErrDamaged means an object of the repository cannot be read back: a
	// pack file is corrupt or cut short.
	ErrDamaged = gitobj.ErrDamaged
	// ErrSHA256 means the repository names its objects with SHA-256, which
	// coach cannot read yet.
	ErrSHA256 = gitobj.ErrSHA256
	// ErrUnsupported means the repository uses a git feature that coach
	// cannot read.
	ErrUnsupported = gitobj.ErrUnsupported
)

// ObjectError is an object the history needs that cannot be read.
type ObjectError = gitobj.ObjectError

// TooLargeError is an object over the size coach reads.
type TooLargeError = gitobj.TooLargeError

// openAt opens the repository holding the coaching repository at root.
func openAt(root string) (*walker, *git.Repository, error) {
	obj, repo, err := gitobj.Open(root)
	if err != nil {
		return nil, nil, err
	}
	rel, err := filepath.Rel(obj.WorkTree, root)
	if err != nil {
		obj.Close()
		return nil, nil, err
	}
	w := &walker{skillsPath: skills.SkillsDir, gitDir: obj.GitDir, headDir: obj.HeadDir, workTree: obj.WorkTree,
		promisor: obj.Promisor, shallow: obj.Shallow, obj: obj}
	if rel != "." {
		w.skillsPath = filepath.ToSlash(filepath.Join(rel, skills.SkillsDir))
	}
	return w, repo, nil
}

// ErrIncomplete means a history that stops short of the first commit: a
// shallow clone's, or one with a commit missing. It is whole enough to
// show, with a note, but not to compare with what was committed before.
var ErrIncomplete = errors.New("the history of this clone is incomplete")

// ErrRevision means the revision to read from does not exist.
var ErrRevision = errors.New("unknown revision")

// Options tune Read.
type Options struct {
	// Rev is the revision whose history is read; "" means HEAD.
	Rev string
	// NoCache reads every commit, neither using nor updating .git/coach/.
	NoCache bool
	// Workers is how many goroutines read changed commits; 0 means one per
	// CPU (GOMAXPROCS).
	Workers int
	// Person, when set, keeps of the changes only that person's (by
	// today's id) and every rename: what one person's history needs. A
	// warm run decodes that person's entries of the cache and no one
	// else's. The walk and the cache are the same.
	Person string
	// Stream leaves Result.Changes empty: Result.All decodes the changes
	// as they are used, from the compact records the walk keeps. For a
	// whole organisation's history, written out once.
	Stream bool
	// Progress, when set, is called now and then during a walk, from the
	// goroutine that called Read, and once at the end with Done set.
	Progress func(Progress)
}

// Progress is what a long walk reports, now and then, to Options.Progress.
type Progress struct {
	// Commits is how many commits this run has read.
	Commits int
	// Estimate is how many it will read in all; 0 when unknown.
	Estimate int
	// People is the number of skill files in the newest skills/ tree read.
	People int
	// Done is set on the last report.
	Done bool
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
	// Incomplete is set when the history stops short of the first commit
	// (a shallow clone's boundary, a missing commit); Notes say where.
	Incomplete bool
	// Commits is the number of commits walked.
	Commits int
	// Latest maps a person id (today's) to the newest commit, by author
	// date, that changed their skill file, whether or not the change is
	// one Changes lists (a new assessment date, notes, a manager).
	// With Options.Person, it holds that person alone.
	Latest map[string]string

	// With Options.Stream, the history All and ByPerson decode.
	view *view
}

// All yields the changes in the order of Changes: from Changes, or with
// Options.Stream, decoded as they are yielded, so that a whole history is
// never held at once.
func (r *Result) All() iter.Seq[skills.Change] {
	return func(yield func(skills.Change) bool) {
		if r.view == nil {
			for _, c := range r.Changes {
				if !yield(c) {
					return
				}
			}
			return
		}
		r.view.each(func(group []skills.Change) bool {
			for _, c := range group {
				if !yield(c) {
					return false
				}
			}
			return true
		})
	}
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
	w.repo = repo
	defer w.obj.Close()
	w.seen = map[plumbing.Hash]struct{}{}
	w.workers = opts.Workers
	if w.workers <= 0 {
		w.workers = runtime.GOMAXPROCS(0)
	}
	w.progress = opts.Progress
	w.person = opts.Person
	head, err := resolve(w, repo, opts.Rev)
	if errors.Is(err, plumbing.ErrReferenceNotFound) && opts.Rev == "" {
		return &Result{Notes: []string{"the repository has no commits yet: commit the skill files to start their history"}}, nil
	}
	if err != nil {
		return nil, err
	}
	key := currentKey(w.skillsPath)
	// Only a coaching repository gets a cache: coach run in any other git
	// repository leaves nothing behind in it.
	useCache := !opts.NoCache && isCoaching(root)
	var c *cacheFile
	var warnings []string
	ignored := func(why error) {
		warnings = append(warnings, fmt.Sprintf("ignored the history cache %s, which is %v; rebuilding it", cachePath(w.gitDir), why))
	}
	if useCache {
		c, err = loadCache(w.gitDir, key)
		if err == nil && c != nil && !c.boundariesShallow(w.shallow) {
			c = nil // the clone was deepened: what lay beyond is read now
		}
		if err != nil {
			ignored(err)
		}
	}
	var v *view
	var seen []bool // what head reaches in the cache
	if c.covers(head) {
		var n int
		seen, n = c.reach([]plumbing.Hash{head})
		if v = newView(c, seen, opts.Person); !v.valid() {
			ignored(errMalformed)
			c, v = nil, nil
		}
		w.commits = n
	} else if c != nil && !c.valid() {
		// What the walk adds is merged with what the cache holds, all of
		// which is read then.
		ignored(errMalformed)
		c = nil
	}
	var roots []plumbing.Hash // what the cache keeps: what these reach
	if useCache {
		roots = append(w.refTips(c), head)
	}
	switch {
	case v == nil:
		if err := w.walk(head, c); err != nil {
			// Nothing is cached from a walk that could not read an object.
			return nil, err
		}
		if !useCache {
			roots = []plumbing.Hash{head}
		}
		data, _ := encodeCache(key, c, w.graph, w.changed, w.boundary, roots)
		// What the walk read is in data now.
		w.changed, w.seen, c = nil, nil, nil
		if useCache && len(w.missing) == 0 {
			// A cache that cannot be written only costs speed next time. A
			// walk that met a missing commit writes none: what it read is
			// incomplete.
			_ = saveCache(w.gitDir, data)
		}
		// What was walked is read as the cache is.
		if c, err = decodeCache(data, key); err != nil {
			return nil, fmt.Errorf("the history just read does not read back (%v); this is a bug in coach", err)
		}
		seen, n := c.reach([]plumbing.Hash{head})
		v, w.commits = newView(c, seen, opts.Person), n
	case useCache:
		// Nothing new, but a history rewritten or a branch deleted leaves
		// commits behind that nothing reaches any more: the cache is
		// written again without them.
		if c.beyond(seen, roots) && c.valid() {
			if data, dropped := encodeCache(key, c, nil, nil, nil, roots); dropped {
				_ = saveCache(w.gitDir, data)
			}
		}
	}
	res := w.result(v, opts.Stream)
	res.Warnings = append(res.Warnings, warnings...)
	w.report(true)
	return res, nil
}

// beyond reports whether the cache holds commits that roots do not reach,
// given what head reaches (seen): most often head reaches every root, and
// the commits it reaches are counted already.
func (c *cacheFile) beyond(seen []bool, roots []plumbing.Hash) bool {
	for _, h := range roots {
		if i, ok := c.index(h); ok && !seen[i] {
			_, n := c.reach(roots)
			return n < len(c.hashes)
		}
	}
	return slices.Contains(seen, false)
}

// errMalformed is a cache whose checksum matches and whose content does not
// read: not one coach wrote.
var errMalformed = errors.New("damaged: malformed")

// isCoaching reports whether root holds coach.toml.
func isCoaching(root string) bool {
	fi, err := os.Stat(filepath.Join(root, skills.ConfigFile))
	return err == nil && fi.Mode().IsRegular()
}

// refTips are the commits that the branches and tags name, those the cache
// c or the walk hold: with the revision read, what the cache keeps.
func (w *walker) refTips(c *cacheFile) []plumbing.Hash {
	refs, err := w.repo.References()
	if err != nil {
		return nil
	}
	defer refs.Close()
	// Objects are read from the mapped packs, as the walk reads them: go-git's
	// storage would index every pack in memory for the run.
	objects := w.obj.Store(w.repo.Storer)
	var out []plumbing.Hash
	_ = refs.ForEach(func(r *plumbing.Reference) error {
		if r.Type() != plumbing.HashReference {
			return nil
		}
		h := r.Hash()
		// An annotated tag names the commit it tags, or another tag.
		for range 8 {
			if c.covers(h) {
				break
			}
			raw, err := objects.Read(plumbing.TagObject, h)
			if err != nil || !bytes.HasPrefix(raw, []byte("object ")) || len(raw) < 47 {
				break
			}
			var target plumbing.Hash
			if _, err := hex.Decode(target[:], raw[7:47]); err != nil {
				break
			}
			h = target
		}
		out = append(out, h)
		return nil
	})
	return out
}

// resolve resolves rev ("" for HEAD) to a commit, as git does.
func resolve(w *walker, repo *git.Repository, rev string) (plumbing.Hash, error) {
	// Objects are read from the mapped packs: main~75000 reads 75,000
	// commits, which through go-git's storage took more memory than the
	// walk that follows.
	return (&revisions{w: w, st: packedStorer{repo.Storer, w.obj.Store(repo.Storer)}}).commit(rev)
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

// ByPerson groups the changes by person, each person's newest first: one
// pass over Changes, or with Options.Stream each person's decoded from the
// cache's entries of their files, a person at a time on every core, so
// that the whole history is never held twice.
func (r *Result) ByPerson() map[string][]skills.Change {
	switch {
	case r.view == nil:
		return ByPerson(r.Changes)
	case r.view.person == "":
		// Everyone's, a person at a time, on every core.
		return r.view.byPerson()
	}
	var all []skills.Change
	r.view.each(func(group []skills.Change) bool {
		all = append(all, group...)
		return true
	})
	return ByPerson(all)
}

// ByPerson groups changes by person, each person's in the order given: one
// pass, where ForPerson for each of n people costs n passes.
func ByPerson(changes []skills.Change) map[string][]skills.Change {
	// A commit's changes are grouped by person already: each run of one
	// person's changes costs one lookup and one copy.
	runs := func(yield func(i, j int) bool) {
		for i := 0; i < len(changes); {
			j := i + 1
			for j < len(changes) && changes[j].Person == changes[i].Person {
				j++
			}
			if !yield(i, j) {
				return
			}
			i = j
		}
	}
	counts := map[string]int{}
	for i, j := range runs {
		counts[changes[i].Person] += j - i
	}
	// One array holds everyone's, each person's a part of it.
	backing := make([]skills.Change, len(changes))
	out := make(map[string][]skills.Change, len(counts))
	off := 0
	for i, j := range runs {
		p := changes[i].Person
		s, ok := out[p]
		if !ok {
			n := counts[p]
			s = backing[off : off : off+n]
			off += n
		}
		out[p] = append(s, changes[i:j]...)
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
	if since.IsZero() && until.IsZero() {
		return changes // a history of hundreds of thousands of changes is not copied
	}
	var out []skills.Change
	for _, c := range changes {
		if (!since.IsZero() && c.Date.Before(since)) || (!until.IsZero() && !c.Date.Before(until)) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// Concerning returns the changes that concern skill (see
// skills.Change.Concerns); "" is every change.
func Concerning(changes []skills.Change, skill string) []skills.Change {
	if skill == "" {
		return changes
	}
	var out []skills.Change
	for _, c := range changes {
		if c.Concerns(skill) {
			out = append(out, c)
		}
	}
	return out
}

// Select yields the changes of seq that Between and Concerning keep, for
// a history streamed rather than held whole.
func Select(seq iter.Seq[skills.Change], since, until time.Time, skill string) iter.Seq[skills.Change] {
	return func(yield func(skills.Change) bool) {
		for c := range seq {
			if (!since.IsZero() && c.Date.Before(since)) || (!until.IsZero() && !c.Date.Before(until)) ||
				(skill != "" && !c.Concerns(skill)) {
				continue
			}
			if !yield(c) {
				return
			}
		}
	}
}
