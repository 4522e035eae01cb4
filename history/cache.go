package history

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/coach-dev/coach/internal/atomicfile"
	"github.com/coach-dev/coach/internal/version"
	"github.com/coach-dev/coach/skills"
	"github.com/go-git/go-git/v5/plumbing"
)

// The cache (.git/coach/history.cache) keeps what the walk learnt: every
// commit walked with its parents, and, for the commits that changed skill
// files, their author, date, subject and changes. Commits are addressed by
// hash, which fixes all of these, so an entry never goes stale; a run reads
// only the commits the cache does not cover, and takes from the cache the
// covered commits that its revision reaches.
//
// What the commits changed is kept grouped by skill file, oldest first:
// each file's entries (one per commit that changed it) are together, with
// an index of the commits they belong to, so that one person's history
// reads that person's entries and no one else's, and everyone's is decoded
// a person at a time, on every core (see book.go). Renames and warnings
// are listed apart, for the ids they change and the lines they print.
//
// The same form holds what a walk has just read: the walk's records are
// merged with the cache's, written, and read back as one (see Read).
//
// The file is keyed by the build of coach that wrote it (see
// [version.Build.Key]), the repository's object format and the skills path, and
// ends with a CRC-32C of the rest: a file that is damaged, cut short or
// written by another build is ignored and rebuilt, with a warning, never
// trusted. So is a file coach would not have written: a link, a device, a
// named pipe, one owned by another user or writable by others, or one over
// maxCacheSize (see openCacheFile). A walk that met a read error writes
// nothing; the boundary commits of a shallow clone are kept, and a cache
// whose boundary is no longer shallow (the clone was deepened) is rebuilt.
//
// The cache keeps only commits that a branch, a tag or the revision read
// reaches: once history is rewritten (a text purged with git filter-repo, a
// branch deleted), the next run writes the cache again without the commits
// left behind, and without what they changed.

const (
	cacheMagic  = "coach history cache\n"
	cacheFormat = 8 // 5: a goal's skills, all of them; 6: plain-text notes; 7: grouped by skill file; 8: goal outcomes
	cacheName   = "history.cache"
	// objectFormat is the only object format the walk reads; a sha256
	// repository is refused before any cache is opened.
	objectFormat = "sha1"
	// maxCacheSize bounds the file read: 100,000 commits take about 10 MiB.
	maxCacheSize = 1 << 30
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// cacheKey is what a cache file must have been written for.
type cacheKey struct {
	Version, ObjectFormat, SkillsPath string
}

func currentKey(skillsPath string) cacheKey {
	return cacheKey{Version: fmt.Sprintf("%d %s", cacheFormat, version.Read().Key()), ObjectFormat: objectFormat, SkillsPath: skillsPath}
}

// cacheFile is a loaded cache, or what a walk read, in the same form.
type cacheFile struct {
	hashes []plumbing.Hash // every commit walked, sorted
	// The parents of commit i are parents[parentsAt[i]:parentsAt[i+1]],
	// by index into hashes.
	parentsAt []int32
	parents   []int32
	strs      []string // every string, each once
	// commits are those that changed skill files, and the boundary of a
	// shallow clone, in the order of the history: by author date, then by
	// hash. A commit's place in it is its rank.
	commits  []bookCommit
	renames  []bookRename  // by rank
	warnings []bookWarning // by rank, then file id
	groups   []group       // by file id
	body     []byte        // the groups' entries
}

// bookCommit is a commit that changed skill files.
type bookCommit struct {
	at                     int32 // index into hashes
	boundary               bool
	when                   int64  // the author date, unix seconds
	zone                   uint64 // see chunkWriter.when
	author, email, subject uint32 // into strs
}

// bookRename is a file renamed by the commit of rank rank.
type bookRename struct {
	rank     int32
	from, to uint32
}

// bookWarning is a version of file id, at rank, that could not be read.
type bookWarning struct {
	rank     int32
	id, text uint32
}

// group is one file id's entries, oldest first: entry i is what the commit
// of rank ranks[i] did to the file, at body[offs[i]:offs[i+1]] (the last
// ends at end). An entry is its changes: their count, then each change's
// kind, skill, from, to and text (indexes into strs) and date (0, or 1 and
// unix seconds).
type group struct {
	id    uint32
	ranks []int32
	offs  []int32
	end   int32
}

func (g *group) entry(i int) (int32, int32) {
	if i+1 < len(g.offs) {
		return g.offs[i], g.offs[i+1]
	}
	return g.offs[i], g.end
}

func cachePath(gitDir string) string { return filepath.Join(gitDir, "coach", cacheName) }

// errForeign means a cache was written by another build of coach.
var errForeign = errors.New("written by another build of coach")

// loadCache reads the cache; it is nil, with no error, when there is none,
// and nil with the reason when it cannot be trusted.
//
// Only a regular file within maxCacheSize is read: a link (to /dev/zero,
// say) or a named pipe put in its place is not opened, and is replaced
// when the cache is saved.
func loadCache(gitDir string, key cacheKey) (*cacheFile, error) {
	f, fi, err := openCacheFile(cachePath(gitDir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data := make([]byte, fi.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, errors.New("damaged: cut short while it was read")
	}
	return decodeCache(data, key)
}

// cacheFileMode refuses a cache coach would not have written.
func cacheFileMode(fi fs.FileInfo) error {
	m := fi.Mode()
	switch {
	case m&fs.ModeSymlink != 0:
		return errors.New("a symbolic link, not a file coach wrote")
	case m&fs.ModeNamedPipe != 0:
		return errors.New("a named pipe, not a file coach wrote")
	case m&fs.ModeDevice != 0:
		return errors.New("a device, not a file coach wrote")
	case m.IsDir():
		return errors.New("a directory, not a file coach wrote")
	case !m.IsRegular():
		return errors.New("not a regular file")
	case m.Perm()&0o022 != 0:
		return fmt.Errorf("writable by other users (mode %04o), so coach cannot tell who wrote it", m.Perm())
	case fi.Size() > maxCacheSize:
		return fmt.Errorf("over coach's limit of %d MiB", maxCacheSize>>20)
	}
	return nil
}

func decodeCache(data []byte, key cacheKey) (c *cacheFile, err error) {
	if len(data) < len(cacheMagic)+4 || string(data[:len(cacheMagic)]) != cacheMagic {
		return nil, errors.New("not a history cache")
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.Checksum(body, crcTable) != sum {
		return nil, errors.New("damaged: its checksum does not match")
	}
	d := &decoder{b: body[len(cacheMagic):]}
	defer func() {
		if e := recover(); e != nil {
			if _, ok := e.(decodeError); !ok {
				panic(e)
			}
			c, err = nil, errors.New("damaged: malformed")
		}
	}()
	if got := (cacheKey{d.str(), d.str(), d.str()}); got != key {
		return nil, fmt.Errorf("%w (%s)", errForeign, got.Version)
	}
	c = &cacheFile{}
	n := d.count(20)
	c.hashes = make([]plumbing.Hash, n)
	for i := range c.hashes {
		copy(c.hashes[i][:], d.bytes(20))
		if i > 0 && bytes.Compare(c.hashes[i-1][:], c.hashes[i][:]) >= 0 {
			d.fail()
		}
	}
	c.parentsAt = make([]int32, n+1)
	c.parents = make([]int32, 0, n+n/8)
	for i := range n {
		for range d.count(1) {
			c.parents = append(c.parents, d.index(n))
		}
		c.parentsAt[i+1] = int32(len(c.parents))
	}
	// One string holds every string of the cache; each is a slice of it.
	ns := d.count(1)
	lens := make([]int, ns)
	total := 0
	for i := range lens {
		lens[i] = d.count(1)
		total += lens[i]
	}
	joined := string(d.bytes(total))
	c.strs = make([]string, ns)
	for i, off := 0, 0; i < ns; i++ {
		c.strs[i] = joined[off : off+lens[i]]
		off += lens[i]
	}
	str := func() uint32 { return uint32(d.index(ns)) }

	nc := d.count(6)
	c.commits = make([]bookCommit, nc)
	seen := make([]bool, n)
	for i := range c.commits {
		bc := &c.commits[i]
		bc.at = d.index(n)
		if seen[bc.at] {
			d.fail()
		}
		seen[bc.at] = true
		switch d.uvarint() {
		case 0:
		case flagBoundary:
			bc.boundary = true
		default:
			d.fail()
		}
		bc.when = d.varint()
		bc.zone = d.uvarint()
		if bc.zone > zigzag(1<<20)+1 {
			d.fail()
		}
		bc.author, bc.email, bc.subject = str(), str(), str()
		if i > 0 && !c.before(c.commits[i-1], *bc) {
			d.fail()
		}
	}
	c.renames = make([]bookRename, d.count(3))
	for i := range c.renames {
		c.renames[i] = bookRename{d.index(nc), str(), str()}
		if i > 0 && c.renames[i].rank < c.renames[i-1].rank {
			d.fail()
		}
	}
	c.warnings = make([]bookWarning, d.count(3))
	for i := range c.warnings {
		c.warnings[i] = bookWarning{d.index(nc), str(), str()}
		if i > 0 && c.warnings[i].rank < c.warnings[i-1].rank {
			d.fail()
		}
	}
	ng := d.count(2)
	c.groups = make([]group, ng)
	var ranks, offs []int32
	off := 0
	for i := range c.groups {
		g := &c.groups[i]
		g.id = str()
		if i > 0 && c.strs[g.id] <= c.strs[c.groups[i-1].id] {
			d.fail()
		}
		k := d.count(2)
		start := len(ranks)
		rank := int32(-1)
		for range k {
			rank += int32(d.index(nc - int(rank)))
			if rank >= int32(nc) {
				d.fail()
			}
			size := d.count(1)
			ranks = append(ranks, rank)
			offs = append(offs, int32(off))
			off += size
			if off > maxCacheSize {
				d.fail()
			}
		}
		g.ranks = ranks[start:len(ranks):len(ranks)]
		g.offs = offs[start:len(offs):len(offs)]
		g.end = int32(off)
	}
	c.body = d.bytes(off)
	if len(d.b) != 0 {
		d.fail()
	}
	return c, nil
}

// before orders commits as the history does: by author date, then by hash.
func (c *cacheFile) before(a, b bookCommit) bool {
	if a.when != b.when {
		return a.when < b.when
	}
	return bytes.Compare(c.hashes[a.at][:], c.hashes[b.at][:]) < 0
}

// boundariesShallow reports whether the shallow commits the cache stopped
// at are shallow still.
func (c *cacheFile) boundariesShallow(shallow map[plumbing.Hash]bool) bool {
	for _, bc := range c.commits {
		if bc.boundary && !shallow[c.hashes[bc.at]] {
			return false
		}
	}
	return true
}

// covers reports whether commit h was walked.
func (c *cacheFile) covers(h plumbing.Hash) bool {
	_, ok := c.index(h)
	return ok
}

func (c *cacheFile) index(h plumbing.Hash) (int, bool) {
	if c == nil {
		return 0, false
	}
	return sort.Find(len(c.hashes), func(i int) int { return bytes.Compare(h[:], c.hashes[i][:]) })
}

// reach marks the commits reachable from from, and counts them.
func (c *cacheFile) reach(from []plumbing.Hash) (seen []bool, commits int) {
	if c == nil {
		return nil, 0
	}
	seen = make([]bool, len(c.hashes))
	var stack []int32
	for _, h := range from {
		if i, ok := c.index(h); ok && !seen[i] {
			seen[i] = true
			stack = append(stack, int32(i))
		}
	}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		commits++
		for _, p := range c.parents[c.parentsAt[i]:c.parentsAt[i+1]] {
			if !seen[p] {
				seen[p] = true
				stack = append(stack, p)
			}
		}
	}
	return seen, commits
}

// graphCommit is a walked commit and its parents.
type graphCommit struct {
	hash    plumbing.Hash
	parents []plumbing.Hash
}

// saveCache writes the cache data. It writes through a temporary file
// (mode 0600) and a rename, so a reader never sees half a file, holding
// .git/coach/lock: when another coach process holds it, that one is saving
// a cache and this one saves nothing (ErrLocked).
func saveCache(gitDir string, data []byte) error {
	if len(data) > maxCacheSize {
		return errors.New("over coach's limit")
	}
	dir := filepath.Dir(cachePath(gitDir))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	unlock, err := atomicfile.TryLock(filepath.Join(dir, "lock"))
	if err != nil {
		return err
	}
	defer unlock()
	tmp, err := os.CreateTemp(dir, "history-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), cachePath(gitDir)); err != nil {
		return err
	}
	// The cache of earlier versions of coach.
	os.Remove(filepath.Join(dir, "history.gob"))
	return nil
}

// commitHeader is a commit's record header, wherever it comes from.
type commitHeader struct {
	hash                   plumbing.Hash
	boundary               bool
	when                   int64
	zone                   uint64
	author, email, subject string
}

// pending is one file entry to write: its changes, encoded with strs.
type pending struct {
	id      string
	rank    int32
	strs    []string
	changes []byte // the count of changes, then the changes
}

// encodeCache writes the cache of what old held and what a walk read
// (graph, its records fresh, the shallow commits boundary), keeping only
// the commits that roots reach: whatever a rewritten history left behind is
// dropped with what it changed. It returns the file and whether it dropped
// anything of old.
func encodeCache(key cacheKey, old *cacheFile, graph []graphCommit, fresh []recordRef, boundary []*commit, roots []plumbing.Hash) ([]byte, bool) {
	// Every commit, old and new, sorted by hash, with its parents.
	var hashes []plumbing.Hash
	if old != nil {
		hashes = append(hashes, old.hashes...)
	}
	for _, g := range graph {
		hashes = append(hashes, g.hash)
	}
	slices.SortFunc(hashes, func(a, b plumbing.Hash) int { return bytes.Compare(a[:], b[:]) })
	hashes = slices.Compact(hashes)
	index := func(h plumbing.Hash) (int, bool) {
		return sort.Find(len(hashes), func(i int) int { return bytes.Compare(h[:], hashes[i][:]) })
	}
	parents := make([][]int, len(hashes))
	if old != nil {
		for i := range old.hashes {
			at, _ := index(old.hashes[i])
			for _, p := range old.parents[old.parentsAt[i]:old.parentsAt[i+1]] {
				pi, _ := index(old.hashes[p])
				parents[at] = append(parents[at], pi)
			}
		}
	}
	isBoundary := map[plumbing.Hash]bool{}
	for _, b := range boundary {
		isBoundary[b.Hash] = true
	}
	for _, g := range graph {
		if isBoundary[g.hash] {
			continue // its parents were not walked
		}
		at, _ := index(g.hash)
		parents[at] = parents[at][:0]
		for _, p := range g.parents {
			if pi, ok := index(p); ok { // a missing commit is not kept
				parents[at] = append(parents[at], pi)
			}
		}
	}

	// What the roots reach.
	keep := make([]bool, len(hashes))
	var stack []int
	for _, h := range roots {
		if i, ok := index(h); ok && !keep[i] {
			keep[i] = true
			stack = append(stack, i)
		}
	}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, p := range parents[i] {
			if !keep[p] {
				keep[p] = true
				stack = append(stack, p)
			}
		}
	}
	dropped := false
	if old != nil {
		for _, h := range old.hashes {
			if i, _ := index(h); !keep[i] {
				dropped = true
				break
			}
		}
	}
	renumber := make([]int, len(hashes))
	kept := hashes[:0:0]
	for i, h := range hashes {
		renumber[i] = len(kept)
		if keep[i] {
			kept = append(kept, h)
		}
	}
	keptParents := make([][]int, 0, len(kept))
	for i, ps := range parents {
		if !keep[i] {
			continue
		}
		for k, p := range ps {
			ps[k] = renumber[p] // what a kept commit reaches is kept
		}
		keptParents = append(keptParents, ps)
	}
	hashes, parents = kept, keptParents
	kept2 := func(h plumbing.Hash) bool {
		_, ok := index(h)
		return ok
	}

	// The commits that changed skill files, in the history's order, and
	// their entries.
	var heads []commitHeader
	var entries []pending
	type warning struct {
		hash     plumbing.Hash
		id, text string
	}
	var warnings []warning
	if old != nil {
		for _, bc := range old.commits {
			h := old.hashes[bc.at]
			if !kept2(h) {
				continue
			}
			heads = append(heads, commitHeader{h, bc.boundary, bc.when, bc.zone, old.strs[bc.author], old.strs[bc.email], old.strs[bc.subject]})
		}
		for _, w := range old.warnings {
			if h := old.hashes[old.commits[w.rank].at]; kept2(h) {
				warnings = append(warnings, warning{h, old.strs[w.id], old.strs[w.text]})
			}
		}
		for gi := range old.groups {
			g := &old.groups[gi]
			for i, r := range g.ranks {
				if !kept2(old.hashes[old.commits[r].at]) {
					continue
				}
				from, to := g.entry(i)
				entries = append(entries, pending{id: old.strs[g.id], rank: r, strs: old.strs, changes: old.body[from:to]})
			}
		}
	}
	// Old entries carry old ranks until the ranks are known: mark them.
	oldEntries := len(entries)
	var freshHash []plumbing.Hash // of the fresh entries, in order
	for _, ref := range fresh {
		if !kept2(ref.hash) {
			continue
		}
		h, files := ref.read()
		heads = append(heads, h)
		for _, f := range files {
			entries = append(entries, pending{id: f.id, strs: ref.ch.strs, changes: f.changes})
			freshHash = append(freshHash, h.hash)
			if f.warning != "" {
				warnings = append(warnings, warning{h.hash, f.id, f.warning})
			}
		}
	}
	for _, b := range boundary {
		if kept2(b.Hash) {
			zone := uint64(0)
			if b.When.Location() != time.UTC {
				_, off := b.When.Zone()
				zone = zigzag(int64(off)) + 1
			}
			heads = append(heads, commitHeader{hash: b.Hash, boundary: true, when: b.When.Unix(), zone: zone,
				author: b.Author, email: b.Email, subject: b.Subject})
		}
	}
	slices.SortFunc(heads, func(a, b commitHeader) int {
		if a.when != b.when {
			if a.when < b.when {
				return -1
			}
			return 1
		}
		return bytes.Compare(a.hash[:], b.hash[:])
	})
	heads = slices.CompactFunc(heads, func(a, b commitHeader) bool { return a.hash == b.hash })
	rankOf := make(map[plumbing.Hash]int32, len(heads))
	for i, h := range heads {
		rankOf[h.hash] = int32(i)
	}
	for i := range entries {
		if i < oldEntries {
			entries[i].rank = rankOf[old.hashes[old.commits[entries[i].rank].at]]
		} else {
			entries[i].rank = rankOf[freshHash[i-oldEntries]]
		}
	}
	slices.SortStableFunc(entries, func(a, b pending) int {
		if c := strings.Compare(a.id, b.id); c != 0 {
			return c
		}
		return int(a.rank) - int(b.rank)
	})
	slices.SortStableFunc(warnings, func(a, b warning) int {
		if ra, rb := rankOf[a.hash], rankOf[b.hash]; ra != rb {
			return int(ra) - int(rb)
		}
		return strings.Compare(a.id, b.id)
	})

	// The strings, then everything that names them.
	w := newChunkWriter()
	var sec []byte // the commits, renames, warnings and groups
	put := func(v uint64) { sec = binary.AppendUvarint(sec, v) }
	str := func(s string) { put(w.intern(s)) }
	hashIndex := func(h plumbing.Hash) int {
		i, _ := sort.Find(len(hashes), func(i int) int { return bytes.Compare(h[:], hashes[i][:]) })
		return i
	}
	put(uint64(len(heads)))
	for _, h := range heads {
		put(uint64(hashIndex(h.hash)))
		flags := uint64(0)
		if h.boundary {
			flags = flagBoundary
		}
		put(flags)
		sec = binary.AppendVarint(sec, h.when)
		put(h.zone)
		str(h.author)
		str(h.email)
		str(h.subject)
	}
	// The body, transcoded to the new strings; renames are found on the way.
	var body []byte
	type rename struct {
		rank     int32
		from, to string
	}
	var renames []rename
	sizes := make([]int, len(entries))
	for i, e := range entries {
		start := len(w.c.body)
		for _, rn := range transcode(w, e.strs, e.changes) {
			renames = append(renames, rename{e.rank, rn[0], rn[1]})
		}
		sizes[i] = len(w.c.body) - start
	}
	body = w.c.body
	slices.SortStableFunc(renames, func(a, b rename) int { return int(a.rank) - int(b.rank) })
	put(uint64(len(renames)))
	for _, rn := range renames {
		put(uint64(rn.rank))
		str(rn.from)
		str(rn.to)
	}
	put(uint64(len(warnings)))
	for _, wn := range warnings {
		put(uint64(rankOf[wn.hash]))
		str(wn.id)
		str(wn.text)
	}
	ngroups := 0
	for i := range entries {
		if i == 0 || entries[i].id != entries[i-1].id {
			ngroups++
		}
	}
	put(uint64(ngroups))
	for i := 0; i < len(entries); {
		j := i
		for j < len(entries) && entries[j].id == entries[i].id {
			j++
		}
		str(entries[i].id)
		put(uint64(j - i))
		prev := int32(-1)
		for k := i; k < j; k++ {
			put(uint64(entries[k].rank - prev))
			prev = entries[k].rank
			put(uint64(sizes[k]))
		}
		i = j
	}

	// One buffer of about the file's size: appending would copy it, the
	// largest allocation of the run, a few times over.
	size := len(cacheMagic) + len(key.Version) + len(key.ObjectFormat) + len(key.SkillsPath) + 3*binary.MaxVarintLen64 +
		(20+2*binary.MaxVarintLen32)*len(hashes) + len(sec) + len(body) + 4
	for _, s := range w.c.strs {
		size += len(s) + binary.MaxVarintLen32
	}
	out := make([]byte, 0, size)
	out = append(out, cacheMagic...)
	for _, s := range []string{key.Version, key.ObjectFormat, key.SkillsPath} {
		out = binary.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	out = binary.AppendUvarint(out, uint64(len(hashes)))
	for _, h := range hashes {
		out = append(out, h[:]...)
	}
	for _, ps := range parents {
		out = binary.AppendUvarint(out, uint64(len(ps)))
		for _, p := range ps {
			out = binary.AppendUvarint(out, uint64(p))
		}
	}
	out = binary.AppendUvarint(out, uint64(len(w.c.strs)))
	for _, s := range w.c.strs {
		out = binary.AppendUvarint(out, uint64(len(s)))
	}
	for _, s := range w.c.strs {
		out = append(out, s...)
	}
	out = append(out, sec...)
	out = append(out, body...)
	return binary.LittleEndian.AppendUint32(out, crc32.Checksum(out, crcTable)), dropped
}

// transcode copies an entry's changes, encoded with strs, into w with w's
// strings, and returns the renames among them.
func transcode(w *chunkWriter, strs []string, changes []byte) (renames [][2]string) {
	r := recordReader{decoder{changes}, &chunk{strs: strs}}
	nc := r.uvarint()
	w.uvarint(nc)
	for range nc {
		kind := r.str()
		w.str(kind)
		var fields [4]string
		for k := range fields {
			fields[k] = r.str()
			w.str(fields[k])
		}
		if skills.Kind(kind) == skills.KindRenamed {
			renames = append(renames, [2]string{fields[1], fields[2]})
		}
		extra := r.uvarint()
		w.uvarint(extra)
		if extra&extraOn != 0 {
			w.varint(r.varint())
		}
		if extra&extraSkills != 0 {
			n := r.uvarint()
			w.uvarint(n)
			for range n {
				w.str(r.str())
			}
		}
	}
	return renames
}

func zigzag(v int64) uint64   { return uint64(v<<1) ^ uint64(v>>63) }
func unzigzag(u uint64) int64 { return int64(u>>1) ^ -int64(u&1) }

// decoder reads a cache body; a malformed one panics with decodeError, which
// decodeCache turns into an error.
type decoder struct{ b []byte }

type decodeError struct{}

func (d *decoder) fail() { panic(decodeError{}) }

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
	}
	d.b = d.b[n:]
	return v
}

// count reads a number of items of at least min bytes each, checked against
// what is left, so a damaged count cannot allocate much.
func (d *decoder) count(minBytes int) int {
	v := d.uvarint()
	if v > uint64(len(d.b)/max(minBytes, 1)+1) {
		d.fail()
	}
	return int(v)
}

func (d *decoder) index(n int) int32 {
	v := d.uvarint()
	if v >= uint64(n) {
		d.fail()
	}
	return int32(v)
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) bytes(n int) []byte {
	if n > len(d.b) {
		d.fail()
	}
	b := d.b[:n]
	d.b = d.b[n:]
	return b
}

func (d *decoder) str() string { return string(d.bytes(d.count(1))) }
