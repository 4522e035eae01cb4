package gitobj

import (
	"bytes"
	"crypto/sha1"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/coach-dev/coach/internal/gencache"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/klauspost/compress/zlib"
)

// A cold walk reads every commit and its root tree, the skills/ tree of every
// commit that changed it, and every version of every skill file: about
// 100,000 objects for 20,000 commits. Read through
// go-git's storage, each object costs a seek and a buffered read of the pack
// file, a SHA-1 and a CRC-32 of its compressed bytes (the pack scanner
// checksums as it goes), and a SHA-1 of its content (the hash is the key of
// go-git's object cache, and a delta-resolved object does not carry it). That
// was about half of the cold run. So the walk reads packed objects itself,
// with go-git's index decoder and delta patcher: the pack is mapped into
// memory, an object is inflated straight from the mapping, and resolved delta
// bases are cached by their offset, which needs no hash. Anything not in a
// pack (loose objects, alternates) is read through go-git's storage.

// pack is one pack file and its index, shared read-only by the workers.
type pack struct {
	name  string
	idx   *packIndex
	data  []byte
	close func() error
}

// packSet is the packs of a repository and its alternates, opened when the
// first object is read: a warm run that finds every commit in its cache
// opens none.
type packSet struct {
	dirs  []string // object directories
	once  sync.Once
	packs []*pack
	err   error
	reads atomic.Int64
	// blobs are the resolved skill file versions, shared by the workers:
	// git packs a file's versions as deltas of the newer ones, and the
	// walk reads a file's next older version after as many other
	// commits as there are people, by any worker. Kept apart from the
	// trees, which are larger and read once, so that these stay.
	mu    sync.Mutex
	blobs gencache.Cache[baseKey, resolved]
}

func (s *packSet) blob(k baseKey) (resolved, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.blobs.Get(k)
}

func (s *packSet) keepBlob(k baseKey, r resolved) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.blobs.Limit == 0 {
		s.blobs = gencache.Cache[baseKey, resolved]{Limit: blobCacheSize / 2, Cost: resolvedCost}
	}
	s.blobs.Put(k, r)
}

// growBlobs raises the blob cache to hold about two versions of each of
// files skill files.
func (s *packSet) growBlobs(files int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.blobs.Limit == 0 {
		s.blobs = gencache.Cache[baseKey, resolved]{Limit: blobCacheSize / 2, Cost: resolvedCost}
	}
	s.blobs.Limit = max(s.blobs.Limit, files*blobSize)
}

// get returns the packs, or the error that makes one of them unreadable: a
// damaged index is reported by name, never read around.
func (s *packSet) get() ([]*pack, error) {
	if s == nil {
		return nil, nil
	}
	s.once.Do(func() { s.packs, s.err = openPacks(s.dirs) })
	return s.packs, s.err
}

// read counts an object read, and every dropEvery reads lets the kernel
// take back the pack pages read so far (see dropPages).
func (s *packSet) read() {
	if s == nil || s.reads.Add(1)%dropEvery != 0 {
		return
	}
	packs, _ := s.get()
	for _, p := range packs {
		dropPages(p.data)
		dropPages(p.idx.data)
	}
}

const dropEvery = 50000

func (s *packSet) close() {
	if s == nil {
		return
	}
	s.once.Do(func() {}) // none opened from here on
	closePacks(s.packs)
}

// openPacks opens the packs of the object directories dirs. Like git, it
// lists packs by their index and passes over an index whose pack is gone
// (git writes the pack first); any other pack it cannot read is an error
// that names the file. The multi-pack-index and the commit-graph are never
// read: every pack keeps its own index, and commits are read as objects.
func openPacks(dirs []string) ([]*pack, error) {
	var packs []*pack
	for _, dir := range dirs {
		idxs, _ := filepath.Glob(filepath.Join(dir, "pack", "pack-*.idx"))
		for _, name := range idxs {
			p, err := openPack(name)
			if errors.Is(err, os.ErrNotExist) {
				continue
			}
			if err != nil {
				closePacks(packs)
				return nil, err
			}
			packs = append(packs, p)
		}
	}
	return packs, nil
}

// openPack opens a pack and its index. The index's own checksum is checked
// (a SHA-1 of a few megabytes at most), and that it indexes this pack; the
// pack's entries are checked as they are inflated.
func openPack(idxPath string) (*pack, error) {
	name := idxPath[:len(idxPath)-len(".idx")] + ".pack"
	if _, err := os.Stat(name); err != nil {
		return nil, err
	}
	damaged := func(file string, format string, args ...any) error {
		err := fmt.Errorf("%w: %s: %s", ErrDamaged, file, fmt.Sprintf(format, args...))
		if file == idxPath {
			return withHint(err, fmt.Sprintf("`git index-pack %s` rebuilds the index from its pack; `git fsck` then checks the rest", name))
		}
		return err
	}
	raw, unmapIdx, err := mapFile(idxPath)
	if errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	if err != nil {
		if fi, serr := os.Stat(idxPath); serr == nil && fi.Size() == 0 {
			return nil, damaged(idxPath, "the index is cut short (0 bytes)")
		}
		return nil, fmt.Errorf("%w: read %s: %w", ErrDamaged, idxPath, err)
	}
	if len(raw) < 8+256*4+2*20 {
		unmapIdx()
		return nil, damaged(idxPath, "the index is cut short (%d bytes)", len(raw))
	}
	if sum := sha1.Sum(raw[:len(raw)-20]); !bytes.Equal(sum[:], raw[len(raw)-20:]) {
		unmapIdx()
		return nil, damaged(idxPath, "the index does not match its checksum")
	}
	idx, err := parsePackIndex(raw)
	if err != nil {
		unmapIdx()
		return nil, damaged(idxPath, "the index does not decode: %v", err)
	}
	data, unmapPack, err := mapFile(name)
	if err != nil {
		unmapIdx()
		return nil, fmt.Errorf("%w: read %s: %w", ErrDamaged, name, err)
	}
	unmap := func() error { return errors.Join(unmapPack(), unmapIdx()) }
	if len(data) < 12+20 || string(data[:4]) != "PACK" {
		unmap()
		return nil, damaged(name, "not a pack file")
	}
	if !bytes.Equal(data[len(data)-20:], idx.packSum) {
		unmap()
		return nil, damaged(name, "the pack is not the one its index describes (cut short or replaced)")
	}
	return &pack{name: name, idx: idx, data: data, close: unmap}, nil
}

func closePacks(packs []*pack) {
	for _, p := range packs {
		p.close()
	}
}

// Store reads the objects of one worker: packed ones straight from the
// mapped packs, anything else through go-git's storage, its fallback. It is
// a storer.EncodedObjectStorer, so go-git's commit and tree decoders read
// through it. It is not safe for concurrent use: one per goroutine.
type Store struct {
	storer.EncodedObjectStorer
	set   *packSet
	bases gencache.Cache[baseKey, resolved] // by pack offset
	zr    io.ReadCloser                     // reused: a zlib reader allocates 40 KiB
	src   bytes.Reader
}

func newObjectStore(s storer.EncodedObjectStorer, set *packSet) *Store {
	return &Store{EncodedObjectStorer: s, set: set,
		bases: gencache.Cache[baseKey, resolved]{Limit: baseCacheSize / 2, Cost: resolvedCost}}
}

// EncodedObject serves go-git's decoders.
func (o *Store) EncodedObject(t plumbing.ObjectType, h plumbing.Hash) (plumbing.EncodedObject, error) {
	data, typ, ok, err := o.packed(h)
	if err != nil {
		return nil, err
	}
	if !ok {
		return o.EncodedObjectStorer.EncodedObject(t, h)
	}
	if t != plumbing.AnyObject && typ != t {
		return nil, plumbing.ErrObjectNotFound
	}
	obj := &plumbing.MemoryObject{}
	obj.SetType(typ)
	obj.Write(data)
	return obj, nil
}

// Read returns the content of object h, which must be of type t. The bytes
// may be shared with the cache: callers must not change them.
func (o *Store) Read(t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	return o.ReadMax(t, h, 0)
}

// ReadMax is Read refusing, with a *TooLargeError and before inflating it,
// an object whose header says it is over max bytes (0: no limit): a file of
// 500 MB of one byte packs to 0.5 MB.
func (o *Store) ReadMax(t plumbing.ObjectType, h plumbing.Hash, max int64) ([]byte, error) {
	data, typ, ok, err := o.packedMax(h, max)
	if err != nil {
		return nil, err
	}
	if !ok {
		return readObjectMax(o.EncodedObjectStorer, t, h, max)
	}
	if typ != t {
		return nil, plumbing.ErrObjectNotFound
	}
	return data, nil
}

// packed reads object h from the first pack holding it; ok is false when
// none does.
func (o *Store) packed(h plumbing.Hash) (data []byte, t plumbing.ObjectType, ok bool, err error) {
	return o.packedMax(h, 0)
}

// packedMax is packed with the limit of readMax.
func (o *Store) packedMax(h plumbing.Hash, max int64) (data []byte, t plumbing.ObjectType, ok bool, err error) {
	packs, err := o.set.get()
	if err != nil {
		return nil, 0, false, err
	}
	o.set.read()
	for _, p := range packs {
		off, err := p.idx.find(h)
		if err != nil {
			continue
		}
		data, t, err := o.atMax(p, off, max)
		if tl := (*TooLargeError)(nil); errors.As(err, &tl) {
			return nil, 0, false, err
		}
		if errors.Is(err, errLarge) {
			return nil, 0, false, nil
		}
		if err != nil {
			return nil, 0, false, fmt.Errorf("%w: read object %s from %s: %w", ErrDamaged, h, filepath.Base(p.name), err)
		}
		return data, t, true, nil
	}
	return nil, 0, false, nil
}

// Limits that keep a damaged pack from costing more than an error: git
// itself never writes a delta chain deeper than 4095, and a skill file, a
// commit or a tree of a coaching repository is far below maxObject; a larger
// object is left to go-git's storage, which streams it.
const (
	maxDepth  = 10000
	maxObject = 64 << 20
)

var errLarge = errors.New("object too large to read in memory")

// TooLargeError is an object that coach refused to read: its header says
// it is Size bytes, over the limit of what was read.
type TooLargeError struct{ Size int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the object is %d bytes, too large to read", e.Size)
}

// at reads the object at offset off of pack p, resolving deltas.
func (o *Store) at(p *pack, off int64, depth int) ([]byte, plumbing.ObjectType, error) {
	return o.resolve(p, off, depth, 0)
}

// atMax is at for an object that must be at most max bytes (0: any size up
// to maxObject): the size its entry's header gives, or for a delta the
// size the delta's own header gives, is checked before anything else is
// inflated or any base resolved.
func (o *Store) atMax(p *pack, off int64, max int64) ([]byte, plumbing.ObjectType, error) {
	return o.resolve(p, off, 0, max)
}

func (o *Store) resolve(p *pack, off int64, depth int, max int64) ([]byte, plumbing.ObjectType, error) {
	b, ok := o.bases.Get(baseKey{p, off})
	if !ok {
		b, ok = o.set.blob(baseKey{p, off})
	}
	if ok {
		if max > 0 && int64(len(b.data)) > max { // read before as a delta base
			return nil, 0, &TooLargeError{int64(len(b.data))}
		}
		return b.data, b.typ, nil
	}
	if depth > maxDepth {
		return nil, 0, fmt.Errorf("delta chain deeper than %d at offset %d", maxDepth, off)
	}
	t, size, baseOff, baseHash, body, err := header(p.data, off)
	if err != nil {
		return nil, 0, err
	}
	delta := t == plumbing.OFSDeltaObject || t == plumbing.REFDeltaObject
	if max > 0 && !delta && size > max {
		return nil, 0, &TooLargeError{size}
	}
	if max > 0 && delta && size > deltaBound(max) {
		// A delta this long cannot make an object within max: read the
		// object's size from the start of the delta alone.
		target, err := o.deltaTarget(body)
		if err != nil {
			return nil, 0, fmt.Errorf("inflate the delta at offset %d: %w", off, err)
		}
		if target <= max {
			return nil, 0, fmt.Errorf("apply the delta at offset %d: %d bytes of delta for an object of %d", off, size, target)
		}
		return nil, 0, &TooLargeError{target}
	}
	if size > maxObject {
		return nil, 0, errLarge
	}
	content, err := o.inflate(body, size)
	if err != nil {
		return nil, 0, fmt.Errorf("inflate the object at offset %d: %w", off, err)
	}
	if max > 0 && delta {
		if target, ok := deltaSizes(content); ok && target > max {
			return nil, 0, &TooLargeError{target}
		}
	}
	var base []byte
	switch t {
	case plumbing.OFSDeltaObject:
		base, t, err = o.resolve(p, baseOff, depth+1, 0)
	case plumbing.REFDeltaObject:
		base, t, err = o.refBase(p, baseHash, depth+1)
	}
	if err != nil {
		return nil, 0, err
	}
	if base != nil {
		if content, err = patchDelta(base, content); err != nil {
			return nil, 0, fmt.Errorf("apply the delta at offset %d: %w", off, err)
		}
	}
	switch {
	case t == plumbing.BlobObject:
		o.set.keepBlob(baseKey{p, off}, resolved{t, content})
	case depth > 0 || t != plumbing.CommitObject:
		// A commit read for itself is read once: only a delta base is kept.
		o.bases.Put(baseKey{p, off}, resolved{t, content})
	}
	return content, t, nil
}

// refBase reads the base of a delta named by hash, from this pack or
// another.
func (o *Store) refBase(p *pack, h plumbing.Hash, depth int) ([]byte, plumbing.ObjectType, error) {
	if off, err := p.idx.find(h); err == nil {
		return o.at(p, off, depth)
	}
	data, t, ok, err := o.packed(h)
	if !ok && err == nil {
		err = fmt.Errorf("delta base %s: %w", h, plumbing.ErrObjectNotFound)
	}
	return data, t, err
}

// deltaBound is the longest delta that can make an object of max bytes:
// the two sizes, and a copy command of up to 8 bytes for each byte made.
func deltaBound(max int64) int64 { return 8*max + 20 }

// deltaTarget inflates the first bytes of a delta, its two sizes, and
// returns the size of the object it makes.
func (o *Store) deltaTarget(body []byte) (int64, error) {
	if err := o.inflateFrom(body); err != nil {
		return 0, err
	}
	var start [20]byte
	n, err := io.ReadFull(o.zr, start[:])
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return 0, err
	}
	if target, ok := deltaSizes(start[:n]); ok {
		return target, nil
	}
	return 0, packfile.ErrInvalidDelta
}

// deltaSizes reads the size of the object a delta makes, the second of the
// two numbers it starts with.
func deltaSizes(delta []byte) (target int64, ok bool) {
	for range 2 {
		v, shift := int64(0), 0
		for {
			if len(delta) == 0 || shift > 56 {
				return 0, false
			}
			b := delta[0]
			delta = delta[1:]
			v |= int64(b&0x7f) << shift
			shift += 7
			if b&0x80 == 0 {
				break
			}
		}
		target = v
	}
	return target, true
}

// inflateFrom points the store's zlib reader, made once and reset after
// that, at the compressed body.
func (o *Store) inflateFrom(body []byte) error {
	o.src.Reset(body)
	if o.zr == nil {
		var err error
		o.zr, err = zlib.NewReader(&o.src)
		return err
	}
	return o.zr.(zlib.Resetter).Reset(&o.src, nil)
}

func (o *Store) inflate(body []byte, size int64) ([]byte, error) {
	if err := o.inflateFrom(body); err != nil {
		return nil, err
	}
	out := make([]byte, size)
	if _, err := io.ReadFull(o.zr, out); err != nil {
		return nil, err
	}
	// Reading on to the end of the stream checks that the header's size was
	// the whole object, and makes zlib verify its checksum.
	var more [1]byte
	if n, err := o.zr.Read(more[:]); n != 0 || err != io.EOF {
		if err == nil || err == io.EOF {
			err = errors.New("the object is longer than its header says")
		}
		return nil, err
	}
	return out, nil
}

// header decodes the entry header at off: the type and inflated size, the
// base of a delta, and the compressed bytes that follow.
func header(data []byte, off int64) (t plumbing.ObjectType, size, baseOff int64, baseHash plumbing.Hash, body []byte, err error) {
	bad := func(what string) error { return fmt.Errorf("malformed pack entry at offset %d: %s", off, what) }
	if off < 12 || off >= int64(len(data)) {
		return 0, 0, 0, baseHash, nil, bad("offset outside the pack")
	}
	b := data[off:]
	c := b[0]
	t = plumbing.ObjectType((c >> 4) & 7)
	size = int64(c & 0x0f)
	i, shift := 1, 4
	for c&0x80 != 0 {
		if i >= len(b) || shift > 56 {
			return 0, 0, 0, baseHash, nil, bad("size")
		}
		c = b[i]
		size |= int64(c&0x7f) << shift
		shift += 7
		i++
	}
	switch t {
	case plumbing.CommitObject, plumbing.TreeObject, plumbing.BlobObject, plumbing.TagObject:
	case plumbing.OFSDeltaObject:
		// The base's distance back, in git's offset encoding: each
		// continuation adds one before shifting.
		if i >= len(b) {
			return 0, 0, 0, baseHash, nil, bad("delta offset")
		}
		c = b[i]
		i++
		dist := int64(c & 0x7f)
		for c&0x80 != 0 {
			if i >= len(b) || dist >= 1<<49 {
				return 0, 0, 0, baseHash, nil, bad("delta offset")
			}
			c = b[i]
			i++
			dist = (dist+1)<<7 | int64(c&0x7f)
		}
		if dist <= 0 || dist > off {
			return 0, 0, 0, baseHash, nil, bad("delta offset")
		}
		baseOff = off - dist
	case plumbing.REFDeltaObject:
		if i+20 > len(b) {
			return 0, 0, 0, baseHash, nil, bad("delta base")
		}
		copy(baseHash[:], b[i:i+20])
		i += 20
	default:
		return 0, 0, 0, baseHash, nil, bad(fmt.Sprintf("type %d", t))
	}
	return t, size, baseOff, baseHash, b[i:], nil
}

// baseCacheSize bounds the resolved objects a worker keeps, in bytes. Git
// packs a file's versions as deltas of one another, so an object read
// recently is often the base of the next one read.
const baseCacheSize = 4 << 20

// blobCacheSize bounds the resolved blobs the workers share, in bytes, for a
// small team; a large one raises it to blobSize bytes per skill file (see
// growBlobs), each generation of the cache then holding about two versions
// of a file of 1 KiB.
const (
	blobCacheSize = 4 << 20
	blobSize      = 2 << 10
)

type baseKey struct {
	p   *pack
	off int64
}

type resolved struct {
	typ  plumbing.ObjectType
	data []byte
}

// patchDelta applies a git delta to base. It is go-git's
// packfile.PatchDelta, writing into one slice of the target's size, which
// the delta's header gives: a skills/ tree of a large team is tens of
// kilobytes, patched once per commit that changed it, and growing a buffer
// to that size was most of the walk's allocation.
func patchDelta(base, delta []byte) ([]byte, error) {
	if len(base) == 0 || len(delta) < minDelta {
		return nil, packfile.ErrInvalidDelta // as go-git: git writes no such delta
	}
	varint := func() (int, bool) {
		v, shift := 0, 0
		for len(delta) > 0 && shift < 63 {
			b := delta[0]
			delta = delta[1:]
			v |= int(b&0x7f) << shift
			if b&0x80 == 0 {
				return v, true
			}
			shift += 7
		}
		return 0, false
	}
	srcSize, ok1 := varint()
	dstSize, ok2 := varint()
	if !ok1 || !ok2 || srcSize != len(base) || dstSize > maxObject {
		return nil, packfile.ErrInvalidDelta
	}
	out := make([]byte, 0, dstSize)
	for len(delta) > 0 {
		cmd := delta[0]
		delta = delta[1:]
		switch {
		case cmd&0x80 != 0:
			var off, size int
			for i := range 4 {
				if cmd&(1<<i) != 0 {
					if len(delta) == 0 {
						return nil, packfile.ErrInvalidDelta
					}
					off |= int(delta[0]) << (8 * i)
					delta = delta[1:]
				}
			}
			for i := range 3 {
				if cmd&(0x10<<i) != 0 {
					if len(delta) == 0 {
						return nil, packfile.ErrInvalidDelta
					}
					size |= int(delta[0]) << (8 * i)
					delta = delta[1:]
				}
			}
			if size == 0 {
				size = 0x10000
			}
			if off+size > len(base) || len(out)+size > dstSize {
				return nil, packfile.ErrInvalidDelta
			}
			out = append(out, base[off:off+size]...)
		case cmd != 0:
			n := int(cmd)
			if n > len(delta) || len(out)+n > dstSize {
				return nil, packfile.ErrInvalidDelta
			}
			out = append(out, delta[:n]...)
			delta = delta[n:]
		default:
			return nil, packfile.ErrInvalidDelta
		}
	}
	if len(out) != dstSize {
		return nil, packfile.ErrInvalidDelta
	}
	return out, nil
}

// minDelta is go-git's smallest delta: two sizes of a byte each.
const minDelta = 2

// resolvedCost is what a cached object costs: its bytes, and about as much
// again as a small one's bytes for its slice, its map entry and its key. A
// root tree is a few dozen bytes; counted by its bytes alone, a cache of
// 4 MiB held 17 MiB of them.
func resolvedCost(r resolved) int { return len(r.data) + 128 }
