package history

import (
	"context"
	"errors"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/coach-dev/coach/skills"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// node is one commit of the walk: what the first pass learns of it, and the
// changes the second pass finds in it.
type node struct {
	Hash    plumbing.Hash
	Parents []plumbing.Hash
	When    time.Time
	Author  string
	Email   string
	Subject string
	// Skills is the hash of the skills/ tree, zero when there is none.
	Skills plumbing.Hash
	// Path is where the skills/ tree was at this commit when the coaching
	// folder has moved since ("team/skills"); "" where it is today.
	Path string
	// Files are the skill files this commit changed, by path.
	Files []fileChange
	// done is true once Files is known (read now or from the cache).
	done bool
	// partial is true when a parent is missing from the repository: Files
	// then holds what the commit did as far as can be told, which a run with
	// the parent present would tell differently, so it is never cached.
	partial bool
}

// fileChange is what one commit did to one skill file.
type fileChange struct {
	ID      string // the person id at this commit (the file's stem)
	Changes []skills.Change
	Warning string
}

type walker struct {
	ctx        context.Context // the walk stops with its error once it is done
	skillsPath string
	gitDir     string // the common git directory: objects, refs, the cache
	headDir    string // the work tree's own git directory: HEAD and its reflog
	workTree   string
	objectDirs []string // the object directory, then its alternates
	promisor   string   // the remote a partial clone fetches from; "" in a complete clone
	workers    int
	shallow    map[plumbing.Hash]bool
	nodes      map[plumbing.Hash]*node
	order      []*node // first-pass order
	fresh      int     // nodes read in this run, not from the cache
	boundary   []*node // shallow commits met
	missing    []plumbing.Hash
	packs      *packSet // read directly; see pack.go
}

// stopped returns the walk's context error once it is done (Ctrl-C).
func (w *walker) stopped() error {
	if w.ctx == nil {
		return nil
	}
	return w.ctx.Err()
}

// collect is the first pass: every commit reachable from head, with its
// parents, author, subject and skills/ tree hash. Commits in the cache are
// taken from it without reading any object.
func (w *walker) collect(repo *git.Repository, head plumbing.Hash, c *cacheFile) error {
	objects := newObjectStore(repo.Storer, w.packs)
	// Each commit is read at the path of the skills/ tree in the child it
	// was reached from, which a move of the coaching folder changes.
	type visit struct {
		h     plumbing.Hash
		path  string
		child *node
	}
	stack := []visit{{h: head, path: w.skillsPath}}
	for len(stack) > 0 {
		if err := w.stopped(); err != nil {
			return err
		}
		v := stack[len(stack)-1]
		h := v.h
		stack = stack[:len(stack)-1]
		if _, seen := w.nodes[h]; seen {
			continue
		}
		n := c.lookup(h)
		if n == nil {
			var err error
			n, err = w.readNode(objects, h, v.path, v.child)
			if errors.Is(err, errNoCommit) {
				// Only the parents of a shallow commit may be missing, and
				// those are never pushed; anything else is a broken repository.
				w.missing = append(w.missing, h)
				continue
			}
			if err != nil {
				return err
			}
			w.fresh++
		}
		w.nodes[h] = n
		w.order = append(w.order, n)
		if w.shallow[h] {
			w.boundary = append(w.boundary, n)
			continue
		}
		for i := len(n.Parents) - 1; i >= 0; i-- {
			stack = append(stack, visit{n.Parents[i], w.pathAt(n), n})
		}
	}
	return nil
}

// errNoCommit means a commit is missing from the repository. Any other
// object that cannot be read is an ObjectError.
var errNoCommit = errors.New("commit not in the repository")

// readNode reads commit h, whose skills/ tree is at path unless the
// coaching folder moved in child, the commit it was reached from.
func (w *walker) readNode(s storer.EncodedObjectStorer, h plumbing.Hash, path string, child *node) (*node, error) {
	commit, err := object.GetCommit(s, h)
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		return nil, errNoCommit
	}
	if err != nil {
		return nil, objectError("commit "+h.String()[:7], h, err, w.promisor)
	}
	n := &node{
		Hash:    h,
		Parents: commit.ParentHashes,
		When:    commit.Author.When,
		Author:  commit.Author.Name,
		Email:   commit.Author.Email,
		Subject: subject(commit.Message),
	}
	n.Skills, err = subtree(s, commit.TreeHash, path)
	if err == nil && n.Skills.IsZero() && child != nil && !child.Skills.IsZero() {
		var moved string
		if moved, n.Skills, err = w.moved(s, commit.TreeHash, child); moved != "" {
			path = moved
		}
	}
	if err != nil {
		return nil, objectError("the tree of commit "+h.String()[:7], commit.TreeHash, err, w.promisor)
	}
	if path != w.skillsPath {
		n.Path = path
	}
	return n, nil
}

func subject(message string) string {
	s, _, _ := strings.Cut(strings.TrimSpace(message), "\n")
	return strings.TrimSpace(s)
}

// subtree follows a slash path from the tree root and returns the hash of the
// tree it names, or zero when there is none.
func subtree(s storer.EncodedObjectStorer, root plumbing.Hash, p string) (plumbing.Hash, error) {
	h := root
	for _, name := range strings.Split(p, "/") {
		t, err := object.GetTree(s, h)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		next := plumbing.ZeroHash
		for _, e := range t.Entries {
			if e.Name == name && !e.Mode.IsFile() {
				next = e.Hash
				break
			}
		}
		if next.IsZero() {
			return plumbing.ZeroHash, nil
		}
		h = next
	}
	return h, nil
}

// diffPending is the second pass: for every commit whose skills/ tree
// differs from its parents', find what changed. Commits are split among
// workers, each with its own storage, since go-git's storage is not safe for
// concurrent reads.
func (w *walker) diffPending() error {
	var pending []*node
	for _, n := range w.order {
		if !n.done {
			pending = append(pending, n)
		}
	}
	workers := min(w.workers, max(1, len(pending)/64))
	if workers <= 1 {
		repo, err := w.open()
		if err != nil {
			return err
		}
		return w.diffRange(repo, pending)
	}
	var wg sync.WaitGroup
	size := (len(pending) + workers - 1) / workers
	// One error, the same on every run: that of the first part, in walk order, that failed.
	errs := make([]error, (len(pending)+size-1)/size)
	for i := 0; i < len(pending); i += size {
		part := pending[i:min(i+size, len(pending))]
		wg.Add(1)
		go func() {
			defer wg.Done()
			repo, err := w.open()
			if err == nil {
				err = w.diffRange(repo, part)
			}
			errs[i/size] = err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// reader reads and decodes the objects of one worker, each once.
type reader struct {
	s *objectStore
	// err is the first object that could not be read. The diff of a commit
	// treats a version it cannot decode as a version to skip with a warning;
	// one it cannot read is a broken repository, and fails the walk.
	err      error
	promisor string // see walker.promisor
	raw      map[plumbing.Hash][]byte
	// people holds decoded versions, 1024 to a generation: a version is
	// needed again when the next commit changes the same file, which in a
	// large team is hundreds of commits later, so the cache keeps the recent
	// ones and drops a whole generation at a time.
	people generations[plumbing.Hash, parsed]
}

type parsed struct {
	p   *skills.Person
	err error
}

func (w *walker) diffRange(repo *git.Repository, nodes []*node) error {
	r := &reader{s: newObjectStore(repo.Storer, w.packs), raw: map[plumbing.Hash][]byte{}, promisor: w.promisor,
		people: generations[plumbing.Hash, parsed]{limit: 1024}}
	for _, n := range nodes {
		if err := w.stopped(); err != nil {
			return err
		}
		files, err := w.diffNode(r, n)
		if err == nil {
			err = r.err
		}
		if err != nil {
			return fmt.Errorf("commit %s: %w", n.Hash.String()[:7], err)
		}
		n.Files = files
		n.done = true
	}
	return nil
}

// person decodes a skill file version, once per blob.
func (r *reader) person(id string, h plumbing.Hash) (*skills.Person, error) {
	if p, ok := r.people.get(h); ok {
		if p.p != nil {
			cp := *p.p
			cp.ID = id
			return &cp, nil
		}
		return nil, p.err
	}
	src, err := r.s.read(plumbing.BlobObject, h)
	if err != nil {
		err = objectError(path.Join(skills.SkillsDir, id+".toml"), h, err, r.promisor)
		if r.err == nil {
			r.err = err
		}
		return nil, err
	}
	person, perr := skills.ParsePerson(path.Join(skills.SkillsDir, id+".toml"), src)
	r.people.put(h, parsed{person, perr})
	if perr != nil {
		return nil, perr
	}
	cp := *person
	cp.ID = id
	return &cp, nil
}

// diffNode finds what one commit did to the skill files.
func (w *walker) diffNode(r *reader, n *node) ([]fileChange, error) {
	if w.shallow[n.Hash] {
		return nil, nil // the boundary of a shallow clone: a starting point
	}
	var parents []*node
	for _, p := range n.Parents {
		if pn := w.nodes[p]; pn != nil {
			parents = append(parents, pn)
		}
	}
	n.partial = len(parents) < len(n.Parents)
	if len(n.Parents) > 0 && len(parents) == 0 {
		return nil, nil // its parents are missing: a boundary, like a shallow one
	}
	for _, p := range parents {
		if p.Skills == n.Skills {
			return nil, nil // the same files as a parent: nothing new here
		}
	}
	cur, err := r.rawTree(n.Skills)
	if err != nil {
		return nil, err
	}
	var first []byte
	var others [][]byte
	for i, p := range parents {
		t, err := r.rawTree(p.Skills)
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
func (w *walker) versionChange(r *reader, n *node, fc fileChange, oldID string, oldBlob, curBlob plumbing.Hash) fileChange {
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
	}
	return fc
}

// lastGood looks back along first parents for the newest version of a file
// that parses, so that one broken commit does not make every level look new.
func (w *walker) lastGood(r *reader, n *node, id string) *skills.Person {
	for step, cur := 0, n; step < 200 && len(cur.Parents) > 0; step++ {
		parent := w.nodes[cur.Parents[0]]
		if parent == nil {
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

// result orders the commits, follows renames and lists the changes.
func (w *walker) result() *Result {
	res := &Result{Commits: len(w.nodes)}
	nodes := make([]*node, 0, len(w.nodes))
	for _, n := range w.nodes {
		nodes = append(nodes, n)
	}
	// Oldest first: by author date, then by commit hash for a stable order.
	sort.Slice(nodes, func(i, j int) bool {
		if !nodes[i].When.Equal(nodes[j].When) {
			return nodes[i].When.Before(nodes[j].When)
		}
		return nodes[i].Hash.String() < nodes[j].Hash.String()
	})
	type event struct {
		at       int
		from, to string
	}
	var renames []event
	for i, n := range nodes {
		for _, f := range n.Files {
			for _, c := range f.Changes {
				if c.Kind == skills.KindRenamed {
					renames = append(renames, event{i, c.From, c.To})
				}
			}
		}
	}
	// today follows an id through the renames made after commit index at.
	today := func(id string, at int) string {
		for _, r := range renames {
			if r.at > at && r.from == id {
				id, at = r.to, r.at
			}
		}
		return id
	}
	res.Latest = map[string]string{}
	for i, n := range nodes {
		for _, f := range n.Files {
			res.Latest[today(f.ID, i)] = n.Hash.String()
		}
	}
	for i := len(nodes) - 1; i >= 0; i-- {
		n := nodes[i]
		var group []skills.Change
		for _, f := range n.Files {
			if f.Warning != "" {
				res.Warnings = append(res.Warnings, f.Warning)
			}
			for _, c := range f.Changes {
				c.Person = today(f.ID, i)
				c.Commit = n.Hash.String()
				c.Date = n.When
				c.Author = n.Author
				c.Email = n.Email
				c.Subject = n.Subject
				group = append(group, c)
			}
		}
		sortCommit(group)
		res.Changes = append(res.Changes, group...)
	}
	for _, b := range w.boundary {
		res.Notes = append(res.Notes, fmt.Sprintf("history stops at commit %s (%s), the edge of a shallow clone; run `git fetch --unshallow` to read the rest",
			b.Hash.String()[:7], b.When.Format(time.DateOnly)))
	}
	for _, h := range w.missing {
		res.Notes = append(res.Notes, fmt.Sprintf("commit %s is missing from the repository, so the history before it is incomplete; `git fsck` tells what else is missing",
			h.String()[:7]))
	}
	sort.Strings(res.Notes)
	return res
}

var kindOrder = map[skills.Kind]int{
	skills.KindAdded: 0, skills.KindRenamed: 1, skills.KindRole: 2, skills.KindTarget: 3,
	skills.KindLevel: 4, skills.KindSelf: 5, skills.KindEvidence: 6, skills.KindGoal: 7, skills.KindRemoved: 8,
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
