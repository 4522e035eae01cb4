package history

import (
	"bytes"
	"container/heap"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coach-dev/coach/internal/gencache"
	"github.com/coach-dev/coach/internal/gitobj"
	"github.com/coach-dev/coach/skills"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// The walk keeps state per person and per skill file version, not per
// commit: on a history of 100,000 commits a commit that changed no skill file
// costs its hash in the seen set and its parent links for the cache, and is
// otherwise forgotten once its children are read.
//
// One goroutine reads the commits, newest first by committer date as git
// log does, each commit and its root tree once, and compares the hash of the
// skills/ subtree with its parents'. Commits whose subtree differs go, in
// batches of consecutive commits (so that the skills/ trees of one batch are
// deltas of one another in the pack), to workers that read and compare the
// trees and decode the file versions that changed.

// commit is what the walk reads of one commit.
type commit struct {
	Hash    plumbing.Hash
	Parents []plumbing.Hash
	When    time.Time // the author's date
	Author  string
	Email   string
	// Committer and CommitterEmail are who committed it, which a change
	// to private notes names.
	Committer      string
	CommitterEmail string
	Subject        string
	// Skills is the hash of the skills/ tree, zero when there is none.
	Skills plumbing.Hash
	// Path is where the skills/ tree was at this commit when the coaching
	// folder has moved since ("team/skills"); "" where it is today.
	Path string
	tree plumbing.Hash // the root tree
	// order is the committer time, the walk's order.
	order int64
	seq   int
}

// fileChange is what one commit did to one skill file.
type fileChange struct {
	ID      string // the person id at this commit (the file's stem)
	Changes []skills.Change
	Warning string
}

// job is a commit whose skills/ tree differs from all its parents'.
type job struct {
	c       *commit
	parents []plumbing.Hash // the parents' skills/ trees; nil: a root commit
}

// batch is consecutive jobs, and once a worker has read them, the records
// of those that changed skill files (see records.go).
type batch struct {
	jobs []*job
	refs []recordRef
}

const batchSize = 128

type walker struct {
	ctx        context.Context // the walk stops with its error once it is done
	skillsPath string
	gitDir     string // the common git directory: objects, refs, the cache
	headDir    string // the work tree's own git directory: HEAD and its reflog
	workTree   string
	promisor   string // the remote a partial clone fetches from; "" in a complete clone
	repo       *git.Repository
	workers    int
	shallow    map[plumbing.Hash]bool
	obj        *gitobj.Repo // the object layer: packs read directly, go-git for the rest
	progress   func(Progress)

	seen     map[plumbing.Hash]struct{} // commits walked in this run
	graph    []graphCommit              // the same, with their parents, for the cache
	changed  []recordRef                // what the walked commits changed
	boundary []*commit                  // shallow commits walked
	missing  []plumbing.Hash
	commits  int // walked, or taken from the cache

	person string // Options.Person

	estimate int
	people   atomic.Int64 // files in the newest skills/ tree a worker read
}

// stopped returns the walk's context error once it is done (Ctrl-C).
func (w *walker) stopped() error {
	if w.ctx == nil {
		return nil
	}
	return w.ctx.Err()
}

// pathAt is where the skills/ tree is at commit n.
func (w *walker) pathAt(n *commit) string {
	if n.Path != "" {
		return n.Path
	}
	return w.skillsPath
}

// report calls the progress function, if any.
func (w *walker) report(done bool) {
	if w.progress == nil {
		return
	}
	if w.estimate == 0 && !done && w.obj != nil {
		w.estimate = max(w.obj.EstimateCommits(), 1)
	}
	w.progress(Progress{Commits: len(w.graph), Estimate: w.estimate, People: int(w.people.Load()), Done: done})
}

// walk reads every commit reachable from head that the cache does not
// cover.
func (w *walker) walk(head plumbing.Hash, c *cacheFile) error {
	objects := w.obj.Store(w.repo.Storer)
	in := w.newCommitReader(objects)
	frontier := map[plumbing.Hash]*commit{}
	var queue commitQueue
	seq := 0
	// get reads commit h, once while it waits in the queue. Its skills/
	// tree is read at the path it has in child, the commit it was reached
	// from (nil for head), unless the coaching folder moved between them.
	get := func(h plumbing.Hash, child *commit) (*commit, error) {
		if n := frontier[h]; n != nil {
			return n, nil
		}
		n, err := in.read(h, child)
		if err != nil {
			return nil, err
		}
		if _, walked := w.seen[h]; walked {
			return n, nil // met again through a skewed date: read, not walked again
		}
		n.seq = seq
		seq++
		frontier[h] = n
		heap.Push(&queue, n)
		return n, nil
	}

	work := make(chan int, w.workers)
	var (
		wg      sync.WaitGroup
		batches []*batch
		// One error, the same on every run: that of the first batch, in
		// walk order, that failed.
		errs []error
		mu   sync.Mutex
	)
	people := &versionCache{g: gencache.Cache[plumbing.Hash, parsed]{Limit: 1024}}
	for range w.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, rerr := w.newReader(people)
			for i := range work {
				mu.Lock()
				b := batches[i]
				mu.Unlock()
				err := rerr
				if err == nil {
					err = w.diffBatch(r, b)
				}
				if err != nil {
					mu.Lock()
					errs[i] = err
					mu.Unlock()
				}
			}
		}()
	}
	var jobs []*job
	flush := func() {
		if len(jobs) > 0 {
			mu.Lock()
			batches = append(batches, &batch{jobs: jobs})
			errs = append(errs, nil)
			i := len(batches) - 1
			mu.Unlock()
			work <- i
			jobs = nil
		}
	}

	_, err := get(head, nil)
	for err == nil && queue.Len() > 0 {
		if err = w.stopped(); err != nil {
			break
		}
		n := heap.Pop(&queue).(*commit)
		delete(frontier, n.Hash)
		if c.covers(n.Hash) {
			continue
		}
		w.seen[n.Hash] = struct{}{}
		w.graph = append(w.graph, graphCommit{n.Hash, n.Parents})
		if len(w.graph)%2048 == 0 {
			w.report(false)
		}
		if w.shallow[n.Hash] {
			w.boundary = append(w.boundary, n)
			continue // the boundary of a shallow clone: a starting point
		}
		var parents []plumbing.Hash
		same := false
		for _, p := range n.Parents {
			pn, perr := get(p, n)
			if errors.Is(perr, errNoCommit) {
				// Only the parents of a shallow commit may be missing, and
				// those are never read; anything else is a broken
				// repository, whose history is told as far as it goes and
				// never cached.
				w.missing = append(w.missing, p)
				continue
			}
			if perr != nil {
				err = perr
				break
			}
			parents = append(parents, pn.Skills)
			same = same || pn.Skills == n.Skills
		}
		if err != nil || same || (len(n.Parents) > 0 && len(parents) == 0) {
			// The same files as a parent, or no parent left to compare with.
			continue
		}
		jobs = append(jobs, &job{c: n, parents: parents})
		if len(jobs) == batchSize {
			flush()
		}
	}
	if err == nil {
		flush()
	}
	close(work)
	wg.Wait()
	if err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	for _, b := range batches {
		w.changed = append(w.changed, b.refs...)
	}
	return nil
}

// commitQueue orders commits newest first by committer date, then in the
// order they were met.
type commitQueue []*commit

func (q commitQueue) Len() int { return len(q) }
func (q commitQueue) Less(i, j int) bool {
	if q[i].order != q[j].order {
		return q[i].order > q[j].order
	}
	return q[i].seq < q[j].seq
}
func (q commitQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *commitQueue) Push(x any)   { *q = append(*q, x.(*commit)) }
func (q *commitQueue) Pop() any {
	old := *q
	n := old[len(old)-1]
	old[len(old)-1] = nil
	*q = old[:len(old)-1]
	return n
}

// commitReader reads commits and the hash of their skills/ tree from raw
// objects, without go-git's decoders: it runs for every commit.
type commitReader struct {
	w     *walker
	s     *gitobj.Store
	names map[string]string // authors and emails, each kept once
	zones map[int]*time.Location
}

// errNoCommit means a commit is missing from the repository. Any other
// object that cannot be read is an ObjectError.
var errNoCommit = errors.New("commit not in the repository")

func (w *walker) newCommitReader(s *gitobj.Store) *commitReader {
	return &commitReader{w: w, s: s, names: map[string]string{}, zones: map[int]*time.Location{}}
}

// read reads commit h, whose skills/ tree is where it is in child, the
// commit it was reached from (nil: where it is today), unless the coaching
// folder moved between them.
func (r *commitReader) read(h plumbing.Hash, child *commit) (*commit, error) {
	raw, err := r.s.Read(plumbing.CommitObject, h)
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		return nil, errNoCommit
	}
	if err != nil {
		return nil, gitobj.NewObjectError("commit "+h.String()[:7], h, err, r.w.promisor)
	}
	n, tree, ok := r.parse(raw)
	if !ok {
		// Anything unusual is left to go-git's decoder.
		gc, err := object.GetCommit(r.s, h)
		if err != nil {
			return nil, gitobj.NewObjectError("commit "+h.String()[:7], h, err, r.w.promisor)
		}
		n = &commit{Parents: gc.ParentHashes, When: gc.Author.When, Author: gc.Author.Name, Email: gc.Author.Email,
			Committer: gc.Committer.Name, CommitterEmail: gc.Committer.Email, Subject: subject(gc.Message), order: gc.Committer.When.Unix()}
		tree = gc.TreeHash
	}
	n.Hash = h
	n.tree = tree
	p := r.w.skillsPath
	if child != nil {
		p = r.w.pathAt(child)
	}
	n.Skills, err = r.subtree(tree, p)
	if err == nil && n.Skills.IsZero() && child != nil && !child.Skills.IsZero() {
		var moved string
		if moved, n.Skills, err = r.w.moved(r.s, tree, child); moved != "" {
			p = moved
		}
	}
	if err != nil {
		return nil, gitobj.NewObjectError("the tree of commit "+h.String()[:7], tree, err, r.w.promisor)
	}
	if p != r.w.skillsPath {
		n.Path = p
	}
	return n, nil
}

// parse reads a commit's headers as go-git's decoder does, for the common
// layout: tree, parents, author, committer, other headers, a blank line and
// the message.
func (r *commitReader) parse(b []byte) (n *commit, tree plumbing.Hash, ok bool) {
	hexHash := func(key string) (plumbing.Hash, []byte, bool) {
		if !bytes.HasPrefix(b, []byte(key)) || len(b) < len(key)+41 || b[len(key)+40] != '\n' {
			return plumbing.ZeroHash, nil, false
		}
		var h plumbing.Hash
		_, err := hex.Decode(h[:], b[len(key):len(key)+40])
		return h, b[len(key)+41:], err == nil
	}
	tree, rest, ok := hexHash("tree ")
	if !ok {
		return nil, tree, false
	}
	b = rest
	n = &commit{}
	for {
		h, rest, ok := hexHash("parent ")
		if !ok {
			break
		}
		n.Parents = append(n.Parents, h)
		b = rest
	}
	line := func(key string) ([]byte, bool) {
		if !bytes.HasPrefix(b, []byte(key)) {
			return nil, false
		}
		end := bytes.IndexByte(b, '\n')
		if end < 0 {
			return nil, false
		}
		data := b[len(key):end]
		b = b[end+1:]
		return data, true
	}
	author, ok := line("author ")
	if !ok {
		return nil, tree, false
	}
	n.Author, n.Email, n.When = r.signature(author)
	committer, ok := line("committer ")
	if !ok {
		return nil, tree, false
	}
	var when time.Time
	n.Committer, n.CommitterEmail, when = r.signature(committer)
	n.order = when.Unix()
	// The message follows the first empty line.
	var msg []byte
	switch i := bytes.Index(b, []byte("\n\n")); {
	case len(b) > 0 && b[0] == '\n':
		msg = b[1:]
	case i >= 0:
		msg = b[i+2:]
	}
	// As subject does, without making a string of the whole message.
	msg = bytes.TrimSpace(msg)
	if i := bytes.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	n.Subject = string(bytes.TrimSpace(msg))
	return n, tree, true
}

// signature decodes "Name <email> 1700000000 +0100" as go-git's
// object.Signature does, keeping each name and email string once.
func (r *commitReader) signature(b []byte) (name, email string, when time.Time) {
	open := bytes.LastIndexByte(b, '<')
	end := bytes.LastIndexByte(b, '>')
	if open < 0 || end < 0 || end < open {
		return "", "", time.Time{}
	}
	name = r.intern(bytes.Trim(b[:open], " "))
	email = r.intern(b[open+1 : end])
	if end+2 >= len(b) {
		return name, email, time.Time{}
	}
	b = b[end+2:]
	space := bytes.IndexByte(b, ' ')
	if space < 0 {
		space = len(b)
	}
	ts, err := strconv.ParseInt(string(b[:space]), 10, 64)
	if err != nil {
		return name, email, time.Time{}
	}
	when = time.Unix(ts, 0).In(time.UTC)
	if space+1+5 > len(b) {
		return name, email, when
	}
	tz := b[space+1 : space+1+5]
	hours, err1 := strconv.ParseInt(string(tz[:3]), 10, 64)
	mins, err2 := strconv.ParseInt(string(tz[3:]), 10, 64)
	if err1 != nil || err2 != nil {
		return name, email, when
	}
	if hours < 0 {
		mins = -mins
	}
	off := int(hours*3600 + mins*60)
	loc := r.zones[off]
	if loc == nil {
		loc = time.FixedZone("", off)
		r.zones[off] = loc
	}
	return name, email, when.In(loc)
}

func (r *commitReader) intern(b []byte) string {
	if s, ok := r.names[string(b)]; ok {
		return s
	}
	s := string(b)
	r.names[s] = s
	return s
}

// subtree follows a slash path from a root tree and returns the hash of
// the tree it names, or zero when there is none.
func (r *commitReader) subtree(root plumbing.Hash, p string) (plumbing.Hash, error) {
	return gitobj.Subtree(r.s, root, p)
}

func subject(message string) string {
	s, _, _ := strings.Cut(strings.TrimSpace(message), "\n")
	return strings.TrimSpace(s)
}

// reader reads and decodes the objects of one worker.
type reader struct {
	s *gitobj.Store
	// err is the first object that could not be read. The diff of a commit
	// treats a version it cannot decode as a version to skip with a warning;
	// one it cannot read is a broken repository, and fails the walk.
	err      error
	promisor string // see walker.promisor
	raw      map[plumbing.Hash][]byte
	// people are the decoded versions, shared by the workers.
	people *versionCache
}

// versionCache holds decoded versions: a version is needed again when the
// next older commit that changed the same file is read, which in a team of
// n people is about n versions later; the cache keeps about 2n.
type versionCache struct {
	mu sync.Mutex
	g  gencache.Cache[plumbing.Hash, parsed]
}

func (v *versionCache) get(h plumbing.Hash) (parsed, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.g.Get(h)
}

func (v *versionCache) put(h plumbing.Hash, p parsed) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.g.Put(h, p)
}

// grow raises the limit to twice the team's size.
func (v *versionCache) grow(files int) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.g.Limit = max(v.g.Limit, 2*files)
}

type parsed struct {
	p   *skills.Person
	err error
}

func (w *walker) newReader(people *versionCache) (*reader, error) {
	repo, err := w.obj.Git()
	if err != nil {
		return nil, err
	}
	return &reader{s: w.obj.Store(repo.Storer), raw: map[plumbing.Hash][]byte{}, promisor: w.promisor, people: people}, nil
}

func (w *walker) diffBatch(r *reader, b *batch) error {
	jobs := b.jobs
	if t, err := r.rawTree(jobs[0].c.Skills); err == nil {
		n := countEntries(t)
		r.people.grow(n)
		w.obj.GrowBlobs(n)
		w.people.CompareAndSwap(0, int64(n))
	}
	r.err = nil
	out := newChunkWriter()
	for _, j := range jobs {
		if err := w.stopped(); err != nil {
			return err
		}
		files, err := w.diffCommit(r, j)
		if err == nil {
			err = r.err
		}
		if err != nil {
			return fmt.Errorf("commit %s: %w", j.c.Hash.String()[:7], err)
		}
		if len(files) > 0 {
			b.refs = append(b.refs, out.record(j.c, false, files))
		}
	}
	b.jobs = nil // the commits are encoded: let the collector have them
	return nil
}

// person decodes a skill file version, once per blob.
func (r *reader) person(id string, h plumbing.Hash) (*skills.Person, error) {
	p, ok := r.people.get(h)
	if !ok {
		file := path.Join(skills.SkillsDir, id+".toml")
		src, err := r.s.ReadMax(plumbing.BlobObject, h, skills.MaxSkillFileSize)
		var large *TooLargeError
		switch {
		case errors.As(err, &large):
			// Refused from its header, never inflated: skipped as a
			// version over the limits.
			p = parsed{nil, &skills.OverLimitError{Problem: *skills.SkillFileSizeProblem(file, large.Size)}}
		case err != nil:
			err = gitobj.NewObjectError(file, h, err, r.promisor)
			if r.err == nil {
				r.err = err
			}
			return nil, err
		default:
			person, perr := skills.ParsePerson(file, src)
			p = parsed{person, perr}
		}
		r.people.put(h, p)
	}
	if p.err != nil {
		return nil, p.err
	}
	cp := *p.p
	cp.ID = id
	return &cp, nil
}

// diffCommit finds what one commit did to the skill files.
func (w *walker) diffCommit(r *reader, j *job) ([]fileChange, error) {
	n := j.c
	cur, err := r.rawTree(n.Skills)
	if err != nil {
		return nil, err
	}
	var first []byte
	var others [][]byte
	for i, p := range j.parents {
		t, err := r.rawTree(p)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			first = t
		} else {
			// Copied: the raw cache may drop it while this commit is read.
			others = append(others, append([]byte(nil), t...))
		}
	}
	d := diffTrees(first, cur)
	if len(others) > 0 {
		d = mergeOnly(d, others)
	}

	var files []fileChange
	for _, rn := range w.renames(r, &d) {
		fc := fileChange{ID: rn[1].id, Changes: []skills.Change{{Person: rn[1].id, Kind: skills.KindRenamed, From: rn[0].id, To: rn[1].id}}}
		files = append(files, w.versionChange(r, n, fc, rn[0].id, rn[0].hash, rn[1].hash))
	}
	for _, m := range d.modified {
		fc := w.versionChange(r, n, fileChange{ID: m[1].id}, m[0].id, m[0].hash, m[1].hash)
		if len(others) > 0 {
			fc.Changes = madeByMerge(r, m[1].id, fc.Changes, others)
		}
		files = append(files, fc)
	}
	for _, a := range d.added {
		fc := fileChange{ID: a.id, Changes: []skills.Change{{Person: a.id, Kind: skills.KindAdded}}}
		files = append(files, w.versionChange(r, n, fc, a.id, plumbing.ZeroHash, a.hash))
	}
	for _, del := range d.deleted {
		files = append(files, fileChange{ID: del.id, Changes: []skills.Change{{Person: del.id, Kind: skills.KindRemoved, From: del.id}}})
	}
	for _, sk := range d.skipped {
		files = append(files, fileChange{ID: sk.id, Warning: fmt.Sprintf("commit %s (%s): skipped skills/%s.toml, which is %s, not a file",
			n.Hash.String()[:7], n.When.Format(time.DateOnly), sk.id, sk.what)})
	}
	sort.SliceStable(files, func(i, j int) bool { return files[i].ID < files[j].ID })
	return files, nil
}

// mergeOnly keeps, of a merge's differences from its first parent, the file
// versions that no other parent had either: whatever one side brought was
// made, and is reported, on that side.
func mergeOnly(d treeDiff, others [][]byte) treeDiff {
	fromOthers := func(e entry) bool {
		for _, o := range others {
			if h, ok := lookup(o, e.id); ok == !e.hash.IsZero() && h == e.hash {
				return true
			}
		}
		return false
	}
	var out treeDiff
	for _, a := range d.added {
		if !fromOthers(a) {
			out.added = append(out.added, a)
		}
	}
	for _, m := range d.modified {
		if !fromOthers(m[1]) {
			out.modified = append(out.modified, m)
		}
	}
	for _, del := range d.deleted {
		if !fromOthers(entry{id: del.id}) {
			out.deleted = append(out.deleted, del)
		}
	}
	for _, sk := range d.skipped {
		if !slices.ContainsFunc(others, func(o []byte) bool {
			h, other, ok := lookupAny(o, sk.id)
			return ok && h == sk.hash && other != ""
		}) {
			out.skipped = append(out.skipped, sk)
		}
	}
	return out
}

// madeByMerge keeps the changes of a merged file that no other parent
// already had: when git merges a file changed on both sides, the result
// matches neither parent, yet each side's change was made, and is reported,
// on its own branch. What remains is what the merge itself decided.
func madeByMerge(r *reader, id string, changes []skills.Change, others [][]byte) []skills.Change {
	var versions []*skills.Person
	for _, o := range others {
		if h, ok := lookup(o, id); ok {
			if p, err := r.person(id, h); err == nil {
				versions = append(versions, p)
			}
		}
	}
	var out []skills.Change
	for _, c := range changes {
		if !slices.ContainsFunc(versions, func(p *skills.Person) bool { return hasResult(p, c) }) {
			out = append(out, c)
		}
	}
	return out
}

// hasResult reports whether version p already shows the outcome of change c.
func hasResult(p *skills.Person, c skills.Change) bool {
	switch c.Kind {
	case skills.KindLevel:
		return p.Levels[c.Skill] == c.ToLevel()
	case skills.KindSelf:
		return p.Self[c.Skill] == c.ToLevel()
	case skills.KindRole:
		return p.Role == c.To
	case skills.KindTarget:
		return p.Target == c.To
	case skills.KindEvidence:
		return slices.Contains(p.Evidence, skills.Evidence{Date: c.On, Skill: c.Skill, Text: c.Text})
	case skills.KindGoal:
		return slices.ContainsFunc(p.Goals, func(g skills.Goal) bool { return g.Text == c.Text })
	case skills.KindOutcome:
		return slices.ContainsFunc(p.Goals, func(g skills.Goal) bool {
			end, on := g.End()
			return g.Text == c.Text && end == c.To && on.Equal(c.On)
		})
	}
	return false
}

// renames pairs the deleted and added files of one commit: first by
// identical content, then by the same name inside the file (git's similarity
// misses a small file that was renamed and edited at once). Paired entries
// leave d.added and d.deleted; each pair is (old, new).
func (w *walker) renames(r *reader, d *treeDiff) [][2]entry {
	if len(d.added) == 0 || len(d.deleted) == 0 {
		return nil
	}
	var out [][2]entry
	used := map[string]bool{}
	pair := func(match func(from, to entry) bool) {
		for _, to := range d.added {
			if used["+"+to.id] {
				continue
			}
			for _, from := range d.deleted {
				if !used["-"+from.id] && match(from, to) {
					out = append(out, [2]entry{from, to})
					used["-"+from.id], used["+"+to.id] = true, true
					break
				}
			}
		}
	}
	pair(func(from, to entry) bool { return from.hash == to.hash })
	pair(func(from, to entry) bool {
		a, errA := r.person(from.id, from.hash)
		b, errB := r.person(to.id, to.hash)
		return errA == nil && errB == nil && a.Name != "" && a.Name == b.Name
	})
	keep := func(es []entry, sign string) []entry {
		var k []entry
		for _, e := range es {
			if !used[sign+e.id] {
				k = append(k, e)
			}
		}
		return k
	}
	d.added, d.deleted = keep(d.added, "+"), keep(d.deleted, "-")
	return out
}

// versionChange adds to fc the changes from the version oldBlob of oldID
// (zero: none) to curBlob. A version that does not parse is skipped with a
// warning; the next one is then compared with the last that did.
func (w *walker) versionChange(r *reader, n *commit, fc fileChange, oldID string, oldBlob, curBlob plumbing.Hash) fileChange {
	cur, err := r.person(fc.ID, curBlob)
	if err != nil {
		why := "which does not parse"
		if errors.Is(err, skills.ErrOverLimit) {
			why = "which is over coach's limits"
		}
		fc.Warning = fmt.Sprintf("commit %s (%s): skipped skills/%s.toml, %s: %v",
			n.Hash.String()[:7], n.When.Format(time.DateOnly), fc.ID, why, err)
		return fc
	}
	var old *skills.Person
	if !oldBlob.IsZero() {
		old, err = r.person(oldID, oldBlob)
		if err != nil {
			old = w.lastGood(r, n, oldID)
		}
		if old == nil {
			// Comparing with nothing would report every level as new.
			fc.Warning = fmt.Sprintf("commit %s (%s): cannot tell what changed in skills/%s.toml: no earlier version of it parses",
				n.Hash.String()[:7], n.When.Format(time.DateOnly), fc.ID)
			return fc
		}
	}
	fc.Changes = append(fc.Changes, skills.Diff(old, cur)...)
	for i := range fc.Changes {
		fc.Changes[i].Person = fc.ID
		if fc.Changes[i].Kind == skills.KindNotes {
			fc.Changes[i].Text = "committed by " + n.Committer + " <" + n.CommitterEmail + ">"
		}
	}
	return fc
}

// lastGood looks back along first parents for the newest version of a file
// that parses, so that one broken commit does not make every level look new.
// It reads the commits again: it runs only for a version that does not parse.
func (w *walker) lastGood(r *reader, n *commit, id string) *skills.Person {
	in := w.newCommitReader(r.s)
	for step, cur := 0, n; step < 200 && len(cur.Parents) > 0; step++ {
		if w.shallow[cur.Hash] {
			return nil
		}
		parent, err := in.read(cur.Parents[0], cur)
		if err != nil {
			return nil
		}
		t, err := r.rawTree(parent.Skills)
		if err != nil {
			return nil
		}
		h, ok := lookup(t, id)
		if !ok {
			return nil
		}
		if p, err := r.person(id, h); err == nil {
			return p
		}
		cur = parent
	}
	return nil
}

// result lists the changes of the view, and what the walk met.
func (w *walker) result(v *view, stream bool) *Result {
	res := &Result{Commits: w.commits, Warnings: v.warnings(), Latest: v.latest()}
	if stream {
		res.view = v
	} else {
		if w.person == "" {
			res.Changes = make([]skills.Change, 0, v.changes())
		}
		v.each(func(group []skills.Change) bool {
			res.Changes = append(res.Changes, group...)
			return true
		})
	}
	w.boundary = v.boundary()
	for _, b := range w.boundary {
		res.Notes = append(res.Notes, fmt.Sprintf("history stops at commit %s (%s), the edge of a shallow clone; run `git fetch --unshallow` to read the rest",
			b.Hash.String()[:7], b.When.Format(time.DateOnly)))
	}
	for _, h := range w.missing {
		res.Notes = append(res.Notes, fmt.Sprintf("commit %s is missing from the repository, so the history before it is incomplete; `git fsck` tells what else is missing",
			h.String()[:7]))
	}
	sort.Strings(res.Notes)
	res.Notes = slices.Compact(res.Notes)
	res.Incomplete = len(w.boundary) > 0 || len(w.missing) > 0
	return res
}

var kindOrder = map[skills.Kind]int{
	skills.KindAdded: 0, skills.KindRenamed: 1, skills.KindRole: 2, skills.KindTarget: 3,
	skills.KindLevel: 4, skills.KindSelf: 5, skills.KindEvidence: 6, skills.KindGoal: 7, skills.KindOutcome: 8,
	skills.KindPlainNotes: 9, skills.KindRemoved: 10,
}

// sortCommit orders the changes of one commit by person, kind and skill;
// entries of the same kind and skill keep their order in the file.
func sortCommit(cs []skills.Change) {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.Person != b.Person {
			return a.Person < b.Person
		}
		if kindOrder[a.Kind] != kindOrder[b.Kind] {
			return kindOrder[a.Kind] < kindOrder[b.Kind]
		}
		return a.Skill < b.Skill
	})
}
