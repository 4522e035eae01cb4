package history

import (
	"encoding/binary"
	"time"

	"github.com/coach-dev/coach/skills"
	"github.com/go-git/go-git/v5/plumbing"
)

// What a commit changed is kept encoded, from the moment a worker finds it
// to the moment Read returns: a change as a skills.Change is over 200
// bytes, and a history of 100,000 commits holds hundreds of thousands of
// them, most of which one person's history never looks at. Encoded, a
// change costs a few bytes: its strings are indexes into a table that
// holds each string once. The workers write a record per commit; the cache
// keeps the same changes, so encoded, grouped by file (see cache.go), and
// Read decodes only the changes it returns.
//
// A record is:
//
//	hash [20]byte | flags | author date (unix, zone) | author | email |
//	subject | file count | files
//
// a file is its id, a warning and its changes; a change is its kind,
// skill, from, to, text and date. Strings are uvarint indexes into the
// chunk's table, numbers are varints.

// chunk is encoded records and the strings they name.
type chunk struct {
	strs []string
	body []byte
}

// recordRef locates one commit's record.
type recordRef struct {
	ch   *chunk
	off  int
	hash plumbing.Hash
}

const flagBoundary = 1

// chunkWriter encodes records into a chunk.
type chunkWriter struct {
	index map[string]uint64
	c     *chunk
}

func newChunkWriter() *chunkWriter {
	return &chunkWriter{index: map[string]uint64{"": 0}, c: &chunk{strs: []string{""}}}
}

func (w *chunkWriter) str(s string) { w.c.body = binary.AppendUvarint(w.c.body, w.intern(s)) }

// intern returns the index of s in the chunk's strings, adding it once.
func (w *chunkWriter) intern(s string) uint64 {
	i, ok := w.index[s]
	if !ok {
		i = uint64(len(w.c.strs))
		w.index[s] = i
		w.c.strs = append(w.c.strs, s)
	}
	return i
}

func (w *chunkWriter) uvarint(v uint64) { w.c.body = binary.AppendUvarint(w.c.body, v) }
func (w *chunkWriter) varint(v int64)   { w.c.body = binary.AppendVarint(w.c.body, v) }

// when encodes a time as its unix seconds and its zone: 0 for UTC, else
// one more than the zigzagged offset.
func (w *chunkWriter) when(t time.Time) {
	w.varint(t.Unix())
	zone := uint64(0)
	if t.Location() != time.UTC {
		_, off := t.Zone()
		zone = zigzag(int64(off)) + 1
	}
	w.uvarint(zone)
}

// record encodes what commit n changed, and returns where it is.
func (w *chunkWriter) record(n *commit, boundary bool, files []fileChange) recordRef {
	ref := recordRef{ch: w.c, off: len(w.c.body), hash: n.Hash}
	w.c.body = append(w.c.body, n.Hash[:]...)
	flags := uint64(0)
	if boundary {
		flags = flagBoundary
	}
	w.uvarint(flags)
	w.when(n.When)
	w.str(n.Author)
	w.str(n.Email)
	w.str(n.Subject)
	w.uvarint(uint64(len(files)))
	for _, f := range files {
		w.str(f.ID)
		w.str(f.Warning)
		w.uvarint(uint64(len(f.Changes)))
		for _, c := range f.Changes {
			w.str(string(c.Kind))
			w.str(c.Skill)
			w.str(c.From)
			w.str(c.To)
			w.str(c.Text)
			extra := uint64(0)
			if !c.On.IsZero() {
				extra |= extraOn
			}
			if len(c.Skills) > 0 {
				extra |= extraSkills
			}
			w.uvarint(extra)
			if extra&extraOn != 0 {
				w.varint(c.On.Unix())
			}
			if extra&extraSkills != 0 {
				w.uvarint(uint64(len(c.Skills)))
				for _, id := range c.Skills {
					w.str(id)
				}
			}
		}
	}
	return ref
}

// The bits of the number that ends a change's record, saying what follows
// it: the date of an evidence entry or a goal, then a goal's skills.
const (
	extraOn     = 1
	extraSkills = 2
)

// recordReader decodes records. The records of the walk are read as they
// were written; those of a cache file are checked first (see scanRecords),
// so a malformed one panics with decodeError only while being checked.
type recordReader struct {
	decoder // the bytes left; see cache.go
	c       *chunk
}

func (r *recordReader) str() string {
	i := r.uvarint()
	if i >= uint64(len(r.c.strs)) {
		r.fail()
	}
	return r.c.strs[i]
}

// rawFile is one file of a record, its changes still encoded.
type rawFile struct {
	id, warning string
	changes     []byte // the count of changes, then the changes
}

// read reads the record ref points to: its header, and each file with its
// changes as they are encoded. The records of the walk are read as they
// were written.
func (ref recordRef) read() (commitHeader, []rawFile) {
	r := recordReader{decoder{ref.ch.body[ref.off:]}, ref.ch}
	var h commitHeader
	copy(h.hash[:], r.bytes(20))
	h.boundary = r.uvarint()&flagBoundary != 0
	h.when = r.varint()
	h.zone = r.uvarint()
	h.author, h.email, h.subject = r.str(), r.str(), r.str()
	files := make([]rawFile, r.uvarint())
	for i := range files {
		f := &files[i]
		f.id, f.warning = r.str(), r.str()
		start := r.b
		nc := r.uvarint()
		for range nc {
			for range 5 {
				r.uvarint()
			}
			r.skipExtra()
		}
		f.changes = start[:len(start)-len(r.b)]
	}
	return h, files
}

// zones keeps one *time.Location per offset.
type zones map[int64]*time.Location

func (z zones) at(unix int64, zone uint64) time.Time {
	t := time.Unix(unix, 0).UTC()
	if zone == 0 {
		return t
	}
	off := unzigzag(zone - 1)
	loc := z[off]
	if loc == nil {
		loc = time.FixedZone("", int(off))
		z[off] = loc
	}
	return t.In(loc)
}

// skipExtra reads past what ends a change's record (see extraOn).
func (r *recordReader) skipExtra() {
	extra := r.uvarint()
	if extra&extraOn != 0 {
		r.varint()
	}
	if extra&extraSkills != 0 {
		for range r.uvarint() {
			r.uvarint()
		}
	}
}

// readExtra reads what ends a change's record into c: the date of an
// evidence entry or a goal, a goal's skills.
func (r *recordReader) readExtra(c *skills.Change) {
	extra := r.uvarint()
	if extra&extraOn != 0 {
		c.On = time.Unix(r.varint(), 0).UTC()
	}
	if extra&extraSkills != 0 {
		c.Skills = make([]string, r.uvarint())
		for i := range c.Skills {
			c.Skills[i] = r.str()
		}
	}
}
