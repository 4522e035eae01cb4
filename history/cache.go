package history

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"github.com/coach-dev/coach/internal/atomicfile"
	"github.com/coach-dev/coach/internal/version"
	"github.com/go-git/go-git/v5/plumbing"
)

// The cache (.git/coach/history.cache) keeps what the walk learnt: every
// commit walked with its parents, and, for the commits that changed skill
// files, their author, date, subject and changes. Commits are addressed by
// hash, which fixes all of these, so an entry never goes stale; a run reads
// only the commits the cache does not cover, and takes from the cache the
// covered commits that its revision reaches.
//
// The file is keyed by the build of coach that wrote it (see
// [version.Build.Key]), the repository's object format and the skills path, and
// ends with a CRC-32C of the rest: a file that is damaged, cut short or
// written by another build is ignored and rebuilt, with a warning, never
// trusted. A walk that met a read error writes nothing; the boundary commits
// of a shallow clone are kept, and a cache whose boundary is no longer
// shallow (the clone was deepened) is rebuilt.

const (
	cacheMagic  = "coach history cache\n"
	cacheFormat = 6 // 5: a goal's skills, all of them; 6: plain-text notes
	cacheName   = "history.cache"
	// objectFormat is the only object format the walk reads; a sha256
	// repository is refused before any cache is opened.
	objectFormat = "sha1"
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// cacheKey is what a cache file must have been written for.
type cacheKey struct {
	Version, ObjectFormat, SkillsPath string
}

func currentKey(skillsPath string) cacheKey {
	return cacheKey{Version: fmt.Sprintf("%d %s", cacheFormat, version.Read().Key()), ObjectFormat: objectFormat, SkillsPath: skillsPath}
}

// cacheFile is a loaded cache.
type cacheFile struct {
	hashes  []plumbing.Hash // every commit walked, sorted
	parents [][]int32       // by index into hashes
	records []cachedRecord
}

// cachedRecord is a covered commit that changed skill files, or the
// boundary of a shallow clone.
type cachedRecord struct {
	at int32 // index into hashes
	recordRef
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
	name := cachePath(gitDir)
	fi, err := os.Lstat(name)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, errNotRegular
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, errNotRegular // replaced since the Lstat
	}
	data, err := io.ReadAll(io.LimitReader(f, maxCacheSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxCacheSize {
		return nil, fmt.Errorf("larger than %d MiB, more than any history coach caches", maxCacheSize>>20)
	}
	return decodeCache(data, key)
}

// maxCacheSize bounds the cache coach reads: a few bytes a commit, and a
// record a change, come to tens of MiB for 100,000 commits.
const maxCacheSize = 1 << 30

var errNotRegular = errors.New("not a regular file (a link, a named pipe or a device)")

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
	c.parents = make([][]int32, n)
	for i := range c.parents {
		k := d.count(1)
		ps := make([]int32, k)
		for j := range ps {
			ps[j] = d.index(n)
		}
		c.parents[i] = ps
	}
	// One string holds every string of the cache; each is a slice of it.
	ns := d.count(1)
	lens := make([]int, ns)
	total := 0
	for i := range lens {
		lens[i] = d.count(1)
		total += lens[i]
	}
	all := string(d.bytes(total))
	ch := &chunk{strs: make([]string, ns)}
	for i, off := 0, 0; i < ns; i++ {
		ch.strs[i] = all[off : off+lens[i]]
		off += lens[i]
	}
	// The records are kept as they are in the file, checked once here.
	nrec := d.count(24)
	ch.body = d.b // the file's own bytes, read for this cache alone
	// The records are sorted by hash, as the commits are: one merge finds
	// each record's commit.
	at := 0
	refs := scanRecords(ch, nrec)
	if len(refs) != nrec {
		d.fail()
	}
	c.records = make([]cachedRecord, 0, nrec)
	for _, ref := range refs {
		for at < len(c.hashes) && bytes.Compare(c.hashes[at][:], ref.hash[:]) < 0 {
			at++
		}
		if at == len(c.hashes) || c.hashes[at] != ref.hash {
			d.fail()
		}
		c.records = append(c.records, cachedRecord{int32(at), ref})
		at++
	}
	return c, nil
}

// boundariesShallow reports whether the shallow commits the cache stopped
// at are shallow still.
func (c *cacheFile) boundariesShallow(shallow map[plumbing.Hash]bool) bool {
	for _, r := range c.records {
		if r.boundary && !shallow[r.hash] {
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

// reach returns the records of the covered commits reachable from from, and
// how many commits that is.
func (c *cacheFile) reach(from []plumbing.Hash) (recs []recordRef, commits int) {
	if c == nil {
		return nil, 0
	}
	seen := make([]bool, len(c.hashes))
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
		for _, p := range c.parents[i] {
			if !seen[p] {
				seen[p] = true
				stack = append(stack, p)
			}
		}
	}
	recs = make([]recordRef, 0, len(c.records))
	for _, r := range c.records {
		if seen[r.at] {
			recs = append(recs, r.recordRef)
		}
	}
	return recs, commits
}

// graphCommit is a walked commit and its parents.
type graphCommit struct {
	hash    plumbing.Hash
	parents []plumbing.Hash
}

// saveCache writes the cache: what the old one held, and what this walk
// read. It writes through a temporary file and a rename, so a reader never
// sees half a file, holding .git/coach/lock: when another coach process
// holds it, that one is saving a cache and this one saves nothing
// (ErrLocked).
func saveCache(gitDir string, key cacheKey, old *cacheFile, graph []graphCommit, fresh []recordRef, boundary []*commit) error {
	dir := filepath.Dir(cachePath(gitDir))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	unlock, err := atomicfile.TryLock(filepath.Join(dir, "lock"))
	if err != nil {
		return err
	}
	defer unlock()
	data := encodeCache(key, old, graph, fresh, boundary)
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

func encodeCache(key cacheKey, old *cacheFile, graph []graphCommit, fresh []recordRef, boundary []*commit) []byte {
	// Every commit, old and new, sorted by hash.
	var hashes []plumbing.Hash
	if old != nil {
		hashes = append(hashes, old.hashes...)
	}
	for _, g := range graph {
		hashes = append(hashes, g.hash)
	}
	slices.SortFunc(hashes, func(a, b plumbing.Hash) int { return bytes.Compare(a[:], b[:]) })
	hashes = slices.Compact(hashes)
	index := func(h plumbing.Hash) int {
		i, _ := sort.Find(len(hashes), func(i int) int { return bytes.Compare(h[:], hashes[i][:]) })
		return i
	}
	parents := make([][]int, len(hashes))
	if old != nil {
		for i, ps := range old.parents {
			at := index(old.hashes[i])
			for _, p := range ps {
				parents[at] = append(parents[at], index(old.hashes[p]))
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
		at := index(g.hash)
		parents[at] = parents[at][:0]
		for _, p := range g.parents {
			parents[at] = append(parents[at], index(p))
		}
	}
	// The records, old and new, in one chunk with one table of strings,
	// sorted by hash.
	var recs []recordRef
	if old != nil {
		for _, r := range old.records {
			recs = append(recs, r.recordRef)
		}
	}
	recs = append(recs, fresh...)
	bw := newChunkWriter()
	for _, b := range boundary {
		recs = append(recs, bw.record(b, true, nil))
	}
	slices.SortFunc(recs, func(a, b recordRef) int { return bytes.Compare(a.hash[:], b.hash[:]) })
	w := newChunkWriter()
	for _, r := range recs {
		w.copyRecord(r.ch, r.off)
	}

	out := []byte(cacheMagic)
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
	out = binary.AppendUvarint(out, uint64(len(recs)))
	out = append(out, w.c.body...)
	return binary.LittleEndian.AppendUint32(out, crc32.Checksum(out, crcTable))
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
