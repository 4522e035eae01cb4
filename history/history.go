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
// everything else through go-git's storage; both read a linked work tree's
// common directory and the alternates as git does (see repo.go). An object
// that cannot be read fails the walk, with its file named; it is never taken
// for a version that does not parse. Revisions are resolved as git resolves
// them (see revision.go). What the walk finds is cached under the git
// directory (.git/coach/history.cache, see cache.go), so a second run reads
// only new commits. The walk's memory is per person and per file version,
// not per commit (see walk.go).
package history

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"time"

	"github.com/coach-dev/coach/skills"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
)

// ErrNotGit means the coaching repository is not in a git repository.
var ErrNotGit = errors.New("not a git repository")

// ErrDamaged means an object of the repository cannot be read back: a pack
// file is corrupt or cut short.
var ErrDamaged = errors.New("damaged repository")

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
	// today's id) and every rename: what one person's history needs,
	// without copying everyone's changes. The walk and the cache are the
	// same.
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
	Latest map[string]string

	// With Options.Stream, the records All decodes.
	records []recordRef
	person  string
}

// All yields the changes in the order of Changes: from Changes, or with
// Options.Stream, decoded as they are yielded, so that a whole history is
// never held at once.
func (r *Result) All() iter.Seq[skills.Change] {
	return func(yield func(skills.Change) bool) {
		if r.records == nil {
			for _, c := range r.Changes {
				if !yield(c) {
					return
				}
			}
			return
		}
		replay(r.records, r.person, func(string, string, *fileChange) {}, func(group []skills.Change) bool {
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
	defer w.packs.close()
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
	var c *cacheFile
	var warnings []string
	if !opts.NoCache {
		c, err = loadCache(w.gitDir, key)
		if err == nil && c != nil && !c.boundariesShallow(w.shallow) {
			c = nil // the clone was deepened: what lay beyond is read now
		}
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("ignored the history cache %s, which is %v; rebuilding it", cachePath(w.gitDir), err))
		}
	}
	if c.covers(head) {
		w.stops = append(w.stops, head)
	} else if err := w.walk(head, c); err != nil {
		// Nothing is cached from a walk that could not read an object.
		return nil, err
	}
	if !opts.NoCache && len(w.graph) > 0 && len(w.missing) == 0 && hasConfig(root) {
		// A cache that cannot be written only costs speed next time. A walk
		// that met a missing commit writes none: what it read is
		// incomplete. A repository without coach.toml is not a coaching
		// repository that coach made: coach leaves its .git alone.
		_ = saveCache(w.gitDir, key, c, w.graph, w.changed, w.boundary)
	}
	cached, commits := c.reach(w.stops)
	w.commits = commits + len(w.graph)
	all := append(make([]recordRef, 0, len(w.changed)+len(cached)), w.changed...)
	z := zones{}
	var d decoded
	for _, r := range cached {
		if r.boundary {
			r.decode(z, func(string) bool { return false }, &d)
			w.boundary = append(w.boundary, &commit{Hash: r.hash, When: d.when})
		} else {
			all = append(all, r)
		}
	}
	res := w.result(all, opts.Stream)
	res.Warnings = append(res.Warnings, warnings...)
	w.report(true)
	return res, nil
}

// resolve resolves rev ("" for HEAD) to a commit, as git does.
func resolve(w *walker, repo *git.Repository, rev string) (plumbing.Hash, error) {
	// Objects are read from the mapped packs: main~75000 reads 75,000
	// commits, which through go-git's storage took more memory than the
	// walk that follows.
	return (&revisions{w: w, st: packedStorer{repo.Storer, newObjectStore(repo.Storer, w.packs)}}).commit(rev)
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
// pass over Changes, or with Options.Stream over the records, so that the
// whole history is never held twice.
func (r *Result) ByPerson() map[string][]skills.Change {
	if r.records == nil {
		return ByPerson(r.Changes)
	}
	total := 0
	for _, rec := range r.records {
		total += rec.changes
	}
	all := make([]skills.Change, 0, total)
	replay(r.records, r.person, func(string, string, *fileChange) {}, func(group []skills.Change) bool {
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

// hasConfig reports whether the coaching repository at root has its
// coach.toml, as a regular file.
func hasConfig(root string) bool {
	fi, err := os.Lstat(filepath.Join(root, skills.ConfigFile))
	return err == nil && fi.Mode().IsRegular()
}
